import type { BounceFormat } from "../types.js";

/** Amazon SES notifications. Not written yet: detects nothing. */
export const amazonses: BounceFormat = {
  id: "amazonses",
  name: "Amazon SES notifications",
  detect: () => false,
  parse: () => null,
};
