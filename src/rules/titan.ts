import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Titan Mail (titan.email), hosting many small domains. It words receiving quotas as
 * "Recipient Quota Exceeded" with 5.4.6/5.4.7: a rate limit on the recipient's domain, not a
 * full mailbox (subject 4 is routing, not mailbox).
 */
export const titanRules: RuleSet = {
  provider: {
    id: "titan",
    name: "Titan Mail",
    fingerprints: ["titan.email", "flockmail"],
    domains: ["titan.email", "flockmail.com"],
    documentation: "https://support.titan.email/",
  },
  rules: [
    {
      id: "titan.recipient-quota",
      provider: "titan",
      match: { any: ["quota exceeded"], enhanced: ["x.4.*"] },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.reputation + 2,
      meaning:
        "The recipient's domain has used up its hourly or daily receiving quota at the provider; this is a rate limit, not a full mailbox.",
      senderAction: "Retry later (the quota resets hourly or daily); the address is fine.",
      examples: ["550 5.4.6 <ed@example.org>: Recipient address rejected: Recipient Quota Exceeded;"],
    },
  ],
};
