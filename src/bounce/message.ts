import { mapArray } from "../arrays.js";
import {
  allParts,
  decodeHeader,
  fieldValue,
  type HeaderField,
  type MimePart,
  type ParsedMessage,
  parseHeaderBlock,
  partText,
} from "./mime.js";
import type { BounceMessage } from "./types.js";

/** How much of the text `lowerText()` keeps. */
const LOWER_TEXT_LIMIT = 20_000;
/** The returned message's fields a bounce report carries (see `OriginalMessage`). */
const KEY_FIELD_NAMES: ReadonlySet<string> = new Set([
  "message-id",
  "from",
  "to",
  "subject",
  "date",
  "list-id",
]);
const DELIVERY_STATUS = new Set(["message/delivery-status", "message/global-delivery-status"]);
const RETURNED_MESSAGE = new Set(["message/rfc822", "message/global", "message/partial"]);
const RETURNED_HEADERS = new Set(["text/rfc822-headers", "message/global-headers", "text/rfc822-header"]);

/**
 * Strip tags from an HTML body: enough to read a bounce written in HTML. Script and style
 * elements go, line-breaking tags (<br>, </p>, </div>, </tr>, </li>, </hN>) become line
 * feeds, other tags (up to 2,000 characters long) disappear, and the common entities are
 * decoded. One pass over the text; the last answer is kept, since several modules read the
 * same HTML part.
 */
export function htmlToText(html: string): string {
  if (html === lastHtml) return lastText;
  const out: string[] = [];
  const closings = new ClosingTags(html);
  // The next ">" after a "<", kept between tags: a part of many "<" and no ">" must not
  // search the rest of the text once per "<".
  let gt = -2;
  const nextTagEnd = (lt: number): number => {
    if (gt !== -1 && gt <= lt) gt = html.indexOf(">", lt + 1);
    return gt;
  };
  let from = 0;
  let lt = html.indexOf("<");
  while (lt >= 0) {
    out.push(html.slice(from, lt));
    let skipTo = -1;
    let replacement = "";
    // Only a tag whose name starts with "s" can open a script or style element.
    const element =
      (html.charCodeAt(lt + 1) | 0x20) === 115
        ? /^(script|style)\b/.exec(html.slice(lt + 1, lt + 12).toLowerCase())
        : null;
    if (element) {
      // The whole element, when it is closed within 100,000 characters.
      const open = nextTagEnd(lt);
      if (open >= 0 && open - lt <= 201) {
        const close = closings.find(element[1] as string, open, open + 100_000);
        if (close >= 0) {
          skipTo = close + (element[1] as string).length + 3;
          replacement = " ";
        }
      }
    }
    if (skipTo < 0) {
      const tagEnd = nextTagEnd(lt);
      if (tagEnd >= 0 && tagEnd - lt <= 2001) {
        skipTo = tagEnd + 1;
        replacement =
          mayBreakLine(html.charCodeAt(lt + 1)) && LINE_BREAKING.test(html.slice(lt, skipTo)) ? "\n" : "";
      }
    }
    if (skipTo < 0) {
      // A "<" that opens no tag is text.
      out.push("<");
      from = lt + 1;
    } else {
      out.push(replacement);
      from = skipTo;
    }
    lt = html.indexOf("<", from);
  }
  out.push(html.slice(from));
  let text = out.join("");
  if (text.indexOf("&") >= 0) text = text.replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
  lastHtml = html;
  lastText = text;
  return text;
}

let lastHtml: string | null = null;
let lastText = "";
const LINE_BREAKING = /^(?:<br\s{0,5}\/?>|<\/(?:p|div|tr|li|h[1-6])>)$/i;

/**
 * Finds `</script>` and `</style>` (any letter case) for elements opened at increasing
 * positions, each part of the HTML searched at most once per name: an HTML part full of
 * unclosed style tags costs linear time, not one search of the rest per tag.
 */
class ClosingTags {
  /** Per name: the next closing tag at or after the last search's start; -1: none left. */
  private readonly next = new Map<string, number>();
  constructor(private readonly html: string) {}

  /** Where `</name>` starts in html[from, end), or -1. */
  find(name: string, from: number, end: number): number {
    let at = this.next.get(name);
    if (at === undefined || (at >= 0 && at < from)) {
      at = this.search(name, from);
      this.next.set(name, at);
    }
    return at >= 0 && at + name.length + 3 <= end ? at : -1;
  }

  private search(name: string, from: number): number {
    const html = this.html;
    for (let at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
      let i = 0;
      while (i < name.length && (html.charCodeAt(at + 2 + i) | 0x20) === name.charCodeAt(i)) i++;
      if (i === name.length && html.charCodeAt(at + 2 + i) === 62) return at;
    }
    return -1;
  }
}

