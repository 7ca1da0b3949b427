import type { BounceFormat } from "../types.js";

/** Apache James. Not written yet: detects nothing. */
export const apachejames: BounceFormat = {
  id: "apachejames",
  name: "Apache James",
  detect: () => false,
  parse: () => null,
};
