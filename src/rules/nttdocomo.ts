import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** NTT docomo (docomo.ne.jp), Japan's mobile carrier mail. */
export const nttdocomoRules: RuleSet = {
  provider: {
    id: "nttdocomo",
    name: "NTT docomo",
    fingerprints: ["docomo.ne.jp", "docomo"],
    domains: ["docomo.ne.jp", "mopera.net", "docomo.blackberry.com"],
    documentation: "https://www.docomo.ne.jp/",
  },
  rules: [
    {
      id: "nttdocomo.unknown-user",
      provider: "nttdocomo",
      requiresProvider: true,
      match: { any: ["unknown user"] },
      reason: "userunknown",
      definite: true,
      priority: PRIORITY.recipientStrong + 2,
      meaning:
        'Since March 2025 NTT docomo no longer refuses mail at SMTP for its users\' filters, so "550 Unknown user" from docomo means the address does not exist, even after DATA.',
      source: "https://github.com/sisimai/go-sisimai/issues/64",
      examples: ["550 Unknown user nobody@docomo.ne.jp (in reply to end of DATA command)"],
    },
    {
      id: "nttdocomo.refused",
      provider: "nttdocomo",
      requiresProvider: true,
      match: { any: ["rejected by the recipient's setting", "receiving refused", "domain restriction"] },
      reason: "filtered",
      priority: PRIORITY.blocklist + 3,
      meaning: "The docomo user's own receiving settings (domain or address filters) refuse this sender.",
      examples: ["550 Message rejected by the recipient's setting at docomo.ne.jp"],
    },
  ],
};
