import type { BounceFormat } from "../types.js";

/** Sendmail V5. Not written yet: detects nothing. */
export const v5sendmail: BounceFormat = {
  id: "v5sendmail",
  name: "Sendmail V5",
  detect: () => false,
  parse: () => null,
};
