import type { BounceFormat } from "../types.js";

/** Gmail. Not written yet: detects nothing. */
export const gmail: BounceFormat = {
  id: "gmail",
  name: "Gmail",
  detect: () => false,
  parse: () => null,
};
