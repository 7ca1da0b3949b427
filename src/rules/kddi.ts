import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** KDDI au (ezweb.ne.jp, au.com, auone-net.jp), Japan. */
export const kddiRules: RuleSet = {
  provider: {
    id: "kddi",
    name: "KDDI au",
    fingerprints: ["ezweb.ne.jp", "auone-net.jp", "au.com", "kddi"],
    domains: ["ezweb.ne.jp", "au.com", "auone-net.jp", "biz.ezweb.ne.jp"],
    documentation: "https://www.au.com/",
  },
  rules: [
    {
      id: "kddi.refused-by-setting",
      provider: "kddi",
      requiresProvider: true,
      match: { any: ["rejected by the recipient's setting", "reception refused"] },
      reason: "filtered",
      priority: PRIORITY.blocklist + 3,
      examples: ["550 Reception refused by the recipient's setting at ezweb.ne.jp"],
    },
  ],
};
