/**
 * Feedback reports: ARF (RFC 5965) complaints, with the authentication-failure (RFC 6591)
 * and not-spam (RFC 6430) types, the older draft fields (Removal-Recipient, "opt-out"),
 * and two feedback loops that do not use ARF: Hotmail's complaint mail (the returned
 * message carries X-HmXmrOriginalRecipient) and Apple Mail's unsubscribe message
 * (X-Apple-Unsubscribe: true). A complaint is about a message that was delivered: every
 * recipient gets the reason `feedback` and the report's Feedback-Type.
 */
import { mapArray } from "../../arrays.js";
import { typedValue } from "../dsn.js";
import { fieldValue, fieldValues, type HeaderField, parseHeaderBlock } from "../mime.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, linesOf, reportType } from "./text.js";

const FEEDBACK_PART = "message/feedback-report";

/** The message/feedback-report part, if any. */
function feedbackPart(message: BounceMessage) {
  return message.parts().find((part) => part.type === FEEDBACK_PART) ?? null;
}

function isHotmailComplaint(message: BounceMessage): boolean {
  if (!message.from.endsWith("@hotmail.com") && !message.from.endsWith("@hotmail.com>")) return false;
  const headers = message.originalHeaders();
  return headers !== null && fieldValue(headers, "x-hmxmroriginalrecipient") !== null;
}

function isAppleUnsubscribe(message: BounceMessage): boolean {
  return (message.header("x-apple-unsubscribe") ?? "").trim().toLowerCase() === "true";
}

/** The first address in a header value ("Name <a@b>" → "a@b"), or null when it holds none. */
function firstAddress(value: string | null): string | null {
  if (value === null) return null;
  return addressesIn(value, 1)[0] ?? null;
}

/** The first paragraph of the human-readable part, on one line: it says what the report is. */
function summary(message: BounceMessage): string | null {
  const lines: string[] = [];
  for (const line of linesOf(message.text(), 200)) {
    const trimmed = line.trim();
    if (trimmed === "") {
      // A salutation alone ("Hello,") is not the summary: go on to the next paragraph.
      if (lines.length === 1 && (lines[0] as string).length < 40 && (lines[0] as string).endsWith(","))
        lines.length = 0;
      if (lines.length > 0) break;
      continue;
    }
    lines.push(trimmed);
  }
  const text = lines.join(" ").slice(0, 1000);
  return text === "" ? null : text;
}

/** Addresses of the original recipients in the returned message's To (none for "undisclosed"). */
function returnedRecipients(message: BounceMessage): string[] {
  const headers = message.originalHeaders();
  if (headers === null) return [];
  const direct = firstAddress(fieldValue(headers, "x-hmxmroriginalrecipient"));
  if (direct !== null) return [direct];
  return addressesIn(fieldValues(headers, "to").join(", "), 50);
}

function recipientsFor(addresses: string[], template: Omit<RawRecipient, "recipient">): RawRecipient[] {
  // A report that withholds the recipient (the returned To is "undisclosed") still reports
  // a complaint: keep one result with an empty address rather than none.
  const list = addresses.length > 0 ? addresses : [""];
  return mapArray(list, (recipient) => ({ recipient, ...template }));
}

function parseArf(message: BounceMessage): FormatResult | null {
  const part = feedbackPart(message);
  let fields: HeaderField[] = [];
  if (part !== null) {
    const text = message.partText(part);
    // The fields form one header-like block; leading blank lines are tolerated.
    const start = text.search(/\S/);
    if (start >= 0) fields = parseHeaderBlock(text, start, text.length).headers;
  }
  const feedbackType = (fieldValue(fields, "feedback-type") ?? "").trim().toLowerCase() || "abuse";
  let addresses = mapArray(
    fieldValues(fields, "original-rcpt-to"),
    (value) => firstAddress(value) ?? value.trim(),
  ).filter((value) => value.includes("@"));
  if (addresses.length === 0) {
    addresses = mapArray(fieldValues(fields, "removal-recipient"), (value) => firstAddress(value)).filter(
      (value): value is string => value !== null,
    );
  }
  if (addresses.length === 0) addresses = returnedRecipients(message);
  return {
    kind: "feedback",
    reportingMta: typedValue(fieldValue(fields, "reporting-mta") ?? undefined),
    recipients: recipientsFor(dedupe(addresses), {
      feedbackType,
      diagnosticCode: summary(message),
      reason: "feedback",
      reasonIsFinal: true,
    }),
  };
}

function parseHotmail(message: BounceMessage): FormatResult | null {
  return {
    kind: "feedback",
    recipients: recipientsFor(returnedRecipients(message), {
      feedbackType: "abuse",
      diagnosticCode: message.subject.trim() || null,
      reason: "feedback",
      reasonIsFinal: true,
    }),
  };
}

function parseAppleUnsubscribe(message: BounceMessage): FormatResult | null {
  // Apple Mail writes to the list's unsubscribe address from the subscriber's own address.
  const subscriber = firstAddress(message.header("from"));
  if (subscriber === null) return null;
  return {
    kind: "feedback",
    recipients: [
      {
        recipient: subscriber,
        feedbackType: "opt-out",
        diagnosticCode: summary(message),
        reason: "feedback",
        reasonIsFinal: true,
      },
    ],
  };
}

function dedupe(addresses: string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const arf: BounceFormat = {
  id: "arf",
  name: "ARF feedback report (RFC 5965) and feedback loops",
  detect: (message) =>
    reportType(message) === "feedback-report" ||
    feedbackPart(message) !== null ||
    isHotmailComplaint(message) ||
    isAppleUnsubscribe(message),
  parse: (message) => {
    if (feedbackPart(message) !== null || reportType(message) === "feedback-report") return parseArf(message);
    if (isHotmailComplaint(message)) return parseHotmail(message);
    if (isAppleUnsubscribe(message)) return parseAppleUnsubscribe(message);
    return null;
  },
};
