import type { BounceFormat } from "../types.js";

/** qmail. Not written yet: detects nothing. */
export const qmail: BounceFormat = {
  id: "qmail",
  name: "qmail",
  detect: () => false,
  parse: () => null,
};
