import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Gmail and Google Workspace. Google documents its replies at
 * https://support.google.com/a/answer/3726730; the text carries the meaning, and several
 * codes are used against their registry meaning (550 5.2.1 for a receiving-rate limit,
 * 421 4.7.0 for TLS and reputation blocks, 4.7.27–4.7.32 for bulk-sender authentication).
 */
export const gmailRules: RuleSet = {
  provider: {
    id: "gmail",
    name: "Gmail / Google Workspace",
    fingerprints: [
      "gsmtp",
      "support.google.com",
      "google.com/mail",
      "gmail requires",
      "gmail has detected",
      "sent to gmail",
      "google workspace",
      "google's",
    ],
    domains: ["gmail.com", "googlemail.com", "google.com", "l.google.com", "aspmx.l.google.com"],
    documentation: "https://support.google.com/a/answer/3726730",
  },
  rules: [
    {
      id: "gmail.unsolicited-rate-limited",
      provider: "gmail",
      match: { all: [["unusual rate of unsolicited"], ["rate limited", "rate-limited"]] },
      reason: "ratelimited",
      permanent: false,
      priority: PRIORITY.technical + 2,
      meaning:
        "Gmail is throttling this sending IP because an unusual share of its mail looks unsolicited; messages are deferred, not refused for good.",
      senderAction:
        "Lower the volume from this IP, send only to people who asked for mail, and watch spam rates in Google Postmaster Tools; deferred mail will be retried.",
      source: "https://support.google.com/a/answer/3726730",
      examples: [
        "421-4.7.28 [192.0.2.9] Our system has detected an unusual rate of unsolicited mail originating from your IP address; mail from it has been temporarily rate limited. - gsmtp",
      ],
    },
    {
      id: "gmail.unsolicited-blocked",
      provider: "gmail",
      match: { any: ["unusual rate of unsolicited"] },
      reason: "badreputation",
      priority: PRIORITY.technical + 1,
      meaning:
        "Gmail blocked mail from this IP because an unusual share of it looks unsolicited: a reputation decision about the sender, not about the recipient.",
      senderAction:
        "Stop and clean up: remove unengaged and purchased addresses, check for compromised accounts, watch Google Postmaster Tools, then raise volume slowly.",
      source: "https://support.google.com/a/answer/3726730",
      examples: [
        "421 4.7.0 Our system has detected an unusual rate of unsolicited mail originating from your IP address. Mail from it has been temporarily blocked.",
        "550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address; it has been blocked. - gsmtp",
      ],
    },
    {
      id: "gmail.suspicious-reputation",
      provider: "gmail",
      match: { all: [["suspicious"], ["reputation"]] },
      reason: "badreputation",
      priority: PRIORITY.blocklist,
      source: "https://support.google.com/mail/answer/188131",
      examples: [
        "421-4.7.0 [192.0.2.9] This message is suspicious due to the very low reputation of the sending domain; it has been blocked. - gsmtp",
      ],
    },
    {
      id: "gmail.dos-at-helo",
      provider: "gmail",
      match: { any: ["denial of service"] },
      reason: "systemerror",
      permanent: false,
      priority: PRIORITY.reputation,
      meaning:
        "Gmail's SMTP relay closed the connection at HELO because it sees too many connections from this client, like a denial of service; it is temporary.",
      senderAction: "Retry later with fewer parallel connections to smtp-relay.gmail.com.",
      source: "https://support.google.com/a/answer/3221692",
      examples: [
        "421 4.7.0 Try again later, closing connection. This usually indicates a Denial of Service (DoS) for the SMTP relay at the HELO stage.",
      ],
    },
    {
      id: "gmail.dns-error",
      provider: "gmail",
      match: {
        any: ["dns error:", "dns type 'mx' lookup"],
        not: ["doesn't receive", "does not receive", "null mx"],
      },
      reason: "networkerror",
      priority: PRIORITY.recipientStrong + 2,
      meaning:
        "Gmail's DNS lookup for the recipient domain failed or found no mail host; Gmail reports it with a temporary status and retries.",
      senderAction:
        "Check the recipient domain's spelling and its MX records; if the domain is real, the lookup problem may clear.",
      source: "https://support.google.com/mail/answer/7720",
      examples: [
        "DNS Error: 12345 DNS type 'mx' lookup of example.invalid responded with code NXDOMAIN Domain name not found",
      ],
    },
    {
      id: "gmail.bulk-tls",
      provider: "gmail",
      match: { any: ["wasn't sent over a tls connection", "was not sent over a tls connection"] },
      reason: "failedstarttls",
      priority: PRIORITY.technical + 3,
      meaning:
        "Gmail requires bulk senders to use TLS; this message came over an unencrypted connection and was deferred.",
      senderAction:
        "Turn on STARTTLS for outgoing mail to Gmail; deferred messages will go through once TLS is used.",
      source: "https://support.google.com/a/answer/81126",
      examples: [
        "421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection. - gsmtp",
      ],
    },
  ],
};
