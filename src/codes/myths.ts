/**
 * Common wrong or half-right claims about SMTP codes found on popular web pages, each with
 * the standard meaning that answers it. A presenter should show the correction first and
 * the claim only next to it, so the myth is never repeated on its own.
 *
 * Every entry is traceable to rows of the project's claim review (`claims`); the claims and
 * corrections are our own wording. Codes, RFC sections and registry facts are cited as
 * facts.
 */
import type { Myth } from "./types.js";

const RFC5321_REPLIES = ["RFC 5321 §4.2.2", "RFC 5321 §4.2.3"];
const RFC5321_DIGITS = ["RFC 5321 §4.2.1"];

/** One entry per distinct claim; the digit tables, then basic codes, then enhanced codes. */
export const MYTHS: readonly Myth[] = Object.freeze([
  // Classes and digit positions of basic reply codes.
  {
    code: "xyz",
    claim: "Every SMTP error code is a distinct three-digit number that identifies exactly what failed.",
    verdict: "partly",
    correction:
      "A basic reply code such as 550 only tells the outcome class (first digit) and a broad area (second digit); many different causes share the same three digits. The specific reason comes from the enhanced status code of RFC 3463 and from the reply text, so the three digits alone do not pinpoint a cause.",
    references: ["RFC 5321 §4.2", "RFC 3463"],
    claims: ["C034"],
  },
  {
    code: "1xx",
    claim: "The 1 class means the command was understood but nothing more was done.",
    verdict: "partly",
    correction:
      "1yz is the Positive Preliminary class: the server took the command but holds the action until the client confirms it. RFC 5321 says that no SMTP command uses this class, so a real server never answers with 1yz; the description also leaves out that the class is unused in SMTP.",
    references: RFC5321_DIGITS,
    claims: ["C037"],
  },
  {
    code: "1xx",
    claim: "Codes starting with 1 are informational responses.",
    verdict: "not-smtp",
    correction:
      "In SMTP a 1yz reply would be Positive Preliminary (the command is accepted and the action waits for confirmation), and RFC 5321 notes that no SMTP command uses it, so servers never send one. 'Informational' is the name of the HTTP 1xx class and does not apply to SMTP.",
    references: RFC5321_DIGITS,
    claims: ["C076"],
  },
  {
    code: "3xx",
    claim: "Replies in the 3 class are negative completions of the persistent transient kind.",
    verdict: "wrong",
    correction:
      "3yz is Positive Intermediate: the server accepted the command and waits for the rest, e.g. the message body after 354 (DATA) or the next step of an AUTH exchange after 334. 'Persistent transient' is the label of enhanced class 4 and describes failures such as 4yz replies, not the 3yz codes.",
    references: ["RFC 5321 §4.2.1", "RFC 3463 §2"],
    claims: ["C084"],
  },
  {
    code: "4xx",
    claim:
      "The 4 class is a temporary failure that goes away if the commands are simply sent again and again.",
    verdict: "partly",
    correction:
      "4yz is Transient Negative Completion: the action was not taken now, but the condition is expected to pass and the same request may work later. The client retries after a delay, with growing intervals, rather than repeating commands in a loop, and a retry is not guaranteed to succeed.",
    references: RFC5321_DIGITS,
    claims: ["C038"],
  },
  {
    code: "5xx",
    claim: "Codes in the 5 class are final failures that the host has to deal with urgently.",
    verdict: "partly",
    correction:
      "5yz is Permanent Negative Completion: the request was refused, and sending the identical request again will fail the same way until something changes. It tells the sender to change the address, the message or the setup; the RFC asks nothing urgent of the receiving host.",
    references: RFC5321_DIGITS,
    claims: ["C039"],
  },
  {
    code: "4xx/5xx",
    claim: "Any reply starting with 4 or 5 means the message stays unsent until someone fixes the cause.",
    verdict: "partly",
    correction:
      "Only a 5yz reply is final and calls for a change before the message is sent again. A 4yz reply is a transient failure: the sending server keeps the message queued and retries by itself, and the retry often works without anyone acting, so treating every 4yz like a 5yz overstates it.",
    references: RFC5321_DIGITS,
    claims: ["C007", "C069"],
  },
  {
    code: "x1x",
    claim: "A second digit of 1 means a syntax error.",
    verdict: "wrong",
    correction:
      "A second digit of 1 (x1z) marks information replies, such as answers to status or HELP requests. Syntax errors carry the second digit 0 (x0z); the table behind this claim is shifted by one place.",
    likelyFrom: "x0z",
    references: RFC5321_DIGITS,
    claims: ["C070"],
  },
  {
    code: "x2x",
    claim: "A second digit of 2 signals information replies, such as the answer to HELP.",
    verdict: "wrong",
    correction:
      "A second digit of 2 (x2z) marks replies about the connection, that is the transmission channel. Information replies such as HELP answers carry the second digit 1 (x1z); the claim is off by one place.",
    likelyFrom: "x1z",
    references: RFC5321_DIGITS,
    claims: ["C071"],
  },
  {
    code: "x3x",
    claim: "A second digit of 3 describes the state of the connection.",
    verdict: "wrong",
    correction:
      "RFC 5321 gives the second digit 3 no meaning of its own (extensions such as AUTH use it, e.g. 334 and 535). Replies about the connection carry the second digit 2 (x2z); the claim shifts the table by one place.",
    likelyFrom: "x2z",
    references: RFC5321_DIGITS,
    claims: ["C072"],
  },
  {
    code: "x4x",
    claim: "A second digit of 4 reports on the mail server's status.",
    verdict: "wrong",
    correction:
      "RFC 5321 gives the second digit 4 no meaning of its own (extensions use it, e.g. 454 for STARTTLS and AUTH). Replies about the mail system carry the second digit 5 (x5z); the claim shifts the table by one place.",
    likelyFrom: "x5z",
    references: RFC5321_DIGITS,
    claims: ["C073"],
  },
  {
    code: "x3x/x4x",
    claim: "Second digits 3 and 4 never occur.",
    verdict: "partly",
    correction:
      "RFC 5321 leaves the second digits 3 and 4 unspecified, yet SMTP extensions rely on them: AUTH brings 334, 432, 454, 530, 534 and 535, ETRN brings 458 and 459, ATRN brings 453. 'Not defined by the base standard' is right; 'never used' is not.",
    references: ["RFC 5321 §4.2.1", "RFC 4954 §6", "RFC 1985", "RFC 2645 §7"],
    claims: ["C074"],
  },

  // Codes borrowed from HTTP or IIS.
  {
    code: "100",
    claim: "100 Continue: the request arrived and the client may carry on.",
    verdict: "not-smtp",
    correction:
      "SMTP defines no reply 100; '100 Continue' is an HTTP status code (RFC 9110). When an SMTP server wants more input it uses a 3yz reply, such as 354 after DATA.",
    references: RFC5321_REPLIES,
    claims: ["C077"],
  },
  {
    code: "101",
    claim: "101 Switching Protocols, said to be rare in SMTP.",
    verdict: "not-smtp",
    correction:
      "SMTP has no reply 101; 'Switching Protocols' is HTTP's 101 status. An SMTP session moves to TLS with the STARTTLS command, which the server accepts with 220 before the handshake.",
    references: ["RFC 5321 §4.2.3", "RFC 3207 §4"],
    claims: ["C078"],
  },
  {
    code: "200",
    claim: "200 OK is a generic sign that the server got and handled the request.",
    verdict: "not-smtp",
    correction:
      "The SMTP success reply is 250; RFC 5321 defines no 200, and '200 OK' is the HTTP status. A client that did receive 200 could only count it as success because the first digit is 2.",
    likelyFrom: "250",
    references: RFC5321_REPLIES,
    claims: ["C083"],
  },
  {
    code: "500.0",
    claim: "500.0 is an internal server error: a generic configuration or resource fault of the mail server.",
    verdict: "not-smtp",
    correction:
      "SMTP has no '500.0'; the form is HTTP 500 (Internal Server Error) written with a Microsoft IIS sub-status. In SMTP, 500 means the command was not recognised or its line had a syntax error.",
    references: RFC5321_REPLIES,
    claims: ["C102"],
  },
  {
    code: "504",
    claim: "504 means Gateway Timeout.",
    verdict: "not-smtp",
    correction:
      "In SMTP, 504 means a parameter of a known command is not implemented, e.g. an AUTH mechanism the server does not offer. 'Gateway Timeout' is HTTP's 504 and has no meaning in SMTP.",
    references: RFC5321_REPLIES,
    claims: ["C111"],
  },

  // Basic reply codes defined by RFC 5321 and its extensions.
  {
    code: "221",
    claim: "221 is given a garbled label about a final channel being served.",
    verdict: "partly",
    correction:
      "221 is the normal goodbye: the server is closing the channel, typically after the client sent QUIT. The quoted text is a bad translation; 221 marks a clean end of the session, not a fault.",
    references: RFC5321_REPLIES,
    claims: ["C030"],
  },
  {
    code: "250",
    claim: "250 means the message reached the intended recipient.",
    verdict: "partly",
    correction:
      "250 means the requested action completed; after the end of DATA it means the receiving server has taken charge of delivering the message. It is not proof of arrival in an inbox: that server may still filter the message, file it as spam or bounce it later.",
    references: RFC5321_REPLIES,
    claims: ["C043"],
  },
  {
    code: "432",
    claim: "432 means the domain's service is unavailable and the channel is being closed.",
    verdict: "wrong",
    correction:
      "432 is an AUTH reply: the user has to make a password transition before the chosen mechanism can be used, with enhanced code 4.7.12. The text about the service being unavailable and the channel closing belongs to 421.",
    likelyFrom: "421",
    references: ["RFC 4954 §6", "IANA registry"],
    claims: ["C130"],
  },
  {
    code: "451",
    claim: "451 indicates a recipient mailbox that exceeded its quota.",
    verdict: "wrong",
    correction:
      "451 means the receiving server gave up on the request because something went wrong in its own processing, and the condition is temporary: retry later, nothing needs changing. A full mailbox has its own enhanced code, X.2.2, which servers send as 452 4.2.2 or 552 5.2.2; 451 does not mean over quota.",
    likelyFrom: "452 4.2.2",
    references: ["RFC 5321 §4.2.3", "RFC 3463 §3.3", "IANA registry"],
    claims: ["C049"],
  },
  {
    code: "452",
    claim: "452 signals an overloaded server that is also low on storage.",
    verdict: "partly",
    correction:
      "452 means the action was not taken because system storage is insufficient; RFC 5321 also recommends it as the answer to RCPT when a transaction has too many recipients. The storage part is right, but plain overload is better described by 421 or enhanced 4.3.2.",
    references: ["RFC 5321 §4.2.3", "RFC 5321 §4.5.3.1.10"],
    claims: ["C050"],
  },
  {
    code: "454",
    claim: "454 means encryption is required for the chosen authentication mechanism.",
    verdict: "wrong",
    correction:
      "454 is a temporary failure: after STARTTLS it says TLS cannot be started right now; during AUTH it says authentication failed for a temporary reason on the server side (enhanced 4.7.0). The 'encryption required for this mechanism' meaning is 538, which is permanent.",
    likelyFrom: "538",
    references: ["RFC 3207 §4", "RFC 4954 §6"],
    claims: ["C136"],
  },
  {
    code: "455",
    claim: "455: the server is unable to handle the command.",
    verdict: "partly",
    correction:
      "455 means the server is temporarily unable to accept the parameters that came with MAIL FROM or RCPT TO. It is about those parameters, not a general inability to process commands.",
    references: RFC5321_REPLIES,
    claims: ["C051"],
  },
  {
    code: "501",
    claim: "501 flags bad syntax in the recipient's address (a malformed address or domain).",
    verdict: "partly",
    correction:
      "501 means the arguments or parameters of a command contain a syntax error. With MAIL or RCPT that is often a malformed address, but 501 can answer any command; it is not limited to recipients.",
    references: RFC5321_REPLIES,
    claims: ["C053"],
  },
  {
    code: "502",
    claim: "502 is described as a team that does not exist.",
    verdict: "wrong",
    correction:
      "502 means the server recognises the command but does not implement it. The word 'team' is a mistranslation of 'command'; 502 has nothing to do with teams, users or accounts.",
    references: RFC5321_REPLIES,
    claims: ["C019"],
  },
  {
    code: "502",
    claim: "502 means a bad sequence of commands.",
    verdict: "wrong",
    correction:
      "502 means the server recognises the command but does not implement it. An out-of-order command gets 503; the claim mixes up the two codes.",
    likelyFrom: "503",
    references: RFC5321_REPLIES,
    claims: ["C108"],
  },
  {
    code: "534",
    claim: "534 means the message is too big.",
    verdict: "wrong",
    correction:
      "534 is an AUTH reply: the AUTH mechanism the client picked is too weak for what the server's policy requires of this user (enhanced 5.7.9). An oversized message is enhanced 5.3.4, sent as 552 5.3.4; the claim strips the dots from 5.3.4 and pins it on the real code 534.",
    likelyFrom: "552 5.3.4",
    references: ["RFC 4954 §6", "IANA registry"],
    claims: ["C155"],
  },
  {
    code: "535",
    claim: "535 means several servers are sharing the same IP address.",
    verdict: "wrong",
    correction:
      "535 means the server rejected the credentials given with AUTH, i.e. a wrong user name or password (enhanced 5.7.8). The shared-IP story comes from a vendor's description of enhanced 5.3.5 (system incorrectly configured): its dots were stripped and the result was mistaken for the AUTH code 535.",
    likelyFrom: "5.3.5",
    references: ["RFC 4954 §6", "IANA registry"],
    claims: ["C156"],
  },
  {
    code: "535",
    claim: "535 means authentication is required.",
    verdict: "partly",
    correction:
      "535 means the credentials sent with AUTH were rejected (enhanced 5.7.8): wrong user name or password. A server that wants the client to log in before it accepts a command answers 530 instead.",
    likelyFrom: "530",
    references: ["RFC 4954 §6"],
    claims: ["C157"],
  },
  {
    code: "551",
    claim: "551: the user is not local, so just try again.",
    verdict: "partly",
    correction:
      "551 says the recipient is not local to this server, and the reply names another forward-path the client may use instead. Sending the same RCPT to the same server again will not help: the sender has to switch to the address given.",
    references: [...RFC5321_REPLIES, "RFC 5321 §3.4"],
    claims: ["C023"],
  },
  {
    code: "551",
    claim: "551 says the mailbox of the recipient cannot be reached on the receiving server.",
    verdict: "partly",
    correction:
      "551 means the recipient is not local to this server, and the reply text points to another forward-path the sender should use. Reading it as a plain unavailable mailbox loses that redirection; an unavailable mailbox is normally 550.",
    references: [...RFC5321_REPLIES, "RFC 5321 §3.4"],
    claims: ["C058"],
  },
  {
    code: "552",
    claim: "552: the mail action failed since a memory limit was exhausted.",
    verdict: "partly",
    correction:
      "552 means the message was refused because a storage allocation was exceeded: the recipient's mailbox is over quota, or the message is larger than the maximum size the server announced with SIZE (RFC 1870). It concerns quota and message size, not the server's memory.",
    references: ["RFC 5321 §4.2.3", "RFC 1870"],
    claims: ["C024"],
  },
  {
    code: "552",
    claim: "552 means the receiving server has run out of storage space.",
    verdict: "partly",
    correction:
      "552 is a permanent refusal because a storage limit was exceeded for this message: typically the mailbox quota, or the maximum message size under SIZE (RFC 1870). A server short of space as a whole answers with the transient 452 instead.",
    references: ["RFC 5321 §4.2.3", "RFC 1870"],
    claims: ["C059"],
  },
  {
    code: "553",
    claim: "553: no mailbox of that name exists.",
    verdict: "partly",
    correction:
      "553 means the action was refused because the mailbox name is not allowed, for example because its syntax is wrong. A mailbox that simply does not exist is normally reported as 550 5.1.1.",
    likelyFrom: "550 5.1.1",
    references: RFC5321_REPLIES,
    claims: ["C060"],
  },

  // Three-digit numbers that are no basic reply code (vendor use or enhanced codes without dots).
  {
    code: "510",
    claim: "510: check the recipient address.",
    verdict: "non-standard",
    correction:
      "510 is no SMTP reply code; with its dots restored it is enhanced status 5.1.0, meaning an address problem with no more specific detail. Checking the address is a fair hint, but the number itself is not a reply code.",
    likelyFrom: "5.1.0",
    references: ["RFC 3463 §3.2", "IANA registry"],
    claims: ["C144"],
  },
  {
    code: "512",
    claim: "512: unknown host, the domain cannot be located.",
    verdict: "non-standard",
    correction:
      "512 is no SMTP reply code; with its dots restored it is enhanced status 5.1.2, meaning the destination system address is bad, i.e. the domain after the @ is unknown or does not accept mail. The claimed meaning fits 5.1.2.",
    likelyFrom: "5.1.2",
    references: ["RFC 3463 §3.2", "IANA registry"],
    claims: ["C145"],
  },
  {
    code: "515",
    claim: "515: the address of the destination mailbox is invalid.",
    verdict: "wrong",
    correction:
      "515 is not an SMTP basic reply. Read as enhanced code 5.1.5 it says the reverse: the recipient address was found valid, a success detail normally sent as 2.1.5. An invalid mailbox is 5.1.1, and a malformed address is 5.1.3.",
    likelyFrom: "5.1.1",
    references: ["RFC 3463 §3.2", "IANA registry"],
    claims: ["C146"],
  },
  {
    code: "517",
    claim: "517: something is off with a 'mail attribute' of the sender, whose properties need checking.",
    verdict: "non-standard",
    correction:
      "517 is no SMTP reply code; with its dots restored it is enhanced status 5.1.7, meaning the sender (MAIL FROM) address has bad syntax. The vague 'attribute' wording is a vendor gloss that only loosely fits.",
    likelyFrom: "5.1.7",
    references: ["RFC 3463 §3.2", "IANA registry"],
    claims: ["C147"],
  },
  {
    code: "522",
    claim: "522: the recipient has gone over the mailbox limit.",
    verdict: "non-standard",
    correction:
      "522 is no SMTP reply code; with its dots restored it is enhanced status 5.2.2, meaning mailbox full. The registry prefers the transient form, 452 4.2.2, though many servers send 552 5.2.2.",
    likelyFrom: "5.2.2",
    references: ["RFC 3463 §3.3", "IANA registry"],
    claims: ["C149"],
  },
  {
    code: "523",
    claim: "523: a server limit was exceeded because the message is too large.",
    verdict: "non-standard",
    correction:
      "No RFC defines 523 as a reply; read as enhanced code 5.2.3 (dots removed) it means the message is longer than an administrative limit of the mailbox. The IANA registry ties the basic number 523 to X.7.10 (encryption needed), not to size.",
    likelyFrom: "5.2.3",
    references: ["RFC 3463 §3.3", "IANA registry"],
    claims: ["C150"],
  },
  {
    code: "531",
    claim: "531: the mail system is full.",
    verdict: "non-standard",
    correction:
      "531 is no SMTP reply code; with its dots restored it is enhanced status 5.3.1, meaning the storage of the destination mail system is exhausted. The registry considers this useful only as a transient condition, sent as 452 4.3.1.",
    likelyFrom: "5.3.1",
    references: ["RFC 3463 §3.4", "IANA registry"],
    claims: ["C152"],
  },
  {
    code: "533",
    claim: "533: no disk space is left on the remote server for the message.",
    verdict: "wrong",
    correction:
      "No RFC defines 533 as a reply. Read as enhanced code 5.3.3 it means the destination system cannot support the features the message asks for. Running out of storage is X.3.1, normally sent as 452 4.3.1.",
    likelyFrom: "4.3.1",
    references: ["RFC 3463 §3.4", "IANA registry"],
    claims: ["C153"],
  },
  {
    code: "540",
    claim: "540: no DNS server exists for the email address.",
    verdict: "non-standard",
    correction:
      "540 is no SMTP reply code; with its dots restored it is enhanced status 5.4.0, meaning a network or routing fault without further detail. DNS trouble has more precise codes (5.4.3 directory server failure, 5.4.4 unable to route), and a domain that does not exist is 5.1.2.",
    likelyFrom: "5.4.0",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C159"],
  },
  {
    code: "541",
    claim: "541: the message was refused by the receiving server.",
    verdict: "non-standard",
    correction:
      "541 is not a basic reply in any RFC, so a client treats it by its first digit as a permanent failure. Certain spam-filtering gateways use it when they turn a message away as spam; it may also be enhanced code 5.4.1 (no answer from host) with the dots removed.",
    references: RFC5321_REPLIES,
    claims: ["C056"],
  },
  {
    code: "541",
    claim: "541: no response from the host.",
    verdict: "non-standard",
    correction:
      "541 is no SMTP reply code; with its dots restored it is enhanced status 5.4.1, meaning the remote host did not answer. The registry treats this as transient only (4.4.1), so the sending server normally keeps retrying.",
    likelyFrom: "5.4.1",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C160"],
  },
  {
    code: "542",
    claim: "542: bad connection.",
    verdict: "non-standard",
    correction:
      "542 is no SMTP reply code; with its dots restored it is enhanced status 5.4.2, meaning a link to the remote host was opened, yet the exchange broke off before completing. The registry expects it only as a transient code, 4.4.2 with basic 421.",
    likelyFrom: "5.4.2",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C161"],
  },
  {
    code: "543",
    claim: "543: routing server failure; no route is available.",
    verdict: "non-standard",
    correction:
      "543 is no SMTP reply code; with its dots restored it is enhanced status 5.4.3, meaning directory server failure, e.g. DNS could not be reached. The 'routing server' wording is the RFC 1893 title, renamed by RFC 3463, and having no route at all is 5.4.4.",
    likelyFrom: "5.4.3",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C162"],
  },
  {
    code: "546",
    claim: "546: the email is looping.",
    verdict: "non-standard",
    correction:
      "546 is no SMTP reply code; with its dots restored it is enhanced status 5.4.6, meaning a routing loop was detected because the message was forwarded too many times. The claimed meaning fits 5.4.6.",
    likelyFrom: "5.4.6",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C163"],
  },
  {
    code: "547",
    claim: "547: delivery timed out.",
    verdict: "non-standard",
    correction:
      "547 is no SMTP reply code; with its dots restored it is enhanced status 5.4.7, meaning the delivery time expired because the message stayed queued too long. The claimed meaning fits 5.4.7.",
    likelyFrom: "5.4.7",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C164"],
  },

  // Enhanced status codes: structure, and basic code paired with enhanced code.
  {
    code: "X.Y.Z",
    claim:
      "'ESMTP error codes' are three numbers: the first gives the status, the other two locate the error.",
    verdict: "partly",
    correction:
      "These are enhanced status codes (RFC 3463), which a server announces with the ENHANCEDSTATUSCODES extension (RFC 2034): class.subject.detail, where subject and detail may each have up to three digits, as in X.7.26 or X.1.10. They are not 'ESMTP error codes', and class 2 reports success.",
    references: ["RFC 3463 §2", "RFC 2034"],
    claims: ["C170"],
  },
  {
    code: "X",
    claim: "The class X of an enhanced code is always 4 or 5, for temporary or permanent.",
    verdict: "partly",
    correction:
      "The class of an enhanced code is 2, 4 or 5: 2 reports success (e.g. 2.0.0, 2.1.5, 2.6.4), while 4 and 5 mark transient and permanent failures.",
    references: ["RFC 3463 §2"],
    claims: ["C175"],
  },
  {
    code: "X.4.3",
    claim: "X.4.3 is listed as a routing server failure.",
    verdict: "partly",
    correction:
      "X.4.3 is directory server failure: a directory service such as DNS could not be reached, so no route for the message could be worked out; the registry allows it only as a transient code. The title 'Routing server failure' comes from RFC 1893 and was replaced in RFC 3463.",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C199"],
  },
  {
    code: "X.4.5",
    claim: "X.4.5 is listed as network congestion.",
    verdict: "partly",
    correction:
      "X.4.5 is mail system congestion, usable only as a transient code. 'Network congestion' is the old RFC 1893 title; the registry now puts the congestion in the mail system, not the network.",
    references: ["RFC 3463 §3.5", "IANA registry"],
    claims: ["C201"],
  },
  {
    code: "450 4.2.0",
    claim: "450 4.2.0 means the mailbox is full or unavailable; try again later.",
    verdict: "partly",
    correction:
      "4.2.0 is the generic mailbox-status code: the recipient's mailbox was the cause of a temporary failure, but no more specific detail is given. Mailbox full is a separate code, 4.2.2 (X.2.2), so 'full' should not be read into 4.2.0; retrying later is right.",
    likelyFrom: "4.2.2",
    references: ["RFC 3463 §3.3", "IANA registry"],
    claims: ["C088"],
  },
  {
    code: "451 4.7.0",
    claim: "451 4.7.0 is a temporary server error that may clear on retry.",
    verdict: "partly",
    correction:
      "4.7.0 is the catch-all for security or policy status, here temporary: the server deferred the message for a policy reason such as sending rate, IP reputation or a TLS requirement (Gmail sends 421 4.7.0 for these). A retry can work, but calling it a server error drops the policy meaning; read the reply text.",
    references: ["RFC 3463 §3.8", "IANA registry"],
    claims: ["C094"],
  },
  {
    code: "500 5.1.1",
    claim: "500 5.1.1: no such recipient, or the address was mistyped; the mailbox is unavailable.",
    verdict: "partly",
    correction:
      "5.1.1 means the destination mailbox address is bad: the part left of the @ names no mailbox there. That part is right, but servers send it with 550 (550 5.1.1); 500 is a command syntax error and does not pair with it.",
    likelyFrom: "550 5.1.1",
    references: ["RFC 3463 §3.2", "IANA registry"],
    claims: ["C103"],
  },
  {
    code: "500 5.4.1",
    claim: "500 5.4.1: the recipient domain was not found or could not be resolved.",
    verdict: "wrong",
    correction:
      "5.4.1 means no answer from host: the attempt to reach the next server went unanswered. A domain that does not exist or does not resolve is 5.1.2 (550 5.1.2), or 5.4.4 when no route can be found; Microsoft 365 uses 550 5.4.1 for a recipient refused with access denied. Neither pairs with basic 500.",
    likelyFrom: "550 5.1.2",
    references: ["RFC 3463 §3.2", "RFC 3463 §3.5", "IANA registry"],
    claims: ["C105"],
  },
  {
    code: "500 5.7.1",
    claim:
      "500 5.7.1: permission denied, because of an authentication problem or a sender not allowed on that server.",
    verdict: "partly",
    correction:
      "5.7.1 means delivery is not authorized: the message was refused by policy, e.g. relaying denied or the sender not permitted for this recipient. Servers send it as 550 5.7.1, since 500 is a syntax error. Authentication failures have their own codes: 530 5.7.0 (log in first) and 535 5.7.8 (bad credentials).",
    likelyFrom: "550 5.7.1",
    references: ["RFC 3463 §3.8", "RFC 4954 §6", "IANA registry"],
    claims: ["C104"],
  },
]);

