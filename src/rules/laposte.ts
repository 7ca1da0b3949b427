import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * La Poste (laposte.net). Replies end with an LPNnnn_nnn code and come in French and English.
 * It refuses blocked clients with 521 at connection, and answers many refusals with 5.5.0.
 */
export const laposteRules: RuleSet = {
  provider: {
    id: "laposte",
    name: "La Poste (laposte.net)",
    fingerprints: ["|lpn0", "|lpn1", "laposte.net"],
    domains: ["laposte.net"],
    documentation: "https://www.laposte.net/",
  },
  rules: [
    {
      id: "laposte.client-refused",
      provider: "laposte",
      requiresProvider: true,
      match: { any: ["service unavailable", "|lpn007_102"], code: ["521"] },
      reason: "blocked",
      priority: PRIORITY.blocklist,
      meaning:
        "La Poste refuses connections from this client (521 at connection): the sending IP is blocked there.",
      examples: ["521 5.7.1 Service unavailable LPN007_102"],
    },
    {
      id: "laposte.blocked-by-services",
      provider: "laposte",
      match: { any: ["ont ete bloques par nos services", "ont été bloqués par nos services"] },
      reason: "blocked",
      priority: PRIORITY.blocklist,
      meaning: "La Poste has blocked mail from this sender and asks it to follow an unblocking procedure.",
      examples: [
        "550 5.5.0 Les emails envoyes vers la messagerie Laposte.net ont ete bloques par nos services.",
      ],
    },
  ],
};
