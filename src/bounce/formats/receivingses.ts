import type { BounceFormat } from "../types.js";

/** Amazon SES (receiving). Not written yet: detects nothing. */
export const receivingses: BounceFormat = {
  id: "receivingses",
  name: "Amazon SES (receiving)",
  detect: () => false,
  parse: () => null,
};
