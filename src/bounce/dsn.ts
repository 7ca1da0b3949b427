/**
 * RFC 3464 delivery-status fields (and RFC 6533's global variant): one block of
 * per-message fields, then one block per recipient. Real MTAs are sloppy: blocks without
 * blank lines between them, fields folded anywhere, comments in parentheses, types left
 * out ("Final-Recipient: user@example.org"). This reader starts a new recipient block at
 * a blank line or at a second Final-Recipient, and keeps unknown fields.
 */

import { isTrimmedCode, stringTable, trimmedSlice, withoutComments } from "../strings.js";
import { fieldNameAt } from "./mime.js";

export interface DsnFields {
  /** Lower-case field name → value (first occurrence), unfolded. */
  [name: string]: string;
}

export interface DeliveryStatus {
  message: DsnFields;
  recipients: DsnFields[];
}

/** Per-recipient fields of RFC 3464 §2.3 (and the X-Actual-Recipient some MTAs add). */
export const RECIPIENT_FIELDS: ReadonlySet<string> = new Set([
  "final-recipient",
  "original-recipient",
  "action",
  "status",
  "remote-mta",
  "diagnostic-code",
  "last-attempt-date",
  "final-log-id",
  "will-retry-until",
  "x-actual-recipient",
]);

/** Parse the text of a message/delivery-status part. */
export function parseDeliveryStatus(text: string): DeliveryStatus {
  // The core and the format module often read the same part in a row.
  if (text === lastText && lastResult !== null) return lastResult;
  lastResult = readDeliveryStatusText(text);
  lastText = text;
  return lastResult;
}

let lastText: string | null = null;
let lastResult: DeliveryStatus | null = null;

/** Per-message fields of RFC 3464 §2.2. */
export const MESSAGE_FIELDS: ReadonlySet<string> = new Set([
  "reporting-mta",
  "dsn-gateway",
  "received-from-mta",
  "arrival-date",
  "original-envelope-id",
]);

function readDeliveryStatusText(text: string): DeliveryStatus {
  const blocks: DsnFields[] = [];
  let block: DsnFields = stringTable();
  let blockHasFields = false;
  let lastName = "";
  const flush = () => {
    if (blockHasFields) blocks.push(block);
    block = stringTable();
    blockHasFields = false;
    lastName = "";
  };
  // Lines are read in place (offsets into the text): only values are cut out of it.
  let position = 0;
  let nextColon = -2;
  for (let count = 0; position <= text.length && count < 20_000; count++) {
    let lineEnd = text.indexOf("\n", position);
    if (lineEnd < 0) lineEnd = text.length;
    const start = position;
    const stop = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    position = lineEnd + 1;
    let first = start;
    while (first < stop && isTrimmedCode(text.charCodeAt(first))) first++;
    if (first === stop) {
      flush();
      continue;
    }
    const lead = text.charCodeAt(start);
    if ((lead === 32 || lead === 9) && lastName !== "") {
      if ((block[lastName] as string).length < 16_384)
        block[lastName] = `${block[lastName]} ${trimmedSlice(text, first, stop)}`;
      continue;
    }
    // The first ":" at or after this line, kept between lines (a run of lines without one
    // must not search the rest of the text once per line).
    if (nextColon !== -1 && nextColon < start) nextColon = text.indexOf(":", start);
    const colon = nextColon;
    const named = colon > start && colon <= start + 60 && colon < stop && isFieldNameText(text, first, colon);
    if (!named) {
      // A stray text line: continue the previous field if there is one.
      if (lastName !== "" && (block[lastName] as string).length < 16_384)
        block[lastName] = `${block[lastName]} ${trimmedSlice(text, first, stop)}`;
      continue;
    }
    // The header reader's kept spelling when it has one (no new string to hash per line).
    const name = fieldNameAt(text, start, colon) ?? trimmedSlice(text, start, colon).toLowerCase();
    const value = trimmedSlice(text, colon + 1, stop);
    if (name === "final-recipient" && "final-recipient" in block) flush();
    if (name in block) {
      // A repeated field is ignored, and so are its continuation lines.
      lastName = "";
    } else {
      block[name] = value;
      lastName = name;
    }
    blockHasFields = true;
  }
  flush();
  let message: DsnFields = stringTable();
  const recipients: DsnFields[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const fields = blocks[index] as DsnFields;
    if (index === 0 && !("final-recipient" in fields) && !("original-recipient" in fields)) {
      message = fields;
      // Some MTAs put the first recipient's fields in the per-message block.
      if (("action" in fields || "status" in fields) && hasRecipientField(fields)) recipients.push(fields);
    } else recipients.push(fields);
  }
  return { message, recipients };
}

/**
 * Whether text[start, colon) is a field name once white space around it is left out: not
 * empty, and no white space inside it. `start` is past any leading white space.
 */
function isFieldNameText(text: string, start: number, colon: number): boolean {
  let end = colon;
  while (end > start && isTrimmedCode(text.charCodeAt(end - 1))) end--;
  if (end === start) return false;
  for (let i = start; i < end; i++) if (isTrimmedCode(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a block holds a per-recipient field of RFC 3464 §2.3 (Last-Attempt-Date alone does not count). */
function hasRecipientField(fields: DsnFields): boolean {
  for (const name in fields) if (RECIPIENT_FIELDS.has(name) && name !== "last-attempt-date") return true;
  return false;
}

/** The value after "type;" in a typed field ("rfc822; a@b" → "a@b"), comments removed. */
export function typedValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  const semi = value.indexOf(";");
  let rest =
    semi >= 0 && semi < 24 && /^[A-Za-z0-9-]+$/.test(value.slice(0, semi).trim())
      ? value.slice(semi + 1)
      : value;
  rest = rest.trim();
  return rest === "" ? null : rest;
}

/** An address from a typed recipient field: "rfc822; <a@b.example>" → "a@b.example". */
export function recipientAddress(value: string | undefined): string | null {
  let rest = typedValue(value);
  if (rest === null) return null;
  rest = withoutComments(rest, " ", true).trim();
  const angle = /<([^<>\s]*@[^<>\s]*)>/.exec(rest);
  if (angle) return (angle[1] as string).trim();
  const token = rest.split(/\s+/).find((part) => part.includes("@"));
  return (token ?? rest).replace(/^<|>$/g, "").replace(/[,;]$/, "") || null;
}

/** The enhanced code from a Status field ("5.1.1 (unknown user)" → "5.1.1"). */
export function statusCode(value: string | undefined): string | null {
  if (value === undefined) return null;
  const match = /^\s*([245]\.\d{1,3}\.\d{1,3})/.exec(value);
  return match ? (match[1] as string) : null;
}
