/**
 * Amazon SES, in three shapes:
 *
 * - bounce emails from MAILER-DAEMON@*.amazonses.com with a delivery-status part
 *   (Reporting-MTA *.smtp-out.amazonses.com). The 2011 ones wrap the remote reply in SES's
 *   own classification: "5.1.0 - Unknown address error 550-'5.2.2 <a@b>... Mailbox Full'
 *   (delivery attempts: 0)" under a vague "Status: 5.0.0";
 * - Amazon SNS notifications by email (From no-reply@sns.amazonaws.com, "AWS
 *   Notification Message"): the body is SES's JSON (notificationType Bounce, Complaint or
 *   Delivery), bare or wrapped in SNS's envelope ({"Type":"Notification","Message":"…"}),
 *   with lines longer than sendmail's limit split by "!" + newline + space;
 * - the same JSON given directly (the body of an SNS HTTP notification or of an SES
 *   event-publishing record, whose "eventType" also covers DeliveryDelay and Reject).
 */

import { mapArray } from "../../arrays.js";
import { collapseWhiteSpace } from "../../strings.js";
import type { Reason } from "../../types.js";
import { binaryBytes, decodeBytes } from "../mime.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, enhancedStatusIn, fromHost, lowerBodyText } from "./text.js";

const MAX_JSON = 2_000_000;
const TEXT_MARKERS = [
  "an error occurred while trying to deliver the mail to the following recipients",
  "was undeliverable.",
];

/** Where the input starts with "{" after at most 1,000 white-space characters, else -1. */
function jsonStart(source: string): number {
  let i = 0;
  while (i < source.length && i < 1000 && /\s/.test(source.charAt(i))) i++;
  return source.charAt(i) === "{" ? i : -1;
}

/** The JSON text, when the message (or its body) is one JSON object. */
function jsonText(message: BounceMessage): string | null {
  const source = message.parsed.source;
  const i = jsonStart(source);
  if (i >= 0) {
    // The whole input is JSON (no header): read it as UTF-8.
    const end = Math.min(source.length, i + MAX_JSON);
    return decodeBytes(binaryBytes(source, i, end), "utf-8");
  }
  const snsMail =
    message.from.endsWith("@sns.amazonaws.com") ||
    message.from.endsWith("@sns.amazonaws.com>") ||
    message.header("x-amz-sns-message-id") !== null;
  if (!snsMail) return null;
  const text = bodyText(message);
  const start = text.indexOf("{");
  if (start < 0 || text.slice(0, start).trim() !== "") return null;
  return text.slice(start, start + MAX_JSON);
}

function looksLikeSesJson(text: string): boolean {
  const head = text.slice(0, 65_536);
  return head.includes("notificationType") || head.includes("eventType") || head.includes('"Type"');
}

function detect(message: BounceMessage): boolean {
  const json = jsonText(message);
  if (json !== null) return looksLikeSesJson(json);
  if (!fromHost(message).endsWith("amazonses.com")) return false;
  if ((message.header("x-mailer") ?? "").trim().toLowerCase() === "amazon workmail") return false;
  const part = message.deliveryStatus();
  if (part !== null && /reporting-mta:[^\n]{0,80}amazonses\.com/i.test(message.partText(part).slice(0, 2000)))
    return true;
  const text = lowerBodyText(message, 2000);
  return TEXT_MARKERS.some((marker) => text.includes(marker));
}

/**
 * One JSON object from `text`, repaired: sendmail splits lines longer than its limit with
 * "!" + newline + space, and other relays fold them, which leaves raw line breaks inside
 * JSON strings. Returns null when the text is not JSON.
 */
export function readJsonObject(text: string): unknown {
  const unsplit = text.replace(/!\n /g, "");
  let out = "";
  let depth = 0;
  let inString = false;
  let escaped = false;
  let chunkStart = 0;
  let end = -1;
  for (let i = 0; i < unsplit.length; i++) {
    const c = unsplit.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      else if (c === 10) {
        // A raw line break inside a string: a fold, not content.
        out += unsplit.slice(chunkStart, i);
        chunkStart = unsplit.charCodeAt(i + 1) === 32 ? i + 2 : i + 1;
      }
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
  }
  if (end < 0) return null;
  out += unsplit.slice(chunkStart, end);
  try {
    return JSON.parse(out) as unknown;
  } catch {
    return null;
  }
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, 10_000) : [];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** "smtp; 550 5.1.1 user unknown" → "550 5.1.1 user unknown"; "dsn; a27-23.smtp-out…" → the host. */
function untyped(value: unknown): string | null {
  const value_ = text(value);
  if (value_ === null) return null;
  const semi = value_.indexOf(";");
  return semi > 0 && semi < 16 && /^[A-Za-z0-9-]+$/.test(value_.slice(0, semi))
    ? value_.slice(semi + 1).trim() || null
    : value_;
}

