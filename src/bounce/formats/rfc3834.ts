import type { BounceFormat } from "../types.js";

/** Automatic reply (RFC 3834). Not written yet: detects nothing. */
export const rfc3834: BounceFormat = {
  id: "rfc3834",
  name: "Automatic reply (RFC 3834)",
  detect: () => false,
  parse: () => null,
};
