import { PRIORITY } from "../priority.js";
import type { RuleSet } from "../types.js";

/**
 * Rate limits and reputation. A rate limit is temporary by nature, whatever the code:
 * servers often send 550 or 554 with words like "this hour" or "too many messages", and
 * some even word it like a dead mailbox. The recipient address is never at fault here.
 */
export const trafficRules: RuleSet = {
  provider: { id: "generic", name: "Any server", fingerprints: [] },
  rules: [
    {
      id: "generic.rate-limited",
      provider: "generic",
      match: {
        any: [
          "rate limit",
          "rate-limit",
          "ratelimit",
          "rate limited",
          "rate exceeded",
          "too many connections",
          "too many concurrent",
          "too many sessions",
          "too many messages",
          "too many recipients this hour",
          "too many mails",
          "too many emails",
          "too much mail",
          "too much email",
          "sent too many",
          "sending too fast",
          "slow down",
          "excessive volume",
          "unexpected volume",
          "high volume",
          "volume of mail",
          "frequency limited",
          "frequency limit",
          "maximum number of connections",
          "max number of messages",
          "max message per connection",
          "messages per connection",
          "messages per session",
          "connection limit",
          "relay limit exceeded",
          "sending limit exceeded",
          "sending quota",
          "hourly quota exceeded",
          "daily quota exceeded",
          "hourly limit",
          "daily limit",
          "message rate limit",
          "receiving mail at a rate",
          "receiving mail too quickly",
          "too quickly",
          "exceeded their limit",
          "can receive per hour",
          "queue quota exceeded",
          "thread limit exceeded",
          "exceeded its quota for sending",
          "throttl",
          "trop de connexions",
          "received too much",
          "in a short period of time",
          "try to reduce the rate",
        ],
      },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.reputation,
      references: ["RFC 5321 §4.5.4.1"],
      examples: [
        "421 4.7.0 Messages from 192.0.2.9 deferred due to unexpected volume",
        "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
        "550 5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
        "452 4.3.2 Connection rate limit exceeded.",
        "550 This IP has sent too many messages this hour.",
        "550 5.7.1 <ann@example.org>: Recipient address rejected: Mailbox Does Not Exist : Domains Hourly Quota Exceeded;",
      ],
    },
    {
      id: "generic.rate-limited-for-reputation",
      provider: "generic",
      match: {
        all: [
          ["rate limited", "rate-limited", "temporarily deferred", "throttled"],
          ["unsolicited", "reputation", "complaints", "suspicious"],
        ],
      },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.reputation + 1,
      meaning:
        "The receiver is slowing this sender down because of its reputation or recent complaints; messages are deferred, not refused for good.",
      senderAction:
        "Reduce volume and send only to engaged recipients; deferred messages will be retried. Check the provider's postmaster tools.",
      examples: [
        "451 4.7.650 The mail server [192.0.2.9] has been temporarily rate limited due to IP reputation.",
        "421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due to unexpected volume or user complaints",
      ],
    },
    {
      id: "generic.poor-reputation",
      provider: "generic",
      match: {
        any: [
          "low reputation",
          "poor reputation",
          "bad reputation",
          "insufficient reputation",
          "reputation of the sending",
          "reputation is too low",
          "sender reputation",
          "unusual rate of unsolicited mail",
          "permanently deferred",
          "will be permanently deferred",
          "not accepted due to reputation",
        ],
      },
      reason: "badreputation",
      priority: PRIORITY.reputation,
      references: ["RFC 3463 §3.8"],
      examples: [
        "551 5.7.1 Due to the very low reputation of the sending domain, this message has been blocked.",
        "421 4.7.0: Sender IP rejected: sending IP has insufficient reputation. Please retry later.",
        "553 5.7.2 [TSS09] All messages from 192.0.2.9 will be permanently deferred; Retrying will NOT succeed.",
      ],
    },
    {
      id: "generic.too-many-recipients",
      provider: "generic",
      match: {
        any: [
          "too many recipients",
          "recipient limit",
          "recipients limit",
          "reciplimit",
          "size per transaction",
          "separate transaction",
          "maximum number of recipients",
        ],
        not: ["this hour", "per hour", "today"],
      },
      reason: "emailtoolarge",
      permanent: false,
      priority: PRIORITY.reputation + 1,
      meaning:
        "The message had more recipients (or policy weight) than the server takes in one transaction; the rest must go in another transaction.",
      senderAction:
        "Send to the remaining recipients in a separate transaction (a standard MTA does this by itself).",
      references: ["RFC 5321 §4.5.3.1.10", "RFC 3463 §3.6"],
      examples: [
        "452 4.5.3 Too many recipients",
        "452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction.",
      ],
    },
  ],
};
