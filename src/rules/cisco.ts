import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Cisco Secure Email (IronPort). */
export const ciscoRules: RuleSet = {
  provider: {
    id: "cisco",
    name: "Cisco Secure Email (IronPort)",
    fingerprints: ["ironport", "iphmx.com", "cisco"],
    domains: ["iphmx.com"],
    documentation: "https://www.cisco.com/c/en/us/products/security/email-security/index.html",
  },
  rules: [
    {
      id: "cisco.hat-reject",
      provider: "cisco",
      match: { any: ["your access to submit messages to this e-mail system has been rejected"] },
      reason: "blocked",
      priority: PRIORITY.blocklist,
      meaning:
        "The Cisco gateway's host access table (sender reputation or a blocklist) rejects the sending host.",
      examples: ["550 #5.7.1 Your access to submit messages to this e-mail system has been rejected."],
    },
  ],
};
