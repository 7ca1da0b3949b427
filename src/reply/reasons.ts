import type { EspCategories, Reason } from "../types.js";

/** What a reason means in general, and what each side should do. Rules may say more. */
export interface ReasonInfo {
  reason: Reason;
  /** Short label for people, e.g. "Unknown recipient". */
  label: string;
  meaning: string;
  senderAction: string;
  adminAction: string;
  /** True when the reason says the recipient address itself is dead (once permanent). */
  deadAddress: boolean;
  /** Whether the problem is on the sender's side (true), the recipient's (false) or either (null). */
  senderSide: boolean | null;
}

const info = (
  reason: Reason,
  label: string,
  meaning: string,
  senderAction: string,
  adminAction: string,
  deadAddress: boolean,
  senderSide: boolean | null,
): ReasonInfo => ({ reason, label, meaning, senderAction, adminAction, deadAddress, senderSide });

export const REASON_INFO: Readonly<Record<Reason, ReasonInfo>> = {
  authfailure: info(
    "authfailure",
    "Sender authentication failed",
    "The receiver checked SPF, DKIM or DMARC for the sending domain and the message did not pass.",
    "Publish or repair SPF and DKIM for the domain in From:, make at least one of them align with it (DMARC), and resend.",
    "Look at the Authentication-Results the receiver recorded and the sender domain's DMARC policy.",
    false,
    true,
  ),
  badreputation: info(
    "badreputation",
    "Poor sender reputation",
    "The receiver scored the sending IP address or domain as untrustworthy and refused or throttled the mail.",
    "Slow down, send only to people who asked for mail, remove stale addresses, and check the provider's postmaster tools before raising volume again.",
    "Check the reputation system that scored the sender (postmaster tools, internal scores).",
    false,
    true,
  ),
  blocked: info(
    "blocked",
    "Sending host blocked",
    "The receiver refused the connection or message because of the sending IP address or host name: a blocklist (DNSBL) listing, a local block, or an unacceptable HELO.",
    "Look up the sending IP on the blocklist named in the reply, fix the cause (compromised account, open relay, bad list hygiene), ask for delisting, or send through another host.",
    "Check which blocklist or local access rule matched the client IP and whether the listing is current.",
    false,
    true,
  ),
  contenterror: info(
    "contenterror",
    "Content not acceptable",
    "The receiver could not accept the message's format or encoding (headers, MIME structure, character set).",
    "Fix how the message is built (headers, encoding, MIME parts) and send it again.",
    "Check the content or format rule that rejected the message.",
    false,
    true,
  ),
  delivered: info(
    "delivered",
    "Delivered",
    "The message was accepted: this is a success report, not a failure.",
    "Nothing to do.",
    "Nothing to do.",
    false,
    null,
  ),
  emailtoolarge: info(
    "emailtoolarge",
    "Message too large",
    "The message, or something counted per message (size, attachments, recipients), is over the receiver's limit.",
    "Make the message smaller (link to large files instead of attaching them) or split the recipients, then resend.",
    "Check the size and per-message limits configured for the recipient or the system.",
    false,
    true,
  ),
  expired: info(
    "expired",
    "Gave up retrying",
    "The sending system kept the message in its queue until the retry period ran out; the last attempt's error is the underlying cause.",
    "Look at why the earlier attempts failed (connection, DNS, deferrals). The recipient address may be fine; send again once the cause is gone.",
    "Check why the sending side could not deliver: connectivity, DNS, or deferrals issued by this server.",
    false,
    null,
  ),
  failedstarttls: info(
    "failedstarttls",
    "TLS required or failed",
    "Delivery needed an encrypted connection (STARTTLS) that could not be set up, or the receiver demands TLS the sender did not use.",
    "Enable STARTTLS on the sending side with a current TLS version and valid certificate, then resend.",
    "Check the TLS policy and the certificates and protocol versions offered.",
    false,
    true,
  ),
  feedback: info(
    "feedback",
    "Complaint report",
    "A feedback-loop report: a recipient marked the message as spam (or a similar complaint).",
    "Stop mailing the complaining recipient and review why they did not want the mail.",
    "Nothing to do; the report was sent to the sender's feedback address.",
    false,
    true,
  ),
  filtered: info(
    "filtered",
    "Refused by the recipient's filter",
    "A filter on the recipient's side (their own block list, sender rules, or the domain's filtering) refused this message.",
    "Do not retry as is. The recipient has chosen not to receive this mail; reach them another way if they expect it.",
    "Check the recipient's or domain's blocked-sender and filtering rules.",
    false,
    false,
  ),
  hasmoved: info(
    "hasmoved",
    "Address has moved",
    "The recipient's address is no longer used; the mail system says the person moved and does not forward.",
    "Remove the address, or update it if the reply gives the new one.",
    "Nothing to do unless forwarding should have been set up.",
    true,
    false,
  ),
  hostunknown: info(
    "hostunknown",
    "Recipient domain does not exist",
    "The domain part of the recipient address does not exist or has no mail host.",
    "Check the address for typos in the domain; if it is right, remove it.",
    "Check the domain's DNS (MX, A/AAAA records).",
    true,
    false,
  ),
  mailboxfull: info(
    "mailboxfull",
    "Mailbox full",
    "The recipient's mailbox is over its storage quota.",
    "Retry later; if the mailbox stays full for weeks, treat the address as abandoned.",
    "Free space in the mailbox or raise its quota.",
    false,
    false,
  ),
  mailererror: info(
    "mailererror",
    "Local delivery program failed",
    "The receiving system handed the message to a local program (pipe, filter, delivery agent) and it failed.",
    "Report it to the receiving postmaster: a program on their side failed while delivering. A temporary failure may clear by itself; a permanent one needs their fix before a retry can work.",
    "Check the delivery program's exit status and logs.",
    false,
    false,
  ),
  networkerror: info(
    "networkerror",
    "Network or routing problem",
    "Delivery failed on the way: a DNS failure, a connection timeout, or a mail loop between servers.",
    "Retry later; if it persists, check DNS for the recipient domain and routes between the systems.",
    "Check MX records, routing and forwarding rules (loops), and the server's reachability.",
    false,
    null,
  ),
  norelaying: info(
    "norelaying",
    "Relaying denied",
    "The server reached is not willing to pass the message on to the recipient's domain for this client.",
    "Send through your own authorised outgoing server (authenticate first), or check that the recipient domain's MX records point where they should.",
    "Check relay permissions, accepted domains and whether the MX points to this server.",
    false,
    true,
  ),
  notaccept: info(
    "notaccept",
    "Domain accepts no mail",
    "The recipient domain or host does not accept mail at all (for example it publishes a null MX).",
    "Remove the address: mail to this domain cannot be delivered.",
    "Publish MX records if the domain should receive mail.",
    true,
    false,
  ),
  notcompliantrfc: info(
    "notcompliantrfc",
    "Message breaks the format rules",
    "The message does not follow the Internet Message Format (RFC 5322): for example duplicate or missing headers, or malformed addresses in From:.",
    "Fix the message headers (one From:, one Subject:, a valid Message-ID and Date) and resend.",
    "Check which header rule the message broke.",
    false,
    true,
  ),
  onhold: info(
    "onhold",
    "Undecided",
    "There is not enough detail to decide what went wrong.",
    "Read the full reply text; retry later if it was temporary.",
    "Check the logs for this message.",
    false,
    null,
  ),
  policyviolation: info(
    "policyviolation",
    "Refused by local policy",
    "The receiving site's own policy refused the message (not a spam or virus verdict as such): banned attachments, forbidden senders or destinations, organisation rules.",
    "Read the reply for the rule that applied, change the message or the sending setup accordingly, or ask the recipient's administrator.",
    "Check the policy or transport rule that matched.",
    false,
    null,
  ),
  ratelimited: info(
    "ratelimited",
    "Rate limited",
    "The receiver is limiting how fast or how much it accepts from this sender (connections, messages or recipients per period); the message itself may be fine.",
    "Slow down and retry later; spread sending over time and keep connections few. The recipient address is not at fault.",
    "Check the rate limits and the sender's recent volume.",
    false,
    true,
  ),
  rejected: info(
    "rejected",
    "Sender refused",
    "The receiver refused the envelope sender (MAIL FROM) or the sending account: unknown or unresolvable sender domain, sender not allowed, or the account may not send.",
    "Fix the sender address or domain (valid DNS, MX, permission to send as it) and resend. The recipient address is not at fault.",
    "Check the sender checks (sender domain DNS, sender verification, send-as permissions).",
    false,
    true,
  ),
  requireptr: info(
    "requireptr",
    "Reverse DNS missing or wrong",
    "The sending IP address has no PTR (reverse DNS) record, or the name it points to does not resolve back to the same address.",
    "Ask whoever runs the sending IP to set a PTR record whose name resolves back to the IP (forward-confirmed reverse DNS), and use that name in HELO.",
    "Check the reverse DNS test applied to connecting clients.",
    false,
    true,
  ),
  securityerror: info(
    "securityerror",
    "Authentication or authorisation required",
    "The server requires the client to authenticate (SMTP AUTH) or refused its credentials or permissions.",
    "Check the SMTP login, password, authentication method and permissions of the sending account, then resend.",
    "Check the authentication logs for the client.",
    false,
    true,
  ),
  spamdetected: info(
    "spamdetected",
    "Judged to be spam",
    "The receiver's spam filter classified the message content, links or sending pattern as spam.",
    "Review the content and links (including domains on URI blocklists), send only to people who asked for it, and resend only after fixing the cause.",
    "Check the spam filter's verdict and score for this message.",
    false,
    true,
  ),
  suppressed: info(
    "suppressed",
    "Suppressed by the sending service",
    "The sending service did not try: the address is on its suppression list after earlier bounces or complaints.",
    "Remove the address, or clear it from the suppression list only if you know it works again.",
    "Nothing to do on the receiving side.",
    true,
    true,
  ),
  suspend: info(
    "suspend",
    "Mailbox disabled",
    "The recipient's account exists but is disabled, suspended or inactive.",
    "Stop mailing the address if the block is lasting; if the reply says it is temporary, retry later.",
    "Check why the account is disabled.",
    true,
    false,
  ),
  syntaxerror: info(
    "syntaxerror",
    "SMTP protocol error",
    "The SMTP conversation went wrong: a malformed, unknown or out-of-order command or parameter.",
    "Check the sending software or its configuration (HELO name, command parameters, pipelining); it is not about the recipient.",
    "Check the protocol log for the command the server refused.",
    false,
    true,
  ),
  systemerror: info(
    "systemerror",
    "Receiving system problem",
    "The receiving system had an internal or temporary problem (service unavailable, overloaded, misconfigured).",
    "Retry later if the reply was temporary; if it was permanent, or keeps failing, contact the receiving postmaster.",
    "Check the server's health, configuration and logs.",
    false,
    false,
  ),
  systemfull: info(
    "systemfull",
    "Receiving system out of storage",
    "The receiving server as a whole has run out of disk space or similar resources.",
    "Retry later.",
    "Free disk space on the mail server (queue and store).",
    false,
    false,
  ),
  undefined: info(
    "undefined",
    "Not recognised",
    "Nothing in the reply says clearly what went wrong.",
    "Read the reply text; if it was a 4xx reply, retry later; if 5xx, contact the recipient another way or the receiving postmaster.",
    "Check the logs for this message.",
    false,
    null,
  ),
  userunknown: info(
    "userunknown",
    "Unknown recipient",
    "The recipient address does not exist at the receiving domain.",
    "Stop sending to this address: remove it or correct the typo.",
    "Check that the mailbox or alias exists if it should.",
    true,
    false,
  ),
  vacation: info(
    "vacation",
    "Automatic reply",
    "An automatic reply such as an out-of-office message, not a delivery failure.",
    "Nothing to do; the message was delivered.",
    "Nothing to do.",
    false,
    null,
  ),
  virusdetected: info(
    "virusdetected",
    "Malware detected",
    "The receiver found a virus or malware in the message.",
    "Check the sending system and attachments for malware; do not resend the same content.",
    "Check the antivirus verdict.",
    false,
    true,
  ),
};

