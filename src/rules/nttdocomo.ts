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
