import type { BounceFormat } from "../types.js";

/** MX Logic. Not written yet: detects nothing. */
export const mxlogic: BounceFormat = {
  id: "mxlogic",
  name: "MX Logic",
  detect: () => false,
  parse: () => null,
};
