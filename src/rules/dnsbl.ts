import { PRIORITY } from "./priority.js";
import type { RuleSet } from "./types.js";

/**
 * Blocklist (DNSBL/RBL) replies and other blocks of the sending IP address. Postfix writes
 * "Client host [ip] blocked using zen.spamhaus.org", Sendmail "Rejected: ip listed at ...",
 * appliances name the list in many ways; what they share is the list's name or the words
 * "listed" / "blocklist". Domain blocklists (Spamhaus DBL, URIBL, SURBL) list domains found
 * in the message, which makes them a content verdict rather than an IP block.
 */
export const dnsblRules: RuleSet = {
  provider: { id: "dnsbl", name: "DNS blocklists", fingerprints: [] },
  rules: [
    {
      id: "dnsbl.listed",
      provider: "generic",
      match: {
        any: [
          "blocked using",
          "blacklisted",
          "blocklisted",
          "block listed",
          "black listed",
          "blacklist",
          "blocklist",
          "block list",
          "black list",
          "dnsbl",
          "|rbl|",
          "|rbl+",
          "realtime block list",
          "is listed",
          "are listed",
          "listed in",
          "listed on",
          "listed at",
          "listed by",
          "listing in",
          "spamhaus",
          "spamcop",
          "sorbs",
          "barracudacentral",
          "barracuda reputation",
          "cloudmark",
          "csi.cloudmark",
          "senderscore",
          "invaluement",
          "hostkarma",
          "junkemailfilter",
          "spamrl",
          "psbl",
          "uceprotect",
          "mailspike",
          "abuseat",
          "cbl.",
          "bl.spamcop",
          "trend micro rbl",
          "mail-abuse",
          "ers.trendmicro",
          "backscatterer",
          "s5h.net",
          "0spam",
          "nordspam",
          "truncate.gbudb",
        ],
      },
      reason: "blocked",
      priority: PRIORITY.blocklist,
      references: ["RFC 5782", "RFC 3463 §3.8"],
      examples: [
        "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.9",
        "550 5.7.1 Rejected: 192.0.2.9 listed at bl.spamcop.net",
        "554 Connection refused. This IP address is listed on the Exploits Block List (XBL).",
        "550 Mail from 192.0.2.9 rejected see: http://www.dnsbl.sorbs.net/",
      ],
    },
    {
      id: "dnsbl.domain-list",
      provider: "generic",
      match: {
        any: [
          "uribl",
          "surbl",
          "spamhaus dbl",
          "dbl.spamhaus",
          "domain present in",
          "url blocklist",
          "uri blocklist",
          "listed url",
        ],
      },
      reason: "spamdetected",
      priority: PRIORITY.blocklist + 1,
      meaning:
        "A domain that appears in the message (a link, the From: domain) is on a domain blocklist; the receiver treats the message as spam.",
      senderAction:
        "Find which domain in the message is listed (links, tracking and image hosts, the From: domain), remove it or get it delisted, then resend.",
      examples: [
        "550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/",
        "554 5.7.1 Service unavailable; Client host [mail.example.com] blocked using multi.uribl.com",
      ],
    },
    {
      id: "dnsbl.resolver-refused",
      provider: "generic",
      match: {
        any: [
          "query refused",
          "open resolver",
          "your dns ip",
          "public resolver",
          "blocked using a public",
          "excessive number of queries",
        ],
        all: [["blocked using", "blocklist", "dnsbl", "rbl", "spamhaus", "uribl", "listed"]],
      },
      reason: "systemerror",
      permanent: false,
      priority: PRIORITY.override,
      meaning:
        "The receiver's own blocklist look-up failed: the list refused its DNS query (typically because it asks through a public or open resolver), so the 'listing' is an error on the receiving side and the sender is not actually listed.",
      senderAction:
        "Do not chase a delisting. Retry later and tell the receiving postmaster that their DNSBL queries are being refused.",
      adminAction:
        "Use a local recursive resolver (not a public one) for DNSBL look-ups, or a registered data feed; the list is refusing your queries.",
      examples: [
        "554 5.7.1 Service unavailable; Client host [mail.example.com] blocked using multi.uribl.com; 127.0.0.1 -> Query Refused. See http://uribl.com/refused.shtml",
      ],
    },
    {
      id: "dnsbl.ip-blocked",
      provider: "generic",
      match: {
        any: [
          "client host rejected",
          "client host blocked",
          "ip blocked",
          "ip is blocked",
          "ip address is blocked",
          "ip address blocked",
          "blocked ip",
          "banned sending ip",
          "ip has been blocked",
          "has been temporarily blocked",
          "ip address has been blocked",
          "connection rejected",
          "bloquee",
          "bad ip",
          "ip blacklisted",
          "not accepting connections",
          "invalid ip for sending",
          "connections not accepted",
          "access to submit messages",
          "blocked for abuse",
          "blocked for spam",
          "blocked for spamming",
          "smtp server of your isp",
          "host network not allowed",
          "not allowed to connect",
          "poor reputation sender",
          "junkmail rejected",
          "geoip",
          "helo/ehlo rejected",
          "helo command rejected",
          "ehlo command rejected",
          "block temporarily",
          "block permanently",
          "zombie",
          "(ers)",
        ],
      },
      reason: "blocked",
      priority: PRIORITY.reputation + 1,
      meaning:
        "The receiver refused the connection or message because of the sending host: its IP address, network or HELO name.",
      examples: [
        "554 5.7.1 Client host blocked for spamming issues.",
        "554 5.7.1 <relay.example.net[192.0.2.9]>: Client host rejected: Access denied",
        "550 5.7.606 Access denied, banned sending IP [192.0.2.9].",
      ],
    },
    {
      id: "dnsbl.spammer-host",
      provider: "generic",
      match: {
        any: ["identified as spammer", "is an open relay", "known spammer", "spam source", "spam sender"],
      },
      reason: "blocked",
      priority: PRIORITY.sender + 1,
      meaning:
        "The receiver refuses the sending host itself as a source of spam or an open relay, whatever the envelope says.",
      examples: [
        "553 5.7.1 <relay.example.net[192.0.2.9]>: Client host rejected: Relaying denied - Your IP identified as spammer.",
        "501 <ann@example.org>... no access from mail server [192.0.2.9] which is an open relay.",
      ],
    },
    {
      id: "dnsbl.invalid-helo-domain",
      provider: "generic",
      match: { any: ["invalid domain name"], code: ["501"] },
      reason: "blocked",
      priority: PRIORITY.recipientStrong + 1,
      meaning:
        "501 to a domain argument: the server refused the domain the client gave (its HELO name or sender domain) as invalid; the sending host is refused.",
      examples: ["501 5.0.0 Invalid domain name"],
    },
    {
      id: "dnsbl.access-denied",
      provider: "generic",
      match: { any: ["access denied"] },
      reason: "rejected",
      priority: PRIORITY.recipient - 1,
      meaning:
        "A bare 'Access denied' answers an access check on the envelope (most often the sender's address or domain) without saying more.",
      examples: ["550 5.7.1 Access denied"],
    },
    {
      id: "dnsbl.blocked-vague",
      provider: "generic",
      match: { any: ["blocked by", "you are blocked", "blocked"] },
      reason: "blocked",
      // Below every specific statement: "recipient account is blocked" is a disabled mailbox.
      priority: PRIORITY.recipient - 1,
      meaning:
        "The receiver says the message or sender was blocked without naming a list or a content verdict.",
      examples: ["550-192.0.2.9 blocked by ldap:ou=hosts,dc=example,dc=org\n550 Error"],
    },
    {
      id: "dnsbl.allowlist-only",
      provider: "generic",
      match: {
        any: ["not in whitelist", "not in allowlist", "not on the allowlist", "not in the whitelist"],
      },
      reason: "blocked",
      permanent: true,
      priority: PRIORITY.blocklist + 1,
      meaning:
        "The recipient's domain only accepts mail from IP addresses on its allowlist; this sender is not on it, so retries will not help until the recipient adds it.",
      senderAction: "Ask the recipient's administrator to allowlist your sending IP, or send another way.",
      examples: ["421 4.7.0 IP not in whitelist for RCPT domain, closing connection."],
    },
    {
      id: "dnsbl.behaviour-block",
      provider: "generic",
      match: {
        any: [
          "too many invalid recipients",
          "excessive rejected recipients",
          "excessive authentication failures",
          "abusive requests",
          "flooding our",
          "temporarily blocked",
          "blocked for the day",
          "too many bad recipients",
          "too many unknown recipients",
        ],
      },
      reason: "blocked",
      permanent: false,
      priority: PRIORITY.blocklist + 2,
      meaning:
        "The receiver blocked the sending IP for a while because of how it behaved (too many unknown recipients, authentication failures or connections); the block lifts by itself.",
      senderAction:
        "Find out what triggered it (a stale list, a misconfigured client, a compromised account), fix that, and let the block expire before sending again.",
      examples: [
        "554 This IP has been temporarily blocked for attempting to mail too many invalid recipients.",
        "554 Your IP is generating excessive authentication failures.",
      ],
    },
  ],
};
