import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * GoDaddy (secureserver.net) inbound mail. Its replies end with an IBnnn code documented at
 * https://www.godaddy.com/help/what-do-bounce-back-error-codes-mean-40685. Several
 * temporary conditions come with 550/554 ("blocked for the day", "this hour").
 */
export const godaddyRules: RuleSet = {
  provider: {
    id: "godaddy",
    name: "GoDaddy (secureserver.net)",
    fingerprints: [
      "secureserver.net",
      "x.co/rlbounce",
      "x.co/srbounce",
      "bizsmtp",
      "|ib007|",
      "|ib10",
      "|ib11",
      "|ib21",
      "|ib30",
      "|ib50",
      "|ib60",
    ],
    domains: ["secureserver.net"],
    documentation: "https://www.godaddy.com/help/what-do-bounce-back-error-codes-mean-40685",
  },
  rules: [
    {
      id: "godaddy.blocklisted-ip",
      provider: "godaddy",
      match: { any: ["|ib101|", "|ib102|", "|ib103|", "|ib104|", "|ib105|", "|ib106|", "|ib107|"] },
      reason: "blocked",
      priority: PRIORITY.blocklist,
      meaning:
        "GoDaddy refused the connection because the sending IP is on a blocklist it uses (Spamhaus SBL/XBL/PBL, Cloudmark CSI).",
      source: "https://www.godaddy.com/help/what-do-bounce-back-error-codes-mean-40685",
      examples: ["554 Connection refused. IB104"],
    },
    {
      id: "godaddy.reverse-dns",
      provider: "godaddy",
      match: { any: ["|ib108|"] },
      reason: "requireptr",
      priority: PRIORITY.technical,
      source: "https://www.godaddy.com/help/what-do-bounce-back-error-codes-mean-40685",
      examples: ["421 Temporarily rejected. IB108"],
    },
    {
      id: "godaddy.temporary-blocks",
      provider: "godaddy",
      match: { any: ["|ib110|", "|ib111|", "|ib112|", "|ib113|"] },
      reason: "blocked",
      permanent: false,
      priority: PRIORITY.blocklist + 2,
      meaning:
        "GoDaddy blocked the sending IP for a period (an hour or a day) after it sent spam or mailed many invalid recipients.",
      source: "https://www.godaddy.com/help/what-do-bounce-back-error-codes-mean-40685",
      examples: ["554 This IP has been blocked. IB111"],
    },
    {
      id: "godaddy.volume",
      provider: "godaddy",
      match: { any: ["|ib007|", "|ib504|", "|ib510|", "|ib607|"] },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.reputation + 1,
      meaning: "GoDaddy limits connections, messages per session and messages or recipients per hour per IP.",
      source: "https://www.godaddy.com/help/what-do-bounce-back-error-codes-mean-40685",
      examples: ["550 5.1.1 <al@example.com> - 192.0.2.9 has sent to too many recipients this hour. IB607"],
    },
    {
      id: "godaddy.sender-from",
      provider: "godaddy",
      match: { any: ["|ib401|", "|ib501|", "|ib502|", "|ib506|"] },
      reason: "rejected",
      priority: PRIORITY.sender,
      source: "https://www.godaddy.com/help/what-do-bounce-back-error-codes-mean-40685",
      examples: ["550 example.com From: address not accepted. IB506"],
    },
  ],
};
