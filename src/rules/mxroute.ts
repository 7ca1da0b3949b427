import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** MXroute (shared mail hosting). Temporary IP blocks are worded as 554 without a time. */
export const mxrouteRules: RuleSet = {
  provider: {
    id: "mxroute",
    name: "MXroute",
    fingerprints: ["mxroute", "mxlogin.com"],
    domains: ["mxroute.com", "mxlogin.com"],
    documentation: "https://mxroute.com/",
  },
  rules: [
    {
      id: "mxroute.unauthenticated-range",
      provider: "mxroute",
      match: { any: ["unauthenticated mail not allowed from this range"] },
      reason: "securityerror",
      priority: PRIORITY.security + 1,
      meaning: "Mail from this IP range must be sent with SMTP authentication.",
      examples: ["550 Unauthenticated mail not allowed from this range"],
    },
  ],
};
