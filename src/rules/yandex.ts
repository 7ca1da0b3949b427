import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Yandex Mail (yandex.ru, ya.ru, Yandex 360). */
export const yandexRules: RuleSet = {
  provider: {
    id: "yandex",
    name: "Yandex Mail",
    fingerprints: ["yandex"],
    domains: ["yandex.ru", "yandex.com", "ya.ru", "yandex.net"],
    documentation: "https://yandex.com/support/mail/",
  },
  rules: [
    {
      id: "yandex.policy-target",
      provider: "yandex",
      match: { any: ["policy rejection on the target address"] },
      reason: "policyviolation",
      priority: PRIORITY.contentStrong,
      meaning: "Yandex refused the message under a policy that applies to this recipient address.",
      examples: ["550 5.7.1 Policy rejection on the target address"],
    },
  ],
};
