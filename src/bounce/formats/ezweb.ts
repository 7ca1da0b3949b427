import type { BounceFormat } from "../types.js";

/** au EZweb. Not written yet: detects nothing. */
export const ezweb: BounceFormat = {
  id: "ezweb",
  name: "au EZweb",
  detect: () => false,
  parse: () => null,
};
