import type { BounceFormat } from "../types.js";

/** BIGLOBE. Not written yet: detects nothing. */
export const biglobe: BounceFormat = {
  id: "biglobe",
  name: "BIGLOBE",
  detect: () => false,
  parse: () => null,
};
