import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Postfix (smtpd replies and the bounce texts of its smtp client). Its access checks say
 * which envelope part was refused: "Client host rejected", "Helo command rejected",
 * "Sender address rejected", "Recipient address rejected" (http://www.postfix.org/access.5.html).
 */
export const postfixRules: RuleSet = {
  provider: {
    id: "postfix",
    name: "Postfix",
    fingerprints: [
      "in local recipient table",
      "in virtual alias table",
      "in virtual mailbox table",
      "in relay recipient table",
      "helo command rejected:",
      "client host rejected:",
      "sender address rejected:",
      "recipient address rejected:",
      "data command rejected:",
      "postfix",
    ],
    documentation: "http://www.postfix.org/postconf.5.html",
  },
  rules: [
    {
      id: "postfix.helo-rejected",
      provider: "postfix",
      match: {
        any: [
          "helo command rejected: need fully-qualified hostname",
          "helo command rejected: invalid ip address",
          "helo command rejected: host not found",
        ],
      },
      reason: "blocked",
      priority: PRIORITY.technical,
      meaning:
        "The receiver refused the HELO/EHLO name the sending server gave (not a fully-qualified, resolvable host name).",
      senderAction:
        "Configure the sending server to greet with its fully-qualified host name, one that resolves in DNS and matches its PTR record.",
      examples: ["504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname"],
    },
    {
      id: "postfix.pipelining",
      provider: "postfix",
      match: { any: ["improper use of smtp command pipelining"] },
      reason: "syntaxerror",
      priority: PRIORITY.contentStrong,
      meaning:
        "The client sent commands ahead of replies without the server offering PIPELINING (or before the greeting): typical of spam software.",
      references: ["RFC 2920"],
      examples: ["554 5.5.0 Error: improper use of SMTP command pipelining"],
    },
    {
      id: "postfix.multi-recipient-bounce",
      provider: "postfix",
      match: { any: ["multi-recipient bounce"] },
      reason: "syntaxerror",
      priority: PRIORITY.contentStrong,
      meaning:
        "A bounce (null sender) was addressed to several recipients, which Postfix refuses; real bounces go to one address.",
      examples: ["550 5.5.3 <DATA>: Data command rejected: Multi-recipient bounce"],
    },
  ],
};
