/**
 * RFC 3464 delivery status notifications (and RFC 6533 global DSNs) that no MTA-specific
 * module claimed. Real DSNs are often odd: fields missing (no Diagnostic-Code, no
 * Action), the delivery-status part written as plain text after the human part (a lost or
 * broken MIME boundary, a gateway that flattened the report), or the recipients named only
 * in the human text. This module reads the fields wherever they are and fills what they
 * leave out from the human-readable text: the recipient's own words, a sendmail
 * transcript, the comment of the Status field, or the paragraph that says what failed.
 */
import { mapArray } from "../../arrays.js";
import { trimEndWhere, trimStartWhere, withoutComments, withoutTrailingComment } from "../../strings.js";
import {
  type DeliveryStatus,
  type DsnFields,
  MESSAGE_FIELDS,
  parseDeliveryStatus,
  RECIPIENT_FIELDS,
  statusCode,
  typedValue,
} from "../dsn.js";
import { fullRecipient } from "../recipient.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { commandIn, linesOf, reportType } from "./text.js";
import {
  bestWords,
  failureParagraph,
  fromReplyCode,
  humanText,
  recipientWords,
  replyLines,
  strength,
  textLines,
  transcriptCommand,
  transcriptWords,
  withoutReturnedMessage,
} from "./textfallback.js";

/** RFC 3464 actions, and what the odd ones some MTAs write mean. */
function normaliseAction(value: string | undefined): string | null {
  const action = withoutComments(value ?? "", "")
    .trim()
    .toLowerCase();
  if (action === "") return null;
  // Postfix's address verification reports ("sendmail -bv") say deliverable/undeliverable.
  if (action === "deliverable") return "delivered";
  if (action === "undeliverable") return "failed";
  return action;
}

