import { mapArray } from "../arrays.js";
import { parseEnhanced } from "../codes/enhanced-lookup.js";
import { type ExplainOptions, explain, ruleById } from "../reply/explain.js";
import { espCategories, REASON_INFO } from "../reply/reasons.js";
import { stringTable } from "../strings.js";
import type { Reason } from "../types.js";
import { parseDeliveryStatus, typedValue } from "./dsn.js";
import { FORMATS } from "./formats/index.js";
import { reportType } from "./formats/text.js";
import { bounceMessage } from "./message.js";
import { decodeHeader, fieldValue, type HeaderField, parseMessage } from "./mime.js";
import { fullRecipient } from "./recipient.js";
import type {
  BounceKind,
  BounceMessage,
  BounceReport,
  FormatResult,
  MessageFacts,
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
 * bounce gives `kind: "not-a-bounce"` and no recipients; a delivery report in which no
 * recipient can be read gives `kind: "failed"` (or `"delayed"` for a delay warning), no
 * recipients and a line in `errors` saying so; damage is listed in `errors`.
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
  return explainStage(readStage(raw));
}

/**
 * `parseBounce` for each of many messages, results in the same order. Faster than one call
 * per message over a batch of a few dozen: each stage (reading the formats, then explaining
 * every recipient's diagnostic) runs over the whole batch in turn, so that its code and
 * tables stay in the processor's caches. The CLI reads directories in such batches.
 */
export function parseBounces(raws: readonly (string | Uint8Array)[]): BounceReport[] {
  const stages = mapArray(raws, readStage);
  return mapArray(stages, explainStage);
}

/** A message read by the formats, its recipients not explained yet. */
interface ReadStage {
  report: BounceReport;
  found: { result: FormatResult; format: string; message: BounceMessage } | null;
}

/** The second stage: explain the recipients a format read, and name the report's kind. */
function explainStage({ report, found }: ReadStage): BounceReport {
  if (found !== null) {
    const { result, format, message } = found;
    report.recipients = mapArray(result.recipients, (raw) => explainRecipient(raw, format, message));
    report.kind = result.kind ?? kindOf(report.recipients);
  }
  return report;
}

