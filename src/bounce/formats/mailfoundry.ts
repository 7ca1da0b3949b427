import type { BounceFormat } from "../types.js";

/** MailFoundry. Not written yet: detects nothing. */
export const mailfoundry: BounceFormat = {
  id: "mailfoundry",
  name: "MailFoundry",
  detect: () => false,
  parse: () => null,
};
