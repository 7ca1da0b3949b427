import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** OpenSMTPD. */
export const opensmtpdRules: RuleSet = {
  provider: {
    id: "opensmtpd",
    name: "OpenSMTPD",
    fingerprints: ["opensmtpd"],
    documentation: "https://www.opensmtpd.org/",
  },
  rules: [
    {
      id: "opensmtpd.invalid-recipient",
      provider: "opensmtpd",
      match: { any: ["invalid recipient"], code: ["550"], enhanced: ["5.1.1"] },
      reason: "userunknown",
      priority: PRIORITY.recipient + 1,
      examples: ["550 5.1.1 Invalid recipient: <no-one@example.org>"],
    },
  ],
};
