import type { BounceFormat } from "../types.js";

/** Zoho Mail. Not written yet: detects nothing. */
export const zoho: BounceFormat = {
  id: "zoho",
  name: "Zoho Mail",
  detect: () => false,
  parse: () => null,
};
