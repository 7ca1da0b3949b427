import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Zoho Mail (mx.zoho.com, zoho.eu, zoho.in …). */
export const zohoRules: RuleSet = {
  provider: {
    id: "zoho",
    name: "Zoho Mail",
    fingerprints: ["zoho mail", "mx.zoho", "zohomail", "zoho.com"],
    domains: ["zoho.com", "zoho.eu", "zoho.in", "zohomail.com", "zoho.com.au"],
    documentation: "https://www.zoho.com/mail/help/",
  },
  rules: [
    {
      id: "zoho.mail-policy",
      provider: "zoho",
      match: { any: ["mailpolicy violation"] },
      reason: "policyviolation",
      priority: PRIORITY.contentStrong,
      meaning: "Zoho's mail policy for the recipient's organisation refused the message.",
      examples: ["554 5.2.3 MailPolicy violation Error delivering to mailboxes,mx.zoho.com"],
    },
  ],
};
