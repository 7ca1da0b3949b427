import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Oracle Communications Messaging Server. */
export const oracleMessagingRules: RuleSet = {
  provider: {
    id: "oracle-messaging-server",
    name: "Oracle Communications Messaging Server",
    fingerprints: ["oracle communications messaging", "sun java system messaging", "iplanet messaging"],
    domains: [],
    documentation: "https://docs.oracle.com/cd/E19566-01/",
  },
  rules: [
    {
      id: "oracle-messaging-server.over-quota",
      provider: "oracle-messaging-server",
      match: { any: ["delivery failed: over quota"] },
      reason: "mailboxfull",
      priority: PRIORITY.recipientStrong,
      examples: ["522 5.2.0 Delivery failed: Over quota"],
    },
  ],
};
