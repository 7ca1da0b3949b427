/**
 * Domain types shared by every part of smtpcodes. Browser-safe: no runtime code
 * beyond the reason list.
 */

/**
 * Reason names of current Sisimai (after the December 2025 merge of
 * speeding/toomanyconn into `ratelimited` and mesgtoobig/exceedlimit into `emailtoolarge`),
 * so that results line up with Sisimai-based dashboards.
 */
export const REASONS = [
  "authfailure",
  "badreputation",
  "blocked",
  "contenterror",
  "delivered",
  "emailtoolarge",
  "expired",
  "failedstarttls",
  "feedback",
  "filtered",
  "hasmoved",
  "hostunknown",
  "mailboxfull",
  "mailererror",
  "networkerror",
  "norelaying",
  "notaccept",
  "notcompliantrfc",
  "onhold",
  "policyviolation",
  "ratelimited",
  "rejected",
  "requireptr",
  "securityerror",
  "spamdetected",
  "suppressed",
  "suspend",
  "syntaxerror",
  "systemerror",
  "systemfull",
  "undefined",
  "userunknown",
  "vacation",
  "virusdetected",
] as const;

export type Reason = (typeof REASONS)[number];

/**
 * SMTP commands and pseudo-commands (CONNECT for the greeting, DATA-END for the reply after
 * the final dot, "*" for any command), in the order of a session.
 */
export const SMTP_COMMANDS = [
  "CONNECT",
  "EHLO",
  "HELO",
  "STARTTLS",
  "AUTH",
  "MAIL",
  "RCPT",
  "DATA",
  "DATA-END",
  "BDAT",
  "BURL",
  "RSET",
  "VRFY",
  "EXPN",
  "HELP",
  "NOOP",
  "QUIT",
  "ETRN",
  "ATRN",
  "*",
] as const;

export type SmtpCommand = (typeof SMTP_COMMANDS)[number];

/** An enhanced status code (RFC 3463) split into its parts. */
export interface EnhancedStatus {
  /** As written, normalised: "5.7.26". */
  code: string;
  /** 2, 4 or 5. */
  class: number;
  subject: number;
  detail: number;
}

/** A problem noticed while reading or judging a reply. */
export interface Finding {
  /** Stable identifier, e.g. "class-mismatch". */
  id: string;
  severity: "info" | "warning";
  message: string;
  references?: string[];
}

/** One SMTP reply, parsed. */
export interface Reply {
  /** The input, possibly cut to the length limit. */
  raw: string;
  /** Basic reply code (first line's, if the lines disagree), or null. */
  code: number | null;
  /** Enhanced status code, or null. */
  enhanced: EnhancedStatus | null;
  /** Text of each line with codes removed. */
  lines: string[];
  /** All lines' text joined by single spaces. */
  text: string;
  /** Provider tags such as "TSS04", "S3150", "AS(201806281)", "IB105". */
  tags: string[];
  urls: string[];
  /** Mail addresses quoted in the reply. */
  addresses: string[];
  /** The SMTP command the reply answered, when the text says (e.g. "in reply to RCPT TO"). */
  command: SmtpCommand | null;
  /** Problems found while parsing: mixed codes, wrappers removed, input cut. */
  findings: Finding[];
  /** True when the input was longer than the limit and was cut. */
  truncated: boolean;
}

export type RetryAdvice = "never" | "fix-then-retry" | "minutes" | "hours" | "days";

/** Where a reason lands in the dashboards of the big sending services. */
export interface EspCategories {
  /** Amazon SES bounceType/bounceSubType, e.g. "Permanent/General". */
  ses: string;
  /** SendGrid bounce classification, e.g. "Invalid Address". */
  sendgrid: string;
  /** Mailgun failure: severity and reason, e.g. "permanent/bounce". */
  mailgun: string;
  /** Postmark bounce type, e.g. "HardBounce". */
  postmark: string;
}

/** What a reply means and what to do about it. */
export interface Diagnosis {
  reason: Reason;
  /** True when retrying the same message unchanged will not succeed. */
  permanent: boolean;
  /** True only when the recipient address itself is dead. */
  suppressRecipient: boolean;
  retry: RetryAdvice;
  /** False when nothing in the reply was recognised: no code and no known text. */
  recognised: boolean;
  meaning: string;
  senderAction: string;
  /** What the receiving side's administrator would look at. */
  recipientAdminAction: string;
  references: string[];
  /** Provider or MTA family recognised from the text or given as a hint. */
  provider: string | null;
  /** Identifier of the rule that decided the reason. */
  ruleId: string;
  /** How sure the classification is, 0..1. */
  confidence: number;
  categories: EspCategories;
  code: number | null;
  enhanced: string | null;
  /** Registry title of the enhanced code, or the basic code's short meaning. */
  codeMeaning: string | null;
  findings: Finding[];
  reply: Reply;
}
