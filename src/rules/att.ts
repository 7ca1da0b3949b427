import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** AT&T (att.net, sbcglobal, bellsouth). */
export const attRules: RuleSet = {
  provider: {
    id: "att",
    name: "AT&T (att.net, sbcglobal, bellsouth)",
    fingerprints: ["abuse-att", "att.net", "prodigy.net", "|flpd"],
    domains: ["att.net", "sbcglobal.net", "bellsouth.net", "prodigy.net", "pacbell.net"],
    documentation: "https://www.att.com/support/",
  },
  rules: [
    {
      id: "att.dnsbl",
      provider: "att",
      match: { any: ["dnsbl:rbl", "dnsbl:att"] },
      reason: "blocked",
      priority: PRIORITY.blocklist + 1,
      meaning:
        "AT&T blocked the sending IP on its own list; removal is requested by mail to abuse_rbl@abuse-att.net.",
      examples: [
        "553 5.3.0 flpd111 DNSBL:RBL 521< 192.0.2.9 >_is_blocked.For assistance forward this email to abuse_rbl@abuse-att.net",
      ],
    },
  ],
};
