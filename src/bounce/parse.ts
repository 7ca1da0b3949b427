import { type ExplainOptions, explain } from "../reply/explain.js";
import { espCategories, REASON_INFO } from "../reply/reasons.js";
import type { Reason } from "../types.js";
import { FORMATS } from "./formats/index.js";
import { bounceMessage } from "./message.js";
import { decodeHeader, fieldValue, type HeaderField, parseMessage } from "./mime.js";
import type {
  BounceKind,
  BounceMessage,
  BounceReport,
  FormatResult,
  OriginalMessage,
  RawRecipient,
  RecipientResult,
} from "./types.js";

/** Largest input read; the rest of a bigger message is ignored (with an error noted). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Reasons a format module can know better than the diagnostic text. */
const FORMAT_REASONS = new Set<Reason>([
  "expired",
  "vacation",
  "feedback",
  "delivered",
  "suppressed",
  "mailererror",
  "onhold",
]);

/**
 * Read a bounce email (a DSN, an ARF feedback report, an auto-reply, or the non-standard
 * report of a real MTA) into per-recipient results, each explained by `explain`. Takes the
 * raw message as bytes or text, with any line ends. Never throws: a message that is not a
 * bounce gives `kind: "not-a-bounce"` and no recipients; damage is listed in `errors`.
 *
 * @example
 * ```ts
 * import { parseBounce } from "smtpcodes";
 * const report = parseBounce([
 *   "From: MAILER-DAEMON@mx.example.net",
 *   "Subject: Undelivered Mail Returned to Sender",
 *   "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
 *   "",
 *   "--b",
 *   "Content-Type: text/plain",
 *   "",
 *   "Delivery failed.",
 *   "--b",
 *   "Content-Type: message/delivery-status",
 *   "",
 *   "Reporting-MTA: dns; mx.example.net",
 *   "",
 *   "Final-Recipient: rfc822; ann@example.org",
 *   "Action: failed",
 *   "Status: 5.1.1",
 *   "Diagnostic-Code: smtp; 550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown",
 *   "--b--",
 * ].join("\n"));
 * report.kind;                       // "failed"
 * report.recipients[0]?.recipient;   // "ann@example.org"
 * report.recipients[0]?.reason;      // "userunknown"
 * ```
 */
export function parseBounce(raw: string | Uint8Array): BounceReport {
  const errors: string[] = [];
  let input = raw;
  if (typeof input === "string" ? input.length > MAX_MESSAGE_BYTES : input.byteLength > MAX_MESSAGE_BYTES) {
    input =
      typeof input === "string" ? input.slice(0, MAX_MESSAGE_BYTES) : input.subarray(0, MAX_MESSAGE_BYTES);
    errors.push(`message larger than ${MAX_MESSAGE_BYTES} bytes: only the start was read`);
  }
  if (typeof input !== "string" && !(input instanceof Uint8Array)) {
    return emptyReport(["input is neither text nor bytes"]);
  }
  const parsed = parseMessage(input);
  errors.push(...parsed.errors);
  const message = bounceMessage(parsed);

  let format: string | null = null;
  let result: FormatResult | null = null;
  for (const module of FORMATS) {
    let detected = false;
    try {
      detected = module.detect(message);
      if (!detected) continue;
      const found = module.parse(message);
      if (found && (found.recipients.length > 0 || found.kind === "not-a-bounce")) {
        format = module.id;
        result = found;
        break;
      }
    } catch (error) {
      // A module bug must not lose the message: note it and let the next module try.
      errors.push(`format ${module.id} failed: ${(error as Error).message}`);
    }
  }

  const report = emptyReport(errors);
  report.date = message.header("date");
  report.from = message.header("from");
  report.subject = message.header("subject");
  report.original = originalMessage(message);
  if (result === null || format === null) return report;
  report.format = format;
  report.reportingMta = result.reportingMta ?? null;
  report.arrivalDate = null;
  report.recipients = result.recipients.map((raw) => explainRecipient(raw, format as string, message));
  report.kind = result.kind ?? kindOf(report.recipients);
  return report;
}

function emptyReport(errors: string[]): BounceReport {
  return {
    kind: "not-a-bounce",
    format: null,
    reportingMta: null,
    arrivalDate: null,
    date: null,
    from: null,
    subject: null,
    original: null,
    recipients: [],
    errors,
  };
}

