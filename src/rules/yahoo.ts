import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Yahoo and AOL (one mail platform). Yahoo documents its codes at
 * https://senders.yahooinc.com/smtp-error-codes/: TSxx/TSSxx tags mean deferrals for
 * volume, complaints or reputation, BLxx blocklists, and "permanently deferred" is a
 * reputation refusal even when sent with 421.
 */
export const yahooRules: RuleSet = {
  provider: {
    id: "yahoo",
    name: "Yahoo / AOL",
    fingerprints: [
      "yahooinc.com",
      "postmaster.yahoo.com",
      "yahoo-help",
      "yahoo.com account",
      "delivery error: dd",
      "yahoodns.net",
      ".yahoo.com",
    ],
    domains: [
      "yahoo.com",
      "ymail.com",
      "rocketmail.com",
      "aol.com",
      "aim.com",
      "yahoodns.net",
      "aol.jp",
      "verizon.net",
    ],
    documentation: "https://senders.yahooinc.com/smtp-error-codes/",
  },
  rules: [
    {
      id: "yahoo.deferred",
      provider: "yahoo",
      requiresProvider: true,
      match: { any: ["temporarily deferred", "[ts01]", "[ts02]", "[tss04]", "[gl01]"] },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.reputation,
      meaning:
        "Yahoo is deferring mail from this IP because of its volume, complaint rate or reputation; it will accept it later at a lower rate.",
      senderAction:
        "Slow down and keep retrying; look at complaint rates (Yahoo's feedback loop) and list hygiene.",
      source: "https://senders.yahooinc.com/smtp-error-codes/",
      examples: [
        "421 4.7.0 [TS01] Messages from 192.0.2.9 temporarily deferred - see https://postmaster.yahooinc.com/error-codes",
      ],
    },
    {
      id: "yahoo.account-disabled",
      provider: "yahoo",
      match: {
        all: [
          ["delivery error", "sorry, your message"],
          ["disabled", "discontinued"],
        ],
      },
      reason: "suspend",
      priority: PRIORITY.recipientStrong + 1,
      source: "https://senders.yahooinc.com/smtp-error-codes/",
      examples: [
        "554 30 Sorry, your message to kai@aol.example cannot be delivered. This mailbox is disabled (554.30)",
      ],
    },
  ],
};
