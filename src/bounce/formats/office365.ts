import type { BounceFormat } from "../types.js";

/** Office 365. Not written yet: detects nothing. */
export const office365: BounceFormat = {
  id: "office365",
  name: "Office 365",
  detect: () => false,
  parse: () => null,
};
