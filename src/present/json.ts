/**
 * The JSON shapes smtpcodes writes, shared by the command line (`--json`) and the HTTP API
 * so that both say the same thing with the same field names. Browser-safe: plain data in,
 * plain objects out.
 */
import type { BounceReport, RecipientResult } from "../bounce/types.js";
import type { LookupResult } from "../codes/lookup.js";
import type { BasicCodeInfo, EnhancedCodeInfo } from "../codes/types.js";
import type { Diagnosis, Finding } from "../types.js";

function findingJson(f: Finding): { id: string; severity: Finding["severity"]; message: string } {
  return { id: f.id, severity: f.severity, message: f.message };
}

/** The fields of a diagnosis, flat, with `reason`, `permanent` and `suppressRecipient` on top. */
export function diagnosisFields(d: Diagnosis): Record<string, unknown> {
  return {
    reply: d.reply.raw,
    reason: d.reason,
    permanent: d.permanent,
    suppressRecipient: d.suppressRecipient,
    retry: d.retry,
    recognised: d.recognised,
    code: d.code,
    enhanced: d.enhanced,
    codeMeaning: d.codeMeaning,
    provider: d.provider,
    ruleId: d.ruleId,
    confidence: d.confidence,
    meaning: d.meaning,
    senderAction: d.senderAction,
    recipientAdminAction: d.recipientAdminAction,
    references: d.references,
    categories: d.categories,
    tags: d.reply.tags,
    command: d.reply.command,
    findings: d.findings.map(findingJson),
  };
}

/**
 * One explained reply as `explain --json` and `POST /v1/explain` write it: its 1-based
 * position in the input, then the diagnosis fields.
 *
 * @example
 * ```ts
 * import { explain } from "smtpcodes";
 * import { diagnosisJson } from "./json.js";
 * diagnosisJson(explain("550 5.1.1 User unknown"), 1).reason; // "userunknown"
 * ```
 */
export function diagnosisJson(d: Diagnosis, input: number, source?: string): Record<string, unknown> {
  return { input, ...(source === undefined ? {} : { source }), ...diagnosisFields(d) };
}

/** The fields of a lookup result, as `lookup --json` and `GET /v1/codes/{code}` write them. */
export function lookupFields(r: LookupResult): Record<string, unknown> {
  return {
    query: r.query,
    kind: r.kind,
    found: r.found,
    code: r.code,
    title: r.title,
    meaning: r.meaning,
    status: r.status,
    permanence: r.permanence,
    references: r.references,
    commands: r.commands,
    related: r.related,
    likelyMeant: r.likelyMeant,
    notes: r.notes,
    myths: r.myths.map((m) => ({
      code: m.code,
      claim: m.claim,
      verdict: m.verdict,
      correction: m.correction,
      likelyFrom: m.likelyFrom ?? null,
      references: m.references,
    })),
    digits: r.digits.map((d) => ({
      position: d.position,
      value: d.value,
      label: d.label,
      meaning: d.meaning,
    })),
    findings: r.findings.map(findingJson),
    registry: r.registry ? { code: r.registry.code, title: r.registry.title } : null,
  };
}

/** A lookup result with its 1-based position in the input, as `lookup --json` writes it. */
export function lookupJson(r: LookupResult, input: number): Record<string, unknown> {
  return { input, ...lookupFields(r) };
}

/** One basic code of the knowledge base, as `list --json` and `GET /v1/codes` write it. */
export function basicCodeJson(entry: BasicCodeInfo): Record<string, unknown> {
  return {
    kind: "basic",
    code: String(entry.code),
    title: entry.title,
    status: entry.status,
    meaning: entry.meaning,
    references: entry.references,
    commands: entry.commands,
    likelyMeant: entry.likelyMeant ?? null,
  };
}

/** One enhanced code entry of the knowledge base, as `list --json` and `GET /v1/codes` write it. */
export function enhancedCodeJson(entry: EnhancedCodeInfo): Record<string, unknown> {
  return {
    kind: "enhanced",
    code: entry.code,
    title: entry.title,
    status: entry.status,
    meaning: entry.meaning,
    references: entry.references,
    basicCodes: entry.basicCodes,
    deprecated: entry.deprecated ?? false,
  };
}

/**
 * One recipient of a bounce, flat: what happened, the verdict, and the headers of the
 * message that bounced. The fields are added to `row`, after what the caller put in front
 * (where it came from: `file`, `message`), without copying an object per recipient.
 */
export function recipientFields(
  report: BounceReport,
  r: RecipientResult,
  row: Record<string, unknown> = {},
): Record<string, unknown> {
  row.recipient = r.recipient;
  row.action = r.action;
  row.status = r.status;
  row.reason = r.reason;
  row.permanent = r.permanent;
  row.suppressRecipient = r.suppressRecipient;
  row.kind = report.kind;
  row.format = r.format;
  row.retry = r.diagnosis.retry;
  row.replyCode = r.replyCode;
  row.command = r.command;
  row.remoteMta = r.remoteMta;
  row.diagnosticCode = r.diagnosticCode;
  row.originalRecipient = r.originalRecipient;
  row.feedbackType = r.feedbackType;
  row.provider = r.diagnosis.provider;
  row.ruleId = r.diagnosis.ruleId;
  row.meaning = r.diagnosis.meaning;
  row.senderAction = r.diagnosis.senderAction;
  row.reportingMta = report.reportingMta;
  row.date = report.date;
  row.originalMessageId = report.original?.messageId ?? null;
  row.originalFrom = report.original?.from ?? null;
  row.originalSubject = report.original?.subject ?? null;
  row.listId = report.original?.listId ?? null;
  return row;
}

/** The row written for a message in which no recipient was found (not a bounce, or unreadable). */
export function noRecipientFields(report: BounceReport): Record<string, unknown> {
  return {
    recipient: null,
    action: null,
    status: null,
    reason: null,
    permanent: null,
    suppressRecipient: null,
    kind: report.kind,
    errors: report.errors,
    subject: report.subject,
  };
}

/** The message-level facts of a bounce report (everything but its recipients). */
export function reportFields(report: BounceReport): Record<string, unknown> {
  return {
    kind: report.kind,
    format: report.format,
    reportingMta: report.reportingMta,
    arrivalDate: report.arrivalDate,
    date: report.date,
    from: report.from,
    subject: report.subject,
    original: report.original
      ? {
          messageId: report.original.messageId,
          from: report.original.from,
          to: report.original.to,
          subject: report.original.subject,
          date: report.original.date,
          listId: report.original.listId,
        }
      : null,
    recipients: report.recipients.length,
    errors: report.errors,
  };
}
