import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Microsoft Exchange Server on premises. Its texts name the component that decided:
 * RESOLVER (recipient resolution), STOREDRV (mailbox store), ROUTING, SMTPSEND, QUEUE.
 */
export const exchangeRules: RuleSet = {
  provider: {
    id: "exchange",
    name: "Microsoft Exchange Server",
    fingerprints: [
      "resolver.adr",
      "resolver.rst",
      "storedrv",
      "queue.expired",
      "smtpsend.",
      "routing.",
      "mapiexception",
      "msexchange",
    ],
    documentation:
      "https://learn.microsoft.com/en-us/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages",
  },
  rules: [
    {
      id: "exchange.not-authorized",
      provider: "exchange",
      match: { any: ["resolver.rst.notauthorized", "resolver.rst.recipnotauthorized"] },
      reason: "policyviolation",
      priority: PRIORITY.security + 1,
      meaning:
        "The recipient's Exchange only accepts mail from certain senders (delivery restrictions on the mailbox or group).",
      examples: ["550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"],
    },
    {
      id: "exchange.no-connector",
      provider: "exchange",
      match: { any: ["routing.noconnectorforaddresstype", "noconnectorforaddresstype"] },
      reason: "systemerror",
      priority: PRIORITY.recipientStrong,
      meaning:
        "Exchange has no connector to route this address type; a configuration problem on the receiving side.",
      examples: ["550 5.4.4 ROUTING.NoConnectorForAddressType; unable to route for address type"],
    },
  ],
};
