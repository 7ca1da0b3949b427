import type { BounceFormat } from "../types.js";

/** Google Groups. Not written yet: detects nothing. */
export const googlegroups: BounceFormat = {
  id: "googlegroups",
  name: "Google Groups",
  detect: () => false,
  parse: () => null,
};
