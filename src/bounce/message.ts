import {
  decodeHeader,
  fieldValue,
  type HeaderField,
  type MimePart,
  type ParsedMessage,
  parseHeaderBlock,
  partText,
  walk,
} from "./mime.js";
import type { BounceMessage } from "./types.js";

const DELIVERY_STATUS = new Set(["message/delivery-status", "message/global-delivery-status"]);
const RETURNED_MESSAGE = new Set(["message/rfc822", "message/global", "message/partial"]);
const RETURNED_HEADERS = new Set(["text/rfc822-headers", "message/global-headers", "text/rfc822-header"]);

/** Strip tags from an HTML body: enough to read a bounce written in HTML. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]{0,200}>[\s\S]{0,100000}?<\/\1>/gi, " ")
    .replace(/<br\s{0,5}\/?>|<\/(p|div|tr|li|h[1-6])>/gi, "\n")
    .replace(/<[^>]{0,2000}>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Wrap a parsed message with the accessors format modules use. Everything is computed once, on demand. */
export function bounceMessage(parsed: ParsedMessage): BounceMessage {
  const headers = parsed.root.headers;
  let allParts: MimePart[] | null = null;
  let text: string | null = null;
  let status: MimePart | null | undefined;
  let original: HeaderField[] | null | undefined;
  const decoded = new Map<string, string | null>();
  const decodedParts = new Map<MimePart, string>();

  const parts = () => {
    if (allParts === null) allParts = [...walk(parsed.root)];
    return allParts;
  };
  const header = (name: string): string | null => {
    if (!decoded.has(name)) {
      const value = fieldValue(headers, name);
      decoded.set(name, value === null ? null : decodeHeader(value));
    }
    return decoded.get(name) ?? null;
  };
  const message: BounceMessage = {
    parsed,
    headers,
    header,
    from: (header("from") ?? "").toLowerCase(),
    subject: header("subject") ?? "",
    parts,
    partText: (part) => {
      // Several modules read the same parts while deciding whether a message is theirs.
      let text = decodedParts.get(part);
      if (text === undefined) {
        text = partText(parsed, part);
        decodedParts.set(part, text);
      }
      return text;
    },
    text: () => {
      if (text === null) text = readableText(parsed, parts());
      return text;
    },
    deliveryStatus: () => {
      if (status === undefined) status = parts().find((p) => DELIVERY_STATUS.has(p.type)) ?? null;
      return status;
    },
    originalHeaders: () => {
      if (original === undefined)
        original = readOriginalHeaders(parsed, parts()) ?? inlineOriginalHeaders(message.text());
      return original;
    },
  };
  return message;
}

/** The first human-readable part: text/plain, else HTML as text, else the top body. */
function readableText(parsed: ParsedMessage, parts: MimePart[]): string {
  const leaves = parts.filter((p) => p.children.length === 0);
  const isAttachment = (p: MimePart) =>
    /attachment/i.test(fieldValue(p.headers, "content-disposition") ?? "");
  const plain = leaves.find((p) => p.type === "text/plain" && !isAttachment(p));
  if (plain) return partText(parsed, plain);
  const html = leaves.find((p) => p.type === "text/html");
  if (html) return htmlToText(partText(parsed, html));
  if (parsed.root.children.length === 0) return partText(parsed, parsed.root);
  const first = leaves.find((p) => p.type.startsWith("text/"));
  return first ? partText(parsed, first) : "";
}

function readOriginalHeaders(parsed: ParsedMessage, parts: MimePart[]): HeaderField[] | null {
  const { source } = parsed;
  for (const part of parts) {
    if (RETURNED_MESSAGE.has(part.type) || RETURNED_HEADERS.has(part.type)) {
      if (part.encoding === "base64" || part.encoding === "quoted-printable") {
        const inner = partText(parsed, part);
        const block = parseHeaderBlock(inner, 0, inner.length);
        if (block.headers.length > 0) return block.headers;
        continue;
      }
      const block = parseHeaderBlock(source, part.bodyStart, part.bodyEnd);
      if (block.headers.length > 0) return block.headers;
    }
  }
  return null;
}

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,40}:/;
const KEY_FIELDS = ["message-id:", "subject:", "from:", "to:", "date:"];

/**
 * The returned message's headers when the bounce quotes them in its text (Exim's "This is a
 * copy of the message, including all the headers", qmail's "Below this line is a copy of the
 * message", Gmail's "----- Original message -----"): the last block of header lines that
 * holds a Message-ID or Subject field.
 */
function inlineOriginalHeaders(text: string): HeaderField[] | null {
  const lines = text.slice(0, 1_000_000).split("\n");
  let best: HeaderField[] | null = null;
  for (let i = 0; i < lines.length && i < 50_000; i++) {
    const line = (lines[i] as string).trimStart();
    const lower = line.slice(0, 12).toLowerCase();
    if (!lower.startsWith("message-id:") && !lower.startsWith("subject:")) continue;
    // Walk back to the start of this header block, then read it.
    let start = i;
    while (start > 0 && i - start < 200) {
      const previous = (lines[start - 1] as string).replace(/^[ >]+/, "");
      if (previous === "" || !(HEADER_LINE.test(previous) || /^[ \t]/.test(lines[start - 1] as string)))
        break;
      start--;
    }
    let end = i;
    while (end < lines.length && end - i < 200 && (lines[end] as string).trim() !== "") end++;
    const block = lines
      .slice(start, end)
      .map((l) => l.replace(/^> ?/, ""))
      .join("\n");
    const headers = parseHeaderBlock(`${block}\n\n`, 0, block.length + 2).headers;
    const fields = headers.filter((h) => KEY_FIELDS.includes(`${h.name}:`));
    if (fields.length >= 2) best = headers;
    i = end;
  }
  return best;
}
