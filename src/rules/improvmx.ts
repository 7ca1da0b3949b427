import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** ImprovMX (email forwarding). Its own codes appear as "(#id-5.9.x)" after the reply. */
export const improvmxRules: RuleSet = {
  provider: {
    id: "improvmx",
    name: "ImprovMX",
    fingerprints: ["improvmx", "(#id-"],
    domains: ["improvmx.com"],
    documentation: "https://improvmx.com/guides/",
  },
  rules: [
    {
      id: "improvmx.lookup-failed",
      provider: "improvmx",
      match: { any: ["database returned invalid"] },
      reason: "systemerror",
      priority: PRIORITY.recipientStrong,
      meaning: "The forwarding service could not read a valid configuration for the recipient's domain.",
      examples: [
        "551 5.7.1 Our database returned invalid data about the requested recipient's domain (#id-5.9.3)",
      ],
    },
  ],
};
