/**
 * Enhanced status codes (RFC 3463): every record of the IANA registry, plus codes that
 * providers send although the registry does not list them (or lists them with another
 * meaning). Pure data; the lookups live in `enhanced-lookup.ts`.
 *
 * Codes, numbers, section references and the registry's short titles are facts and are
 * kept as written. Every meaning and note is our own wording.
 *
 * `reason` is the Sisimai-style reason to fall back on when nothing but the code is known.
 * The text of a reply beats it whenever a rule recognises the text.
 */
import type { Reason } from "../types.js";
import type { EnhancedCodeInfo } from "./types.js";

// Documentation pages cited by the non-standard entries.
const EXO_NDR =
  "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online";
const EXO_NDR_BASE = "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/";
const EXCHANGE_SERVER_NDR =
  "https://learn.microsoft.com/en-us/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages";
const OUTLOOK_5_7_515 =
  "https://support.microsoft.com/en-au/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef";
const GMAIL_SMTP_ERRORS = "https://support.google.com/a/answer/3726730";
const GMAIL_SENDER_GUIDELINES = "https://support.google.com/mail/answer/81126";
const SISIMAI_STATUS_TABLE = "https://github.com/sisimai/go-sisimai/blob/main/smtp/status/lib.go";

// ---------------------------------------------------------------------------------------
// Registry: class sub-codes, subject sub-codes and enumerated detail codes.
// ---------------------------------------------------------------------------------------

const CLASSES: EnhancedCodeInfo[] = [
  {
    code: "2.XXX.YYY",
    kind: "class",
    title: "Success",
    meaning:
      "Good news: the message was delivered or passed on. A detail code may add that something was altered on the way, for example converted.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2"],
    usage: "success",
  },
  {
    code: "4.XXX.YYY",
    kind: "class",
    title: "Persistent Transient Failure",
    meaning:
      "Not delivered yet, but the message itself is acceptable; the condition is expected to pass, so keep the message queued and try again later.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2"],
    usage: "transient",
    notes: [
      "Some 4.x.x replies can never clear by waiting (TLS required, relaying refused, sender not allowed); read the text before retrying for days.",
    ],
  },
  {
    code: "5.XXX.YYY",
    kind: "class",
    title: "Permanent Failure",
    meaning:
      "Trying again with the same message, address and setup will fail the same way. Something must change first: the address, the content, the sending configuration or the receiver's policy.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2"],
    usage: "permanent",
    notes: [
      "Servers are careless with the class: quotas, rate limits and 'try later' texts often come with 5.x.x. The text decides, not the first digit.",
    ],
  },
];

const SUBJECTS: EnhancedCodeInfo[] = [
  {
    code: "X.0.YYY",
    kind: "subject",
    title: "Other or Undefined Status",
    meaning:
      "The code says nothing about the area of the problem; only the class (success, later, never) counts.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.1"],
    usage: "both",
    notes: [
      "Codes 4.0.900 to 5.0.981 are written by Sisimai-based bounce parsers, never by mail servers; see PARSER_PSEUDO_CODES.",
    ],
  },
  {
    code: "X.1.YYY",
    kind: "subject",
    title: "Addressing Status",
    meaning:
      "An envelope address is at fault, the recipient's or the sender's: it is malformed, does not exist, or its domain cannot take mail. Usually the sender can correct it.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.2"],
    usage: "both",
  },
  {
    code: "X.2.YYY",
    kind: "subject",
    title: "Mailbox Status",
    meaning:
      "The recipient's mailbox exists but something about it stops delivery: disabled, full, or limited. The recipient, not the sender, can change that.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.3"],
    usage: "both",
  },
  {
    code: "X.3.YYY",
    kind: "subject",
    title: "Mail System Status",
    meaning:
      "The receiving system as a whole is the obstacle: storage, load, configuration, features or size limits. Its administrator has to act.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.4"],
    usage: "both",
  },
  {
    code: "X.4.YYY",
    kind: "subject",
    title: "Network and Routing Status",
    meaning:
      "Moving the message to the next hop failed: DNS, routing, connections, loops, or the message waited in a queue too long.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.5"],
    usage: "both",
  },
  {
    code: "X.5.YYY",
    kind: "subject",
    title: "Mail Delivery Protocol Status",
    meaning:
      "The SMTP conversation went wrong: unknown or misplaced commands, bad arguments, too many recipients for one transaction, a dropped session.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.6"],
    usage: "both",
  },
  {
    code: "X.6.YYY",
    kind: "subject",
    title: "Message Content or Media Status",
    meaning:
      "The content cannot travel as it is: media types, encodings, conversions, or internationalised (UTF-8) headers and addresses.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.7"],
    usage: "both",
  },
  {
    code: "X.7.YYY",
    kind: "subject",
    title: "Security or Policy Status",
    meaning:
      "A policy or security check said no: spam filters, blocklists, relay rules, SMTP AUTH, SPF/DKIM/DMARC, encryption demands. The most crowded subject in practice, so the reply text matters most here.",
    status: "standard",
    basicCodes: [],
    references: ["RFC 3463 §2", "RFC 3463 §3.8"],
    usage: "both",
  },
];

