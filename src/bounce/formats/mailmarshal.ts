import type { BounceFormat } from "../types.js";

/** MailMarshal SMTP. Not written yet: detects nothing. */
export const mailmarshal: BounceFormat = {
  id: "mailmarshal",
  name: "MailMarshal SMTP",
  detect: () => false,
  parse: () => null,
};
