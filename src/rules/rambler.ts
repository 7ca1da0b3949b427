import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Rambler Mail. */
export const ramblerRules: RuleSet = {
  provider: {
    id: "rambler",
    name: "Rambler Mail",
    fingerprints: ["rambler"],
    domains: ["rambler.ru", "lenta.ru", "myrambler.ru", "ro.ru"],
    documentation: "https://help.rambler.ru/mail/",
  },
  rules: [
    {
      id: "rambler.blocked-recipient",
      provider: "rambler",
      match: { any: ["recipient address rejected: blocked"], code: ["540"] },
      reason: "suspend",
      priority: PRIORITY.recipientStrong + 1,
      meaning: "Rambler answers 540 for recipient accounts that are blocked or inactive.",
      examples: ["540 5.7.1 <vera@rambler.example>: recipient address rejected: Blocked"],
    },
  ],
};
