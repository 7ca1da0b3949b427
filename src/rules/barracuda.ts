import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Barracuda Email Security Gateway / Essentials. "cuda_nsu" marks its recipient checks. */
export const barracudaRules: RuleSet = {
  provider: {
    id: "barracuda",
    name: "Barracuda",
    fingerprints: ["cuda_nsu", "barracuda", "ess.barracudanetworks"],
    domains: ["barracudanetworks.com", "ess.barracudanetworks.com"],
    documentation: "https://campus.barracuda.com/product/emailsecuritygateway/",
  },
  rules: [
    {
      id: "barracuda.blocked-recipient-list",
      provider: "barracuda",
      match: { any: [":blocked)", "abuse. go away"] },
      reason: "blocked",
      priority: PRIORITY.blocklist + 3,
      meaning:
        "The Barracuda gateway refused the sender's host as abusive (its block list or intent analysis).",
      examples: ["550 permanent failure for one or more recipients (ben@example.org:blocked)"],
    },
  ],
};
