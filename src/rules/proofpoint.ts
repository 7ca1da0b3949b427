import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Proofpoint (on-premises and hosted, pphosted.com), which speaks with Postfix's wording. */
export const proofpointRules: RuleSet = {
  provider: {
    id: "proofpoint",
    name: "Proofpoint",
    fingerprints: ["pphosted", "proofpoint", "ppe-hosted"],
    domains: ["pphosted.com", "ppe-hosted.com"],
    documentation: "https://support.proofpoint.com/dnsbl-lookup.cgi",
  },
  rules: [
    {
      id: "proofpoint.blocked",
      provider: "proofpoint",
      match: { any: ["support.proofpoint.com/dnsbl", "proofpoint dynamic reputation"] },
      reason: "blocked",
      priority: PRIORITY.blocklist + 1,
      meaning: "Proofpoint's own IP reputation list (Dynamic Reputation) blocks the sending IP.",
      senderAction: "Look the IP up and request removal at https://support.proofpoint.com/dnsbl-lookup.cgi.",
      examples: ["554 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.9"],
    },
  ],
};
