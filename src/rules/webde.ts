import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * WEB.DE (United Internet, like GMX). Its refusals read "550 <address>: <reason>"; the
 * reasons are documented at https://postmaster.web.de/en/error-messages.
 */
export const webdeRules: RuleSet = {
  provider: {
    id: "web.de",
    name: "WEB.DE",
    fingerprints: ["postmaster.web.de", "web.de"],
    domains: ["web.de"],
    documentation: "https://postmaster.web.de/en/error-messages",
  },
  rules: [
    {
      id: "web.de.ip-policy",
      provider: "web.de",
      match: { any: ["reject due to policy restrictions (ip based)"] },
      reason: "policyviolation",
      priority: PRIORITY.contentStrong,
      meaning:
        "WEB.DE's policy refuses mail from this kind of IP address (for example dynamic or unauthenticated ranges).",
      examples: ["550 <ute@example.org>: Reject due to policy restrictions (IP based)"],
    },
  ],
};