const PLAIN_BASIC = /^\d{3}$/;
const CONCRETE_ENHANCED = /^[245]\.\d{1,3}\.\d{1,3}$/;
// IIS-style "500.0": a basic code with a sub-status glued on.
const SUB_STATUS = /^\d{3}\.\d{1,3}$/;
const MAX_CODE_LENGTH = 64;

function normalise(code: string): string {
  return code.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The single codes a combined form is made of: "500 5.1.1" → ["500", "5.1.1"]. */
function parts(code: string): string[] {
  return normalise(code)
    .split(/[ /]/)
    .filter((part) => part !== "");
}

function partContains(part: string, asked: string): boolean {
  if (part === asked) return true;
  if (PLAIN_BASIC.test(asked)) return SUB_STATUS.test(part) && part.startsWith(`${asked}.`);
  // A concrete enhanced code falls under the registry's X-form: 5.4.3 under X.4.3.
  return part === `x${asked.slice(1)}`;
}

/** Single-digit subject and detail: the only enhanced codes that lose their dots into a 3-digit number. */
function withoutDots(enhanced: string): string | undefined {
  const dropped = enhanced.replaceAll(".", "");
  return dropped.length === 3 ? dropped : undefined;
}

/** Whether `text` names `code` as a whole code ("5.1.5", but not inside "5.1.50"). */
function mentions(text: string, code: string): boolean {
  for (let at = text.indexOf(code); at !== -1; at = text.indexOf(code, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + code.length] ?? " ";
    if (!/[\d.]/.test(before) && !/\d/.test(after)) return true;
  }
  return false;
}

/**
 * The myths a user looking up `code` should see next to the standard meaning.
 *
 * Matches the code as web pages write it, ignoring case and extra spaces ("X.4.3" = "x.4.3").
 * A plain basic code also finds combined forms that contain it ("500" finds "500 5.1.1" and
 * "500.0"). A concrete enhanced code finds combined forms, its registry X-form ("5.4.3" finds
 * "X.4.3"), myths whose claim most likely belongs to it (`likelyFrom`), and 3-digit numbers
 * that are the code with its dots removed when the correction explains that reading ("5.4.1"
 * finds "541", "5.1.5" finds "515", but "5.0.2" does not find "502").
 * Digit-class patterns such as "5xx" are only found by asking for them.
 *
 * @example
 * ```ts
 * import { mythsFor } from "./myths.js";
 * mythsFor("535").map((myth) => myth.likelyFrom); // ["5.3.5", "530"]
 * mythsFor("x.4.3")[0]?.code; // "X.4.3"
 * ```
 */
export function mythsFor(code: string): Myth[] {
  if (code.length > MAX_CODE_LENGTH) return [];
  const asked = normalise(code);
  if (asked === "") return [];
  const concrete = PLAIN_BASIC.test(asked) || CONCRETE_ENHANCED.test(asked);
  const enhanced = CONCRETE_ENHANCED.test(asked);
  const dotless = enhanced ? withoutDots(asked) : undefined;
  return MYTHS.filter((myth) => {
    if (normalise(myth.code) === asked) return true;
    if (!concrete) return false;
    if (parts(myth.code).some((part) => partContains(part, asked))) return true;
    if (!enhanced) return false;
    if (myth.likelyFrom !== undefined && parts(myth.likelyFrom).includes(asked)) return true;
    // A 3-digit number that is this code without its dots, when the myth explains that reading.
    return dotless !== undefined && normalise(myth.code) === dotless && mentions(myth.correction, asked);
  });
}
