import type { BounceFormat } from "../types.js";

/** Unknown MTA X1. Not written yet: detects nothing. */
export const x1: BounceFormat = {
  id: "x1",
  name: "Unknown MTA X1",
  detect: () => false,
  parse: () => null,
};
