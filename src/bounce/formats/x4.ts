import type { BounceFormat } from "../types.js";

/** Unknown MTA X4. Not written yet: detects nothing. */
export const x4: BounceFormat = {
  id: "x4",
  name: "Unknown MTA X4",
  detect: () => false,
  parse: () => null,
};
