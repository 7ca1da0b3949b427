/**
 * Three-digit SMTP reply codes: every code RFC 5321 and the SMTP extension RFCs define, the
 * few that exist only as associations in the IANA enhanced-status registry, and the
 * non-standard codes that turn up in real replies or on popular web pages (with what they
 * most likely stand for). Meanings and notes are our own words; codes and section numbers
 * are facts taken from the RFCs and the IANA registry.
 */
import type { BasicCodeInfo } from "./types.js";

/** RFC 5321 §4.2.1: a client treats a code it does not know by its first digit. */
const FIRST_DIGIT_RULE = "RFC 5321 §4.2.1";

/** Codes defined by RFCs (or registered as associations), in numeric order. */
const DEFINED: BasicCodeInfo[] = [
  {
    code: 211,
    title: "System status",
    meaning:
      "A report on the state of the server, or an answer to a request for help; the text is free-form.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.2.3"],
    commands: ["HELP"],
    notes: ["Seldom sent by real servers; HELP is normally answered with 214."],
  },
  {
    code: 214,
    title: "Help message",
    meaning:
      "Help text written for a person, for example how to use this server or what a site-specific command does. Programs should not try to parse it.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.2.3"],
    commands: ["HELP"],
  },
  {
    code: 220,
    title: "Service ready",
    meaning:
      "The server greets a new connection and is ready for commands. The same code answers STARTTLS: the client should begin the TLS handshake straight away.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 3207 §4"],
    commands: ["CONNECT", "STARTTLS"],
    extension: "STARTTLS",
    enhanced: ["2.0.0"],
    notes: [
      "In a greeting, the first word after the code should be the server's own host name (RFC 5321 §4.3.1).",
      "RFC 2034 puts no enhanced code on the greeting; in answer to STARTTLS many servers write 220 2.0.0.",
    ],
  },
  {
    code: 221,
    title: "Closing connection",
    meaning:
      "The server acknowledges QUIT and is about to close the connection. This is how a session ends normally.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2"],
    commands: ["QUIT"],
    enhanced: ["2.0.0"],
  },
  {
    code: 235,
    title: "Authentication successful",
    meaning:
      "The AUTH exchange has finished and the client is now authenticated for the rest of the session.",
    status: "extension",
    references: ["RFC 4954 §6"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["2.7.0"],
    notes: ["Servers that support enhanced codes send it as 235 2.7.0."],
  },
  {
    code: 250,
    title: "Action completed",
    meaning:
      "The requested action was carried out. After the end of the message data it means the receiving server has taken responsibility for the message.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 5321 §4.2.5", "RFC 5321 §6.1"],
    commands: [
      "EHLO",
      "HELO",
      "MAIL",
      "RCPT",
      "DATA-END",
      "RSET",
      "VRFY",
      "EXPN",
      "NOOP",
      "BDAT",
      "BURL",
      "ETRN",
      "ATRN",
    ],
    enhanced: ["2.0.0", "2.1.0", "2.1.5", "2.6.0", "2.3.6"],
    notes: [
      "250 after the final dot only tells you the receiving hop took the message. It may still be filtered, put in a junk folder or bounced later; it is no proof that the message reached an inbox (RFC 5321 §4.2.5, §6.1).",
      "ETRN (RFC 1985 §5.1): the queue run for the requested node has been started.",
      "BDAT (RFC 3030 §2): the server answers each chunk it accepts with a 250 of its own.",
      "The answer to EHLO lists the supported extensions on its continuation lines.",
      "MT-PRIORITY (RFC 6710): 250 with 2.3.6 means the message was taken, but at another priority than the one requested.",
    ],
  },
  {
    code: 251,
    title: "Not local, will forward",
    meaning:
      "The recipient is not hosted here, but the server takes the message anyway and will pass it on to the forward-path it names.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §3.4", "RFC 5321 §4.3.2", "RFC 1985 §5.1"],
    commands: ["RCPT", "VRFY", "ETRN"],
    enhanced: ["2.1.5", "2.3.6"],
    notes: [
      "ETRN gives 251 another sense (RFC 1985 §5.1): the server holds no queued messages for the requested node.",
      "RFC 5321 §7.4 cautions that rerouting mail on the strength of a 251 or 551 answer carries risks.",
      "An SMTPUTF8 server must not use 251 when the mailbox concerned contains non-ASCII characters (RFC 6531 §3.7.4.1).",
    ],
  },
  {
    code: 252,
    title: "Cannot verify, will try",
    meaning:
      "The server will not or cannot confirm that the user exists, yet it accepts mail for the address and will attempt delivery.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §3.5.3", "RFC 5321 §4.3.2", "RFC 1985 §5.1"],
    commands: ["VRFY", "EXPN", "ETRN"],
    enhanced: ["2.0.0", "2.5.0"],
    notes: [
      "ETRN gives 252 another sense (RFC 1985 §5.1): delivery of the node's waiting messages has begun.",
      "Many servers answer every VRFY with 252 so as not to reveal which addresses exist; it says nothing about the address.",
      "RFC 6531 §3.7.4.2 lets a server fall back to 252 when a truthful VRFY or EXPN answer would need UTF-8 the client never asked for.",
    ],
  },
  {
    code: 253,
    title: "Messages pending (ETRN)",
    meaning:
      "ETRN only: the queue run has begun, and the reply text gives the count of messages queued for that node.",
    status: "extension",
    references: ["RFC 1985 §5.1"],
    commands: ["ETRN"],
    extension: "ETRN",
    enhanced: ["2.5.0"],
    notes: ["The IANA registry ties 253 to the protocol-status code X.5.0."],
  },
  {
    code: 334,
    title: "AUTH challenge",
    meaning:
      "Mid-authentication prompt: the server sends a base64-encoded challenge, which may be empty, and waits for the client's base64 answer line.",
    status: "extension",
    references: ["RFC 4954 §4"],
    commands: ["AUTH"],
    extension: "AUTH",
    notes: [
      "Apart from 354, the only intermediate (3yz) reply in common use.",
      "An empty challenge is written as the code, one space, and no data after it.",
      "RFC 2034 attaches no enhanced code to 3yz replies.",
    ],
  },
  {
    code: 354,
    title: "Start message input",
    meaning:
      "The server accepted DATA and now expects the message itself, which ends with a line holding nothing but a dot.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2"],
    commands: ["DATA"],
    notes: [
      "Only an intermediate step: whether the message is accepted is decided by the reply that follows the terminating dot (DATA-END).",
      "The client doubles a dot at the start of any message line so it cannot end the data early (RFC 5321 §4.5.2).",
    ],
  },
  {
    code: 355,
    title: "Restart offset (CHECKPOINT)",
    meaning:
      "Experimental checkpoint/restart extension: the server recognises the transaction identifier of an interrupted session and tells the client the byte offset from which to resume sending the message.",
    status: "experimental",
    references: ["RFC 1845"],
    commands: ["MAIL"],
    extension: "CHECKPOINT",
    notes: [
      "Sent in answer to MAIL carrying a TRANSID parameter that matches a transaction the server stored when it was cut off.",
      "RFC 1845 is Experimental and hardly deployed; a 355 in an ordinary bounce is almost certainly something else.",
    ],
  },
  {
    code: 421,
    title: "Service not available",
    meaning:
      "The server cannot serve this session now and is closing the connection. It may say so in place of the greeting or in answer to any command.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 5321 §3.8"],
    commands: ["*"],
    enhanced: ["4.3.2", "4.4.2", "4.7.0", "4.7.28", "4.3.0"],
    notes: [
      "RFC 5321 §3.8 lets a server that must shut down, or that meets a fatal error, send 421 before it drops the channel.",
      "In practice 421 is also the usual answer to too many connections or too much mail too fast (rate limiting, throttling): slow down and retry later.",
      "Temporary: the sending server keeps the message queued and tries again by itself.",
    ],
  },
  {
    code: 422,
    title: "No RFC reply text (registry association)",
    meaning:
      "No SMTP specification defines a reply for 422; the IANA registry of enhanced codes merely lists it beside X.7.12 (a password transition is needed).",
    status: "association-only",
    references: ["RFC 5248 §2.4"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["4.7.12"],
    notes: [
      "For the password-transition condition RFC 4954 itself uses 432.",
      "Some error-code lists describe 422 as a recipient over quota; that reading is the enhanced code 4.2.2 with its dots removed, not an SMTP standard.",
    ],
  },
  {
    code: 430,
    title: "No RFC reply text (registry association)",
    meaning:
      "No SMTP specification defines a reply for 430; the IANA registry lists it only as one of the basic codes of X.5.1 (invalid command).",
    status: "association-only",
    references: ["RFC 5248 §2.4"],
    commands: [],
    enhanced: ["4.5.1"],
    notes: ["Absent from every RFC 5321 reply list; expect it rarely, if ever."],
  },
  {
    code: 432,
    title: "Password transition needed",
    meaning:
      "The user must first log in once with a plaintext-style mechanism (such as PLAIN over TLS) so the server can set up credentials for the mechanism that was chosen.",
    status: "extension",
    references: ["RFC 4954 §6", "RFC 2554 §6"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["4.7.12"],
    notes: [
      "Sent with 4.7.12 by servers that support enhanced codes.",
      "Microsoft Exchange also emits 432 with 4.3.2 for its own delivery throttling (a recipient thread limit); that use has nothing to do with AUTH and is transient.",
      "Lists that explain 432 as 'service not available, closing channel' have mixed it up with 421.",
    ],
  },
  {
    code: 450,
    title: "Mailbox temporarily unavailable",
    meaning:
      "Nothing was done because the mailbox cannot be used right now, for instance it is busy or a policy holds it back for the moment; a later attempt may work.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 2645 §7", "RFC 6710 §4.1"],
    commands: ["RCPT", "DATA-END", "ATRN"],
    enhanced: ["4.2.0", "4.7.1", "4.1.8", "4.2.4", "4.7.15"],
    notes: [
      "Greylisting: many servers answer the first RCPT from an unfamiliar sender with 450 (or 451) and take the same message on a later try, so ordinary retrying solves it.",
      "ATRN (RFC 2645 §7): the server turned the ATRN request down.",
      "MT-PRIORITY (RFC 6710 §4.1): with 4.7.15, the requested priority is too low for the server at present.",
      "Despite the 4, some servers use 450 for conditions that never clear by waiting (TLS required, a sender domain that does not resolve); read the text.",
    ],
  },
  {
    code: 451,
    title: "Local processing error",
    meaning:
      "The server gave up on the request because something went wrong on its own side while handling it; repeating it later may well work.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.2.3", "RFC 5321 §4.3.2", "RFC 5321 §3.8", "RFC 2645 §7"],
    commands: ["MAIL", "RCPT", "DATA-END", "ATRN", "BURL"],
    enhanced: ["4.3.0", "4.4.3", "4.4.5", "4.5.3", "4.7.1", "4.7.24"],
    notes: [
      "Often carries passing trouble such as failed DNS look-ups, an unreachable content scanner, or greylisting.",
      "ATRN (RFC 2645 §7): the server cannot handle the request at the moment.",
      "A client whose connection breaks during a transaction should act as if it had received 451 (RFC 5321 §3.8).",
      "It does not mean the recipient's mailbox is full; that is X.2.2, normally sent as 452 4.2.2 or 552 5.2.2.",
    ],
  },
  {
    code: 452,
    title: "Insufficient system storage",
    meaning:
      "The server cannot take the request now because it is short of storage, or because a limit for this transaction was reached; a later attempt may succeed.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 5321 §4.5.3.1.10", "RFC 1870 §6.1"],
    commands: ["MAIL", "RCPT", "DATA-END"],
    enhanced: ["4.2.2", "4.3.1", "4.5.3"],
    notes: [
      "RFC 5321 §4.5.3.1.10: a server that will take no more recipients in one transaction should answer the extra RCPT commands with 452, and the client sends those recipients in a later transaction.",
      "SIZE (RFC 1870 §6.1): 452 to MAIL means the declared size cannot be taken now but might be later.",
      "Gmail and others send 452 4.2.2 for a recipient over quota; the address is fine and retrying later is the right move.",
    ],
  },
  {
    code: 453,
    title: "No mail waiting (ATRN)",
    meaning:
      "ATRN only: the server has nothing queued for the client that asked to turn the connection around.",
    status: "extension",
    references: ["RFC 2645 §7"],
    commands: ["ATRN"],
    extension: "ATRN",
    enhanced: ["4.3.2"],
    notes: ["The IANA registry pairs 453 with X.3.2."],
  },
  {
    code: 454,
    title: "TLS or authentication temporarily unavailable",
    meaning:
      "A temporary problem on the server stopped TLS from starting after STARTTLS, or stopped authentication after AUTH; the client's request itself was fine.",
    status: "extension",
    references: ["RFC 3207 §4", "RFC 4954 §6"],
    commands: ["STARTTLS", "AUTH"],
    extension: "STARTTLS, AUTH",
    enhanced: ["4.7.0"],
    notes: [
      "After AUTH it travels with 4.7.0: report a fault on the server's side instead of asking the user for the password again.",
      "Gmail answers too many login attempts with 454 4.7.0; wait before trying again.",
      "It does not mean that the mechanism needs encryption; that is the permanent 538.",
    ],
  },
  {
    code: 455,
    title: "Cannot accommodate parameters",
    meaning:
      "The server understood the parameters given on MAIL FROM or RCPT TO but cannot honour them at the moment.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.2.3", "RFC 5321 §4.3.2"],
    commands: ["MAIL", "RCPT"],
    notes: ["Introduced by RFC 5321; RFC 821 and RFC 2821 have no 455.", "Its permanent counterpart is 555."],
  },
  {
    code: 458,
    title: "Cannot start queue (ETRN)",
    meaning: "ETRN only: the server could not start delivering the queue of the requested node.",
    status: "extension",
    references: ["RFC 1985 §5.1"],
    commands: ["ETRN"],
    extension: "ETRN",
  },
  {
    code: 459,
    title: "Node not allowed (ETRN)",
    meaning: "ETRN only: the server refuses to run the queue for that node; the text gives the reason.",
    status: "extension",
    references: ["RFC 1985 §5.1"],
    commands: ["ETRN"],
    extension: "ETRN",
  },
  {
    code: 500,
    title: "Unrecognised command",
    meaning:
      "The server could not make sense of the command at all; an over-long command line counts here too.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 5321 §4.2.4", "RFC 4954 §6"],
    commands: ["*"],
    enhanced: ["5.5.1", "5.5.2", "5.5.6"],
    notes: [
      "RFC 5321 §4.2.4: 500 is for a command the server does not recognise, 502 for one it knows but has not implemented.",
      "AUTH (RFC 4954 §6): 500 with 5.5.6 says a base64 answer line was longer than the server allows.",
      "Some servers and gateways misuse 500 together with content or policy codes (500 5.6.1, 500 5.7.1); the enhanced code then carries the real meaning.",
    ],
  },
  {
    code: 501,
    title: "Bad arguments",
    meaning: "The command is known but its parameters or arguments are malformed.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 3207 §4", "RFC 4954 §4", "RFC 1985 §5.1"],
    commands: ["*"],
    enhanced: ["5.5.2", "5.5.4", "5.1.3", "5.1.7"],
    notes: [
      "STARTTLS followed by any argument is refused with 501 (RFC 3207 §4).",
      "AUTH: 501 answers a client that cancelled the exchange with '*' or sent something that is not valid base64 (RFC 4954 §4).",
      "ETRN uses 501 for a badly formed node argument (RFC 1985).",
      "DATA, RSET and QUIT take no arguments; adding one draws 501.",
    ],
  },
  {
    code: 502,
    title: "Command not implemented",
    meaning: "The server recognises the command but does not support it.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.2.4", "RFC 5321 §4.3.2"],
    commands: ["EHLO", "HELO", "VRFY", "EXPN", "HELP", "ATRN", "*"],
    enhanced: ["5.5.1"],
    notes: [
      "Only a very old server without EHLO should give 502 to EHLO; the client then falls back to HELO.",
      "A server must not list an extension in its EHLO answer and then reject that extension's command as unknown or unimplemented (RFC 5321 §4.2.4).",
      "Pages that call 502 a bad command sequence are describing 503.",
    ],
  },
  {
    code: 503,
    title: "Bad sequence of commands",
    meaning: "The command is valid but came at the wrong point of the session.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 4954 §4", "RFC 3030 §2"],
    commands: ["MAIL", "RCPT", "DATA", "AUTH", "BDAT", "BURL"],
    enhanced: ["5.5.1", "5.5.0"],
    notes: [
      "Typical causes: RCPT before MAIL, DATA when no recipient was accepted, another AUTH after a successful one, BDAT after the last chunk, DATA and BDAT mixed in one transaction.",
      "Some servers send 503 when authentication is required, instead of the dedicated 530.",
    ],
  },
  {
    code: 504,
    title: "Parameter not implemented",
    meaning: "The command is supported, but the particular parameter or option given with it is not.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 4954 §4"],
    commands: ["EHLO", "HELO", "VRFY", "EXPN", "HELP", "AUTH"],
    enhanced: ["5.5.4", "5.7.4"],
    notes: [
      "AUTH naming a SASL mechanism the server does not offer draws 504, ideally with 5.5.4 (RFC 4954 §4).",
      "Postfix uses 504 by default to refuse addresses that are not fully qualified.",
      "504 is not a gateway timeout; that meaning belongs to HTTP.",
    ],
  },
  {
    code: 521,
    title: "Host does not accept mail",
    meaning: "This host never takes mail; it sends 521 in place of the usual 220 greeting.",
    status: "standard",
    references: ["RFC 7504 §3", "RFC 7504 §5.1", "RFC 1846"],
    commands: ["CONNECT", "*"],
    enhanced: ["5.3.2", "5.7.1"],
    notes: [
      "After a 521 greeting the server may close at once, or keep answering 521 to everything but QUIT (RFC 7504 §3).",
      "Goes with X.3.2 (system not accepting network messages).",
      "Proposed first in the experimental RFC 1846; RFC 7504 turned it into a standard code.",
      "Some providers also greet particular clients with 521 and a policy code such as 5.7.1 (a listed IP address); that is a block of the sender, not a host that never takes mail.",
    ],
  },
  {
    code: 523,
    title: "No RFC reply text (registry association)",
    meaning:
      "No SMTP specification defines a reply for 523; RFC 5248 registered it only as the basic code belonging to X.7.10 (encryption needed).",
    status: "association-only",
    references: ["RFC 5248 §2.4"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["5.7.10"],
    notes: [
      "Recorded from industry usage; it appears in no SMTP reply list.",
      "Lists explaining 523 as 'message too large' have removed the dots from 5.2.3; size refusals are sent as 552.",
    ],
  },
  {
    code: 524,
    title: "No RFC reply text (registry association)",
    meaning:
      "No SMTP specification defines a reply for 524; the IANA registry lists it only beside X.7.11 (the chosen authentication mechanism needs encryption).",
    status: "association-only",
    references: ["RFC 5248 §2.4"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["5.7.11"],
    notes: ["RFC 4954 itself uses 538 for that condition."],
  },
  {
    code: 525,
    title: "No RFC reply text (registry association)",
    meaning:
      "No SMTP specification defines a reply for 525; RFC 5248 registered it only as the basic code of X.7.13 (user account disabled).",
    status: "association-only",
    references: ["RFC 5248 §2.4"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["5.7.13"],
    notes: ["Rare; when it does appear, the account used to authenticate has been disabled."],
  },
  {
    code: 530,
    title: "Authentication or TLS required",
    meaning:
      "Policy requires the client to authenticate (AUTH) or to switch to TLS (STARTTLS) before the server will accept this command.",
    status: "extension",
    references: ["RFC 4954 §6", "RFC 3207 §4", "RFC 2645 §7"],
    commands: ["MAIL", "RCPT", "DATA", "VRFY", "EXPN", "HELP", "ATRN", "*"],
    extension: "AUTH, STARTTLS",
    enhanced: ["5.7.0", "5.5.1"],
    notes: [
      "AUTH form (RFC 4954 §6): the server may give it to any command outside the exempt set (QUIT, RSET, NOOP, HELO, EHLO and AUTH itself), normally with 5.7.0.",
      "STARTTLS form (RFC 3207 §4): until TLS is active, all commands but NOOP, EHLO, STARTTLS and QUIT may draw it, again with 5.7.0.",
      "Microsoft 365 sends 530 5.7.57 when a client tries to submit mail without authenticating.",
    ],
  },
  {
    code: 533,
    title: "No RFC reply text (registry association)",
    meaning:
      "No SMTP specification defines a reply for 533; the IANA registry merely lists it among the basic codes of X.7.1 (delivery not authorised).",
    status: "association-only",
    references: ["RFC 5248 §2.4"],
    commands: [],
    enhanced: ["5.7.1"],
    notes: [
      "Some pages read 533 as 'remote server out of disk space'. Even as 5.3.3 with the dots restored it would mean 'system not capable of selected features'; a storage shortage is X.3.1 (452 4.3.1).",
      "Exim reports 533 itself when the next hop lacks SMTPUTF8 for an internationalised recipient address.",
    ],
  },
  {
    code: 534,
    title: "Mechanism too weak",
    meaning:
      "The authentication mechanism the client picked is weaker than the server's policy demands for this user.",
    status: "extension",
    references: ["RFC 4954 §6", "RFC 2554 §6"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["5.7.9", "5.7.14"],
    notes: [
      "Goes with 5.7.9.",
      "Gmail uses 534 5.7.9 when an app password is needed, and 534 5.7.14 when the user must first sign in through a web browser.",
      "Lists that say 534 means 'message too big' took the wording of 5.3.4 with the dots removed; size refusals use 552.",
    ],
  },
  {
    code: 535,
    title: "Authentication failed",
    meaning:
      "The credentials sent with AUTH were not accepted: wrong user name or password, or otherwise not good enough.",
    status: "extension",
    references: ["RFC 4954 §4", "RFC 4954 §6"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["5.7.8", "5.7.3"],
    notes: [
      "The default answer to a failed AUTH when no more specific code fits; usually written 535 5.7.8.",
      "Microsoft 365 commonly reports failed logins as 535 5.7.3.",
      "Lists claiming 535 means 'several servers share one IP address' were describing 5.3.5 (system incorrectly configured) minus the dots; 535 is purely about AUTH.",
    ],
  },
  {
    code: 538,
    title: "Encryption required for mechanism",
    meaning:
      "The chosen authentication mechanism may be used only once the connection is encrypted, for example after STARTTLS.",
    status: "extension",
    references: ["RFC 4954 §6", "RFC 2554 §6"],
    commands: ["AUTH"],
    extension: "AUTH",
    enhanced: ["5.7.11"],
    notes: [
      "Goes with 5.7.11.",
      "RFC 4954 keeps 538 for historical reasons only; current servers simply do not offer such mechanisms before TLS.",
    ],
  },
  {
    code: 550,
    title: "Mailbox unavailable or refused",
    meaning:
      "The request was refused for good: the mailbox does not exist or cannot be reached, access is denied, or local policy rejects it.",
    status: "standard",
    references: [
      "RFC 5321 §4.2.2",
      "RFC 5321 §4.3.2",
      "RFC 6531 §3.5",
      "RFC 7372",
      "RFC 7505 §4.2",
      "RFC 7293",
      "RFC 6710 §4.1",
      "RFC 8689",
      "RFC 3865",
    ],
    commands: ["EHLO", "HELO", "MAIL", "RCPT", "DATA-END", "VRFY", "EXPN"],
    enhanced: [
      "5.1.1",
      "5.7.1",
      "5.7.26",
      "5.1.0",
      "5.2.1",
      "5.4.1",
      "5.7.15",
      "5.7.17",
      "5.7.18",
      "5.7.19",
      "5.7.20",
      "5.7.21",
      "5.7.22",
      "5.7.23",
      "5.7.24",
      "5.7.25",
      "5.7.27",
      "5.7.29",
      "5.7.30",
      "5.6.7",
      "5.6.9",
    ],
    notes: [
      "The most frequent permanent rejection. Only the text and the enhanced code tell an unknown user (5.1.1) apart from relaying denied or a spam or policy block (5.7.1).",
      "Sender-authentication failures travel with 550: 5.7.20 to 5.7.26 for DKIM, SPF, reverse-DNS and combined checks (RFC 7372), 5.7.27 when the sender's domain publishes a null MX (RFC 7505 §4.2).",
      "Extensions reuse it: RRVS (RFC 7293) with 5.7.17 or 5.7.18 when the mailbox or domain changed owner and 5.7.19 when the check cannot be made; MT-PRIORITY (RFC 6710 §4.1) with 5.7.15; REQUIRETLS (RFC 8689) with 5.7.30 when no next hop supports REQUIRETLS.",
      "SMTPUTF8 (RFC 6531 §3.5): refusal of a non-ASCII MAIL FROM address, with 5.6.7; the IANA registry also pairs 550 with 5.6.9 for a message with UTF-8 headers that some recipients cannot take.",
      "RFC 3865 (NO-SOLICITING) brings no reply code of its own: a server refusing a message because of its solicitation keywords uses an existing permanent rejection (550 or 554) with the policy code 5.7.1.",
      "Several providers send 550 for conditions that do pass, such as rate limits (Gmail uses 550 5.2.1 when a recipient receives mail too fast); judge by the text, not only by the leading 5.",
    ],
  },
  {
    code: 551,
    title: "Not local, try forward-path",
    meaning:
      "The recipient is not hosted here; the server refuses the message and points the client to another forward-path to try.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §3.4", "RFC 5321 §4.3.2"],
    commands: ["RCPT", "VRFY"],
    enhanced: ["5.1.6", "5.7.1"],
    notes: [
      "RFC 5321 §7.4 cautions that rerouting mail automatically because of a 251 or 551 answer carries risks.",
      "Some servers use 551 for relaying denied rather than for a user who has moved.",
    ],
  },
  {
    code: 552,
    title: "Storage allocation exceeded",
    meaning:
      "The request was aborted because a storage limit was exceeded: the mailbox is over quota, or the message is bigger than the server or the mailbox allows.",
    status: "standard",
    references: [
      "RFC 5321 §4.2.2",
      "RFC 5321 §4.3.2",
      "RFC 5321 §4.5.3.1.10",
      "RFC 1870 §6.1",
      "RFC 6710 §5",
    ],
    commands: ["MAIL", "RCPT", "DATA-END", "BDAT", "BURL"],
    enhanced: ["5.2.2", "5.3.4", "5.2.3", "5.7.16"],
    notes: [
      "SIZE (RFC 1870 §6.1): the message is larger than the server's fixed limit; sending it again unchanged is pointless.",
      "RFC 5321 §4.5.3.1.10: older servers answered 'too many recipients' with 552; a client should take that case as temporary and send the remaining recipients later.",
      "A full mailbox (5.2.2) is meant as a lasting but transient state; many servers still send 552 5.2.2, and the address itself is usually fine.",
      "MT-PRIORITY (RFC 6710 §5): with 5.7.16 the message is too large for the priority asked for.",
    ],
  },
  {
    code: 553,
    title: "Mailbox name not allowed",
    meaning:
      "The action was refused because the mailbox name is unacceptable, typically because its syntax is invalid or the server will not take that address.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2", "RFC 6531 §3.5"],
    commands: ["MAIL", "RCPT", "VRFY"],
    enhanced: ["5.1.3", "5.1.7", "5.1.8", "5.6.7"],
    notes: [
      "SMTPUTF8 (RFC 6531 §3.5): a non-ASCII RCPT TO address that cannot be accepted gets 553 with 5.6.7.",
      "Some servers also use 553 for relaying denied or for senders they will not take; read the text.",
    ],
  },
  {
    code: 554,
    title: "Transaction failed",
    meaning:
      "The transaction failed for a reason no more specific code covers. As the opening greeting it means this server offers no SMTP service to the client.",
    status: "standard",
    references: [
      "RFC 5321 §4.2.2",
      "RFC 5321 §4.3.2",
      "RFC 5321 §3.1",
      "RFC 7504 §5.1",
      "RFC 6531 §3.5",
      "RFC 4468 §6",
      "RFC 3865",
    ],
    commands: ["CONNECT", "DATA", "DATA-END", "BDAT", "BURL"],
    enhanced: ["5.7.1", "5.7.0", "5.3.4", "5.6.6", "5.6.3", "5.6.9"],
    notes: [
      "As a greeting (RFC 5321 §3.1) 554 replaces 220; the server then waits for QUIT and answers other commands with 503. RFC 7504 prefers 521 for a host that never takes mail and leaves 554 for turning away particular clients, such as a listed IP address.",
      "Widely used for content and reputation refusals after the message data (spam, viruses, blocklists), usually with 5.7.1.",
      "SMTPUTF8 (RFC 6531 §3.5): after the data, 554 reports that some recipients cannot take a message with UTF-8 header fields.",
      "BURL (RFC 4468): 554 with 5.6.6 when the referenced content could not be fetched.",
      "RFC 3865 (NO-SOLICITING) adds no code; refusals based on solicitation keywords reuse a permanent rejection such as this one with 5.7.1.",
    ],
  },
  {
    code: 555,
    title: "MAIL/RCPT parameters not recognised",
    meaning: "A parameter on MAIL FROM or RCPT TO is unknown to the server or not implemented by it.",
    status: "standard",
    references: ["RFC 5321 §4.2.2", "RFC 5321 §4.2.3", "RFC 5321 §4.3.2"],
    commands: ["MAIL", "RCPT"],
    enhanced: ["5.5.4"],
    notes: [
      "Introduced by RFC 5321.",
      "Typical when a client sends an extension parameter (SIZE, BODY, SMTPUTF8 and so on) that the server never advertised.",
    ],
  },
  {
    code: 556,
    title: "Domain does not accept mail",
    meaning:
      "The recipient's domain takes no mail at all, for instance because it publishes a null MX; a relay reports this without trying to reach that domain.",
    status: "standard",
    references: ["RFC 7504 §4", "RFC 7505 §4.1"],
    commands: ["RCPT"],
    enhanced: ["5.1.10"],
    notes: [
      "Goes with X.1.10 (recipient address has null MX).",
      "Permanent: correct or remove the address like any other RCPT refusal.",
    ],
  },
];

/**
 * Codes no RFC defines that still appear in real replies or in widely copied web lists:
 * HTTP or operating-system numbers passed off as SMTP codes, vendor codes, and enhanced
 * codes written with their dots removed ("511" for 5.1.1).
 */
const UNDEFINED: BasicCodeInfo[] = [
  {
    code: 100,
    title: "HTTP status, not SMTP",
    meaning:
      "No SMTP RFC defines 100. It is HTTP's 'Continue' status, copied into some SMTP code lists; no mail server sends it.",
    status: "not-smtp",
    references: [FIRST_DIGIT_RULE, "RFC 9110 §15.2.1"],
    commands: [],
    notes: [
      "RFC 5321 keeps first digit 1 for positive preliminary replies, but no SMTP command uses them, so a real server never starts a reply with 1.",
    ],
  },
  {
    code: 101,
    title: "HTTP status or client error, not SMTP",
    meaning:
      "No SMTP RFC defines 101. HTTP uses it for 'Switching Protocols', and some mail programs and error lists use it for their own 'could not open a connection' message, a local client failure rather than anything a server said.",
    status: "not-smtp",
    references: [FIRST_DIGIT_RULE, "RFC 9110 §15.2.2", "RFC 3207 §4"],
    commands: [],
    notes: [
      "An SMTP session moves to TLS with STARTTLS and a 220 answer (RFC 3207), never with 101.",
      "If the connection really could not be opened, check the host name, port and firewall, then retry.",
    ],
  },
  {
    code: 111,
    title: "Connection refused (operating-system error), not SMTP",
    meaning:
      "No SMTP RFC defines 111. It is the Linux error number for a refused connection (ECONNREFUSED), which some client software and error lists report as if it were an SMTP code.",
    status: "not-smtp",
    references: [FIRST_DIGIT_RULE],
    commands: [],
    notes: [
      "Nothing was exchanged with a mail server: nothing listens on that host and port, or a firewall refused the connection.",
    ],
  },
  {
    code: 200,
    title: "HTTP status, not SMTP",
    meaning:
      "No SMTP RFC defines 200. It is HTTP's 'OK'; a few old reply lists mention it as a non-standard success answer. A client would count it as success only because it starts with 2.",
    status: "not-smtp",
    references: [FIRST_DIGIT_RULE, "RFC 9110 §15.3.1"],
    commands: [],
    notes: ["SMTP's reply for a completed action is 250."],
  },
  {
    code: 400,
    title: "Generic temporary failure (Exchange)",
    meaning:
      "No RFC defines 400 as an SMTP reply. Microsoft Exchange shows it in queues and delay notices, typically as 400 4.4.7, for a message it is still retrying.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    enhanced: ["4.4.7"],
    notes: [
      "The enhanced code carries the meaning: 4.4.7 says delivery has been failing for a long time and the message will expire if it keeps failing.",
      "Transient like any 4yz reply; the sending server keeps retrying on its own.",
    ],
  },
  {
    code: 420,
    title: "Enhanced code 4.2.0 without dots",
    meaning:
      "No RFC defines 420 as an SMTP reply. It is the enhanced code 4.2.0 written as a three-digit code; Microsoft Exchange sends 420 4.2.0 with RESOLVER.ADR.Ambiguous when a recipient matches more than one directory entry.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.3"],
    commands: [],
    enhanced: ["4.2.0"],
    likelyMeant: "4.2.0",
    notes: [
      "Some error lists describe 420 as a connection timeout; no standard backs that.",
      "Transient by its first digit; the ambiguous-address case needs a directory fix on the receiving side.",
    ],
  },
  {
    code: 426,
    title: "Connection lost (borrowed from FTP)",
    meaning:
      "No SMTP RFC defines 426. Some MTAs report a timed-out or broken connection with it; the number comes from FTP, where it means the connection closed and the transfer was aborted.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 959 §4.2.2"],
    commands: [],
    notes: ["A network problem between the two servers; transient, and the sender retries."],
  },
  {
    code: 431,
    title: "Enhanced code 4.3.1 without dots",
    meaning:
      "No RFC defines 431 as an SMTP reply. Error lists use it for a receiving system out of disk space or memory, which is the enhanced code 4.3.1 (mail system full) with its dots removed.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.4"],
    commands: [],
    likelyMeant: "4.3.1",
    notes: ["The standard reply for that condition is 452, usually with 4.3.1."],
  },
  {
    code: 441,
    title: "Enhanced code 4.4.1 without dots",
    meaning:
      "No RFC defines 441 as an SMTP reply. Lists use it for a receiving server that does not answer, which is the enhanced code 4.4.1 (no answer from host) without its dots.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "4.4.1",
    notes: ["Such a failure is seen by the sending side; no server replies 441 itself."],
  },
  {
    code: 442,
    title: "Enhanced code 4.4.2 without dots",
    meaning:
      "No RFC defines 442 as an SMTP reply. Lists use it for a connection dropped in the middle of a transfer, which is the enhanced code 4.4.2 (bad connection) without its dots.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "4.4.2",
    notes: ["Transient network trouble; the standard basic reply in this situation is 421 with 4.4.2."],
  },
  {
    code: 446,
    title: "Enhanced code 4.4.6 without dots",
    meaning:
      "No RFC defines 446 as an SMTP reply. Lists use it for a message that exceeded its hop count, which is the enhanced code 4.4.6 (routing loop detected) without its dots.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "4.4.6",
    notes: [
      "A mail loop needs a configuration fix (forwarding rules, MX records); retrying alone will not help.",
    ],
  },
  {
    code: 447,
    title: "Enhanced code 4.4.7 without dots",
    meaning:
      "No RFC defines 447 as an SMTP reply. Lists use it for a message that timed out, which is the enhanced code 4.4.7 (delivery time expired) with its dots removed.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "4.4.7",
    notes: [
      "Microsoft Exchange shows its delay status as 400 4.4.7 rather than 447.",
      "The sending system reports this about its own queue; it says little about the recipient.",
    ],
  },
  {
    code: 449,
    title: "Exchange routing error (4.4.9 without dots)",
    meaning:
      "No RFC defines 449 as an SMTP reply. Lists attribute it to Microsoft Exchange routing problems, i.e. Exchange's own enhanced code 4.4.9 without its dots.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "4.4.9",
    notes: [
      "4.4.9 is not in the IANA registry either; it is Microsoft-specific and points at connector or routing configuration.",
    ],
  },
  {
    code: 471,
    title: "Enhanced code 4.7.1 without dots",
    meaning:
      "No RFC defines 471 as an SMTP reply. A few filters and appliances have sent it for temporary filtering or local failures such as greylisting; read as 4.7.1 it is a temporary policy refusal.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.8"],
    commands: [],
    likelyMeant: "4.7.1",
    notes: [
      "Standard servers send 450 or 451 with 4.7.1 instead; some old clients did not treat unknown codes like 471 properly.",
    ],
  },
  {
    code: 510,
    title: "Enhanced code 5.1.0 without dots",
    meaning:
      "No RFC defines 510 as an SMTP reply. It is the enhanced code 5.1.0 (other address status) with the dots dropped; lists explain it as 'check the recipient address'.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.2"],
    commands: [],
    likelyMeant: "5.1.0",
    notes: ["The real reply behind it is usually 550 with 5.1.0 or 5.1.1."],
  },
  {
    code: 511,
    title: "Enhanced code 5.1.1 without dots",
    meaning:
      "No RFC defines 511 as an SMTP reply. It is the enhanced code 5.1.1 (bad destination mailbox: the address does not exist) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.2"],
    commands: [],
    likelyMeant: "5.1.1",
    notes: ["The real reply is normally 550 5.1.1 to RCPT."],
  },
  {
    code: 512,
    title: "Enhanced code 5.1.2 without dots",
    meaning:
      "No RFC defines 512 as an SMTP reply. It is the enhanced code 5.1.2 (bad destination system: the domain part is wrong or cannot receive mail) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.2"],
    commands: [],
    likelyMeant: "5.1.2",
    notes: ["A domain with a null MX is reported as 556 5.1.10 instead."],
  },
  {
    code: 513,
    title: "Enhanced code 5.1.3 without dots",
    meaning:
      "No RFC defines 513 as an SMTP reply. It is the enhanced code 5.1.3 (destination address syntax is invalid) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.2"],
    commands: [],
    likelyMeant: "5.1.3",
    notes: ["The real reply is usually 501 or 553 with 5.1.3. A few lists also call 513 'relaying denied'."],
  },
  {
    code: 515,
    title: "Enhanced code 5.1.5 without dots",
    meaning:
      "No RFC defines 515 as an SMTP reply. With the dots restored it is 5.1.5, 'destination address valid', a success detail normally written 2.1.5.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.2"],
    commands: [],
    likelyMeant: "5.1.5",
    notes: [
      "Pages that explain 515 as an invalid address have it backwards: 5.1.5 says the address is good. An unknown mailbox is 5.1.1, bad syntax 5.1.3.",
    ],
  },
  {
    code: 517,
    title: "Enhanced code 5.1.7 without dots",
    meaning:
      "No RFC defines 517 as an SMTP reply. It is the enhanced code 5.1.7 (the sender's mailbox address has bad syntax) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.2"],
    commands: [],
    likelyMeant: "5.1.7",
    notes: ["About the sender, not the recipient; the real reply is usually 501 or 553 with 5.1.7 to MAIL."],
  },
  {
    code: 522,
    title: "Enhanced code 5.2.2 without dots",
    meaning:
      "No RFC defines 522 as an SMTP reply. Lists use it for a recipient over quota, which is the enhanced code 5.2.2 (mailbox full) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.3"],
    commands: [],
    enhanced: ["5.2.0"],
    likelyMeant: "5.2.2",
    notes: [
      "Oracle (formerly Sun) Messaging Server has been seen sending 522 with 5.2.0 for a recipient over quota.",
      "Standard replies for a full mailbox are 452 4.2.2 or 552 5.2.2; the address is usually valid.",
    ],
  },
  {
    code: 531,
    title: "Enhanced code 5.3.1 without dots",
    meaning:
      "No RFC defines 531 as an SMTP reply. It is the enhanced code 5.3.1 (mail system full) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.4"],
    commands: [],
    likelyMeant: "5.3.1",
    notes: ["The registry intends X.3.1 as a transient condition, normally 452 4.3.1."],
  },
  {
    code: 540,
    title: "Enhanced code 5.4.0 without dots",
    meaning:
      "No RFC defines 540 as an SMTP reply. It is the enhanced code 5.4.0 (other network or routing status) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    enhanced: ["5.7.1"],
    likelyMeant: "5.4.0",
    notes: [
      "Rambler has been seen answering RCPT with 540 5.7.1 for recipients that are blocked or inactive: a refusal of the recipient, not a routing fault.",
      "Lists that tie 540 to a missing DNS server are guessing; DNS trouble is 5.4.3 or 5.4.4, a bad domain 5.1.2.",
    ],
  },
  {
    code: 541,
    title: "Enhanced code 5.4.1 without dots / vendor content refusal",
    meaning:
      "No RFC defines 541 as an SMTP reply. Read with dots it is 5.4.1 (no answer from host), but some spam-filtering appliances send 541 to reject a message for its content.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "5.4.1",
    notes: [
      "The registry intends X.4.1 as transient (4.4.1).",
      "When the text speaks of spam or content, treat it as a permanent content rejection.",
    ],
  },
  {
    code: 542,
    title: "Enhanced code 5.4.2 without dots / vendor refusal",
    meaning:
      "No RFC defines 542 as an SMTP reply. Read with dots it is 5.4.2 (bad connection); Symantec MessageLabs has also been seen answering with 542 and the word 'Rejected' to refuse a recipient or message.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "5.4.2",
    notes: ["The registry intends X.4.2 as transient (4.4.2); a MessageLabs 542 is a permanent refusal."],
  },
  {
    code: 543,
    title: "Enhanced code 5.4.3 without dots",
    meaning:
      "No RFC defines 543 as an SMTP reply. It is the enhanced code 5.4.3 (directory server failure, called 'routing server failure' in the older RFC 1893) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "5.4.3",
    notes: ["'No route to the destination' is 5.4.4, not 5.4.3."],
  },
  {
    code: 546,
    title: "Enhanced code 5.4.6 without dots",
    meaning:
      "No RFC defines 546 as an SMTP reply. It is the enhanced code 5.4.6 (routing loop detected) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "5.4.6",
  },
  {
    code: 547,
    title: "Enhanced code 5.4.7 without dots",
    meaning:
      "No RFC defines 547 as an SMTP reply. It is the enhanced code 5.4.7 (delivery time expired) with the dots dropped.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.5"],
    commands: [],
    likelyMeant: "5.4.7",
    notes: [
      "Reported by the sending system about its own queue; it says nothing about the recipient address.",
    ],
  },
  {
    code: 571,
    title: "Enhanced code 5.7.1 as a reply code",
    meaning:
      "No RFC defines 571 as an SMTP reply. Some MTAs and configurations use it for policy refusals, i.e. the enhanced code 5.7.1 (delivery not authorised) written as a three-digit reply.",
    status: "non-standard",
    references: [FIRST_DIGIT_RULE, "RFC 3463 §3.8"],
    commands: [],
    enhanced: ["5.7.1"],
    likelyMeant: "5.7.1",
    notes: [
      "Seen in the wild for clients without reverse DNS (an Exim set-up demanding a PTR record) and for DMARC failures (Orange sends 571 5.7.1).",
      "Clients treat it by its first digit as permanent; the standard form would be 550 5.7.1 or 554 5.7.1.",
    ],
  },
];

/**
 * All known three-digit codes, in numeric order: RFC-defined ones (status "standard",
 * "extension", "experimental", "association-only") and the non-standard ones seen in
 * the wild (status "non-standard" or "not-smtp", with `likelyMeant` where the number is
 * an enhanced code with its dots removed).
 *
 * @example
 * ```ts
 * const info = BASIC_CODES.find((entry) => entry.code === 556);
 * info?.enhanced; // ["5.1.10"]
 * ```
 */
export const BASIC_CODES: readonly BasicCodeInfo[] = [...DEFINED, ...UNDEFINED].sort(
  (a, b) => a.code - b.code,
);

const BY_CODE: ReadonlyMap<number, BasicCodeInfo> = new Map(BASIC_CODES.map((entry) => [entry.code, entry]));

/**
 * The entry for one basic reply code, or undefined when the code is unknown.
 *
 * @example
 * ```ts
 * basicCodeInfo(535)?.title; // "Authentication failed"
 * basicCodeInfo(511)?.likelyMeant; // "5.1.1"
 * basicCodeInfo(999); // undefined
 * ```
 */
export function basicCodeInfo(code: number): BasicCodeInfo | undefined {
  return BY_CODE.get(code);
}
