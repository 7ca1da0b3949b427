import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Microsoft 365 / Exchange Online and Outlook.com (hotmail, live, msn). Microsoft documents
 * its NDR codes at https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
 * and Outlook.com's at https://sendersupport.olc.protection.outlook.com/pm/. It uses many
 * codes outside the registry (5.7.509, 5.7.515, 4.7.650) and 5.4.1 for "access denied" at
 * the edge (directory-based edge blocking of unknown recipients).
 */
export const microsoftRules: RuleSet = {
  provider: {
    id: "microsoft",
    name: "Microsoft 365 / Outlook.com",
    fingerprints: [
      "protection.outlook.com",
      "prod.outlook.com",
      "[outlook.com]",
      "postmaster.live.com",
      "sender.office.com",
      "go.microsoft.com",
      "sendersupport.olc",
      "office 365",
      "microsoft 365",
      "outlook.com 20",
    ],
    domains: [
      "outlook.com",
      "hotmail.com",
      "live.com",
      "msn.com",
      "protection.outlook.com",
      "olc.protection.outlook.com",
    ],
    documentation:
      "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
  },
  rules: [
    {
      id: "microsoft.network-block-list",
      provider: "microsoft",
      match: {
        any: [
          "weren't sent. please contact your internet service provider",
          "weren't sent. we recommend that you contact your internet service provider",
          "part of their network is on our block list",
        ],
      },
      reason: "blocked",
      priority: PRIORITY.blocklist + 1,
      meaning:
        "Outlook.com refused mail from this IP because the IP, or the network it belongs to, is on Microsoft's own block list (codes S3140, S3150, SC-001…).",
      senderAction:
        "Ask for delisting through https://sender.office.com (or the Outlook.com sender support form) and fix what caused the listing; shared-hosting senders should ask their provider.",
      source: "https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx",
      examples: [
        "550 SC-001 (BAY004-MC1F12) Unfortunately, messages from 192.0.2.9 weren't sent. Please contact your Internet service provider since part of their network is on our block list.",
      ],
    },
    {
      id: "microsoft.ambiguous-recipient",
      provider: "microsoft",
      match: { any: ["resolver.adr.ambiguous", "ambiguous address"] },
      reason: "systemerror",
      priority: PRIORITY.recipientStrong,
      meaning:
        "The recipient address matches more than one directory object in the receiving organisation; their administrator has to fix the directory.",
      senderAction: "Retry later or tell the recipient another way; the address is not wrong on your side.",
      adminAction: "Find the duplicate proxy addresses (Get-Recipient) and remove the conflict.",
      source:
        "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
      examples: ["420 4.2.0 RESOLVER.ADR.Ambiguous; ambiguous address"],
    },
    {
      id: "microsoft.all-recipients-rejected",
      provider: "microsoft",
      match: { all: [["all recipient addresses rejected"], ["access denied"]] },
      reason: "userunknown",
      definite: true,
      priority: PRIORITY.recipientStrong,
      meaning:
        "Exchange Online refused every recipient at its edge (directory-based edge blocking: the addresses are not in the receiving organisation's directory) and so refuses the message at DATA. The recipients were never accepted, so this is not a filter on the message.",
      senderAction: "Check the addresses; stop mailing the ones the organisation does not know.",
      adminAction:
        "If the addresses should exist, add them to the directory (or turn off directory-based edge blocking for the domain).",
      source:
        "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-directory-based-edge-blocking",
      examples: [
        "550 5.4.1 All recipient addresses rejected : Access denied [AB1CD2.eurprd02.prod.protection.outlook.com]",
      ],
    },
    {
      id: "microsoft.group-restriction",
      provider: "microsoft",
      match: {
        any: [
          "sendernotauthenticatedforgroup",
          "sendernotallowedforgroup",
          "sender not allowed for group",
          "notauthorized; not authorized",
          "restricted to authenticated senders",
        ],
      },
      reason: "policyviolation",
      priority: PRIORITY.security + 1,
      meaning:
        "The recipient (often a group or distribution list) only takes mail from senders its owner allows, such as people inside the organisation.",
      senderAction:
        "Ask the group's owner to allow external or your specific sender address, or write to a person instead.",
      source:
        "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-133-through-5-7-136-in-exchange-online",
      examples: ["550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required"],
    },
    {
      id: "microsoft.tenant-blocked",
      provider: "microsoft",
      match: {
        any: [
          "tenant has exceeded threshold",
          "tenant exceeded threshold",
          "banned sender",
          "bad outbound sender",
          "unregistered domains",
          "traffic not accepted from this ip",
        ],
      },
      reason: "blocked",
      priority: PRIORITY.blocklist + 1,
      meaning:
        "Microsoft blocked the sending tenant, account or IP after it sent spam or breached limits (5.7.501–5.7.750 family).",
      senderAction:
        "Check the sending account for compromise, clean it up and ask Microsoft support to lift the block.",
      source:
        "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
      examples: ["550 5.7.705 Access denied, tenant has exceeded threshold"],
    },
  ],
};
