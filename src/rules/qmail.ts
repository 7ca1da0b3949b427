import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** qmail and netqmail: "sorry, ..." texts with the enhanced code in "(#5.1.1)". */
export const qmailRules: RuleSet = {
  provider: {
    id: "qmail",
    name: "qmail",
    fingerprints: [
      "qmail",
      "chkusr",
      "rcpthosts",
      "badrcptto",
      "badmailfrom",
      "sorry, i couldn't find",
      "sorry, no mailbox here",
    ],
    documentation: "https://cr.yp.to/qmail.html",
  },
  rules: [
    {
      id: "qmail.badmailfrom",
      provider: "qmail",
      match: { any: ["badmailfrom"] },
      reason: "rejected",
      priority: PRIORITY.sender,
      meaning: "qmail refused the envelope sender: it is on the server's badmailfrom list.",
      examples: ["553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)"],
    },
    {
      id: "qmail.badrcptto",
      provider: "qmail",
      match: { any: ["badrcptto"] },
      reason: "userunknown",
      priority: PRIORITY.recipientStrong,
      meaning:
        "qmail refused the recipient: it is on the server's badrcptto list (addresses that do not take mail).",
      examples: ["553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)"],
    },
  ],
};
