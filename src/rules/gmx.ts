import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** GMX and mail.com (United Internet). Front-ends introduce themselves as "Nemesis ESMTP". */
export const gmxRules: RuleSet = {
  provider: {
    id: "gmx",
    name: "GMX / mail.com",
    fingerprints: ["postmaster.gmx", "gmx.net", "gmx.com", "nemesis esmtp", "(mxgmx"],
    domains: ["gmx.net", "gmx.de", "gmx.com", "gmx.at", "gmx.ch", "mail.com"],
    documentation: "https://postmaster.gmx.net/en/error-messages",
  },
  rules: [
    {
      id: "gmx.no-smtp-service",
      provider: "gmx",
      requiresProvider: true,
      match: { any: ["no smtp service"] },
      reason: "blocked",
      priority: PRIORITY.blocklist,
      meaning:
        "GMX refused the connection from this host outright; the following lines say why (PTR, blocklist).",
      examples: [
        "554-gmx.net (mxgmx001) Nemesis ESMTP Service not available\n554-No SMTP service\n554 IP address is black listed.",
      ],
    },
  ],
};
