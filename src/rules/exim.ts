import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Exim (default MTA of Debian and cPanel). Bounce texts: https://www.exim.org/exim-html-current/doc/html/spec_html/ch-message_processing.html */
export const eximRules: RuleSet = {
  provider: {
    id: "exim",
    name: "Exim",
    fingerprints: [
      "exim",
      "unrouteable address",
      "retry timeout exceeded",
      "all relevant mx records",
      "smtp error from remote mail server",
      "rejected rcpt",
    ],
    documentation: "https://www.exim.org/docs.html",
  },
  rules: [
    {
      id: "exim.sender-verify",
      provider: "exim",
      match: {
        any: [
          "sender verify failed",
          "sender verify defer",
          "could not verify the sender",
          "sender verify callout",
        ],
      },
      reason: "rejected",
      priority: PRIORITY.sender + 1,
      meaning:
        "The receiving Exim tried to verify the envelope sender (a callout to its domain's MX) and it failed.",
      senderAction:
        "Make sure the envelope sender address exists and its domain's MX accepts mail for it (bounces must be deliverable).",
      examples: ["550 Sender verify failed", "451 Could not complete sender verify callout"],
    },
    {
      id: "exim.sender-callout-failed",
      provider: "exim",
      // The first line of Exim's sender callout refusal ("Verification failed for <sender>",
      // then "Called:", "Sent:", "Response:" lines), often all a log keeps of it.
      match: { any: ["|verification failed for <"], not: ["recipient"] },
      reason: "rejected",
      priority: PRIORITY.sender + 1,
      meaning:
        "The receiving Exim called the envelope sender's mail server to check that the address exists, and that server refused it.",
      senderAction:
        "Make sure the envelope sender (Return-Path) address exists and its domain's MX accepts mail for it (bounces must be deliverable).",
      examples: ["550 Verification failed for <news@example.org>"],
    },
    {
      id: "exim.spf",
      provider: "exim",
      match: { any: ["bad spf records"] },
      reason: "authfailure",
      priority: PRIORITY.authentication + 1,
      examples: ["550 Bad SPF records for [example.org:192.0.2.9], see http://spf.example/"],
    },
  ],
};