/** "\x{3042}" escapes of RFC 6533 utf-8-addr-xtext, decoded. */
function decodeXtext(address: string): string {
  if (address.indexOf("\\x{") < 0) return address;
  return address.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, (whole, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The address of a typed recipient field: "rfc822; <a@b>", "utf-8; a@b", even "rfc822; rfc822;a@b". */
function addressOf(value: string | undefined): string | null {
  let rest = typedValue(value);
  if (rest === null) return null;
  // A type written twice ("rfc822; rfc822;a@b").
  for (let i = 0; i < 2; i++) {
    const again = /^(rfc822|utf-8|x400|x-[a-z0-9-]+)\s*;\s*/i.exec(rest);
    if (!again) break;
    rest = rest.slice(again[0].length);
  }
  rest = withoutComments(rest, " ").trim();
  const angle = /<([^<>\s]*@[^<>\s]*)>/.exec(rest);
  let address = angle
    ? (angle[1] as string)
    : (rest.split(/\s+/).find((part) => part.includes("@")) ?? rest.split(/\s+/)[0] ?? "");
  address = trimEndWhere(
    trimStartWhere(address, (char) => "<\"'".includes(char)),
    (char) => ">\"',;.".includes(char),
  ).trim();
  return address === "" ? null : decodeXtext(address);
}

/** The comment of a Status field: "4.0.0 (cat.example.net: host name lookup failure)". */
function statusComment(value: string | undefined): string | null {
  if (value === undefined) return null;
  const open = value.indexOf("(");
  const close = value.lastIndexOf(")");
  if (open < 0 || close <= open) return null;
  const comment = value.slice(open + 1, close).trim();
  return comment === "" ? null : comment;
}

/**
 * The recipient of a per-recipient block: the first field with a whole address
 * ("Final-Recipient: LOCAL;<f.b>" beside "Original-Recipient: rfc822;<f.b@a.b.c>" names the
 * mailbox by its local part only), else whatever Final-Recipient says.
 */
function recipientOf(fields: DsnFields): string | null {
  const final = addressOf(fields["final-recipient"]);
  if (final?.includes("@")) return final;
  const original = addressOf(fields["original-recipient"]);
  if (original?.includes("@")) return original;
  const actual = addressOf(fields["x-actual-recipient"]);
  if (actual?.includes("@")) return actual;
  return final ?? original;
}

/** Raw recipients from parsed delivery-status fields. */
function recipientsOf(dsn: DeliveryStatus): RawRecipient[] {
  const recipients: RawRecipient[] = [];
  for (const fields of dsn.recipients) {
    const recipient = recipientOf(fields);
    if (recipient === null) continue;
    const original = addressOf(fields["original-recipient"]);
    const diagnostic = typedValue(fields["diagnostic-code"]);
    // In the one shape every recipient gets (fullRecipient): the modules built on this one
    // add fields later.
    recipients.push(
      fullRecipient({
        recipient,
        originalRecipient: original && original.toLowerCase() !== recipient.toLowerCase() ? original : null,
        action: normaliseAction(fields.action),
        status: statusCode(fields.status),
        remoteMta: withoutTrailingComment(typedValue(fields["remote-mta"]) ?? "").trim() || null,
        diagnosticCode: diagnostic,
        command: diagnostic ? commandIn(diagnostic) : null,
        lastAttemptDate: fields["last-attempt-date"] ?? null,
      }),
    );
  }
  return recipients;
}

/**
 * Read the message/delivery-status part of an RFC 3464 DSN (or RFC 6533 global DSN) into
 * raw recipients. Shared by the generic module and by MTA modules that add their own
 * details from the human-readable part. Null when the message has no such part.
 */
export function readDeliveryStatus(message: BounceMessage): FormatResult | null {
  const part = message.deliveryStatus();
  if (part === null) return null;
  const dsn = parseDeliveryStatus(message.partText(part));
  return { recipients: recipientsOf(dsn), reportingMta: typedValue(dsn.message["reporting-mta"]) };
}

/** Field names that may start or continue a delivery-status block written as text. */
const DSN_FIELDS: ReadonlySet<string> = new Set([...MESSAGE_FIELDS, ...RECIPIENT_FIELDS]);

function fieldNameOf(line: string): string | null {
  const colon = line.indexOf(":");
  if (colon <= 0 || colon > 40) return null;
  const name = line.slice(0, colon).trim().toLowerCase();
  return /^[a-z][a-z0-9-]*$/.test(name) ? name : null;
}

function isDsnField(name: string | null): boolean {
  return name !== null && (DSN_FIELDS.has(name) || name.startsWith("x-"));
}

/** Where a delivery-status block written as text starts in a text, or -1. */
function textDsnStart(lines: string[]): number {
  // Each line's field name, read once: a text that repeats "Final-Recipient:" lines would
  // otherwise have the 40 lines after each of them read again.
  const names: (string | null)[] = [];
  const nameAt = (index: number): string | null => {
    while (names.length <= index) names.push(fieldNameOf(lines[names.length] as string));
    return names[index] as string | null;
  };
  for (let i = 0; i < lines.length; i++) {
    const name = nameAt(i);
    if (name === "reporting-mta" || name === "final-recipient" || name === "original-recipient") {
      // A real block has a recipient, and an Action or a Status, close by.
      let recipient = false;
      let state = false;
      for (let j = i; j < lines.length && j < i + 40; j++) {
        const field = nameAt(j);
        if (field === "final-recipient" || field === "original-recipient") recipient = true;
        if (field === "action" || field === "status") state = true;
      }
      if (recipient && state) return i;
    }
  }
  return -1;
}

/** The delivery-status fields of a text, from their first line to the end of the block. */
function textDsnBlock(text: string): string | null {
  const lines = linesOf(text, 20_000);
  const start = textDsnStart(lines);
  if (start < 0) return null;
  const out: string[] = [];
  let afterBlank = false;
  for (let i = start; i < lines.length && out.length < 2000; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === "") {
      afterBlank = true;
      out.push("");
      continue;
    }
    // A MIME boundary, or the returned message after the last block.
    if (trimmed.startsWith("--") && trimmed.length > 8 && fieldNameOf(trimmed) === null) break;
    if (afterBlank && !isDsnField(fieldNameOf(line))) break;
    afterBlank = false;
    out.push(line);
  }
  return out.join("\n");
}

/** Text parts (or the whole body) where a delivery-status block may have been written. */
function textsOf(message: BounceMessage): string[] {
  const out: string[] = [];
  let size = 0;
  for (const part of message.parts()) {
    if (part.children.length > 0 || size > 2_000_000) continue;
    if (!part.type.startsWith("text/") || part.type === "text/html" || part.type.includes("rfc822")) continue;
    const text = message.partText(part);
    size += text.length;
    out.push(text);
  }
  if (out.length === 0 && message.parsed.root.children.length === 0)
    out.push(message.partText(message.parsed.root));
  return out;
}

/**
 * Delivery-status fields written as text: in a text/plain part, after the human text, or
 * in the body of a multipart/report whose boundaries were lost.
 */
export function readTextDeliveryStatus(message: BounceMessage): FormatResult | null {
  for (const text of textsOf(message)) {
    const block = textDsnBlock(text);
    if (block === null) continue;
    const dsn = parseDeliveryStatus(block);
    const recipients = recipientsOf(dsn);
    if (recipients.length > 0) return { recipients, reportingMta: typedValue(dsn.message["reporting-mta"]) };
  }
  return null;
}

/** The human text before any delivery-status fields and the returned message. */
function humanPart(message: BounceMessage): string {
  const text = withoutReturnedMessage(humanText(message));
  const lines = linesOf(text, 20_000);
  const start = textDsnStart(lines);
  return start < 0 ? text : lines.slice(0, start).join("\n");
}

/**
 * Fill what the delivery-status fields leave out from the human text: a diagnostic when
 * there is none (the recipient's own words, a transcript, the Status comment, the
 * paragraph that says what failed) and the SMTP command.
 */
function enrich(message: BounceMessage, result: FormatResult, statusFields: (DsnFields | undefined)[]): void {
  const { recipients } = result;
  const needsText = recipients.some((r) => !r.diagnosticCode?.trim() || !r.command);
  if (!needsText) return;
  const human = humanPart(message);
  const prepared = textLines(human);
  const single = recipients.length === 1;
  const transcript = transcriptWords(human);
  const replies = replyLines(human);
  let general: string | null | undefined;
  const transcriptCommandUsed = transcriptCommand(human);
  // A report on thousands of recipients: the first ones are enough to learn from the text.
  for (const [index, recipient] of recipients.slice(0, 500).entries()) {
    const keys = mapArray(
      [recipient.recipient, recipient.originalRecipient ?? ""].filter((key) => key !== ""),
      (key) => key.toLowerCase(),
    );
    let own: string | null = null;
    for (const key of keys) {
      own = recipientWords(prepared, key);
      if (own !== null) break;
    }
    // A line of the transcript: the whole transcript says more ("mail.local: unknown user").
    if (single && own !== null && transcript?.includes(own)) own = transcript;
    if (!recipient.diagnosticCode?.trim()) {
      if (general === undefined) general = failureParagraph(human);
      const words = diagnosticFromText(keys, own, single, transcript, replies, statusFields[index], general);
      if (words !== null) recipient.diagnosticCode = fromReplyCode(words);
    }
    if (!recipient.command) {
      recipient.command =
        (recipient.diagnosticCode ? commandIn(recipient.diagnosticCode) : null) ??
        (own !== null && strength(own) > 0 ? commandIn(own) : null) ??
        transcriptCommand(human, recipient.recipient) ??
        (single ? transcriptCommandUsed : null);
    }
  }
}

/**
 * The best words the human text has for one recipient without a diagnostic: its own line,
 * the transcript, a reply line naming it, the Status comment, or the text's general paragraph
 * when nothing is said about it.
 */
function diagnosticFromText(
  keys: readonly string[],
  own: string | null,
  single: boolean,
  transcript: string | null,
  replies: readonly string[],
  fields: DsnFields | undefined,
  general: string | null,
): string | null {
  const mentions = (text: string | null | undefined) =>
    text != null && keys.some((key) => text.toLowerCase().includes(key));
  const reply = replies.find((line) => mentions(line)) ?? (single ? replies[0] : undefined);
  return bestWords([
    own,
    transcript !== null && (single || mentions(transcript)) ? transcript : null,
    reply ?? null,
    statusComment(fields?.status),
    strength(own) > 0 ? null : general,
  ]);
}

/** The per-recipient field blocks of the DSN the recipients came from, in the same order. */
function fieldBlocks(message: BounceMessage): DsnFields[] {
  const part = message.deliveryStatus();
  let text: string | null = part === null ? null : message.partText(part);
  if (text === null || recipientsOf(parseDeliveryStatus(text)).length === 0) {
    text = null;
    for (const candidate of textsOf(message)) {
      text = textDsnBlock(candidate);
      if (text !== null) break;
    }
  }
  if (text === null) return [];
  // The same blocks recipientsOf keeps, in the same order.
  return parseDeliveryStatus(text).recipients.filter((fields) => recipientOf(fields) !== null);
}

/** A cheap look for delivery-status fields written in the body. */
function mayHaveTextDsn(message: BounceMessage): boolean {
  const source = message.parsed.source;
  const lower = source.length > 4_000_000 ? source.slice(0, 4_000_000).toLowerCase() : source.toLowerCase();
  const at = lower.indexOf("\nfinal-recipient:");
  const original = lower.indexOf("\noriginal-recipient:");
  return (at >= 0 || original >= 0) && (lower.indexOf("\naction:") >= 0 || lower.indexOf("\nstatus:") >= 0);
}

/** Plain RFC 3464: any message with delivery-status fields that no specific module claimed. */
export const rfc3464: BounceFormat = {
  id: "rfc3464",
  name: "RFC 3464 delivery status notification",
  detect: (message) =>
    message.deliveryStatus() !== null || reportType(message) === "delivery-status" || mayHaveTextDsn(message),
  parse: (message) => {
    let result = readDeliveryStatus(message);
    if (result === null || result.recipients.length === 0) result = readTextDeliveryStatus(message);
    if (result === null || result.recipients.length === 0) return null;
    enrich(message, result, fieldBlocks(message));
    return result;
  },
};