/** Whether a tag starting with this character can be one of LINE_BREAKING ("<b…" or "</…"). */
function mayBreakLine(c: number): boolean {
  return c === 47 || (c | 0x20) === 98;
}
const ENTITY = /&(?:nbsp|lt|gt|quot|#39|apos|amp);/g;
const ENTITIES: Record<string, string> = {
  "&nbsp;": " ",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
  "&amp;": "&",
};

/** Wrap a parsed message with the accessors format modules use. */
export function bounceMessage(parsed: ParsedMessage): BounceMessage {
  return new WrappedMessage(parsed);
}

/**
 * The accessors as methods of one class, not closures made per message: V8 declined to
 * inline calls through closures made anew for each message (`--trace-turbo-inlining`: "many
 * closures … no feedback vector"), and the format modules make about 45 such calls
 * per message. One class also gives every message the same shape.
 */
class WrappedMessage implements BounceMessage {
  readonly memo: unknown[] = [];
  readonly headers: HeaderField[];
  readonly from: string;
  readonly subject: string;
  private readonly allParts: MimePart[];
  private readonly decodedParts = new Map<MimePart, string>();
  private readonly readable: string;
  private readonly lower: string;
  private readonly status: MimePart | null;
  /** Where each field first occurs, and its decoded value once asked for. */
  private readonly first = new Map<string, number>();
  private readonly decoded: (string | undefined)[];
  private original: HeaderField[] | null | undefined = undefined;
  private keyHeaders: HeaderField[] | null | undefined = undefined;

  constructor(readonly parsed: ParsedMessage) {
    const headers = parsed.root.headers;
    this.headers = headers;
    // From the last field back, so that the first occurrence is the one kept.
    for (let i = headers.length - 1; i >= 0; i--) this.first.set((headers[i] as HeaderField).name, i);
    this.decoded = new Array<string | undefined>(headers.length);
    this.from = (this.header("from") ?? "").toLowerCase();
    this.subject = this.header("subject") ?? "";
    // Worked out now, not on demand: nearly every message needs them (on the bounce corpus,
    // all but a handful), and an accessor that computes on first use is inlined, whole, into
    // each of the dozens of format functions that call it when the optimizing compiler takes
    // them, which made those compilations several times as long.
    this.allParts = allParts(parsed.root);
    this.readable = readableText(parsed, this.allParts, this);
    this.lower = this.readable.slice(0, LOWER_TEXT_LIMIT).toLowerCase();
    this.status = this.allParts.find((p) => DELIVERY_STATUS.has(p.type)) ?? null;
  }

  header(name: string): string | null {
    // Most names asked for are absent: one lookup says so.
    const at = this.first.get(name);
    if (at === undefined) return null;
    let value = this.decoded[at];
    if (value === undefined) {
      value = decodeHeader((this.headers[at] as HeaderField).value);
      this.decoded[at] = value;
    }
    return value;
  }

  hasHeader(name: string): boolean {
    return this.first.has(name);
  }

  parts(): MimePart[] {
    return this.allParts;
  }

  partText(part: MimePart): string {
    // Several modules read the same parts while deciding whether a message is theirs.
    let text = this.decodedParts.get(part);
    if (text === undefined) {
      text = partText(this.parsed, part);
      this.decodedParts.set(part, text);
    }
    return text;
  }

  text(): string {
    return this.readable;
  }

  lowerText(): string {
    return this.lower;
  }

  deliveryStatus(): MimePart | null {
    return this.status;
  }

  originalHeaders(): HeaderField[] | null {
    if (this.original === undefined)
      this.original = readOriginalHeaders(this.parsed, this.allParts, this) ?? inlineOriginalHeaders(this);
    return this.original;
  }

  originalKeyHeaders(): HeaderField[] | null {
    if (this.keyHeaders === undefined) {
      // Most messages need only these few of the returned message's fields: reading past
      // the others (Received chains, signatures) without cutting them out is cheaper.
      const all =
        this.original !== undefined
          ? this.original
          : (readOriginalHeaders(this.parsed, this.allParts, this, KEY_FIELD_NAMES) ??
            inlineOriginalHeaders(this, KEY_FIELD_NAMES));
      this.keyHeaders = all === null ? null : all.filter((field) => KEY_FIELD_NAMES.has(field.name));
    }
    return this.keyHeaders;
  }
}

/** What reads a part's decoded text: the message, which keeps each part's text once read. */
type PartReader = Pick<BounceMessage, "partText">;

/** The first human-readable part: text/plain, else HTML as text, else the top body. */
function readableText(parsed: ParsedMessage, parts: MimePart[], reader: PartReader): string {
  // One loop over the parts, finding all three candidates at once.
  let plain: MimePart | null = null;
  let html: MimePart | null = null;
  let firstText: MimePart | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as MimePart;
    if (part.children.length > 0) continue;
    if (plain === null && part.type === "text/plain" && !isAttachmentPart(part)) plain = part;
    if (html === null && part.type === "text/html") html = part;
    if (firstText === null && part.type.startsWith("text/")) firstText = part;
  }
  if (plain !== null) return reader.partText(plain);
  if (html !== null) return htmlToText(reader.partText(html));
  if (parsed.root.children.length === 0) return reader.partText(parsed.root);
  return firstText !== null ? reader.partText(firstText) : "";
}

