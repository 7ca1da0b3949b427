/**
 * RFC 3464 delivery-status fields (and RFC 6533's global variant): one block of
 * per-message fields, then one block per recipient. Real MTAs are sloppy: blocks without
 * blank lines between them, fields folded anywhere, comments in parentheses, types left
 * out ("Final-Recipient: user@example.org"). This reader starts a new recipient block at
 * a blank line or at a second Final-Recipient, and keeps unknown fields.
 */

import { stringTable, trimmedSlice, withoutComments } from "../strings.js";
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

const FIELD_NAME_SPACE = /\s/;

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
  let position = 0;
  for (let count = 0; position <= text.length && count < 20_000; count++) {
    let lineEnd = text.indexOf("\n", position);
    if (lineEnd < 0) lineEnd = text.length;
    const stop = lineEnd > position && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(position, stop);
    position = lineEnd + 1;
    if (line.trim() === "") {
      flush();
      continue;
    }
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && lastName !== "") {
      if ((block[lastName] as string).length < 16_384) block[lastName] = `${block[lastName]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    const rawName = colon > 0 && colon <= 60 ? line.slice(0, colon).trim() : "";
    if (rawName === "" || FIELD_NAME_SPACE.test(rawName)) {
      // A stray text line: continue the previous field if there is one.
      if (lastName !== "" && (block[lastName] as string).length < 16_384)
        block[lastName] = `${block[lastName]} ${line.trim()}`;
      continue;
    }
    // The header reader's kept spelling when it has one (no new string to hash per line).
    const name = fieldNameAt(line, 0, colon) ?? rawName.toLowerCase();
    const value = trimmedSlice(line, colon + 1, line.length);
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
