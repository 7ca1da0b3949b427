import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Symantec / Broadcom Email Security.cloud. */
export const symantecRules: RuleSet = {
  provider: {
    id: "symantec",
    name: "Symantec / Broadcom Email Security.cloud",
    fingerprints: ["symanteccloud", "symantec"],
    domains: ["messagelabs.com"],
    documentation: "https://support.broadcom.com/",
  },
  rules: [
    {
      id: "symantec.filtered",
      provider: "symantec",
      match: { any: ["message filtered. refer to the troubleshooting page"] },
      reason: "filtered",
      priority: PRIORITY.blocklist + 4,
      meaning: "Email Security.cloud filtered the message under the recipient organisation's rules.",
      examples: [
        "553 Message filtered. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting for more information. (#5.7.1)",
      ],
    },
  ],
};
