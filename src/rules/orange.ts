import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Orange / Wanadoo (France). Replies name the front-end ("mwinf5c04 ME") and end with an
 * OFRnnn_nnn code; the text comes in French and English.
 * Codes: https://postmaster.orange.fr/ (OFR004 invalid recipient, OFR005 too many
 * connections, OFR006 IP blocked for spam, OFR_999 service refused).
 */
export const orangeRules: RuleSet = {
  provider: {
    id: "orange",
    name: "Orange (France)",
    fingerprints: ["mwinf", "|ofr0", "|ofr_", "smtp.orange.fr", "orange.fr", "wanadoo"],
    domains: ["orange.fr", "wanadoo.fr", "voila.fr"],
    documentation: "https://postmaster.orange.fr/",
  },
  rules: [
    {
      id: "orange.ip-blocked",
      provider: "orange",
      match: { any: ["|ofr006", "adresse ip source bloquee"] },
      reason: "blocked",
      priority: PRIORITY.blocklist + 1,
      meaning:
        "Orange blocked the sending IP after spam from it (OFR006); delisting goes through Cloudmark's reset form.",
      examples: ["550 mwinf5c11 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102]"],
    },
    {
      id: "orange.spam",
      provider: "orange",
      match: { any: ["ofr_506", "ofr004_506"] },
      reason: "spamdetected",
      priority: PRIORITY.contentStrong,
      meaning: "Orange refused the message as spam (code 506).",
      examples: ["550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]"],
    },
    {
      id: "orange.too-many-connections",
      provider: "orange",
      match: { any: ["|ofr005_104"] },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.reputation + 1,
      examples: ["421 mwinf5c63 ME Connexions trop nombreuses. OFR005_104 [104]"],
    },
  ],
};
