import type { BounceFormat } from "../types.js";

/** GMX. Not written yet: detects nothing. */
export const gmx: BounceFormat = {
  id: "gmx",
  name: "GMX",
  detect: () => false,
  parse: () => null,
};