const DETAILS: EnhancedCodeInfo[] = [
  // X.0 ---------------------------------------------------------------------------------
  {
    code: "X.0.0",
    kind: "detail",
    title: "Other undefined Status",
    meaning:
      "A generic code: the server knew only whether it was success, temporary or permanent. Everything useful is in the reply text.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Any",
    references: ["RFC 3463 §3.1"],
    usage: "both",
    // Deliberately no guess: the code carries no subject at all.
    reason: "undefined",
    notes: ['"250 2.0.0 OK" is the usual success reply; 4.0.0 and 5.0.0 are common catch-alls for failures.'],
  },
  // X.1 ---------------------------------------------------------------------------------
  {
    code: "X.1.0",
    kind: "detail",
    title: "Other address status",
    meaning:
      "Some problem with an address, without saying which one or what. Find out from the text whether the recipient or the sender is meant.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.2"],
    usage: "both",
    // Debatable: servers use 5.1.0 for unknown recipients and for refused senders alike.
    reason: "userunknown",
    notes: [
      'Many servers reply 5.1.0 about the sender ("sender rejected", SPF refusals, blocklisted MAIL FROM domains); do not suppress the recipient on the code alone.',
    ],
  },
  {
    code: "X.1.1",
    kind: "detail",
    title: "Bad destination mailbox address",
    meaning:
      "The recipient's mailbox (the part before @) does not exist at that domain. Usually a typo or a closed account; stop mailing the address.",
    status: "standard",
    basicCodes: [451, 550],
    references: ["RFC 3463 §3.2"],
    usage: "permanent",
    reason: "userunknown",
    notes: [
      "A few providers write over-quota, rate-limit or temporary lookup failures with 5.1.1; when the text speaks of quota or 'try later', believe the text.",
      "Exchange Online adds its own recipient-not-found codes (5.1.10, 5.4.1 'Access denied') that mean the same.",
    ],
  },
  {
    code: "X.1.2",
    kind: "detail",
    title: "Bad destination system address",
    meaning:
      "The recipient's domain (after @) does not exist or has no host that accepts mail. Check the domain for typos; a dead domain will not come back soon.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.2"],
    usage: "permanent",
    reason: "hostunknown",
    notes: ["Gmail also answers 553 5.1.2 for recipient addresses it finds syntactically invalid."],
  },
  {
    code: "X.1.3",
    kind: "detail",
    title: "Bad destination mailbox address syntax",
    meaning:
      "The recipient address is malformed, so it cannot even be looked up. Fix the address in the list or form it came from.",
    status: "standard",
    basicCodes: [501],
    references: ["RFC 3463 §3.2"],
    usage: "permanent",
    reason: "userunknown",
  },
  {
    code: "X.1.4",
    kind: "detail",
    title: "Destination mailbox address ambiguous",
    meaning:
      "The receiver's directory matched the address to more than one mailbox and would not pick one. The recipient's side has to clean up its directory, or the sender must use an exact address.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.2"],
    usage: "both",
    // Debatable: a directory fault on the receiving side rather than a dead address.
    reason: "systemerror",
  },
  {
    code: "X.1.5",
    kind: "detail",
    title: "Destination address valid",
    meaning: "Positive: the recipient address was checked and accepted. Seen on 250 replies to RCPT TO.",
    status: "standard",
    basicCodes: [250],
    references: ["RFC 3463 §3.2"],
    usage: "success",
    reason: "delivered",
  },
  {
    code: "X.1.6",
    kind: "detail",
    title: "Destination mailbox has moved, No forwarding address",
    meaning:
      "The address worked once but its owner has left and no new address is on file. Remove it, or ask the person for their new address another way.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.2"],
    usage: "permanent",
    reason: "hasmoved",
  },
  {
    code: "X.1.7",
    kind: "detail",
    title: "Bad sender's mailbox address syntax",
    meaning:
      "The envelope sender (MAIL FROM) is malformed. The recipient is fine; fix the return path your software uses.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.2"],
    usage: "both",
    reason: "rejected",
  },
  {
    code: "X.1.8",
    kind: "detail",
    title: "Bad sender's system address",
    meaning:
      "The sender's domain does not exist in DNS or could not receive a bounce, so the receiver will not accept mail from it. Fix the sending domain's DNS (MX or A records); the recipient is not at fault.",
    status: "standard",
    basicCodes: [451, 501],
    references: ["RFC 3463 §3.2"],
    usage: "both",
    reason: "rejected",
    notes: [
      'Exchange Online uses "550 5.1.8 Access denied, bad outbound sender" when it has blocked the sending account for spamming, usually after a compromise.',
    ],
  },
  {
    code: "X.1.9",
    kind: "detail",
    title: "Message relayed to non-compliant mailer",
    meaning:
      "A message-tracking status: the address was good and the message moved on, but to a system that cannot report further, so tracking stops here.",
    status: "extension",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3886"],
    // Our reading: a tracking report about a message that went on, so not a failure.
    usage: "success",
    reason: "delivered",
  },
  {
    code: "X.1.10",
    kind: "detail",
    title: "Recipient address has null MX",
    meaning:
      "The recipient's domain publishes a null MX record: it states that it never receives mail. No retry or fix on the sending side will help.",
    status: "standard",
    basicCodes: [556],
    references: ["RFC 7505 §4", "RFC 7504 §4"],
    usage: "permanent",
    registered: "2014-08-28",
    reason: "notaccept",
    notes: [
      'Exchange Online sends "550 5.1.10 RESOLVER.ADR.RecipientNotFound" for an unknown recipient, which has nothing to do with null MX; with 550 and that text it means the mailbox does not exist.',
    ],
  },
  // X.2 ---------------------------------------------------------------------------------
  {
    code: "X.2.0",
    kind: "detail",
    title: "Other or undefined mailbox status",
    meaning:
      "A problem tied to the recipient's mailbox, with no detail given. The text usually says whether it is quota, a block or a disabled account.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.3"],
    usage: "both",
    // Debatable: Sisimai reads 5.2.0 as filtered; in the wild it also carries over-quota texts.
    reason: "filtered",
    notes: ['Some servers report a full mailbox as 5.2.0 (e.g. "522 5.2.0 Over quota").'],
  },
  {
    code: "X.2.1",
    kind: "detail",
    title: "Mailbox disabled, not accepting messages",
    meaning:
      "The recipient's account exists but is switched off or suspended. If it stays disabled, stop sending; a temporary suspension (migration, unpaid account) can lift.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.3"],
    usage: "both",
    reason: "suspend",
    notes: [
      'Gmail\'s "550 5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages" is a per-recipient rate limit, not a dead mailbox: retry later and keep the address.',
      'Gmail\'s "5.2.1 The email account that you tried to reach is disabled/inactive" is the genuine disabled-account case.',
    ],
  },
  {
    code: "X.2.2",
    kind: "detail",
    title: "Mailbox full",
    meaning:
      "The recipient is over their storage quota. They can free space, so the registry treats it as temporary; retry for a while before giving up on the address.",
    status: "standard",
    basicCodes: [552],
    references: ["RFC 3463 §3.3"],
    usage: "transient",
    reason: "mailboxfull",
    notes: [
      "Although the registry intends 4.2.2, many servers answer 552 5.2.2; treat it as soft at first and suppress only after repeated full-mailbox bounces over days.",
      'Exchange Online also uses 5.2.2 for "Submission quota exceeded": the sender\'s own account hit its sending limit (a rate limit, possibly a compromised account).',
    ],
  },
  {
    code: "X.2.3",
    kind: "detail",
    title: "Message length exceeds administrative limit",
    meaning:
      "The message is bigger than this recipient's mailbox allows (a per-mailbox limit below the system's own). Send a smaller message or a link instead of attachments.",
    status: "standard",
    basicCodes: [552],
    references: ["RFC 3463 §3.3"],
    usage: "permanent",
    reason: "emailtoolarge",
  },
  {
    code: "X.2.4",
    kind: "detail",
    title: "Mailing list expansion problem",
    meaning:
      "The recipient address is a list and the list server could not expand it into members. The list's owner has to fix it; it may clear by itself.",
    status: "standard",
    basicCodes: [450, 452],
    references: ["RFC 3463 §3.3"],
    usage: "both",
    reason: "systemerror",
  },
  // X.3 ---------------------------------------------------------------------------------
  {
    code: "X.3.0",
    kind: "detail",
    title: "Other or undefined mail system status",
    meaning:
      "Something in the receiving system stopped the message, without details. Often a temporary fault on their side; the text may point to blocks or unknown users instead.",
    status: "standard",
    basicCodes: [221, 250, 421, 451, 550, 554],
    references: ["RFC 3463 §3.4"],
    usage: "both",
    reason: "systemerror",
    notes: [
      "Sendmail reports many unrelated rejections (blocklists, unknown users, mailer errors) as 5.3.0.",
    ],
  },
  {
    code: "X.3.1",
    kind: "detail",
    title: "Mail system full",
    meaning:
      "The receiving server ran out of storage or resources for everybody, not just one mailbox. Retry later; the administrator must free space.",
    status: "standard",
    basicCodes: [452],
    references: ["RFC 3463 §3.4"],
    usage: "transient",
    reason: "systemfull",
  },
  {
    code: "X.3.2",
    kind: "detail",
    title: "System not accepting network messages",
    meaning:
      "The receiving host is not taking mail right now (maintenance, overload, shutting down), or, with reply 521, never takes mail at all.",
    status: "standard",
    basicCodes: [453, 521],
    references: ["RFC 3463 §3.4", "RFC 7504 §3"],
    usage: "both",
    // Debatable: with 521/5.3.2 the host never accepts mail (notaccept); the common 4.3.2 is a passing fault.
    reason: "systemerror",
    notes: [
      'Exchange Online uses "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded" when one mailbox receives too fast (a rate limit) and "421 4.3.2 Service not available" for passing faults.',
    ],
  },
  {
    code: "X.3.3",
    kind: "detail",
    title: "System not capable of selected features",
    meaning:
      "The message asks for features the destination cannot provide, typically at a gateway into another mail world. Send without the special options.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.4"],
    usage: "both",
    reason: "systemerror",
  },
  {
    code: "X.3.4",
    kind: "detail",
    title: "Message too big for system",
    meaning:
      "The message is larger than the server accepts for any message. Shrink it: compress or drop attachments, or share a link.",
    status: "standard",
    basicCodes: [552, 554],
    references: ["RFC 3463 §3.4"],
    usage: "permanent",
    reason: "emailtoolarge",
    notes: ["Gmail also uses 552 5.3.4 for too many attachments and for oversized headers."],
  },
  {
    code: "X.3.5",
    kind: "detail",
    title: "System incorrectly configured",
    meaning:
      "The receiving system's own setup prevents it from accepting the message. Only its administrator can fix it.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.4"],
    usage: "both",
    reason: "systemerror",
  },
  {
    code: "X.3.6",
    kind: "detail",
    title: "Requested priority was changed",
    meaning:
      "Accepted, but not at the MT-PRIORITY level the sender asked for; the reply text begins with the priority actually used.",
    status: "extension",
    basicCodes: [250, 251],
    basicCodesNote: "250 or 251",
    references: ["RFC 6710"],
    usage: "success",
    reason: "delivered",
  },
  // X.4 ---------------------------------------------------------------------------------
  {
    code: "X.4.0",
    kind: "detail",
    title: "Other or undefined network or routing status",
    meaning:
      "A network or routing problem that the server could not name more precisely. Usually worth retrying; check the text for DNS hints.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.5"],
    usage: "both",
    reason: "networkerror",
  },
  {
    code: "X.4.1",
    kind: "detail",
    title: "No answer from host",
    meaning:
      "The sending side could not get a connection answered by the next host (down, busy or firewalled). It keeps retrying until the queue lifetime ends.",
    status: "standard",
    basicCodes: [451],
    references: ["RFC 3463 §3.5"],
    usage: "transient",
    reason: "networkerror",
    notes: [
      'Exchange Online uses "550 5.4.1 Recipient address rejected: Access denied" for recipients its directory does not know (Directory Based Edge Blocking): that is a dead address (userunknown), not a network fault.',
      'Exchange Online also uses "550 5.4.1 Relay Access Denied" when it does not accept mail for the recipient domain.',
    ],
  },
  {
    code: "X.4.2",
    kind: "detail",
    title: "Bad connection",
    meaning:
      "A connection was made but broke down before the transaction finished, through a timeout or a poor link. Retrying normally works.",
    status: "standard",
    basicCodes: [421],
    references: ["RFC 3463 §3.5"],
    usage: "transient",
    reason: "networkerror",
  },
  {
    code: "X.4.3",
    kind: "detail",
    title: "Directory server failure",
    meaning:
      "A lookup service the mail system depends on, usually DNS, did not answer, so the message could not be routed. A retry later normally succeeds.",
    status: "standard",
    basicCodes: [451, 550],
    references: ["RFC 3463 §3.5"],
    usage: "transient",
    reason: "networkerror",
  },
  {
    code: "X.4.4",
    kind: "detail",
    title: "Unable to route",
    meaning:
      "No next hop could be worked out from DNS for the destination domain (for example it has no MX and no address record). Check the domain name; persistent cases mean the domain takes no mail.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.5"],
    usage: "both",
    reason: "hostunknown",
  },
  {
    code: "X.4.5",
    kind: "detail",
    title: "Mail system congestion",
    meaning: "The mail system is overloaded and deferred the message. Wait and retry.",
    status: "standard",
    basicCodes: [451],
    references: ["RFC 3463 §3.5"],
    usage: "transient",
    reason: "systemerror",
    notes: [
      'Google Workspace answers "550 5.4.5 Daily SMTP relay limit exceeded" when the sending account reached its relay quota: a sender-side rate limit.',
    ],
  },
  {
    code: "X.4.6",
    kind: "detail",
    title: "Routing loop detected",
    meaning:
      "The message bounced between systems too many times (forwarding rules or MX records pointing at each other). Someone must fix the forwarding or routing setup.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.5"],
    usage: "transient",
    reason: "networkerror",
    notes: [
      "Exchange Online reports the same condition as 5.4.14; on-premises Exchange as 5.4.6 (hop count exceeded).",
      "Some hosts (Titan) put quota-exceeded texts behind 5.4.6; those are rate limits.",
    ],
  },
  {
    code: "X.4.7",
    kind: "detail",
    title: "Delivery time expired",
    meaning:
      "The sending system gave up: the message sat in its queue too long, or outlived a lifetime the sender set. It says nothing certain about the recipient; look for the last real error.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.5"],
    usage: "both",
    reason: "expired",
    notes: [
      'Exchange writes "550 4.4.7 QUEUE.Expired; message expired": a permanent basic code with a transient class. The message is gone either way.',
    ],
  },
  // X.5 ---------------------------------------------------------------------------------
  {
    code: "X.5.0",
    kind: "detail",
    title: "Other or undefined protocol status",
    meaning:
      "Something went wrong in the SMTP exchange that the server did not name. Read the text: this code is often reused for unrelated refusals.",
    status: "standard",
    basicCodes: [220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554],
    references: ["RFC 3463 §3.6"],
    usage: "both",
    reason: "syntaxerror",
    notes: [
      "La Poste answers 550 5.5.0 for many unrelated decisions (blocked recipient account, authentication required, IP blocked, 'try later').",
      'Outlook.com answers "550 5.5.0 Requested action not taken: mailbox unavailable" for unknown hotmail.com/outlook.com recipients.',
    ],
  },
  {
    code: "X.5.1",
    kind: "detail",
    title: "Invalid command",
    meaning:
      "A command came out of order or is not supported (for example DATA before RCPT). A bug or misconfiguration in the sending software.",
    status: "standard",
    basicCodes: [430, 500, 501, 503, 530, 550, 554, 555],
    references: ["RFC 3463 §3.6"],
    usage: "permanent",
    reason: "syntaxerror",
  },
  {
    code: "X.5.2",
    kind: "detail",
    title: "Syntax error",
    meaning: "The server could not parse the command, or does not know it. Check the sending software.",
    status: "standard",
    basicCodes: [500, 501, 502, 550, 555],
    references: ["RFC 3463 §3.6"],
    usage: "permanent",
    reason: "syntaxerror",
  },
  {
    code: "X.5.3",
    kind: "detail",
    title: "Too many recipients",
    meaning:
      "More recipients were given in one transaction than the server takes. Send the rest in further transactions; the accepted recipients are fine.",
    status: "standard",
    basicCodes: [451],
    references: ["RFC 3463 §3.6", "RFC 5321 §4.5.3.1.10"],
    usage: "both",
    // A limit on volume per transaction, like Sisimai's old toomanyconn, now ratelimited.
    reason: "ratelimited",
    notes: [
      "Exchange Online sends 4.5.3 when one message carries more than 200 envelope recipients of the same domain.",
    ],
  },
  {
    code: "X.5.4",
    kind: "detail",
    title: "Invalid command arguments",
    meaning:
      "A known command had arguments the server rejects (for example an invalid HELO name or an unknown MAIL FROM parameter).",
    status: "standard",
    basicCodes: [451, 501, 502, 503, 504, 550, 555],
    references: ["RFC 3463 §3.6"],
    usage: "permanent",
    reason: "syntaxerror",
    notes: ["Some filters misuse 5.5.4 for blocklisted IP addresses; read the text."],
  },
  {
    code: "X.5.5",
    kind: "detail",
    title: "Wrong protocol version",
    meaning:
      "Client and server could not agree on a protocol version. Rare with SMTP; points at unusual software.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.6"],
    usage: "both",
    reason: "syntaxerror",
  },
  {
    code: "X.5.6",
    kind: "detail",
    title: "Authentication Exchange line is too long",
    meaning:
      "During SMTP AUTH the client's base64 response was longer than the server's buffer for that mechanism. Try another mechanism or a shorter token.",
    status: "extension",
    basicCodes: [500],
    references: ["RFC 4954 §6"],
    usage: "both",
    reason: "syntaxerror",
  },
  // X.6 ---------------------------------------------------------------------------------
  {
    code: "X.6.0",
    kind: "detail",
    title: "Other or undefined media error",
    meaning:
      "Something in the content made the message undeliverable, with no detail. Look at the text; some filters use it for spam or malformed messages.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.7"],
    usage: "both",
    reason: "contenterror",
  },
  {
    code: "X.6.1",
    kind: "detail",
    title: "Media not supported",
    meaning:
      "The next system cannot carry this kind of content (media type or encoding). Send it in a plainer form.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.7"],
    usage: "permanent",
    reason: "contenterror",
  },
  {
    code: "X.6.2",
    kind: "detail",
    title: "Conversion required and prohibited",
    meaning:
      "The content would have to be converted for the next hop, but the sender or the host's policy forbids conversion.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.7"],
    usage: "both",
    reason: "contenterror",
  },
  {
    code: "X.6.3",
    kind: "detail",
    title: "Conversion required but not supported",
    meaning:
      "The content needs converting (for example 8-bit to 7-bit) and no system on the path can do it. Send 7-bit-safe content.",
    status: "standard",
    basicCodes: [554],
    references: ["RFC 3463 §3.7"],
    usage: "both",
    reason: "contenterror",
  },
  {
    code: "X.6.4",
    kind: "detail",
    title: "Conversion with loss performed",
    meaning:
      "Delivered, but a conversion on the way lost some information. If the sender had forbidden lossy conversion, the same code reports a failure instead.",
    status: "standard",
    basicCodes: [250],
    references: ["RFC 3463 §3.7"],
    usage: "success",
    reason: "delivered",
  },
  {
    code: "X.6.5",
    kind: "detail",
    title: "Conversion Failed",
    meaning: "A needed conversion of the content was tried and did not work.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.7"],
    usage: "both",
    reason: "contenterror",
  },
  {
    code: "X.6.6",
    kind: "detail",
    title: "Message content not available",
    meaning:
      "With BURL, the submission server had to fetch the message body from a URL (an IMAP store) and could not.",
    status: "extension",
    basicCodes: [554],
    references: ["RFC 4468"],
    usage: "both",
    reason: "contenterror",
  },
  {
    code: "X.6.7",
    kind: "detail",
    title: "Non-ASCII addresses not permitted for that sender/recipient",
    meaning:
      "An internationalised (non-ASCII) address in MAIL FROM or RCPT TO was refused; the server or path does not handle SMTPUTF8 for it.",
    status: "extension",
    basicCodes: [553, 550],
    references: ["RFC 6531 §3.5"],
    usage: "permanent",
    reason: "contenterror",
  },
  {
    code: "X.6.8",
    kind: "detail",
    title: "UTF-8 string reply is required, but not permitted by the SMTP client",
    meaning:
      "The server would have to answer in UTF-8 (for example to VRFY or EXPN) but the client did not ask for SMTPUTF8.",
    status: "extension",
    basicCodes: [252, 553, 550],
    references: ["RFC 6531 §3.5"],
    usage: "both",
    reason: "contenterror",
  },
  {
    code: "X.6.9",
    kind: "detail",
    title:
      "UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected",
    meaning:
      "After the data was sent, the server found that some recipient cannot receive headers in UTF-8, so the message as a whole is refused.",
    status: "extension",
    basicCodes: [550],
    references: ["RFC 6531 §3.5"],
    usage: "permanent",
    reason: "contenterror",
    notes: [
      'Sendmail also uses 5.6.9 for raw 8-bit bytes in headers ("improper use of 8-bit data in message header").',
    ],
  },
  {
    code: "X.6.10",
    kind: "detail",
    // The registry records no title for this code.
    title: "Duplicate of X.6.8 (deprecated)",
    meaning: "A second registration of X.6.8; the registry deprecates it. Read it as X.6.8.",
    status: "extension",
    basicCodes: [],
    references: ["RFC 6531"],
    usage: "both",
    deprecated: true,
    reason: "contenterror",
  },
  // X.7 ---------------------------------------------------------------------------------
  {
    code: "X.7.0",
    kind: "detail",
    title: "Other or undefined security status",
    meaning:
      "A security or policy reason, not named (sometimes withheld on purpose). Also the usual code for 'authentication required' and for successful AUTH.",
    status: "standard",
    basicCodes: [220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550],
    references: ["RFC 3463 §3.8"],
    usage: "both",
    // Debatable: Sisimai says securityerror; in collected replies 5.7.0 is mostly a local policy refusal.
    reason: "policyviolation",
    notes: [
      "With 530 or 535 it concerns SMTP AUTH (securityerror); with 550/554 it is mostly a content or policy filter.",
    ],
  },
  {
    code: "X.7.1",
    kind: "detail",
    title: "Delivery not authorized, message refused",
    meaning:
      "The receiver refused this sender, host or message by policy: blocklists, reputation, relay rules, spam or content filters, recipient restrictions. The text is essential to know which.",
    status: "standard",
    basicCodes: [451, 454, 502, 503, 533, 550, 551],
    references: ["RFC 3463 §3.8"],
    usage: "permanent",
    // Debatable: 5.7.1 covers everything from relay denial to DMARC; IP blocking is the most frequent use.
    reason: "blocked",
    notes: [
      "By far the most overloaded code: blocklisted IPs, DMARC or SPF refusals, spam verdicts, 'relay access denied', RFC 5322 violations and group restrictions all arrive as 5.7.1.",
      "4.7.1 is common for greylisting and temporary reputation deferrals.",
    ],
  },
  {
    code: "X.7.2",
    kind: "detail",
    title: "Mailing list expansion prohibited",
    meaning:
      "The sender may not post to this mailing list (not a member, or the list is moderated). Ask the list owner for permission.",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 3463 §3.8"],
    usage: "permanent",
    reason: "rejected",
    notes: [
      'Yahoo uses "553 5.7.2 [TSS09] All messages from <ip> will be permanently deferred" for a sending IP it has blocked.',
    ],
  },
  {
    code: "X.7.3",
    kind: "detail",
    title: "Security conversion required but not possible",
    meaning: "Delivery needed converting between two secure-messaging formats, and that could not be done.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.8"],
    usage: "permanent",
    reason: "securityerror",
    notes: ["Exchange uses 5.7.3 between its own servers when Exchange Server authentication fails."],
  },
  {
    code: "X.7.4",
    kind: "detail",
    title: "Security features not supported",
    meaning:
      "The message or session asks for a security feature the server does not support, such as an unknown AUTH mechanism.",
    status: "standard",
    basicCodes: [504],
    references: ["RFC 3463 §3.8"],
    usage: "permanent",
    reason: "securityerror",
  },
  {
    code: "X.7.5",
    kind: "detail",
    title: "Cryptographic failure",
    meaning:
      "A system that should decrypt or verify the message could not, because a key or similar material was missing or bad.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.8"],
    usage: "both",
    reason: "securityerror",
    notes: [
      "Exchange Online uses 4.7.5/5.7.5 when the destination's certificate fails MTA-STS validation (failedstarttls).",
    ],
  },
  {
    code: "X.7.6",
    kind: "detail",
    title: "Cryptographic algorithm not supported",
    meaning: "A system that should decrypt or verify the message does not support the algorithm used.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.8"],
    usage: "both",
    reason: "securityerror",
  },
  {
    code: "X.7.7",
    kind: "detail",
    title: "Message integrity failure",
    meaning: "The message was found corrupted or altered when its integrity was checked.",
    status: "standard",
    basicCodes: [],
    basicCodesNote: "Not given",
    references: ["RFC 3463 §3.8"],
    usage: "both",
    reason: "securityerror",
  },
  {
    code: "X.7.8",
    kind: "detail",
    title: "Authentication credentials invalid",
    meaning:
      "SMTP AUTH failed: wrong user name or password, or an expired token. The client should ask for new credentials rather than retry.",
    status: "extension",
    basicCodes: [535, 554],
    references: ["RFC 4954 §6"],
    usage: "permanent",
    reason: "securityerror",
  },
  {
    code: "X.7.9",
    kind: "detail",
    title: "Authentication mechanism is too weak",
    meaning:
      "The AUTH mechanism the client chose is weaker than the server allows for this account; use a stronger one.",
    status: "extension",
    basicCodes: [534],
    references: ["RFC 4954 §6"],
    usage: "permanent",
    reason: "securityerror",
    notes: [
      "Gmail answers 534 5.7.9 when an app password or OAuth is required instead of the account password.",
      'Sendmail sites have been seen sending "554 5.7.9 Header error" for malformed headers, unrelated to AUTH.',
    ],
  },
  {
    code: "X.7.10",
    kind: "detail",
    title: "Encryption Needed",
    meaning:
      "The chosen AUTH mechanism may only be used inside an encrypted session; start TLS first or use a stronger mechanism.",
    status: "extension",
    basicCodes: [523],
    references: ["RFC 5248"],
    usage: "permanent",
    reason: "securityerror",
    notes: [
      "Gmail uses 5.7.10 when a client pipelines commands right after STARTTLS (a protocol violation).",
    ],
  },
  {
    code: "X.7.11",
    kind: "detail",
    title: "Encryption required for requested authentication mechanism",
    meaning:
      "The AUTH mechanism is allowed only over an encrypted connection. RFC 4954 keeps it for history: servers should simply not offer such mechanisms in clear text.",
    status: "historic",
    basicCodes: [524, 538],
    references: ["RFC 4954 §6"],
    usage: "permanent",
    reason: "securityerror",
    notes: [
      'Gmail answers "501 5.7.11 Syntax error (no parameters allowed)" to a STARTTLS command with arguments.',
    ],
  },
  {
    code: "X.7.12",
    kind: "detail",
    title: "A password transition is needed",
    meaning:
      "Before this SASL mechanism can be used, the account has to be converted to it; a single PLAIN login normally does that, after which the mechanism works.",
    status: "extension",
    basicCodes: [422, 432],
    references: ["RFC 4954 §6"],
    usage: "transient",
    reason: "securityerror",
    notes: [
      'Exchange Online reuses 5.7.12 for "Sender was not authenticated by organization": the recipient only takes mail from inside its own organisation (see the 5.7.12 entry).',
    ],
  },
  {
    code: "X.7.13",
    kind: "detail",
    title: "User Account Disabled",
    meaning:
      "Login succeeded but the account is disabled (abuse, unpaid, suspected break-in). Only the provider's administrator can re-enable it.",
    status: "extension",
    basicCodes: [525],
    references: ["RFC 5248"],
    usage: "permanent",
    reason: "suspend",
    notes: [
      "Exchange Online uses 5.7.13 (and 5.7.135) for a public folder that refuses senders from outside its organisation.",
    ],
  },
  {
    code: "X.7.14",
    kind: "detail",
    title: "Trust relationship required",
    meaning:
      "Before it can fetch or pass on the content, the submission server must be set up to trust another party, such as the IMAP store a BURL reference points to.",
    status: "extension",
    basicCodes: [535, 554],
    references: ["RFC 5248", "RFC 4468"],
    usage: "permanent",
    reason: "securityerror",
    notes: ['Gmail answers "534 5.7.14" when the account must first sign in through a web browser.'],
  },
  {
    code: "X.7.15",
    kind: "detail",
    title: "Priority Level is too low",
    meaning:
      "MT-PRIORITY: the server is only taking mail above the priority requested, perhaps just for now. Retry later or raise the priority if allowed.",
    status: "extension",
    basicCodes: [450, 550],
    basicCodesNote: "450, 550 (other 4XX or 5XX codes are allowed)",
    references: ["RFC 6710"],
    usage: "both",
    // Debatable: a receiver policy about priority; neither spam nor authentication.
    reason: "policyviolation",
  },
  {
    code: "X.7.16",
    kind: "detail",
    title: "Message is too big for the specified priority",
    meaning: "MT-PRIORITY: at the requested priority only smaller messages are taken, possibly only for now.",
    status: "extension",
    basicCodes: [552],
    basicCodesNote: "552 (other 4XX or 5XX codes are allowed)",
    references: ["RFC 6710"],
    usage: "both",
    reason: "emailtoolarge",
  },
  {
    code: "X.7.17",
    kind: "detail",
    title: "Mailbox owner has changed",
    meaning:
      "RRVS: the recipient mailbox has had a different owner since the date the sender gave, so the intended person is no longer there.",
    status: "extension",
    basicCodes: [],
    basicCodesNote: "5XX",
    references: ["RFC 7293"],
    usage: "permanent",
    registered: "2014-04-17",
    reason: "hasmoved",
  },
  {
    code: "X.7.18",
    kind: "detail",
    title: "Domain owner has changed",
    meaning: "RRVS: the recipient's domain has changed hands since the date the sender gave.",
    status: "extension",
    basicCodes: [],
    basicCodesNote: "5XX",
    references: ["RFC 7293"],
    usage: "permanent",
    registered: "2014-04-17",
    reason: "hasmoved",
  },
  {
    code: "X.7.19",
    kind: "detail",
    title: "RRVS test cannot be completed",
    meaning:
      "RRVS: the receiver lacks the data to check ownership since the given date. The sender may resend without the RRVS requirement if it accepts the risk.",
    status: "extension",
    basicCodes: [],
    basicCodesNote: "5XX",
    references: ["RFC 7293"],
    usage: "permanent",
    registered: "2014-04-17",
    reason: "securityerror",
  },
  {
    code: "X.7.20",
    kind: "detail",
    title: "No passing DKIM signature found",
    meaning:
      "The receiver demands a valid DKIM signature and none verified. Sign outgoing mail with DKIM and check the published key.",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 7372 §3.1", "RFC 6376"],
    usage: "permanent",
    registered: "2014-08-13",
    reason: "authfailure",
  },
  {
    code: "X.7.21",
    kind: "detail",
    title: "No acceptable DKIM signature found",
    meaning:
      "Some DKIM signatures verified, but none from a signer the receiver's policy accepts (for example only the ESP's domain signed).",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 7372 §3.1", "RFC 6376"],
    usage: "permanent",
    registered: "2014-08-13",
    reason: "authfailure",
  },
  {
    code: "X.7.22",
    kind: "detail",
    title: "No valid author-matched DKIM signature found",
    meaning:
      "Valid DKIM signatures exist, but none is from the domain in the From header. Sign with the From domain (aligned DKIM).",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 7372 §3.1", "RFC 6376"],
    usage: "permanent",
    registered: "2014-08-13",
    reason: "authfailure",
  },
  {
    code: "X.7.23",
    kind: "detail",
    title: "SPF validation failed",
    meaning:
      "The sending IP is not allowed by the SPF record of the envelope sender's domain, and the receiver rejects SPF failures. Add the sending service to the SPF record.",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 7372 §3.2", "RFC 7208 §8.4"],
    usage: "permanent",
    registered: "2014-08-13",
    reason: "authfailure",
    notes: [
      "Gmail uses 421 4.7.23 for a sending IP without a matching PTR record (requireptr), unrelated to SPF; see the 4.7.23 entry.",
    ],
  },
  {
    code: "X.7.24",
    kind: "detail",
    title: "SPF validation error",
    meaning:
      "Evaluating SPF ended in an error: a broken record (too many lookups, syntax) or a DNS failure. Fix the SPF record; temporary DNS errors clear by themselves.",
    status: "standard",
    basicCodes: [451, 550],
    references: ["RFC 7372 §3.2", "RFC 7208 §8.6", "RFC 7208 §8.7"],
    usage: "both",
    registered: "2014-08-13",
    reason: "authfailure",
    notes: ["Gmail uses 4.7.24/5.7.24 when the sending domain's SPF record has suspicious entries."],
  },
  {
    code: "X.7.25",
    kind: "detail",
    title: "Reverse DNS validation failed",
    meaning:
      "The sending IP has no PTR record, or the PTR name does not resolve back to the same IP. The owner of the IP must set forward-confirmed reverse DNS.",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 7372 §3.3"],
    usage: "permanent",
    registered: "2014-08-13",
    reason: "requireptr",
    notes: ["Gmail and Exchange Online (for IPv6 senders) use 5.7.25 exactly this way."],
  },
  {
    code: "X.7.26",
    kind: "detail",
    title: "Multiple authentication checks failed",
    meaning:
      "More than one sender authentication check failed (typically both SPF and DKIM, hence DMARC). Set up SPF and DKIM aligned with the From domain.",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 7372 §3.4"],
    usage: "permanent",
    registered: "2014-08-13",
    reason: "authfailure",
    notes: [
      "Gmail uses 5.7.26 for unauthenticated mail and DMARC rejections, and 4.7.26 to rate-limit unauthenticated senders.",
      "Exchange Online uses 4.7.26 for mail over IPv6 that passes neither SPF nor DKIM.",
    ],
  },
  {
    code: "X.7.27",
    kind: "detail",
    title: "Sender address has null MX",
    meaning:
      "The MAIL FROM domain declares with a null MX record that it receives no mail, so no bounce could ever be returned to it; the receiver therefore refuses the message. Use a return path on a domain that can receive mail.",
    status: "standard",
    basicCodes: [550],
    references: ["RFC 7505 §4"],
    usage: "permanent",
    registered: "2014-08-28",
    reason: "rejected",
    notes: [
      "Gmail uses 4.7.27/5.7.27 for bulk mail whose SPF did not pass, unrelated to null MX; see the 4.7.27 entry.",
    ],
  },
  {
    code: "X.7.28",
    kind: "detail",
    title: "Mail flood detected",
    meaning:
      "The message looks like one of a flood of similar unwanted messages (list bombing). Slow down and check how addresses got onto the list.",
    // Registered from an Internet-Draft, not an RFC.
    status: "experimental",
    basicCodes: [],
    basicCodesNote: ".",
    references: ["draft-levine-mailbomb-header-00"],
    usage: "both",
    registered: "2017-06-22",
    // Debatable: the registered meaning is closer to spamdetected, but nearly every 4.7.28 seen is Gmail
    // throttling an unusual rate of unsolicited mail, so ratelimited fits the common case better.
    reason: "ratelimited",
    notes: [
      "Gmail sends 421 4.7.28 when an IP, domain or URL suddenly sends an unusual rate of unwanted mail, and also for too many messages with the same Message-ID; 550 5.7.28 is the hard block for the same reason.",
    ],
  },
  {
    code: "X.7.29",
    kind: "detail",
    title: "ARC validation failure",
    meaning:
      "The message's Authenticated Received Chain (ARC) did not validate, and the receiver relied on it.",
    // ARC (RFC 8617) is an Experimental RFC.
    status: "experimental",
    basicCodes: [550],
    references: ["RFC 8617"],
    usage: "permanent",
    registered: "2018-12-21",
    reason: "authfailure",
    notes: [
      "Gmail uses 4.7.29/5.7.29 for bulk mail not sent over TLS, unrelated to ARC; see the 4.7.29 entry.",
    ],
  },
  {
    code: "X.7.30",
    kind: "detail",
    title: "REQUIRETLS support required",
    meaning:
      "The message demands REQUIRETLS for every hop and the next server does not offer it, so the message cannot be passed on.",
    status: "extension",
    basicCodes: [550],
    references: ["RFC 8689"],
    usage: "permanent",
    registered: "2019-08-05",
    reason: "failedstarttls",
    notes: [
      "Gmail uses 4.7.30/5.7.30 for bulk mail whose DKIM did not pass, unrelated to REQUIRETLS; see the 4.7.30 entry.",
    ],
  },
];