/** An address as SES writes it: "a@b.example" or "Name <a@b.example>". */
function address(value: unknown): string | null {
  const value_ = text(value);
  if (value_ === null) return null;
  const open = value_.lastIndexOf("<");
  const close = value_.lastIndexOf(">");
  const bare = open >= 0 && close > open ? value_.slice(open + 1, close).trim() : value_;
  return bare.includes("@") ? bare : null;
}

/** What SES's bounceSubType says for certain, and what it only suggests. */
const SUBTYPE_REASONS: Record<string, { reason: Reason; final: boolean }> = {
  Suppressed: { reason: "suppressed", final: true },
  OnAccountSuppressionList: { reason: "suppressed", final: true },
  NoEmail: { reason: "userunknown", final: false },
  MailboxFull: { reason: "mailboxfull", final: false },
  MessageTooLarge: { reason: "emailtoolarge", final: false },
  ContentRejected: { reason: "contenterror", final: false },
  AttachmentRejected: { reason: "contenterror", final: false },
};

function bounceRecipients(bounce: Json): RawRecipient[] {
  const subtype = text(bounce.bounceSubType) ?? "";
  const type = text(bounce.bounceType) ?? "";
  const hint = SUBTYPE_REASONS[subtype];
  const out: RawRecipient[] = [];
  for (const item of list(bounce.bouncedRecipients)) {
    const entry = object(item);
    const recipient = address(entry?.emailAddress);
    if (!entry || !recipient) continue;
    const diagnostic = untyped(entry.diagnosticCode);
    const raw: RawRecipient = {
      recipient,
      action: text(entry.action)?.toLowerCase() ?? "failed",
      status: text(entry.status) ?? (diagnostic ? enhancedStatusIn(diagnostic) : null),
      remoteMta: text(bounce.remoteMtaIp),
      diagnosticCode: diagnostic,
      lastAttemptDate: text(bounce.timestamp),
    };
    if (hint) {
      raw.reason = hint.reason;
      if (hint.final) raw.reasonIsFinal = true;
    } else if (type === "Undetermined" && diagnostic === null) raw.reason = "onhold";
    out.push(raw);
  }
  return out;
}

function complaintRecipients(complaint: Json): RawRecipient[] {
  const suppressed = text(complaint.complaintSubType) === "OnAccountSuppressionList";
  const feedbackType = text(complaint.complaintFeedbackType)?.toLowerCase() ?? "abuse";
  const out: RawRecipient[] = [];
  for (const item of list(complaint.complainedRecipients)) {
    const recipient = address(object(item)?.emailAddress);
    if (!recipient) continue;
    out.push(
      suppressed
        ? { recipient, action: "failed", reason: "suppressed", reasonIsFinal: true }
        : { recipient, feedbackType, reason: "feedback", reasonIsFinal: true },
    );
  }
  return out;
}

function deliveryRecipients(delivery: Json): RawRecipient[] {
  const response = text(delivery.smtpResponse);
  return mapArray(
    mapArray(list(delivery.recipients), address).filter(
      (recipient): recipient is string => recipient !== null,
    ),
    (recipient) => ({
      recipient,
      action: "delivered",
      status: response ? enhancedStatusIn(response) : null,
      remoteMta: text(delivery.remoteMtaIp),
      diagnosticCode: response,
      lastAttemptDate: text(delivery.timestamp),
    }),
  );
}

function delayRecipients(delay: Json): RawRecipient[] {
  const out: RawRecipient[] = [];
  for (const item of list(delay.delayedRecipients)) {
    const entry = object(item);
    const recipient = address(entry?.emailAddress);
    if (!entry || !recipient) continue;
    const diagnostic = untyped(entry.diagnosticCode);
    out.push({
      recipient,
      action: "delayed",
      status: text(entry.status) ?? (diagnostic ? enhancedStatusIn(diagnostic) : null),
      remoteMta: text(delay.remoteMta) ?? text(delay.remoteMtaIp),
      diagnosticCode: diagnostic,
      lastAttemptDate: text(delay.timestamp),
    });
  }
  return out;
}

