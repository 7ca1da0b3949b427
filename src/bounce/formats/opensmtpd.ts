import type { BounceFormat } from "../types.js";

/** OpenSMTPD. Not written yet: detects nothing. */
export const opensmtpd: BounceFormat = {
  id: "opensmtpd",
  name: "OpenSMTPD",
  detect: () => false,
  parse: () => null,
};
