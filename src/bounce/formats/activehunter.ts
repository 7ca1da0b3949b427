import type { BounceFormat } from "../types.js";

/** ActiveHunter. Not written yet: detects nothing. */
export const activehunter: BounceFormat = {
  id: "activehunter",
  name: "ActiveHunter",
  detect: () => false,
  parse: () => null,
};
