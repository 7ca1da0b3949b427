import type { BounceFormat } from "../types.js";

/** Bigfoot. Not written yet: detects nothing. */
export const bigfoot: BounceFormat = {
  id: "bigfoot",
  name: "Bigfoot",
  detect: () => false,
  parse: () => null,
};