/** Read one SES notification (or SNS envelope around one). */
export function readSesJson(value: unknown, depth = 0): FormatResult | null {
  const root = object(value);
  if (root === null || depth > 2) return null;
  // SNS envelope: the notification is a JSON string in "Message".
  if (typeof root.Type === "string" && root.notificationType === undefined && root.eventType === undefined) {
    if (root.Type !== "Notification" || typeof root.Message !== "string") {
      return { recipients: [], kind: "not-a-bounce" };
    }
    let inner: unknown = null;
    try {
      inner = JSON.parse(root.Message.slice(0, MAX_JSON));
    } catch {
      inner = readJsonObject(root.Message.slice(0, MAX_JSON));
    }
    return readSesJson(inner, depth + 1);
  }
  const type = text(root.notificationType) ?? text(root.eventType);
  if (type === null) return null;
  const mail = object(root.mail);
  switch (type) {
    case "Bounce": {
      const bounce = object(root.bounce);
      if (bounce === null) return null;
      return { recipients: bounceRecipients(bounce), reportingMta: untyped(bounce.reportingMTA) };
    }
    case "Complaint": {
      const complaint = object(root.complaint);
      if (complaint === null) return null;
      const recipients = complaintRecipients(complaint);
      return { recipients, kind: recipients.some((r) => r.reason === "feedback") ? "feedback" : "failed" };
    }
    case "Delivery": {
      const delivery = object(root.delivery);
      if (delivery === null) return null;
      return {
        recipients: deliveryRecipients(delivery),
        reportingMta: untyped(delivery.reportingMTA),
        kind: "delivered",
      };
    }
    case "DeliveryDelay": {
      const delay = object(root.deliveryDelay);
      if (delay === null) return null;
      return {
        recipients: delayRecipients(delay),
        reportingMta: untyped(delay.reportingMTA),
        kind: "delayed",
      };
    }
    case "Reject": {
      // SES refused to send the message: its only documented reason is a virus ("Bad content").
      const reject = object(root.reject);
      const why = text(reject?.reason);
      const recipients = mapArray(
        mapArray(list(mail?.destination), address).filter(
          (recipient): recipient is string => recipient !== null,
        ),
        (recipient): RawRecipient => ({
          recipient,
          action: "failed",
          diagnosticCode: why,
          ...(why?.toLowerCase() === "bad content"
            ? { reason: "virusdetected" as Reason, reasonIsFinal: true }
            : {}),
        }),
      );
      return { recipients };
    }
    default:
      // Send, Open, Click, Rendering Failure, Subscription: not about a failed delivery.
      return { recipients: [], kind: "not-a-bounce" };
  }
}

/**
 * Clean one recipient of an SES delivery-status part: unwrap the 2011 "5.x.x - words
 * 550-'reply'" form, drop "(delivery attempts: N)", prefer the reply's enhanced code over a
 * vague X.0.0 Status, and mark "Message expired" (SES gave up retrying).
 */
export function sesRecipient(raw: RawRecipient): RawRecipient {
  let diagnostic = collapseWhiteSpace(raw.diagnosticCode ?? "");
  const attempts = diagnostic.toLowerCase().lastIndexOf(" (delivery attempts:");
  if (attempts > 0 && diagnostic.endsWith(")")) diagnostic = diagnostic.slice(0, attempts).trim();
  let sesCode: string | null = null;
  const wrapped = /^([245]\.\d{1,3}\.\d{1,3}) - [^']{0,200}? ([245]\d\d)[- ]'/.exec(diagnostic);
  if (wrapped && diagnostic.endsWith("'")) {
    sesCode = wrapped[1] as string;
    diagnostic = `${wrapped[2]} ${diagnostic.slice(wrapped[0].length, -1).trim()}`;
  }
  const out: RawRecipient = { ...raw, diagnosticCode: diagnostic || null };
  if (!raw.status || raw.status.endsWith(".0.0")) {
    const better = (diagnostic ? enhancedStatusIn(diagnostic) : null) ?? sesCode;
    if (better && (!raw.status || better.charAt(0) === raw.status.charAt(0))) out.status = better;
  }
  if (/message expired: unable to deliver/i.test(diagnostic)) out.reason = "expired";
  return out;
}

function parse(message: BounceMessage): FormatResult | null {
  const json = jsonText(message);
  if (json !== null) return readSesJson(readJsonObject(json));
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0) return null;
  result.recipients = mapArray(result.recipients, sesRecipient);
  return result;
}

/** Amazon SES bounce emails and notifications. */
export const amazonses: BounceFormat = {
  id: "amazonses",
  name: "Amazon SES notifications",
  // detect: JSON input, an SNS notification, or amazonses.com in From.
  gate: (facts) =>
    facts.from.includes("amazonses.com") ||
    facts.from.includes("sns.amazonaws.com") ||
    facts.message.hasHeader("x-amz-sns-message-id") ||
    jsonStart(facts.message.parsed.source) >= 0,
  detect,
  parse,
};
