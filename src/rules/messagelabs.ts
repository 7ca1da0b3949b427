import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** MessageLabs (Symantec Email Security.cloud). */
export const messagelabsRules: RuleSet = {
  provider: {
    id: "messagelabs",
    name: "MessageLabs (Symantec Email Security.cloud)",
    fingerprints: ["messagelabs"],
    domains: ["messagelabs.com"],
    documentation: "https://support.broadcom.com/",
  },
  rules: [
    {
      id: "messagelabs.relay",
      provider: "messagelabs",
      match: { any: ["messagelabs.com] as a relay"] },
      reason: "norelaying",
      permanent: true,
      priority: PRIORITY.sender + 1,
      meaning:
        "The MessageLabs node does not relay for this client: the recipient domain is not one it serves for you.",
      examples: [
        "553 you are trying to use me [server-3.messagelabs.com] as a relay, but I have not been configured to let you do this. (#5.7.1)",
      ],
    },
  ],
};