/** The first stage: MIME, the format modules, the report's own fields. */
function readStage(raw: string | Uint8Array): ReadStage {
  const errors: string[] = [];
  let input = raw;
  if (typeof input === "string" ? input.length > MAX_MESSAGE_BYTES : input.byteLength > MAX_MESSAGE_BYTES) {
    input =
      typeof input === "string" ? input.slice(0, MAX_MESSAGE_BYTES) : input.subarray(0, MAX_MESSAGE_BYTES);
    errors.push(`message larger than ${MAX_MESSAGE_BYTES} bytes: only the start was read`);
  }
  if (typeof input !== "string" && !(input instanceof Uint8Array)) {
    return { report: emptyReport(["input is neither text nor bytes"]), found: null };
  }
  const parsed = parseMessage(input);
  errors.push(...parsed.errors);
  const message = bounceMessage(parsed);

  let format: string | null = null;
  let result: FormatResult | null = null;
  const facts = messageFacts(message);
  // The first report format that knew the message but found no recipient in it.
  let recognisedBy: string | null = null;
  for (const module of DISPATCH) {
    let detected = false;
    try {
      if (module.gate !== null && !module.gate(facts)) continue;
      detected = module.detect(message);
      if (!detected) continue;
      const found = module.parse(message);
      if (found && (found.recipients.length > 0 || found.kind === "not-a-bounce")) {
        format = module.id;
        result = found;
        break;
      }
      if (recognisedBy === null && !module.loose) recognisedBy = module.name;
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
  if (result === null || format === null) {
    const evidence =
      message.deliveryStatus() !== null || isDeliveryStatusReport(message)
        ? "a delivery status report"
        : recognisedBy !== null
          ? `a ${recognisedBy} delivery report`
          : null;
    if (evidence !== null) {
      // A report without a recipient that can be read (Sendmail's "No Message Collected", an
      // Exchange report whose list of addresses is empty): a bounce all the same, not "not a
      // bounce"; a delay warning when its subject or its DSN fields say so.
      report.kind = isDelayNotice(message) ? "delayed" : "failed";
      report.errors.push(`${evidence}, but no recipient could be read from it`);
    }
    return { report, found: null };
  }
  report.format = format;
  const dsnPart = message.deliveryStatus();
  const perMessage = dsnPart ? parseDeliveryStatus(message.partText(dsnPart)).message : stringTable();
  report.reportingMta = result.reportingMta ?? typedValue(perMessage["reporting-mta"]) ?? null;
  report.arrivalDate = perMessage["arrival-date"]?.trim() || null;
  return { report, found: { result, format, message } };
}

/** The facts the formats' gates look at, worked out once. */
export function messageFacts(message: BounceMessage): MessageFacts {
  return {
    message,
    from: message.from,
    subject: message.subject,
    subjectLower: message.subject.toLowerCase(),
  };
}

/**
 * Modules that take any message that might be a report (auto-replies, feedback reports,
 * loose text): that one of them accepted a message says nothing about delivery failing.
 */
const LOOSE_FORMATS = new Set(["arf", "rfc3834", "rfc3464", "textfallback"]);

/**
 * FORMATS in the order they are tried, each with the same fields in the same order (a
 * module without a gate has null there). The modules' own objects differ in shape (with
 * or without a gate), and reading their fields in the loop that tries every module for
 * every message was a polymorphic read per field.
 */
const DISPATCH = mapArray(FORMATS, (module) => ({
  id: module.id,
  name: module.name,
  gate: module.gate ?? null,
  detect: module.detect,
  parse: module.parse,
  loose: LOOSE_FORMATS.has(module.id),
}));

/** Content-Type multipart/report; report-type=delivery-status (RFC 3464 §2), global or not. */
function isDeliveryStatusReport(message: BounceMessage): boolean {
  const type = reportType(message);
  return type === "delivery-status" || type === "global-delivery-status";
}

/** A delay warning: "Delayed Mail (still being retried)", "Warning: message … delayed", "Action: delayed". */
function isDelayNotice(message: BounceMessage): boolean {
  if (/\bdelay|\bwarning\b|still being retried/i.test(message.subject)) return true;
  const part = message.deliveryStatus();
  return part !== null && /^action:\s*delayed/im.test(message.partText(part).slice(0, 20_000));
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
  found: RawRecipient,
  format: string,
  message: BounceMessage | null,
): RecipientResult {
  const raw = fullRecipient(found);
  const action = normaliseAction(raw.action, raw.status);
  // Every field, set or undefined: one object shape for explain (see fullRecipient).
  const options: ExplainOptions = {
    provider: undefined,
    recipient: raw.recipient,
    remoteMta: raw.remoteMta || undefined,
    command: raw.command || undefined,
    status: raw.status || undefined,
    action: action || undefined,
  };
  const text = raw.diagnosticCode ?? "";
  let diagnosis = explain(text, options);
  if (raw.reason && (raw.reasonIsFinal || FORMAT_REASONS.has(raw.reason) || !textDecided(diagnosis.ruleId))) {
    diagnosis = withReason(diagnosis, raw.reason, format);
  }
  if (action === "delivered" || action === "relayed" || action === "expanded") {
    diagnosis = withReason(diagnosis, "delivered", format);
  } else if (!raw.reasonIsFinal) {
    diagnosis = inBounceContext(diagnosis, raw, action, format);
  }
  if (
    action === "failed" &&
    !diagnosis.permanent &&
    diagnosis.code === null &&
    diagnosis.enhanced === null &&
    REASON_INFO[diagnosis.reason].deadAddress
  ) {
    // No code says otherwise: the sending MTA gave up on an address the text calls dead
    // ("host … not found", "No valid recipients"): that is a permanent failure.
    diagnosis = {
      ...diagnosis,
      permanent: true,
      suppressRecipient: true,
      retry: "never",
      categories: espCategories(diagnosis.reason, true),
    };
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

/** Reasons that name no cause a refusal at the greeting could have beyond "go away". */
const STAGE_WEAK = new Set<Reason>(["undefined", "onhold", "systemerror"]);
const RECIPIENT_REASONS = new Set<Reason>(["userunknown", "filtered", "hostunknown", "suspend"]);
const TIMED_OUT = ["timed out", "did not accept our requests to connect", "server did not respond"];

/**
 * What the bounce adds to the reply's own words: the SMTP command that failed, the DSN's
 * Status and Action. The conventions follow how delivery really goes:
 * - a delay report ("delayed") with no specific cause means the sender's MTA is still
 *   trying: `expired` in Sisimai's vocabulary (not delivered in time so far);
 * - a refusal at the greeting or HELO that names no cause is a refusal of the sending host;
 * - a refusal at MAIL FROM is about the sender, whatever words it uses;
 * - a network failure that timed out on every attempt, or that the DSN marks X.4.7, ended
 *   because the sending MTA gave up: `expired`;
 * - a diagnostic that no rule recognises leaves the reason on hold, not undefined.
 */
function inBounceContext(
  diagnosis: ReturnType<typeof explain>,
  raw: RawRecipient,
  action: string,
  format: string,
): ReturnType<typeof explain> {
  const command = raw.command ?? diagnosis.reply.command;
  const status = (raw.status ? parseEnhanced(raw.status) : null) ?? diagnosis.reply.enhanced;
  const byText = textDecided(diagnosis.ruleId);
  const rule = byText ? ruleById(diagnosis.ruleId) : null;
  const reason = diagnosis.reason;
  const undecided = reason === "undefined" || reason === "onhold" || !byText;
  if (action === "delayed" && undecided && reason !== "expired")
    return withReason(diagnosis, "expired", format, "delay");
  if (
    (action === "delayed" || action === "failed") &&
    reason === "networkerror" &&
    (TIMED_OUT.some((words) => (raw.diagnosticCode ?? "").toLowerCase().includes(words)) ||
      (status !== null && status.subject === 4 && status.detail === 7))
  ) {
    // Every attempt timed out (or the DSN itself says delivery time expired) until the
    // sending MTA gave up or reported the delay.
    return withReason(diagnosis, "expired", format, "timeout");
  }
  const stageWeak = STAGE_WEAK.has(reason) || rule?.weak === true || RECIPIENT_REASONS.has(reason);
  if ((command === "CONNECT" || command === "EHLO" || command === "HELO") && stageWeak && byText) {
    return withReason(diagnosis, "blocked", format, "stage");
  }
  if (
    command === "MAIL" &&
    (RECIPIENT_REASONS.has(reason) || (reason === "blocked" && rule?.weak === true))
  ) {
    return withReason(diagnosis, "rejected", format, "stage");
  }
  if (reason === "undefined" && (raw.diagnosticCode ?? "").trim() !== "")
    return withReason(diagnosis, "onhold", format, "onhold");
  return diagnosis;
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

/**
 * Reasons that are never a permanent failure of the address, whatever the code. ("onhold"
 * is not among them: an undecided 5xx refusal is still permanent, as its code says.)
 */
const TRANSIENT_BY_NATURE = new Set<Reason>(["expired", "vacation", "feedback", "delivered", "ratelimited"]);

/** Replace a diagnosis's reason with one the format module knows. */
const CONTEXT_MEANINGS: Record<string, string> = {
  delay:
    "Not delivered yet: the sending system is still retrying and sent this delay notice; no specific cause is given.",
  stage: "",
  timeout:
    "Every delivery attempt failed to get through (connections timed out) until the sending system gave up or reported the delay; the recipient address may be fine.",
  onhold: "The bounce was read, but its diagnostic names no cause that can be decided.",
};

function withReason(
  diagnosis: ReturnType<typeof explain>,
  reason: Reason,
  format: string,
  context?: string,
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
    meaning: (context && CONTEXT_MEANINGS[context]) || info.meaning,
    senderAction: info.senderAction,
    recipientAdminAction: info.adminAction,
    categories: espCategories(reason, permanent),
    ruleId: context ? `bounce.${context}(${diagnosis.ruleId})` : `format.${format}(${diagnosis.ruleId})`,
  };
}

function originalMessage(message: BounceMessage): OriginalMessage | null {
  const headers: HeaderField[] | null = message.originalKeyHeaders();
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
