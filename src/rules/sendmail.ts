import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Sendmail, whose replies quote the address followed by "...": "<ann@example.org>... User unknown". */
export const sendmailRules: RuleSet = {
  provider: {
    id: "sendmail",
    name: "Sendmail",
    fingerprints: [">... ", "sendmail"],
    documentation: "https://www.proofpoint.com/us/products/email-protection/open-source-email-solution",
  },
  rules: [
    {
      id: "sendmail.to-yourself",
      provider: "sendmail",
      match: { any: ["your e-mail is redundant", "you cannot send e-mail to yourself"] },
      reason: "policyviolation",
      priority: PRIORITY.contentStrong,
      meaning:
        "The receiver refuses messages whose sender and recipient are the same address (a local anti-spoofing rule).",
      examples: ["550 Your E-Mail is redundant. You cannot send E-Mail to yourself (kit@example.jp)."],
    },
  ],
};
