import type { BounceFormat } from "../types.js";

/** Unknown MTA X3. Not written yet: detects nothing. */
export const x3: BounceFormat = {
  id: "x3",
  name: "Unknown MTA X3",
  detect: () => false,
  parse: () => null,
};