/**
 * Where a reason lands in the dashboards of Amazon SES, SendGrid, Mailgun and Postmark, so
 * that results can be compared with their reports. Permanence decides SES's bounce type and
 * Mailgun's severity; the rest follows the reason.
 */
export function espCategories(reason: Reason, permanent: boolean): EspCategories {
  let pair = categoryCache[reason];
  if (pair === undefined) {
    pair = [Object.freeze(computeCategories(reason, false)), Object.freeze(computeCategories(reason, true))];
    categoryCache[reason] = pair;
  }
  return pair[permanent ? 1 : 0];
}

const categoryCache: Partial<Record<Reason, [EspCategories, EspCategories]>> = {};

function computeCategories(reason: Reason, permanent: boolean): EspCategories {
  const severity = permanent ? "permanent" : "temporary";
  switch (reason) {
    case "userunknown":
    case "hostunknown":
    case "hasmoved":
    case "notaccept":
      return {
        ses: permanent ? "Permanent/NoEmail" : "Transient/General",
        sendgrid: "Invalid Address",
        mailgun: `${severity}/bounce`,
        postmark:
          reason === "hostunknown" ? "DnsError" : reason === "hasmoved" ? "AddressChange" : "HardBounce",
      };
    case "suspend":
      return {
        ses: permanent ? "Permanent/General" : "Transient/General",
        sendgrid: "Mailbox Unavailable",
        mailgun: `${severity}/bounce`,
        postmark: permanent ? "HardBounce" : "SoftBounce",
      };
    case "mailboxfull":
      return {
        ses: "Transient/MailboxFull",
        sendgrid: "Mailbox Unavailable",
        mailgun: `${severity}/bounce`,
        postmark: "SoftBounce",
      };
    case "emailtoolarge":
      return {
        ses: "Transient/MessageTooLarge",
        sendgrid: "Content",
        mailgun: `${severity}/bounce`,
        postmark: "SoftBounce",
      };
    case "contenterror":
    case "notcompliantrfc":
    case "policyviolation":
      return {
        ses: "Transient/ContentRejected",
        sendgrid: "Content",
        mailgun: `${severity}/generic`,
        postmark: permanent ? "HardBounce" : "SoftBounce",
      };
    case "spamdetected":
      return {
        ses: "Transient/ContentRejected",
        sendgrid: "Content",
        mailgun: `${severity}/espblock`,
        postmark: "SpamNotification",
      };
    case "virusdetected":
      return {
        ses: "Transient/AttachmentRejected",
        sendgrid: "Content",
        mailgun: `${severity}/generic`,
        postmark: "VirusNotification",
      };
    case "blocked":
    case "badreputation":
    case "requireptr":
    case "filtered":
      return {
        ses: "Transient/General",
        sendgrid: "Reputation",
        mailgun: `${severity}/espblock`,
        postmark: "Blocked",
      };
    case "authfailure":
      return {
        ses: "Transient/General",
        sendgrid: "Reputation",
        mailgun: `${severity}/espblock`,
        postmark: "DMARCPolicy",
      };
    case "ratelimited":
      return {
        ses: "Transient/General",
        sendgrid: "Frequency or Volume Too High",
        mailgun: `${severity}/generic`,
        postmark: "Transient",
      };
    case "suppressed":
      return {
        ses: "Permanent/Suppressed",
        sendgrid: "Invalid Address",
        mailgun: "permanent/suppress-bounce",
        postmark: "ManuallyDeactivated",
      };
    case "feedback":
      return { ses: "Complaint", sendgrid: "Unclassified", mailgun: "complained", postmark: "SpamComplaint" };
    case "vacation":
      return {
        ses: "Undetermined/Undetermined",
        sendgrid: "Unclassified",
        mailgun: "delivered",
        postmark: "AutoResponder",
      };
    case "delivered":
      return { ses: "Delivery", sendgrid: "Unclassified", mailgun: "delivered", postmark: "Delivered" };
    case "expired":
      return {
        ses: "Transient/General",
        sendgrid: "Technical Failure",
        mailgun: "permanent/old",
        postmark: "Transient",
      };
    case "undefined":
    case "onhold":
      return {
        ses: permanent ? "Permanent/General" : "Undetermined/Undetermined",
        sendgrid: "Unclassified",
        mailgun: `${severity}/generic`,
        postmark: "Unknown",
      };
    default:
      // failedstarttls, networkerror, norelaying, rejected, securityerror, syntaxerror,
      // systemerror, systemfull, mailererror: technical problems on either side.
      return {
        ses: permanent ? "Permanent/General" : "Transient/General",
        sendgrid: "Technical Failure",
        mailgun: `${severity}/generic`,
        postmark: permanent ? "HardBounce" : "Transient",
      };
  }
}
