import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Infomaniak. */
export const infomaniakRules: RuleSet = {
  provider: {
    id: "infomaniak",
    name: "Infomaniak",
    fingerprints: ["infomaniak", "ik2.com"],
    domains: ["infomaniak.com", "infomaniak.ch", "ik.me"],
    documentation: "https://www.infomaniak.com/en/support",
  },
  rules: [
    {
      id: "infomaniak.dmarc",
      provider: "infomaniak",
      match: { any: ["rejected by dmarc policy"] },
      reason: "authfailure",
      priority: PRIORITY.authentication,
      examples: ["550 5.7.1 rejected by DMARC policy for example.com"],
    },
  ],
};
