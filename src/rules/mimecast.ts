import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Mimecast. Its codes are documented at https://community.mimecast.com/docs/DOC-1369.
 * "Envelope blocked" means a blocked-sender entry (the recipient's or the organisation's),
 * "security policies" a spam or malware signature.
 */
export const mimecastRules: RuleSet = {
  provider: {
    id: "mimecast",
    name: "Mimecast",
    fingerprints: ["mimecast", "mcspamsignature"],
    domains: ["mimecast.com", "mimecast.co.za", "mimecast-offshore.com"],
    documentation: "https://community.mimecast.com/docs/DOC-1369",
  },
  rules: [
    {
      id: "mimecast.envelope-blocked",
      provider: "mimecast",
      match: { any: ["envelope blocked"] },
      reason: "filtered",
      priority: PRIORITY.blocklist + 3,
      meaning:
        "A blocked-sender entry at the recipient's side (the user's own or their organisation's) refused this sender.",
      senderAction: "Do not retry; the recipient or their administrator has blocked your address or domain.",
      examples: ["550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550"],
    },
    {
      id: "mimecast.security-policies",
      provider: "mimecast",
      match: { any: ["rejected due to security policies", "mcspamsignature"] },
      reason: "spamdetected",
      priority: PRIORITY.contentStrong,
      meaning: "Mimecast's scanners matched the message against a spam or malicious-content signature.",
      examples: [
        "554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554",
      ],
    },
  ],
};
