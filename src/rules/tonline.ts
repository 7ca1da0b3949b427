import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Deutsche Telekom T-Online. */
export const tonlineRules: RuleSet = {
  provider: {
    id: "t-online",
    name: "Deutsche Telekom T-Online",
    fingerprints: ["t-online.de", "rx.t-online"],
    domains: ["t-online.de", "magenta.de"],
    documentation: "https://postmaster.t-online.de/",
  },
  rules: [
    {
      id: "t-online.blocklisted",
      provider: "t-online",
      match: { all: [["ip="], ["(bl)"]] },
      reason: "blocked",
      priority: PRIORITY.blocklist + 1,
      meaning:
        "T-Online's own block list holds the sending IP (code BL); removal is requested by mail to the address in the reply.",
      examples: [
        "554 IP=192.0.2.9 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)",
      ],
    },
    {
      id: "t-online.dialup",
      provider: "t-online",
      match: { all: [["ip="], ["(dial)"]] },
      reason: "policyviolation",
      priority: PRIORITY.blocklist + 1,
      meaning:
        "T-Online refuses direct delivery from dial-up or dynamic IP ranges; send through a mail server with a static IP.",
      examples: ["554 IP=192.0.2.9 - Dialup/transient IP not allowed. Use a mailgateway. (DIAL)"],
    },
  ],
};