function kindOf(recipients: RecipientResult[]): BounceKind {
  if (recipients.length === 0) return "not-a-bounce";
  if (recipients.some((r) => r.reason === "feedback")) return "feedback";
  if (recipients.every((r) => r.reason === "vacation")) return "auto-reply";
  if (recipients.some((r) => r.action === "failed")) return "failed";
  if (
    recipients.every((r) => r.action === "delivered" || r.action === "relayed" || r.action === "expanded")
  ) {
    return "delivered";
  }
  if (recipients.some((r) => r.action === "delayed")) return "delayed";
  return "failed";
}

/** Explain one recipient: the diagnostic text first, with the DSN fields as context. */
export function explainRecipient(
  raw: RawRecipient,
  format: string,
  message: BounceMessage | null,
): RecipientResult {
  const action = normaliseAction(raw.action, raw.status);
  const options: ExplainOptions = { recipient: raw.recipient };
  if (raw.status) options.status = raw.status;
  if (raw.remoteMta) options.remoteMta = raw.remoteMta;
  if (raw.command) options.command = raw.command;
  if (action) options.action = action;
  const text = raw.diagnosticCode ?? "";
  let diagnosis = explain(text, options);
  if (raw.reason && (raw.reasonIsFinal || FORMAT_REASONS.has(raw.reason) || !textDecided(diagnosis.ruleId))) {
    diagnosis = withReason(diagnosis, raw.reason, format);
  }
  if (action === "delivered" || action === "relayed" || action === "expanded") {
    diagnosis = withReason(diagnosis, "delivered", format);
  }
  void message;
  return {
    recipient: raw.recipient,
    originalRecipient: raw.originalRecipient ?? null,
    action,
    status: raw.status ?? diagnosis.enhanced ?? null,
    remoteMta: raw.remoteMta ?? null,
    diagnosticCode: raw.diagnosticCode ?? null,
    command: raw.command ?? diagnosis.reply.command,
    replyCode: raw.replyCode ?? diagnosis.code,
    lastAttemptDate: raw.lastAttemptDate ?? null,
    format,
    feedbackType: raw.feedbackType ?? null,
    reason: diagnosis.reason,
    permanent: diagnosis.permanent,
    suppressRecipient: diagnosis.suppressRecipient,
    diagnosis,
  };
}

/** Did a text rule (not a code fallback) decide? */
function textDecided(ruleId: string): boolean {
  return !(ruleId === "none" || ruleId.startsWith("code.") || ruleId.startsWith("nodemailer."));
}

function normaliseAction(action: string | null | undefined, status: string | null | undefined): string {
  const value = (action ?? "").trim().toLowerCase();
  if (value === "failure" || value === "fail") return "failed";
  if (value === "delay") return "delayed";
  if (value !== "") return value;
  if (status?.startsWith("2.")) return "delivered";
  if (status?.startsWith("4.")) return "delayed";
  return "failed";
}

const TRANSIENT_BY_NATURE = new Set<Reason>([
  "expired",
  "vacation",
  "feedback",
  "delivered",
  "onhold",
  "ratelimited",
]);

/** Replace a diagnosis's reason with one the format module knows. */
function withReason(
  diagnosis: ReturnType<typeof explain>,
  reason: Reason,
  format: string,
): ReturnType<typeof explain> {
  if (diagnosis.reason === reason) return diagnosis;
  const permanent = TRANSIENT_BY_NATURE.has(reason) ? false : diagnosis.permanent;
  const suppress =
    reason === "userunknown" ||
    reason === "hostunknown" ||
    reason === "hasmoved" ||
    reason === "notaccept" ||
    reason === "suppressed"
      ? permanent
      : reason === "suspend"
        ? permanent
        : false;
  const info = REASON_INFO[reason];
  return {
    ...diagnosis,
    reason,
    permanent,
    suppressRecipient: suppress,
    retry: suppress
      ? "never"
      : reason === "delivered" || reason === "vacation" || reason === "feedback"
        ? "never"
        : diagnosis.retry,
    meaning: info.meaning,
    senderAction: info.senderAction,
    recipientAdminAction: info.adminAction,
    categories: espCategories(reason, permanent),
    ruleId: `format.${format}(${diagnosis.ruleId})`,
  };
}

function originalMessage(message: BounceMessage): OriginalMessage | null {
  const headers: HeaderField[] | null = message.originalHeaders();
  if (headers === null) return null;
  const get = (name: string) => {
    const value = fieldValue(headers, name);
    return value === null ? null : decodeHeader(value.slice(0, 2000));
  };
  return {
    messageId: get("message-id"),
    from: get("from"),
    to: get("to"),
    subject: get("subject"),
    date: get("date"),
    listId: get("list-id"),
  };
}