function isAttachmentPart(part: MimePart): boolean {
  return /attachment/i.test(fieldValue(part.headers, "content-disposition") ?? "");
}

/**
 * The header fields of the first returned message (or returned headers) part; with
 * `wanted`, only those fields (the part is chosen the same way: the first whose header
 * block has any field).
 */
function readOriginalHeaders(
  parsed: ParsedMessage,
  parts: MimePart[],
  reader: PartReader,
  wanted?: ReadonlySet<string>,
): HeaderField[] | null {
  const { source } = parsed;
  for (const part of parts) {
    if (RETURNED_MESSAGE.has(part.type) || RETURNED_HEADERS.has(part.type)) {
      if (part.encoding === "base64" || part.encoding === "quoted-printable") {
        const inner = reader.partText(part);
        const block = parseHeaderBlock(inner, 0, inner.length, [], wanted);
        if (block.fields > 0) return block.headers;
        continue;
      }
      const block = parseHeaderBlock(source, part.bodyStart, part.bodyEnd, [], wanted);
      if (block.fields > 0) return block.headers;
    }
  }
  return null;
}

const KEY_FIELDS: ReadonlySet<string> = new Set(["message-id", "subject", "from", "to", "date"]);

/**
 * The returned message's headers when the bounce quotes them in its text (Exim's "This is a
 * copy of the message, including all the headers", qmail's "Below this line is a copy of the
 * message", Gmail's "----- Original message -----"): the last block of header lines that
 * holds a Message-ID or Subject field with at least one more key field.
 */
function inlineOriginalHeaders(message: BounceMessage, wanted?: ReadonlySet<string>): HeaderField[] | null {
  const text = message.text();
  const lower =
    text.length <= LOWER_TEXT_LIMIT ? message.lowerText() : text.slice(0, 1_000_000).toLowerCase();
  // The last eight lines starting with "message-id:" or "subject:" (quoted or not), found
  // in one pass of the regular expression (four searches of the text, one per spelling,
  // were half of this function's time).
  const starts: number[] = [];
  INLINE_KEY_LINE.lastIndex = 0;
  for (let found = INLINE_KEY_LINE.exec(lower); found !== null; found = INLINE_KEY_LINE.exec(lower)) {
    if (starts.length === 8) starts.shift();
    starts.push(found.index + 1);
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const headers = headerBlockAround(text, starts[k] as number, wanted);
    if (headers === null) continue;
    let keys = 0;
    for (const field of headers) if (KEY_FIELDS.has(field.name)) keys++;
    if (keys >= 2) return headers;
  }
  return null;
}

const INLINE_KEY_LINE = /\n(?:> )?(?:message-id|subject):/g;

/** The header block that contains the line starting at `position`. */
function headerBlockAround(
  text: string,
  position: number,
  wanted?: ReadonlySet<string>,
): HeaderField[] | null {
  let start = position;
  let quoted = text.charCodeAt(position) === 62;
  for (let guard = 0; guard < 200 && start > 0; guard++) {
    const previousEnd = start - 1;
    const previousStart = text.lastIndexOf("\n", previousEnd - 1) + 1;
    if (!isHeaderish(text, previousStart, previousEnd)) break;
    if (text.charCodeAt(previousStart) === 62) quoted = true;
    start = previousStart;
  }
  let end = position;
  for (let guard = 0; guard < 200 && end < text.length; guard++) {
    const lineEnd = text.indexOf("\n", end);
    const stop = lineEnd < 0 ? text.length : lineEnd;
    if (isBlank(text, end, stop)) break;
    if (text.charCodeAt(end) === 62) quoted = true;
    end = stop + 1;
  }
  end = Math.min(end, text.length);
  let headers: HeaderField[];
  if (!quoted) headers = parseHeaderBlock(text, start, end, [], wanted).headers;
  else {
    // Quoted with "> ": take the quote marks off first.
    const block = mapArray(text.slice(start, end).split("\n"), (line) => line.replace(/^> ?/, "")).join("\n");
    headers = parseHeaderBlock(`${block}\n\n`, 0, block.length + 2, [], wanted).headers;
  }
  return headers.length > 0 ? headers : null;
}

/** A header line or a folded continuation, possibly quoted with "> " (text[start, end)). */
function isHeaderish(text: string, start: number, end: number): boolean {
  let i = start;
  if (text.charCodeAt(i) === 62) {
    i++;
    if (text.charCodeAt(i) === 32) i++;
  }
  if (i >= end) return false;
  const first = text.charCodeAt(i);
  if (first === 32 || first === 9) return true;
  if (!isLetter(first)) return false;
  // A field name of at most 41 characters, then ":".
  for (let j = i + 1; j < end && j <= i + 41; j++) {
    const c = text.charCodeAt(j);
    if (c === 58) return true;
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return false;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) return false;
  }
  return true;
}