// ---------------------------------------------------------------------------------------
// Codes seen in the wild that the registry does not list, or lists with another meaning.
// ---------------------------------------------------------------------------------------

function wild(
  code: string,
  title: string,
  reason: Reason,
  seenAt: string[],
  basicCodes: number[],
  meaning: string,
  references: string[],
  notes?: string[],
): EnhancedCodeInfo {
  const entry: EnhancedCodeInfo = {
    code,
    kind: "detail",
    title,
    meaning,
    status: "non-standard",
    basicCodes,
    references,
    usage: code.startsWith("2.") ? "success" : code.startsWith("4.") ? "transient" : "permanent",
    seenAt,
    reason,
  };
  if (notes) entry.notes = notes;
  return entry;
}

const MS = ["microsoft"];
const GMAIL = ["gmail"];

const WILD_MICROSOFT: EnhancedCodeInfo[] = [
  // Routing and delivery attempts made by Exchange Online for its own customers' outgoing mail.
  wild(
    "4.4.62",
    "Mail sent to the wrong Microsoft 365 region",
    "networkerror",
    MS,
    [451],
    "Exchange Online received the message in a datacenter region that does not serve the recipient's tenant. Usually a routing or connector mistake on the sending side; it can clear on retry.",
    [EXO_NDR],
  ),
  wild(
    "4.4.316",
    "Connection refused by the destination (Exchange Online)",
    "networkerror",
    MS,
    [],
    "Exchange Online tried to deliver outbound mail but the destination server refused the TCP connection. The problem sits with the receiving server or its network; Exchange Online keeps retrying.",
    [EXO_NDR],
  ),
  wild(
    "4.4.318",
    "Connection closed abruptly by the destination (Exchange Online)",
    "networkerror",
    MS,
    [450],
    "Exchange Online's connection to the destination was dropped mid-session (logged as SuspiciousRemoteServerError). It retries; persistent cases point at the remote server or a firewall.",
    [EXO_NDR],
  ),
  wild(
    "5.4.300",
    "Message expired (Exchange Online)",
    "expired",
    MS,
    [550],
    "Exchange Online gave up delivering: the destination never answered in time, or the bounce for an earlier failure could not be returned. Says nothing definite about the recipient.",
    [EXO_NDR],
  ),
  wild(
    "5.4.316",
    "Message expired after connections were refused (Exchange Online)",
    "expired",
    MS,
    [550],
    "Exchange Online retried until the queue lifetime ran out because the destination kept refusing connections. The recipient's mail server is down or blocking; the address may still be good.",
    [EXO_NDR],
    ["The transient form, 4.4.316, is sent while retries are still going on."],
  ),
  wild(
    "5.4.318",
    "Message expired after connections were reset (Exchange Online)",
    "expired",
    MS,
    [550],
    "Exchange Online retried until the queue lifetime ran out because the destination kept dropping the connection. A problem of the receiving server or the path to it.",
    [EXO_NDR],
  ),
  wild(
    "5.4.14",
    "Hop count exceeded, possible mail loop (Exchange Online)",
    "networkerror",
    MS,
    [554],
    "Exchange Online stopped a message that went round in circles, usually because of accepted-domain or hybrid connector settings. An administrator must fix the routing.",
    [`${EXO_NDR_BASE}fix-error-code-5-4-6-through-5-4-20-in-exchange-online`],
  ),
  // Recipients.
  wild(
    "5.1.10",
    "Recipient not found (Exchange Online)",
    "userunknown",
    MS,
    [550],
    "Exchange Online looked the recipient's address up in its directory and found nobody. Check for typos; otherwise the mailbox does not exist and the address should be removed.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-550-5-1-10-in-exchange-online`],
    [
      "Conflicts with the registry, where X.1.10 means the recipient domain has a null MX (sent with 556). With 550 and RESOLVER.ADR.RecipientNotFound it is Microsoft's unknown-user code.",
    ],
  ),
  wild(
    "5.1.351",
    "Remote server reported an unknown recipient (Exchange relay)",
    "userunknown",
    ["microsoft", "kddi"],
    [550],
    "An Exchange-based relay passing on a remote server's 'user unknown' or 'mailbox unavailable' answer. Read the quoted remote reply; usually the mailbox does not exist.",
    [],
  ),
  wild(
    "5.4.1",
    "Recipient address rejected: access denied (Exchange Online)",
    "userunknown",
    MS,
    [550],
    "Exchange Online's edge refused the recipient because its directory does not know the address (Directory Based Edge Blocking). Treat it as a nonexistent mailbox.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-550-5-4-1-in-exchange-online`],
    [
      'The same code with "Relay Access Denied" means the server does not accept mail for the recipient domain at all (norelaying, often a wrong MX record).',
      "Conflicts with the registry, where X.4.1 is a transient 'no answer from host'.",
    ],
  ),
  wild(
    "5.7.504",
    "Recipient address rejected: access denied (EOP)",
    "userunknown",
    MS,
    [550],
    "Exchange Online Protection refused the recipient address as invalid. Verify the address; if it is right, the mailbox does not exist there.",
    [EXO_NDR],
  ),
  wild(
    "5.7.505",
    "Banned recipient (EOP)",
    "suspend",
    MS,
    [550],
    "Exchange Online Protection will not deliver to this recipient at all. Stop mailing the address; contact the recipient by other means if it matters.",
    [EXO_NDR],
  ),
  // Limits.
  wild(
    "5.1.90",
    "Sender's daily recipient limit reached (Exchange Online)",
    "ratelimited",
    MS,
    [550],
    "The sending Microsoft 365 account has used up its daily allowance of recipients. Sending resumes as the 24-hour window rolls on; a sudden hit can mean the account is compromised.",
    [EXO_NDR],
  ),
  wild(
    "5.2.121",
    "Recipient's hourly limit for this sender exceeded (Exchange Online)",
    "ratelimited",
    MS,
    [550, 554],
    "This one sender has sent more messages to this one Exchange Online mailbox in the last hour than allowed (about a third of the hourly receive limit). Other senders still get through; slow down and retry later.",
    [EXO_NDR, "https://pupuweb.com/mc272450-sender-recipient-pair-receiving-limits-microsoft-office-365/"],
    ["Despite the 5 class this is a rate limit; keep the address."],
  ),
  wild(
    "5.2.122",
    "Recipient's hourly receive limit exceeded (Exchange Online)",
    "ratelimited",
    MS,
    [550, 554],
    "The Exchange Online recipient has received more messages in the past hour, from all senders together, than the service allows. Retry later and reduce volume to that mailbox.",
    [EXO_NDR],
    ["Despite the 5 class this is a rate limit; keep the address."],
  ),
  wild(
    "5.7.232",
    "Trial tenant's daily external recipient limit exceeded",
    "ratelimited",
    MS,
    [550],
    "A Microsoft 365 trial tenant has mailed more external recipients in 24 hours than trials may. Sending to outside addresses resumes as the rolling window moves on.",
    [EXO_NDR],
  ),
  wild(
    "5.7.233",
    "Tenant's daily external recipient limit exceeded",
    "ratelimited",
    MS,
    [550],
    "The whole sending Microsoft 365 tenant has mailed more external recipients in 24 hours than allowed. It lifts as the rolling window moves on; look for an account or application sending in bulk.",
    [EXO_NDR],
  ),
  wild(
    "5.7.508",
    "IPv6 range over its sending limits (EOP)",
    "ratelimited",
    MS,
    [550],
    "The sender's IPv6 range sent too many messages in too short a time to Exchange Online Protection. Slow down; consider sending over IPv4.",
    [EXO_NDR],
  ),
  wild(
    "4.7.500",
    "Server busy, IP throttled (Exchange Online Protection)",
    // Debatable: the dev corpus labels the "Server busy" wording systemerror, but Microsoft documents
    // 4.7.500-699 (ASxxx) as throttling of IPs whose sending pattern changed.
    "ratelimited",
    MS,
    [451],
    "Exchange Online Protection is throttling the sending IP, typically because its volume or pattern changed (new or warming IP). Keep retrying at a gentle pace; it eases as the IP builds history.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-451-4-7-500-699-asxxx-in-exchange-online`],
    ["Microsoft documents the whole range 4.7.500 to 4.7.699 for this kind of throttling."],
  ),
  wild(
    "4.7.650",
    "Rate limited due to IP reputation (Outlook.com)",
    // Debatable: reputation-driven (badreputation in Sisimai) but the action is throttling.
    "ratelimited",
    MS,
    [451],
    "Outlook.com / Exchange Online is temporarily limiting the sending IP because of its reputation. Retry slowly, check complaint rates and the IP's standing (SNDS).",
    [EXO_NDR],
  ),
  wild(
    "4.7.652",
    "Too many connections from the sending IP (Outlook.com)",
    "ratelimited",
    MS,
    [451],
    "The sending server opened more simultaneous connections than Microsoft allows. Lower the connection concurrency and retry.",
    [],
  ),
  wild(
    "4.7.850",
    "Suspicious activity on the sending IP, temporarily restricted (EOP)",
    "badreputation",
    MS,
    [451],
    "Exchange Online Protection saw suspicious traffic from the sending IP and holds it back while evaluating. Retry later; legitimate traffic is released after review.",
    [EXO_NDR],
    ["Microsoft documents the range 4.7.850 to 4.7.899 for this."],
  ),
  // Sending accounts and tenants refused.
  wild(
    "5.2.252",
    "Send-as permission denied (Exchange Online)",
    "rejected",
    MS,
    [554],
    "The account submitting the message may not send as the address in From (SendAsDenied). Grant the Send As permission or send from the account's own address.",
    [],
  ),
  wild(
    "5.7.60",
    "Client may not send as this sender (Exchange Online)",
    "rejected",
    MS,
    [550],
    "The authenticated SMTP client used a From address it has no permission for. Use the mailbox's own address or grant Send As rights.",
    [],
  ),
  wild(
    "5.7.57",
    "Client not authenticated to send anonymous mail (Exchange Online)",
    "securityerror",
    MS,
    [530],
    "An application or device submitted mail to smtp.office365.com without authenticating. Configure SMTP AUTH (or a connector for relay) in the application.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-57-in-exchange-online`],
  ),
  wild(
    "5.7.64",
    "TenantAttribution; relay access denied (Exchange Online)",
    "norelaying",
    MS,
    [550],
    "Exchange Online could not tie the relaying server to the tenant's inbound connector, because the certificate or IP the connector expects no longer matches. The tenant's administrator must update the connector.",
    [EXO_NDR, `${EXO_NDR_BASE}relay-access-denied-smtp`],
  ),
  wild(
    "5.7.501",
    "Sending account banned for spam abuse (EOP)",
    "rejected",
    MS,
    [550],
    "Microsoft banned the sending account after detecting spam from it. Secure the account (reset credentials), then ask support to restore sending.",
    [EXO_NDR],
  ),
  wild(
    "5.7.502",
    "Banned sender (EOP)",
    "rejected",
    MS,
    [550],
    "The sending account is banned after spam activity. Clean up and secure the account, then contact Microsoft support.",
    [EXO_NDR],
  ),
  wild(
    "5.7.503",
    "Banned sender (EOP)",
    "rejected",
    MS,
    [550],
    "The sending account is banned after spam activity. Clean up and secure the account, then contact Microsoft support.",
    [EXO_NDR],
  ),
  wild(
    "5.7.703",
    "Recipient blocked by the sender's own tenant policy",
    "policyviolation",
    MS,
    [550],
    "The sender's own Microsoft 365 organisation blocks this recipient or domain in its Tenant Allow/Block List, so the whole message was stopped. Only the sender's administrator can change that.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-700-through-5-7-750`],
  ),
  wild(
    "5.7.705",
    "Tenant has exceeded its threshold (EOP)",
    "rejected",
    MS,
    [550],
    "Microsoft blocked outgoing mail for the whole sending tenant because too much spam or bulk mail came from it, often via a compromised server or admin account. Fix the cause, then contact support.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-700-through-5-7-750`],
  ),
  wild(
    "5.7.708",
    "Traffic not accepted from this IP (EOP)",
    "blocked",
    MS,
    [550],
    "Outgoing mail came from a low-reputation IP that Microsoft 365 uses for new or trial tenants, and it was refused. Usually resolved by licensing the tenant or asking support for an exception.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-700-through-5-7-750`],
  ),
  wild(
    "5.7.750",
    "Client blocked from sending from unregistered domains (EOP)",
    "rejected",
    MS,
    [550],
    "The tenant sent a suspicious amount of mail from domains it has not added and verified in Microsoft 365. Add and validate every sending domain.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-700-through-5-7-750`],
  ),
  wild(
    "5.7.700",
    "Sending tenant blocked (EOP range 5.7.700-5.7.749)",
    "rejected",
    MS,
    [550],
    "A code from Microsoft's range for tenants whose outgoing mail is blocked as suspicious. The sending organisation's administrator must find the cause and contact support.",
    [`${EXO_NDR_BASE}fix-error-code-5-7-700-through-5-7-750`],
    ["Stands for the whole range 5.7.700 to 5.7.749 when no more specific entry exists."],
  ),
  // Recipient-side restrictions on who may send.
  wild(
    "5.7.12",
    "Sender was not authenticated by organization (Exchange Online)",
    // Debatable: Sisimai calls the Exchange restriction family "rejected"; the dev corpus labels this one securityerror.
    "securityerror",
    MS,
    [550],
    "The recipient accepts mail only from senders inside its own organisation, and this sender is outside. Only the recipient's administrator can allow external senders.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-12-in-exchange-online`],
    ["Conflicts with the registry, where X.7.12 is an AUTH password-transition code sent with 422/432."],
  ),
  wild(
    "5.7.124",
    "Sender not in the group's allowed-senders list (Exchange Online)",
    "rejected",
    MS,
    [550],
    "The recipient is a distribution group that accepts mail only from listed senders. Ask the group owner to add the sender.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-124-in-exchange-online`],
  ),
  wild(
    "5.7.133",
    "Group does not accept external senders (Exchange Online)",
    "rejected",
    MS,
    [550],
    "The recipient is a group set to refuse mail from outside its organisation. The group owner or administrator must allow external senders.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-133-in-exchange-online`],
  ),
  wild(
    "5.7.134",
    "Mailbox does not accept external senders (Exchange Online)",
    "rejected",
    MS,
    [550],
    "The recipient mailbox is set to refuse mail from outside its organisation. Only the recipient's administrator can change it.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-134-in-exchange-online`],
  ),
  wild(
    "5.7.135",
    "Public folder does not accept external senders (Exchange Online)",
    "rejected",
    MS,
    [550],
    "The recipient is a public folder set to refuse mail from outside its organisation. Only the recipient's administrator can change it.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-13-or-5-7-135-in-exchange-online`],
  ),
  wild(
    "5.7.136",
    "Mail user does not accept external senders (Exchange Online)",
    "rejected",
    MS,
    [550],
    "The recipient is a mail user (contact-like object) set to refuse mail from outside its organisation. Only the recipient's administrator can change it.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-5-7-136-in-exchange-online`],
  ),
  wild(
    "5.7.193",
    "Microsoft 365 group does not accept this sender",
    "rejected",
    MS,
    [550],
    "A Microsoft 365 group refused the message because the sender is not a member or the group does not take external mail. The group owner can allow outside senders.",
    [`${EXO_NDR_BASE}550-5-7-193-when-external-users-send-to-microsoft-365-group`],
  ),
  // Sender IPs, HELO and authentication.
  wild(
    "5.7.506",
    "Bad HELO (EOP)",
    "blocked",
    MS,
    [550],
    "The sending server introduced itself in HELO/EHLO with Microsoft's own host name instead of its own name, a typical spambot trait. Configure the server to greet with its real fully qualified name.",
    [EXO_NDR],
  ),
  wild(
    "5.7.507",
    "Sending IP blocked by the recipient's organisation (EOP)",
    "blocked",
    MS,
    [550],
    "The recipient's organisation has blocked the sending IP. Only the recipient can lift it; contact them by other means.",
    [EXO_NDR],
  ),
  wild(
    "5.7.509",
    "DMARC verification failed with policy reject (Outlook.com / EOP)",
    "authfailure",
    MS,
    [550],
    "The From domain failed DMARC and its owner publishes p=reject, so Microsoft refused the message. Align SPF or DKIM with the From domain; forwarding that breaks both is a common cause.",
    [EXO_NDR],
  ),
  wild(
    "5.7.510",
    "Recipient does not accept mail over IPv6 (EOP)",
    "blocked",
    MS,
    [550],
    "The recipient domain takes no mail over IPv6 and the message arrived over IPv6. Send over IPv4 instead.",
    [EXO_NDR],
  ),
  wild(
    "5.7.511",
    "Banned sending IP (EOP)",
    "blocked",
    MS,
    [550],
    "Microsoft has banned the IP the message came from. Request delisting through Microsoft's delist process, giving the full bounce and the IP.",
    [EXO_NDR],
  ),
  wild(
    "5.7.512",
    "From header not RFC 5322 §3.6.2 compliant (Office 365)",
    "notcompliantrfc",
    MS,
    [550],
    "The message has no valid address in its From header (missing, or not in a proper form such as <name@example.com>). Fix how the sending software writes From.",
    [EXO_NDR],
  ),
  wild(
    "5.7.513",
    "Sending IP on the recipient domain's own block list (EOP)",
    "blocked",
    MS,
    [550],
    "The recipient domain added the sending IP to its custom block list in Microsoft 365. Only the recipient can remove it.",
    [EXO_NDR],
  ),
  wild(
    "5.7.515",
    "Sending domain does not meet the required authentication level (Outlook.com)",
    "authfailure",
    MS,
    [550],
    "Outlook.com, Hotmail and Live refuse high-volume mail (about 5,000 or more a day to Microsoft consumer addresses) unless the From domain passes SPF and DKIM and has a passing, aligned DMARC record. Fix whichever check the bounce shows as failing.",
    [OUTLOOK_5_7_515],
    ["Enforced since 2025 as part of Microsoft's requirements for high-volume senders."],
  ),
  wild(
    "5.7.606",
    "Banned sending IP (EOP range 5.7.606-5.7.649)",
    "blocked",
    MS,
    [550],
    "Microsoft has banned the sending IP, usually for spam or a compromise. Clean up the source, then request removal through the self-service delist portal.",
    [EXO_NDR],
    ["Stands for the whole range 5.7.606 to 5.7.649."],
  ),
  // Content.
  wild(
    "5.6.11",
    "Invalid characters: bare line feeds (Exchange Online)",
    "contenterror",
    MS,
    [550],
    "The message contains line feeds without a preceding carriage return, and the destination cannot take them (it lacks BDAT/CHUNKING). Fix the sending program, or the receiver must allow bare line feeds.",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-550-5-6-11-in-exchange-online`],
  ),
  wild(
    "5.0.350",
    "Generic policy refusal (Exchange Online)",
    "policyviolation",
    MS,
    [550],
    "A catch-all from the recipient's Microsoft 365 organisation, for example an overlong x-dg-ref header from rich-text mail or nested attachments refused by policy (AS345).",
    [EXO_NDR, `${EXO_NDR_BASE}fix-error-code-550-5-0-350-in-exchange-online`],
  ),
  wild(
    "5.7.900",
    "Rejected by a mail flow rule (Exchange Server range 5.7.900-5.7.999)",
    "policyviolation",
    ["microsoft", "exchange"],
    [550],
    "An Exchange transport (mail flow) rule of the recipient's organisation refused the message with a custom code. Ask the recipient's administrator which rule matched.",
    [EXCHANGE_SERVER_NDR],
    ["Stands for the whole range 5.7.900 to 5.7.999; rules that reject without a custom code use 5.7.1."],
  ),
];

// TLS and DANE failures when Exchange Online delivers outbound with DANE/DNSSEC.
const TLS_FAILURES: [string, string, string][] = [
  [
    "321",
    "Destination does not support TLS (DANE)",
    "The destination's DNS is DNSSEC-signed and calls for TLS, but the server did not answer STARTTLS or the TLS handshake failed. The receiving side must fix its TLS setup.",
  ],
  [
    "322",
    "Destination certificate expired (DANE)",
    "The destination presented an expired certificate although its DNSSEC records call for validated TLS. The receiving side must renew it.",
  ],
  [
    "323",
    "DANE validation failed (TLSA mismatch)",
    "The destination's certificate does not match its DNSSEC-signed TLSA record, or the record is wrong. The receiving side must fix the certificate or the TLSA record.",
  ],
  [
    "324",
    "Destination returned invalid DNSSEC records",
    "The destination domain claims DNSSEC but its records could not be validated. The receiving side must fix its DNS signing.",
  ],
  [
    "325",
    "Certificate name does not match the host (DANE)",
    "The destination's certificate names neither the domain nor the MX host. The receiving side must install a matching certificate.",
  ],
];

const WILD_TLS: EnhancedCodeInfo[] = TLS_FAILURES.flatMap(([detail, title, meaning]) =>
  ["4", "5"].map((cls) =>
    wild(`${cls}.7.${detail}`, `${title} (Exchange Online)`, "failedstarttls", MS, [], meaning, [EXO_NDR]),
  ),
);

const WILD_GMAIL: EnhancedCodeInfo[] = [
  wild(
    "4.7.23",
    "Sending IP lacks a matching PTR record (Gmail)",
    "requireptr",
    GMAIL,
    [421],
    "Gmail is throttling mail because the sending IP has no reverse DNS, or the PTR name does not resolve back to that IP. Set up forward-confirmed reverse DNS.",
    [GMAIL_SMTP_ERRORS, GMAIL_SENDER_GUIDELINES],
    ["Conflicts with the registry, where X.7.23 means SPF validation failed."],
  ),
  wild(
    "4.7.27",
    "Bulk mail rate limited: SPF did not pass (Gmail)",
    "authfailure",
    GMAIL,
    [421],
    "Gmail is deferring mail from a bulk sender because SPF did not pass for the message. Authorise the sending IP in the envelope domain's SPF record.",
    [GMAIL_SMTP_ERRORS, GMAIL_SENDER_GUIDELINES],
    [
      "Conflicts with the registry, where X.7.27 means the sender domain has a null MX. Gmail's 5.7.27 is the hard-block form of the SPF case.",
    ],
  ),
  wild(
    "4.7.29",
    "Bulk mail rate limited: not sent over TLS (Gmail)",
    "failedstarttls",
    GMAIL,
    [421],
    "Gmail is deferring bulk mail that arrived over a plain connection. Make the sending server use STARTTLS.",
    [GMAIL_SMTP_ERRORS, GMAIL_SENDER_GUIDELINES],
    [
      "Conflicts with the registry, where X.7.29 means ARC validation failed. Gmail's 5.7.29 is the hard-block form.",
    ],
  ),
  wild(
    "4.7.30",
    "Bulk mail rate limited: DKIM did not pass (Gmail)",
    "authfailure",
    GMAIL,
    [421],
    "Gmail is deferring mail from a bulk sender because DKIM did not pass. Sign the mail with DKIM and publish the matching key.",
    [GMAIL_SMTP_ERRORS, GMAIL_SENDER_GUIDELINES],
    [
      "Conflicts with the registry, where X.7.30 means REQUIRETLS is required. Gmail's 5.7.30 is the hard-block form of the DKIM case.",
    ],
  ),
  wild(
    "4.7.32",
    "Rate limited: From domain not aligned with SPF or DKIM (Gmail)",
    "authfailure",
    GMAIL,
    [421],
    "Gmail is deferring mail whose From domain matches neither the SPF-authenticated nor the DKIM-signing domain, so DMARC alignment fails. Sign with, or send from, the From domain.",
    [GMAIL_SMTP_ERRORS, GMAIL_SENDER_GUIDELINES],
  ),
  wild(
    "5.7.32",
    "Blocked: From domain not aligned with SPF or DKIM (Gmail)",
    "authfailure",
    GMAIL,
    [550],
    "Gmail refused the message because its From domain is aligned with neither SPF nor DKIM. Fix the alignment before sending again.",
    [GMAIL_SMTP_ERRORS],
    ["Has been seen with a 421 basic code, which makes the class ambiguous; the fix is the same either way."],
  ),
  wild(
    "4.7.40",
    "Rate limited: sending domain has no DMARC policy (Gmail)",
    "authfailure",
    GMAIL,
    [421],
    "Gmail is deferring bulk mail because the sending domain publishes no DMARC record, or one without a policy. Publish at least v=DMARC1; p=none.",
    [GMAIL_SMTP_ERRORS, GMAIL_SENDER_GUIDELINES],
    ["Google's FAQ has also named 4.7.31 for the same requirement."],
  ),
  wild(
    "5.7.40",
    "Blocked: sending domain has no DMARC policy (Gmail)",
    "authfailure",
    GMAIL,
    [550],
    "Gmail refused bulk mail because the sending domain has no usable DMARC record. Publish a DMARC record for the domain.",
    [GMAIL_SMTP_ERRORS],
  ),
];

/**
 * The registry (92 records) followed by non-standard codes seen in the wild. Codes are
 * unique: a wild entry is written concretely ("5.7.509"), a registry one with "X".
 */
export const ENHANCED_CODES: readonly EnhancedCodeInfo[] = [
  ...CLASSES,
  ...SUBJECTS,
  ...DETAILS,
  ...WILD_MICROSOFT,
  ...WILD_TLS,
  ...WILD_GMAIL,
];

/**
 * Ranges of non-standard codes a provider documents as one group. `code` names the entry
 * of ENHANCED_CODES that stands for the range; exact entries take precedence over ranges.
 */
export const ENHANCED_CODE_RANGES: readonly {
  class: 4 | 5;
  subject: number;
  first: number;
  last: number;
  code: string;
}[] = [
  { class: 4, subject: 7, first: 500, last: 699, code: "4.7.500" },
  { class: 4, subject: 7, first: 850, last: 899, code: "4.7.850" },
  { class: 5, subject: 7, first: 606, last: 649, code: "5.7.606" },
  { class: 5, subject: 7, first: 700, last: 749, code: "5.7.700" },
  { class: 5, subject: 7, first: 900, last: 999, code: "5.7.900" },
];

// ---------------------------------------------------------------------------------------
// Bounce-parser pseudo codes: never sent by a server.
// ---------------------------------------------------------------------------------------

/**
 * Detail numbers that Sisimai writes as X.0.9NN when a bounce carried no usable status
 * (go-sisimai smtp/status). Two old reasons each were merged in December 2025, so two
 * numbers map to ratelimited and two to emailtoolarge.
 */
const SISIMAI_PSEUDO: [number, Reason, boolean][] = [
  // [detail, reason, also used with class 4]
  [900, "undefined", true],
  [901, "onhold", true],
  [902, "syntaxerror", true],
  [903, "suppressed", true],
  [909, "norelaying", true],
  [910, "filtered", false],
  [911, "userunknown", false],
  [912, "hostunknown", false],
  [916, "hasmoved", false],
  [918, "rejected", true],
  [921, "suspend", true],
  [922, "mailboxfull", true],
  [923, "emailtoolarge", true],
  [924, "filtered", true],
  [926, "authfailure", true],
  [930, "systemerror", true],
  [931, "systemfull", true],
  [932, "notaccept", true],
  [934, "emailtoolarge", true],
  [939, "mailererror", true],
  [944, "networkerror", true],
  [945, "ratelimited", true],
  [946, "ratelimited", true],
  [947, "expired", true],
  [960, "contenterror", true],
  [970, "securityerror", true],
  [971, "blocked", true],
  [972, "policyviolation", true],
  [973, "requireptr", true],
  [974, "notcompliantrfc", true],
  [975, "badreputation", true],
  [976, "failedstarttls", true],
  [980, "spamdetected", true],
  [981, "virusdetected", true],
];

/**
 * Codes such as 5.0.911 that Sisimai-based bounce parsers write into their results when
 * the bounce had no usable status. No mail server sends them; each only encodes the
 * parser's reason. Kept apart from ENHANCED_CODES, found by `findEnhanced`.
 */
export const PARSER_PSEUDO_CODES: readonly EnhancedCodeInfo[] = SISIMAI_PSEUDO.flatMap(
  ([detail, reason, transientToo]) => {
    // 4.0.924 is the transient form of "filtered"; 5.0.924 is not used.
    const classes = detail === 924 ? [4] : transientToo ? [5, 4] : [5];
    return classes.map(
      (cls): EnhancedCodeInfo => ({
        code: `${cls}.0.${detail}`,
        kind: "detail",
        title: `Sisimai pseudo code for "${reason}"`,
        meaning: `Not a reply from any mail server: a Sisimai-based bounce parser wrote this code because the bounce gave no status of its own, and it only stands for the parser's verdict "${reason}". Look at the original bounce text for the real answer.`,
        status: "non-standard",
        basicCodes: [],
        references: [SISIMAI_STATUS_TABLE],
        usage: cls === 4 ? "transient" : "permanent",
        seenAt: ["sisimai"],
        reason,
      }),
    );
  },
);
