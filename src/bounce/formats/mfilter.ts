import type { BounceFormat } from "../types.js";

/** m-FILTER. Not written yet: detects nothing. */
export const mfilter: BounceFormat = {
  id: "mfilter",
  name: "m-FILTER",
  detect: () => false,
  parse: () => null,
};
