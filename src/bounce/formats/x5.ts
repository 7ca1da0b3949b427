import type { BounceFormat } from "../types.js";

/** Unknown MTA X5. Not written yet: detects nothing. */
export const x5: BounceFormat = {
  id: "x5",
  name: "Unknown MTA X5",
  detect: () => false,
  parse: () => null,
};
