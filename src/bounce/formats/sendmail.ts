import type { BounceFormat } from "../types.js";

/** Sendmail. Not written yet: detects nothing. */
export const sendmail: BounceFormat = {
  id: "sendmail",
  name: "Sendmail",
  detect: () => false,
  parse: () => null,
};
