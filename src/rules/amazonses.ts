import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/** Amazon SES, as a receiver (inbound) and as the service that refuses to send. */
export const amazonsesRules: RuleSet = {
  provider: {
    id: "amazonses",
    name: "Amazon SES",
    fingerprints: ["amazonses", "amazon ses", "amazonaws.com", "identities failed the check"],
    domains: ["amazonses.com", "amazonaws.com"],
    documentation: "https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html",
  },
  rules: [
    {
      id: "amazonses.suppressed",
      provider: "amazonses",
      match: {
        any: [
          "has suppressed sending to this address",
          "on the account-level suppression list",
          "suppression list",
        ],
      },
      reason: "suppressed",
      // SES will not send to the address until it leaves the list, whatever the code.
      permanent: true,
      priority: PRIORITY.override,
      meaning:
        "Amazon SES did not try to send: the address is on its suppression list after an earlier hard bounce or complaint.",
      senderAction:
        "Remove the address, or take it off the suppression list only if you know it works again.",
      examples: [
        "550 5.1.1 Amazon SES has suppressed sending to this address because it has a recent history of bouncing.",
      ],
    },
  ],
};
