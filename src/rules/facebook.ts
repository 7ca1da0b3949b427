import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Facebook / Meta. */
export const facebookRules: RuleSet = {
  provider: {
    id: "facebook",
    name: "Facebook / Meta",
    fingerprints: ["postmaster.facebook.com", "facebook"],
    domains: ["facebook.com", "fb.com", "facebookmail.com"],
    documentation: "https://www.facebook.com/postmaster",
  },
  rules: [
    {
      id: "facebook.recipient-preferences",
      provider: "facebook",
      match: { any: ["rcp-p2", "recipient preferences"] },
      reason: "filtered",
      priority: PRIORITY.blocklist + 4,
      examples: [
        "550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes#rcp Refused due to recipient preferences",
      ],
    },
  ],
};
