import type { BounceFormat } from "../types.js";

/** SendGrid. Not written yet: detects nothing. */
export const sendgrid: BounceFormat = {
  id: "sendgrid",
  name: "SendGrid",
  detect: () => false,
  parse: () => null,
};
