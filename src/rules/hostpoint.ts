import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Hostpoint (Switzerland). */
export const hostpointRules: RuleSet = {
  provider: {
    id: "hostpoint",
    name: "Hostpoint (Switzerland)",
    fingerprints: ["hostpoint"],
    domains: ["hostpoint.ch"],
    documentation: "https://support.hostpoint.ch/",
  },
  rules: [
    {
      id: "hostpoint.spf-check",
      provider: "hostpoint",
      match: { any: ["doesn't allow sending mails from"] },
      reason: "authfailure",
      priority: PRIORITY.authentication,
      meaning: "The sender domain's SPF record does not allow the sending IP.",
      examples: ["550-SPF-check failed:\n550 example.com doesn't allow sending mails from 192.0.2.9"],
    },
  ],
};
