import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Proton Mail. */
export const protonRules: RuleSet = {
  provider: {
    id: "proton",
    name: "Proton Mail",
    fingerprints: ["protonmail", "proton.me", "proton mail"],
    domains: ["proton.me", "protonmail.com", "protonmail.ch", "pm.me"],
    documentation: "https://proton.me/support",
  },
  rules: [
    {
      id: "proton.spam-filter",
      provider: "proton",
      match: { any: ["rejected by spam filter"] },
      reason: "spamdetected",
      priority: PRIORITY.contentStrong,
      examples: ["550 5.7.1 Rejected by spam filter"],
    },
  ],
};
