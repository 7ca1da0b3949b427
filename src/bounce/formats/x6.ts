import type { BounceFormat } from "../types.js";

/** Unknown MTA X6. Not written yet: detects nothing. */
export const x6: BounceFormat = {
  id: "x6",
  name: "Unknown MTA X6",
  detect: () => false,
  parse: () => null,
};
