import type { BounceFormat } from "../types.js";

/** McAfee Email Gateway. Not written yet: detects nothing. */
export const mcafee: BounceFormat = {
  id: "mcafee",
  name: "McAfee Email Gateway",
  detect: () => false,
  parse: () => null,
};
