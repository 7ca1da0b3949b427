import type { BounceFormat } from "../types.js";

/** Unknown MTA X2. Not written yet: detects nothing. */
export const x2: BounceFormat = {
  id: "x2",
  name: "Unknown MTA X2",
  detect: () => false,
  parse: () => null,
};
