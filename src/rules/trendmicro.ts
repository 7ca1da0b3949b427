import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Trend Micro Email Security / InterScan. */
export const trendmicroRules: RuleSet = {
  provider: {
    id: "trendmicro",
    name: "Trend Micro Email Security / InterScan",
    fingerprints: ["trendmicro", "tmes", "interscan"],
    domains: ["trendmicro.com", "tmes.trendmicro.com", "tmes.trendmicro.eu"],
    documentation: "https://success.trendmicro.com/",
  },
  rules: [
    {
      id: "trendmicro.blocked-sender",
      provider: "trendmicro",
      match: { any: ["block-send-er", "block-sender"] },
      reason: "filtered",
      priority: PRIORITY.blocklist + 3,
      meaning: "The recipient organisation has this sender on its blocked-senders list.",
      examples: ["554 5.7.1 <ida@example.com>: Recipient address rejected: BLOCK-SEND-ER."],
    },
    {
      id: "trendmicro.blocked-recipient",
      provider: "trendmicro",
      match: { any: ["block-rcpt"] },
      reason: "policyviolation",
      priority: PRIORITY.blocklist + 3,
      meaning: "A policy of the recipient organisation blocks mail to this recipient.",
      examples: ["554 5.7.1 <ida@example.com>: Recipient address rejected: BLOCK-RCPT."],
    },
  ],
};
