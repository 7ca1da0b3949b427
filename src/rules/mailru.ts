import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Mail.ru. */
export const mailruRules: RuleSet = {
  provider: {
    id: "mail.ru",
    name: "Mail.ru",
    fingerprints: ["mail.ru", "corp.mail.ru"],
    domains: ["mail.ru", "inbox.ru", "list.ru", "bk.ru"],
    documentation: "https://help.mail.ru/notspam-support",
  },
  rules: [
    {
      id: "mail.ru.notspam",
      provider: "mail.ru",
      match: { any: ["notspam-support"] },
      reason: "spamdetected",
      priority: PRIORITY.contentStrong,
      meaning: "Mail.ru's filter judged the message as spam; its support page takes appeals.",
      examples: [
        "550 message rejected as unwanted. Please visit http://help.mail.ru/notspam-support/id?c=abc",
      ],
    },
  ],
};
