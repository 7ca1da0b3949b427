import type { Diagnosis, Reason, SmtpCommand } from "../types.js";
import type { HeaderField, MimePart, ParsedMessage } from "./mime.js";

/** What kind of message was read. */
export type BounceKind = "failed" | "delayed" | "delivered" | "feedback" | "auto-reply" | "not-a-bounce";

/** Headers of the message that bounced, so senders can match their own records. */
export interface OriginalMessage {
  messageId: string | null;
  from: string | null;
  to: string | null;
  subject: string | null;
  date: string | null;
  listId: string | null;
}

/** One recipient of a bounce, read and explained. */
export interface RecipientResult {
  recipient: string;
  /** Original-Recipient (the address as the sender gave it), when different. */
  originalRecipient: string | null;
  /** RFC 3464 action: failed, delayed, delivered, relayed, expanded. */
  action: string;
  /** Enhanced status code as reported (or derived from the reply). */
  status: string | null;
  remoteMta: string | null;
  /** The diagnostic text: the remote server's reply or the reporting MTA's words. */
  diagnosticCode: string | null;
  /** The SMTP command the failure answered, when the bounce says. */
  command: SmtpCommand | null;
  replyCode: number | null;
  lastAttemptDate: string | null;
  /** The format module that read this recipient. */
  format: string;
  /** ARF feedback type (abuse, fraud, …) for feedback reports. */
  feedbackType: string | null;
  reason: Reason;
  permanent: boolean;
  suppressRecipient: boolean;
  diagnosis: Diagnosis;
}

export interface BounceReport {
  kind: BounceKind;
  /** The format module that read the message, or null when none did. */
  format: string | null;
  reportingMta: string | null;
  arrivalDate: string | null;
  /** Date, From and Subject of the bounce itself. */
  date: string | null;
  from: string | null;
  subject: string | null;
  original: OriginalMessage | null;
  recipients: RecipientResult[];
  /** Problems met while reading (truncated MIME, undecodable parts…); never fatal. */
  errors: string[];
}

/** What a format module extracts for one recipient, before explaining it. */
export interface RawRecipient {
  recipient: string;
  originalRecipient?: string | null;
  action?: string | null;
  status?: string | null;
  remoteMta?: string | null;
  diagnosticCode?: string | null;
  command?: SmtpCommand | null;
  replyCode?: number | null;
  lastAttemptDate?: string | null;
  feedbackType?: string | null;
  /**
   * A reason the format knows for certain from its own wording (Exim's "retry timeout
   * exceeded" is `expired`, an auto-reply is `vacation`); used when the text alone does
   * not say more.
   */
  reason?: Reason | null;
  /** When true, `reason` wins over what the diagnostic text says. */
  reasonIsFinal?: boolean;
}

export interface FormatResult {
  recipients: RawRecipient[];
  reportingMta?: string | null;
  kind?: BounceKind;
}

/** A parsed bounce with handy accessors, handed to every format module. */
export interface BounceMessage {
  parsed: ParsedMessage;
  /** Top-level header fields. */
  headers: HeaderField[];
  /** First value of a top-level header, RFC 2047-decoded. */
  header(name: string): string | null;
  /** Whether a top-level header field is present (lower-case name; nothing decoded). */
  hasHeader(name: string): boolean;
  /** Lower-cased From address and Subject, decoded. */
  from: string;
  subject: string;
  /** The human-readable text: the first text/plain part (or HTML turned to text), decoded. */
  text(): string;
  /** The start of `text()` (at most 20,000 characters), lower-cased: for cheap marker tests. */
  lowerText(): string;
  /** The whole body text of the top entity when it is not multipart, else the first text part. */
  parts(): MimePart[];
  /** Decoded text of a part. */
  partText(part: MimePart): string;
  /** The delivery-status part (message/delivery-status or global), if any. */
  deliveryStatus(): MimePart | null;
  /** Headers of the returned original message, when the bounce includes them. */
  originalHeaders(): HeaderField[] | null;
  /** Only its Message-ID, From, To, Subject, Date and List-Id fields (cheaper to read). */
  originalKeyHeaders(): HeaderField[] | null;
  /**
   * Answers worked out once per message by `perMessage` functions, by slot. Kept on the
   * message (not in weak maps) so that they die with it at no cost to the garbage collector.
   */
  memo: unknown[];
}

/**
 * What every format's gate may look at, worked out once per message: the From field and
 * the Subject (as `BounceMessage` has them, and lower-cased), and the message itself for
 * header presence (`hasHeader`) and the delivery-status part.
 */
export interface MessageFacts {
  message: BounceMessage;
  /** `message.from`: the From field, lower-cased. */
  from: string;
  /** `message.subject`, as decoded. */
  subject: string;
  /** The subject lower-cased (not trimmed). */
  subjectLower: string;
}

/** A module that knows one MTA's or provider's bounce format. */
export interface BounceFormat {
  id: string;
  name: string;
  /**
   * A necessary condition for `detect`, on facts worked out once per message: when it is
   * false, `detect` would be false too, and the module is not asked. It must never be
   * false for a message `detect` accepts (a test checks that on every corpus message).
   * Modules whose test needs the body text have none.
   */
  gate?: (facts: MessageFacts) => boolean;
  /** Cheap test on the message: does it look like this format? */
  detect(message: BounceMessage): boolean;
  /** Read the recipients; null when the message is not in this format after all. */
  parse(message: BounceMessage): FormatResult | null;
}
