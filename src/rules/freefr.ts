import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Free (free.fr, Iliad/Proxad, France). */
export const freefrRules: RuleSet = {
  provider: {
    id: "free.fr",
    name: "Free (free.fr)",
    fingerprints: ["free.fr", "proxad"],
    domains: ["free.fr", "aliceadsl.fr", "libertysurf.fr"],
    documentation: "https://postmaster.free.fr/",
  },
  rules: [
    {
      id: "free.fr.user-quota",
      provider: "free.fr",
      match: { any: ["quota exceeded (usersearch)"] },
      reason: "mailboxfull",
      priority: PRIORITY.recipientStrong,
      examples: ["552 5.2.2 user quota exceeded (UserSearch)"],
    },
  ],
};
