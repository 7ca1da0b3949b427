import type { BounceFormat } from "../types.js";

/** Mail.ru. Not written yet: detects nothing. */
export const mailru: BounceFormat = {
  id: "mailru",
  name: "Mail.ru",
  detect: () => false,
  parse: () => null,
};
