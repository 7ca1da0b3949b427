import type { BounceFormat } from "../types.js";

/** ARF feedback report (RFC 5965). Not written yet: detects nothing. */
export const arf: BounceFormat = {
  id: "arf",
  name: "ARF feedback report (RFC 5965)",
  detect: () => false,
  parse: () => null,
};
