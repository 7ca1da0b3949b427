import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Rackspace Email (emailsrvr.com). Replies end with a (Gnn) code documented at
 * https://docs.rackspace.com/docs/rackspace-email-bounce-codes.
 */
export const rackspaceRules: RuleSet = {
  provider: {
    id: "rackspace",
    name: "Rackspace Email",
    fingerprints: ["emailsrvr.com", "rackspace", "acl dns_rbl", "mime_banned_file"],
    domains: ["emailsrvr.com"],
    documentation: "https://docs.rackspace.com/docs/rackspace-email-bounce-codes",
  },
  rules: [
    {
      id: "rackspace.remote-unavailable",
      provider: "rackspace",
      match: { any: ["(g6)"] },
      reason: "networkerror",
      permanent: false,
      priority: PRIORITY.system + 3,
      examples: ["450 4.4.1 <su@example.org>: Delivery failed for now (G6)"],
    },
    {
      id: "rackspace.header-content-type",
      provider: "rackspace",
      match: { any: ["header_contenttype", "(g18)"] },
      reason: "contenterror",
      priority: PRIORITY.contentStrong,
      meaning: "Rackspace refused the message because its Content-Type header is malformed.",
      examples: ["550 5.7.0 header_contenttype_1 (G18)"],
    },
  ],
};
