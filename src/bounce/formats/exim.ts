import type { BounceFormat } from "../types.js";

/** Exim. Not written yet: detects nothing. */
export const exim: BounceFormat = {
  id: "exim",
  name: "Exim",
  detect: () => false,
  parse: () => null,
};
