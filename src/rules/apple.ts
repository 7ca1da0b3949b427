import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * iCloud Mail (icloud.com, me.com, mac.com). Apple's postmaster page
 * https://support.apple.com/en-us/102322 lists its bracketed codes: CSnn for content and
 * policy, HMnn for sender authentication and reputation.
 */
export const appleRules: RuleSet = {
  provider: {
    id: "apple",
    name: "iCloud Mail",
    fingerprints: ["support.apple.com", "me.com esmtp", "icloud.com", "[hme", "[cs0", "mail.icloud"],
    domains: ["icloud.com", "me.com", "mac.com", "mail.icloud.com"],
    documentation: "https://support.apple.com/en-us/102322",
  },
  rules: [
    {
      id: "apple.content-policy",
      provider: "apple",
      match: { any: ["[cs01]", "[cs02]", "[cs03]"] },
      reason: "policyviolation",
      // Apple's own tag outweighs the generic reading of the words around it ("Recipient
      // address rejected: Access denied [CS01]" is a policy refusal, not an unknown user).
      priority: PRIORITY.blocklist + 5,
      meaning: "iCloud refused the message under its content policy (CS codes).",
      source: "https://support.apple.com/en-us/102322",
      examples: [
        "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/102322",
        "550 5.7.1 <ann@icloud.com>: Recipient address rejected: Access denied [CS01]",
      ],
    },
    {
      id: "apple.hm-authentication",
      provider: "apple",
      match: { any: ["[hme1]", "[hm07]", "[hm08]"] },
      reason: "authfailure",
      priority: PRIORITY.authentication,
      meaning: "iCloud refused the message because SPF and DKIM did not pass for the sender (HM codes).",
      source: "https://support.apple.com/en-us/102322",
      examples: [
        "554 5.7.1 [HME1] This message was blocked for failing sender checks. See https://support.apple.com/en-us/102322",
      ],
    },
  ],
};
