import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Cox Communications. */
export const coxRules: RuleSet = {
  provider: {
    id: "cox",
    name: "Cox Communications",
    fingerprints: ["cox.com", "cox.net"],
    domains: ["cox.net"],
    documentation: "https://www.cox.com/residential/support/email-error-codes.html",
  },
  rules: [
    {
      id: "cox.aup-block",
      provider: "cox",
      match: { any: ["aup#"] },
      reason: "blocked",
      priority: PRIORITY.blocklist,
      meaning: "Cox refused the sender under its acceptable use policy (an AUP# code names the list).",
      examples: [
        "554 192.0.2.9 rejected. Refer to Error Codes at https://www.cox.com/residential/support/email-error-codes.html AUP#CXBL",
      ],
    },
  ],
};
