/**
 * A small MIME reader made for bounces: synchronous, browser-safe, linear in the size of
 * the input, and lazy. It builds the tree of parts (RFC 2045/2046) with their headers
 * (RFC 5322, RFC 2047 encoded words) and decodes a part's body (base64, quoted-printable,
 * any charset TextDecoder knows) only when asked. Nesting deeper than MAX_DEPTH, a header
 * block of more than MAX_FIELDS fields, or a field longer than MAX_FIELD_LENGTH is cut,
 * with a note in `errors`; nothing throws.
 *
 * Why not postal-mime: a bounce parser needs the raw header block of the
 * message/delivery-status part and of the returned message, needs to decode only the
 * two or three parts that matter, and must work synchronously and with hard bounds on
 * hostile input (1,000-deep nesting, 10 MB header lines) at tens of thousands of
 * messages per second; postal-mime decodes every part asynchronously into a full object.
 */
import { detached, stringTable, trimmedSlice } from "../strings.js";

export const MAX_DEPTH = 24;
export const MAX_FIELDS = 2000;
export const MAX_FIELD_LENGTH = 65_536;
export const MAX_PARTS = 2000;

export interface HeaderField {
  /** Lower-case field name. */
  name: string;
  /** Unfolded raw value (not RFC 2047-decoded), trimmed. */
  value: string;
}

export interface MimePart {
  headers: HeaderField[];
  /** Lower-case media type, "text/plain" by default (RFC 2045 §5.2). */
  type: string;
  /** Lower-case parameter names; values unquoted. */
  params: Record<string, string>;
  /** Lower-case Content-Transfer-Encoding, "7bit" by default. */
  encoding: string;
  /** Offsets of the body in the normalised source. */
  bodyStart: number;
  bodyEnd: number;
  children: MimePart[];
  depth: number;
}

export interface ParsedMessage {
  /** The message as a "binary" string (one character per byte) with LF line ends. */
  source: string;
  root: MimePart;
  errors: string[];
}

/** Turn bytes into a string with one character per byte (Latin-1 mapping, exact). */
export function binaryString(bytes: Uint8Array): string {
  // Node's buffers convert natively (their latin1 is exact: one character per byte).
  const native = (bytes as Uint8Array & { latin1Slice?: (start: number, end: number) => string }).latin1Slice;
  if (typeof native === "function") return native.call(bytes, 0, bytes.length);
  let out = "";
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]);
  }
  return out;
}

const utf8Encoder = new TextEncoder();

function hasWideCharacters(text: string): boolean {
  return WIDE.test(text);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose (every byte value).
const WIDE = /[^\u0000-\u00ff]/;

/** Normalise input: bytes or text into a binary string with LF line ends. */
export function normaliseSource(raw: string | Uint8Array): string {
  const text =
    typeof raw === "string"
      ? hasWideCharacters(raw)
        ? binaryString(utf8Encoder.encode(raw))
        : raw
      : binaryString(raw);
  return withLineFeeds(text);
}

/** Parse a message. */
export function parseMessage(raw: string | Uint8Array): ParsedMessage {
  const source = normaliseSource(raw);
  const errors: string[] = [];
  const state = { parts: 0 };
  const root = parseEntity(source, headerStart(source), source.length, 0, errors, state);
  return { source, root, errors };
}

/**
 * Where the header begins: after blank lines that a copy and paste left in front of it
 * (only when a header field follows them; a message that starts with a blank line and no
 * field after it has an empty header, as RFC 5322 says).
 */
function headerStart(source: string): number {
  const first = source.charCodeAt(0);
  if (first !== 10 && first !== 32 && first !== 9) return 0;
  let position = 0;
  for (let line = 0; line < 20 && position < source.length; line++) {
    let end = source.indexOf("\n", position);
    if (end < 0) end = source.length;
    if (source.slice(position, end).trim() !== "") {
      const colon = source.indexOf(":", position);
      const first = source.charCodeAt(position);
      return first !== 32 &&
        first !== 9 &&
        colon > position &&
        colon < end &&
        isFieldName(source, position, colon)
        ? position
        : 0;
    }
    position = end + 1;
  }
  return 0;
}

/** Parse the entity (headers + body) in source[start, end). */
export function parseEntity(
  source: string,
  start: number,
  end: number,
  depth: number,
  errors: string[],
  state: { parts: number },
): MimePart {
  const { headers, bodyStart } = parseHeaderBlock(source, start, end, errors);
  const contentType = fieldValue(headers, "content-type");
  const { type, params } = parseContentType(contentType);
  const encoding = (fieldValue(headers, "content-transfer-encoding") ?? "7bit").trim().toLowerCase();
  const part: MimePart = { headers, type, params, encoding, bodyStart, bodyEnd: end, children: [], depth };
  state.parts++;
  if (type.startsWith("multipart/")) {
    const boundary = params.boundary;
    if (!boundary) {
      errors.push(`multipart part without boundary at depth ${depth}`);
    } else if (depth >= MAX_DEPTH) {
      if (!errors.includes("nesting too deep")) errors.push("nesting too deep");
    } else {
      part.children = splitMultipart(source, bodyStart, end, boundary, depth, errors, state);
    }
  }
  return part;
}

function splitMultipart(
  source: string,
  start: number,
  end: number,
  boundary: string,
  depth: number,
  errors: string[],
  state: { parts: number },
): MimePart[] {
  const delimiter = `--${boundary}`;
  const children: MimePart[] = [];
  // Find delimiter lines: at the start of the body or right after a line feed.
  let position = start;
  let partStart = -1;
  let closed = false;
  while (position < end) {
    let at = source.indexOf(delimiter, position);
    if (at < 0 || at >= end) break;
    if (at !== start && source.charCodeAt(at - 1) !== 10) {
      position = at + delimiter.length;
      continue;
    }
    const after = at + delimiter.length;
    const isClose = source.charCodeAt(after) === 45 && source.charCodeAt(after + 1) === 45;
    // The part ends before the line feed that precedes the delimiter (RFC 2046 §5.1.1).
    if (partStart >= 0) {
      const partEnd = at > partStart && source.charCodeAt(at - 1) === 10 ? at - 1 : at;
      if (state.parts < MAX_PARTS)
        children.push(parseEntity(source, partStart, partEnd, depth + 1, errors, state));
      else if (!errors.includes("too many parts")) errors.push("too many parts");
    }
    let lineEnd = source.indexOf("\n", after);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (isClose) {
      closed = true;
      break;
    }
    partStart = lineEnd + 1;
    position = partStart;
    at = -1;
  }
  if (!closed) {
    if (partStart >= 0 && partStart < end && state.parts < MAX_PARTS) {
      // A truncated message: keep the last part as it is.
      children.push(parseEntity(source, partStart, end, depth + 1, errors, state));
    }
    if (children.length === 0) errors.push(`no parts found for boundary "${boundary.slice(0, 70)}"`);
    else errors.push("multipart not closed (truncated message?)");
  }
  return children;
}

/** Read a header block starting at `start`; returns the fields and where the body starts. */
export function parseHeaderBlock(
  source: string,
  start: number,
  end: number,
  errors: string[] = [],
  wanted?: ReadonlySet<string>,
): { headers: HeaderField[]; bodyStart: number; fields: number } {
  const headers: HeaderField[] = [];
  let position = start;
  let bodyStart = end;
  let current: HeaderField | null = null;
  // The current field's value so far, line by line (its first line, then each folded line
  // trimmed), joined with single spaces once the field ends; `length` is what the joined
  // value would measure. One join per folded field, where adding each line to the value
  // made a chain of concatenations to be flattened later.
  let pieces: string[] | null = null;
  let length = 0;
  let cut = false;
  // With `wanted`, only those fields are kept (the others are read past: their values are
  // never cut out of the source); `fields` still counts every field.
  let fields = 0;
  const skipped: HeaderField = { name: "", value: "" };
  let nextColon = -2;
  while (position < end) {
    let lineEnd = source.indexOf("\n", position);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (lineEnd === position) {
      // The empty line ends the header block.
      bodyStart = Math.min(lineEnd + 1, end);
      break;
    }
    const first = source.charCodeAt(position);
    let piece: string | null = null;
    if ((first === 32 || first === 9) && current !== null) {
      if (current === skipped) {
        // A folded line of a field nobody asked for.
      } else if (length < MAX_FIELD_LENGTH) {
        piece = source.slice(position, Math.min(lineEnd, position + MAX_FIELD_LENGTH)).trim();
      } else cut = true;
    } else {
      // The first ":" at or after this line, kept between lines: a run of lines without
      // one (mbox "From " lines) must not search the rest of the message once per line.
      if (nextColon !== -1 && nextColon < position) nextColon = source.indexOf(":", position);
      const colon = nextColon;
      if (
        current !== null &&
        current.name === "content-type" &&
        isBrokenParameterLine(source, position, lineEnd)
      ) {
        // "boundary=..." on a line of its own, without the leading space of a folded line.
        if (current !== skipped) piece = source.slice(position, lineEnd).trim();
      } else {
        if (pieces !== null) {
          (current as HeaderField).value = pieces.join(" ");
          pieces = null;
        }
        const hasName = colon > position && colon <= lineEnd && colon - position <= 76;
        // Field names repeat from message to message: each is checked and lower-cased once.
        const name = hasName ? fieldNameAt(source, position, colon) : undefined;
        if (name === undefined) {
          // Not a header line: the body starts here (a message without the blank line),
          // unless it is an mbox "From " line, which is read past.
          if (!looksLikeMboxLine(source, position)) {
            bodyStart = position;
            break;
          }
        } else if (fields >= MAX_FIELDS) {
          if (!errors.includes("too many header fields")) errors.push("too many header fields");
          current = null;
        } else {
          fields++;
          if (wanted !== undefined && !wanted.has(name)) {
            skipped.name = name;
            current = skipped;
          } else {
            const valueEnd = Math.min(lineEnd, colon + 1 + MAX_FIELD_LENGTH);
            if (valueEnd < lineEnd) cut = true;
            current = { name, value: trimmedSlice(source, colon + 1, valueEnd) };
            length = current.value.length;
            headers.push(current);
          }
        }
      }
    }
    if (piece !== null) {
      // A line that continues the current field.
      if (pieces === null) pieces = [(current as HeaderField).value, piece];
      else pieces.push(piece);
      length += 1 + piece.length;
    }
    position = lineEnd + 1;
  }
  if (pieces !== null) (current as HeaderField).value = pieces.join(" ");
  if (cut && !errors.includes("header field cut")) errors.push("header field cut");
  return { headers, bodyStart, fields };
}

/**
 * Field names already seen to be valid, as written ("Content-Type", "content-type"), with
 * their lower-case forms, in buckets found by length and first and last character. A line's
 * name is compared in place without cutting it out of the source: slicing it and looking
 * the slice up in a Map (which must hash each new string) took 3% of the time in a profile
 * of the bounce corpus, and a Map keyed by number still took 1% (its hashing); an array
 * indexed by the low bits of those three is a plain load.
 */
const FIELD_NAME_SLOTS = 1 << 15;
const FIELD_NAMES: ({ written: string[]; lower: string[] } | undefined)[] = new Array(FIELD_NAME_SLOTS).fill(
  undefined,
);
let fieldNameCount = 0;

/** The bucket of a name written at source[start, end): its length and first and last character, five bits each. */
function fieldNameSlot(source: string, start: number, end: number): number {
  return (
    (((end - start) & 31) << 10) | ((source.charCodeAt(start) & 31) << 5) | (source.charCodeAt(end - 1) & 31)
  );
}

/**
 * The lower-case name of the field written at source[start, end) ("Content-Type " →
 * "content-type"), or undefined when that is not a field name (RFC 5322 §3.6.8). Each
 * spelling is checked and lower-cased once; later lines get the same kept string.
 */
export function fieldNameAt(source: string, start: number, end: number): string | undefined {
  const known = knownFieldName(source, start, end);
  if (known !== undefined || !isFieldName(source, start, end)) return known;
  const written = source.slice(start, end);
  const lower = detached(written.trim().toLowerCase());
  rememberFieldName(detached(written), lower);
  return lower;
}

/** The lower-case name of the field written at source[start, end), if seen before. */
function knownFieldName(source: string, start: number, end: number): string | undefined {
  const bucket = FIELD_NAMES[fieldNameSlot(source, start, end)];
  if (bucket === undefined) return undefined;
  for (let i = 0; i < bucket.written.length; i++)
    if (writtenAt(source, start, end, bucket.written[i] as string)) return bucket.lower[i];
  return undefined;
}

/** Whether source[start, end) is `name`. */
function writtenAt(source: string, start: number, end: number, name: string): boolean {
  if (name.length !== end - start) return false;
  // A loop the compiler inlines is faster here than a call to startsWith.
  for (let i = name.length - 1; i >= 0; i--)
    if (source.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
  return true;
}

function rememberFieldName(written: string, lower: string): void {
  if (written === "" || fieldNameCount >= 4096) return;
  const slot = fieldNameSlot(written, 0, written.length);
  let bucket = FIELD_NAMES[slot];
  if (bucket === undefined) {
    bucket = { written: [], lower: [] };
    FIELD_NAMES[slot] = bucket;
  }
  // A few spellings per bucket: names made up to fill one must not make each line's lookup
  // long (the ones left out are checked and lower-cased on every line, as new names are).
  if (bucket.written.length >= 8) return;
  bucket.written.push(written);
  bucket.lower.push(lower);
  fieldNameCount++;
}

/** A line like `boundary="..."` or `charset=utf-8` that lost its folding white space. */
function isBrokenParameterLine(source: string, start: number, end: number): boolean {
  const line = source.slice(start, Math.min(end, start + 200));
  return /^(boundary|charset|report-type|type|name|format|delsp)\s*=/i.test(line);
}

function isFieldName(source: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    // RFC 5322 §3.6.8: printable US-ASCII except colon; allow trailing spaces ("Subject :").
    if (c < 33 || c > 126) {
      if (c === 32 || c === 9) continue;
      return false;
    }
  }
  return true;
}

function looksLikeMboxLine(source: string, position: number): boolean {
  return source.startsWith("From ", position) || source.startsWith(">From ", position);
}

/** First value of a header field (lower-case name), or null. */
export function fieldValue(headers: readonly HeaderField[], name: string): string | null {
  for (const field of headers) if (field.name === name) return field.value;
  return null;
}

/** Every value of a header field, in order. */
export function fieldValues(headers: readonly HeaderField[], name: string): string[] {
  const out: string[] = [];
  for (const field of headers) if (field.name === name) out.push(field.value);
  return out;
}

/** Parse "type/subtype; name=value; name*=charset''encoded; name="quoted"". */
export function parseContentType(value: string | null): { type: string; params: Record<string, string> } {
  const params = stringTable();
  if (!value) return { type: "text/plain", params };
  const semi = value.indexOf(";");
  let type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  if (/\s/.test(type)) type = type.replace(/\s+/g, "");
  if (semi >= 0) parseParams(value.slice(semi + 1), params);
  return { type: type.includes("/") ? type : "text/plain", params };
}

function parseParams(text: string, params: Record<string, string>): void {
  let i = 0;
  const n = Math.min(text.length, 8192);
  while (i < n) {
    while (i < n && (text[i] === ";" || text[i] === " " || text[i] === "\t")) i++;
    const eq = text.indexOf("=", i);
    if (eq < 0) return;
    // Parameter names repeat as field names do: the kept lower-case string when there is one
    // (the `in` test below then hashes no new string).
    const name = fieldNameAt(text, i, eq) ?? text.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (i < n && (text[i] === " " || text[i] === "\t")) i++;
    let value = "";
    if (text[i] === '"') {
      i++;
      const close = text.indexOf('"', i);
      const slash = text.indexOf("\\", i);
      if (close >= 0 && close <= n && (slash < 0 || slash > close)) {
        // The usual quoted value: no escapes inside.
        value = text.slice(i, close);
        i = close;
      } else
        while (i < n && text[i] !== '"') {
          if (text[i] === "\\" && i + 1 < n) i++;
          value += text[i];
          i++;
        }
      i++;
    } else {
      const semi = text.indexOf(";", i);
      const stop = semi < 0 ? n : semi;
      value = text.slice(i, stop).trim();
      i = stop;
    }
    if (name === "") continue;
    // RFC 2231: name*0=...; name*1=... and name*=charset'lang'value.
    const star = name.indexOf("*");
    if (star > 0) {
      const base = name.slice(0, star);
      const decoded = name.endsWith("*") ? decodeRfc2231(value) : value;
      params[base] = (params[base] ?? "") + decoded;
    } else if (!(name in params)) params[name] = value;
  }
}

function decodeRfc2231(value: string): string {
  const first = value.indexOf("'");
  const second = first >= 0 ? value.indexOf("'", first + 1) : -1;
  const charset = second > 0 ? value.slice(0, first) : "us-ascii";
  const data = second > 0 ? value.slice(second + 1) : value;
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (data[i] === "%" && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(data.charCodeAt(i) & 0xff);
  }
  return decodeBytes(Uint8Array.from(bytes), charset || "us-ascii");
}

// ---------------------------------------------------------------------------------------
// Decoding

const BASE64 = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  BASE64["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] = i;
}
BASE64[45] = 62; // "-" and "_" of the URL-safe alphabet, which some mailers use
BASE64[95] = 63;

/** Decode base64 (characters outside the alphabet are skipped). */
export function decodeBase64(text: string, start = 0, end = text.length): Uint8Array {
  const out = new Uint8Array(Math.ceil(((end - start) * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) break; // "=" padding ends the data
    const v = c < 256 ? (BASE64[c] as number) : -1;
    if (v < 0) continue;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, length);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Charset labels TextDecoder reads differently from what mail means by them, or not at all.
 * A Map: the labels looked up are fresh strings, which a property lookup on an object would
 * first have to find in V8's table of all strings.
 */
const CHARSET_ALIASES = new Map<string, string>(
  Object.entries({
    "us-ascii": "windows-1252",
    ascii: "windows-1252",
    "ansi_x3.4-1968": "windows-1252",
    "iso-8859-1": "windows-1252",
    latin1: "windows-1252",
    "x-sjis": "shift_jis",
    sjis: "shift_jis",
    "shift-jis": "shift_jis",
    cp932: "shift_jis",
    "windows-31j": "shift_jis",
    "x-euc-jp": "euc-jp",
    "ks_c_5601-1987": "euc-kr",
    gb2312: "gbk",
    utf8: "utf-8",
    "unicode-1-1-utf-8": "utf-8",
  }),
);

type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder | null>();

function decoderFor(charset: string): Decoder | null {
  const label = charset.trim().toLowerCase().replace(/^"|"$/g, "");
  const key = CHARSET_ALIASES.get(label) ?? label;
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(key, { fatal: false });
    } catch {
      decoder = null;
    }
    // Real mail names a few dozen charsets; a message naming thousands is not cached.
    if (decoders.size < 256) decoders.set(detached(key), decoder);
  }
  return decoder;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** Decode bytes in a charset; unknown charsets fall back to UTF-8, then Latin-1. */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const label = charset.trim().toLowerCase();
  if (label === "utf-7" || label === "unicode-1-1-utf-7") return decodeUtf7(bytes);
  const decoder = label === "" ? null : decoderFor(label);
  if (decoder && decoder.encoding === "iso-2022-jp" && hasHighBytes(bytes)) {
    // ISO-2022-JP is 7-bit: 8-bit bytes mean the label is wrong (EUC-JP, Shift_JIS or UTF-8).
    return decodeMislabelledJapanese(bytes);
  }
  if (decoder) {
    // A body declared us-ascii or Latin-1 that is really UTF-8 is common in bounces.
    if (decoder.encoding === "windows-1252" && hasHighBytes(bytes)) {
      try {
        return utf8.decode(bytes);
      } catch {
        return decoder.decode(bytes);
      }
    }
    return decoder.decode(bytes);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return utf8Lenient.decode(bytes);
  }
}

function decodeMislabelledJapanese(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // EUC-JP and Shift_JIS: take the one with fewer replacement characters.
    const euc = (decoderFor("euc-jp") as Decoder).decode(bytes);
    const sjis = (decoderFor("shift_jis") as Decoder).decode(bytes);
    const bad = (text: string) => text.split("\ufffd").length;
    return bad(euc) <= bad(sjis) ? euc : sjis;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 127) return true;
  return false;
}

/** UTF-7 (RFC 2152), still declared by a few old mailers. */
function decodeUtf7(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] as number;
    if (c !== 43) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < bytes.length &&
      (BASE64[bytes[j] as number] as number) >= 0 &&
      bytes[j] !== 45 &&
      bytes[j] !== 95
    )
      j++;
    if (j === i + 1) {
      out += "+";
      i = bytes[j] === 45 ? j + 1 : j;
      continue;
    }
    const decoded = decodeBase64(String.fromCharCode(...bytes.subarray(i + 1, j)));
    for (let k = 0; k + 1 < decoded.length; k += 2)
      out += String.fromCharCode(((decoded[k] as number) << 8) | (decoded[k + 1] as number));
    i = bytes[j] === 45 ? j + 1 : j;
  }
  return out;
}

/** Bytes of a binary string range. */
export function binaryBytes(source: string, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = source.charCodeAt(i) & 0xff;
  return out;
}

/** The decoded body of a part as text (transfer encoding and charset undone). */
export function partText(message: ParsedMessage, part: MimePart): string {
  const { source } = message;
  const charset = part.params.charset ?? "";
  let bytes: Uint8Array;
  if (part.encoding === "base64") {
    bytes = decodeBase64(source, part.bodyStart, part.bodyEnd);
    if (!hasHighBytes(bytes) && asciiCompatible(charset)) return withLineFeeds(utf8Lenient.decode(bytes));
  } else {
    // Quoted-printable is undone into a binary string: most of it is runs of plain text.
    const binary =
      part.encoding === "quoted-printable"
        ? quotedPrintableBinary(source, part.bodyStart, part.bodyEnd)
        : source.slice(part.bodyStart, part.bodyEnd);
    // US-ASCII text needs no charset decoding; 8-bit text is decoded with its charset. The
    // source has LF line ends already: only quoted-printable can bring back a CR (=0D).
    if (!hasHighChars(binary) && asciiCompatible(charset))
      return part.encoding === "quoted-printable" ? withLineFeeds(binary) : binary;
    bytes = binaryBytes(binary, 0, binary.length);
  }
  return withLineFeeds(decodeBytes(bytes, charset));
}

/** CRLF and CR-only line ends made LF. */
function withLineFeeds(text: string): string {
  if (text.indexOf("\r") < 0) return text;
  // The same as replace(/\r\n?/g, "\n"): every CRLF is one LF, and each CR left stands alone.
  // Split and join take half the time of the regular expression on a long message.
  const crlf = text.split("\r\n").join("\n");
  return crlf.indexOf("\r") < 0 ? crlf : crlf.split("\r").join("\n");
}

/** Charsets in which US-ASCII bytes stand for themselves (not UTF-16, UTF-7 or ISO-2022). */
function asciiCompatible(charset: string): boolean {
  if (charset === "") return true;
  const label = charset.toLowerCase();
  return !(
    label.includes("2022") ||
    label.includes("utf-7") ||
    label.includes("16") ||
    label.includes("32") ||
    label.includes("ucs") ||
    label.startsWith("unicode") ||
    label.startsWith("hz")
  );
}

/**
 * Quoted-printable (RFC 2045 §6.7) undone into a binary string (one character per byte);
 * with `underscore`, "_" in the text stands for a space (RFC 2047's Q encoding).
 */
function quotedPrintableBinary(text: string, start: number, end: number, underscore = false): string {
  const plain = underscore
    ? (from: number, to: number) => text.slice(from, to).replaceAll("_", " ")
    : (from: number, to: number) => text.slice(from, to);
  let at = text.indexOf("=", start);
  if (at < 0 || at >= end) return plain(start, end);
  let out = "";
  let from = start;
  while (at >= 0 && at < end) {
    out += plain(from, at);
    const next = text.charCodeAt(at + 1);
    let skip = at + 1;
    if (next === 10) skip = at + 2;
    else {
      // "=" followed by trailing white space then a line break is a soft break too.
      let j = at + 1;
      while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j > at + 1 && (j >= end || text.charCodeAt(j) === 10)) skip = j + 1;
      else {
        const hi = hexValue(next);
        const lo = hexValue(text.charCodeAt(at + 2));
        if (hi >= 0 && lo >= 0 && at + 2 < end) {
          out += String.fromCharCode(hi * 16 + lo);
          skip = at + 3;
        } else {
          out += "=";
        }
      }
    }
    from = Math.min(skip, end);
    at = text.indexOf("=", from);
  }
  return out + plain(from, end);
}

function hasHighChars(text: string): boolean {
  // A regular expression scans twice as fast as a charCodeAt loop in V8, and TextEncoder
  // ten times as fast again on long texts (it checks a whole run natively; its call costs
  // more than the regular expression on a short one). A text is US-ASCII when its UTF-8
  // takes one byte per character; it is checked in chunks, so the scratch buffer stays small.
  if (text.length < ENCODER_CHECK_FROM) return HIGH.test(text);
  for (let start = 0; start < text.length; start += SCRATCH_LENGTH) {
    const chunk = text.length <= SCRATCH_LENGTH ? text : text.slice(start, start + SCRATCH_LENGTH);
    const { read, written } = utf8Encoder.encodeInto(chunk, asciiScratch);
    if (read !== chunk.length || written !== chunk.length) return true;
  }
  return false;
}

const ENCODER_CHECK_FROM = 96;
const SCRATCH_LENGTH = 65_536;
const asciiScratch = new Uint8Array(SCRATCH_LENGTH);

// biome-ignore lint/suspicious/noControlCharactersInRegex: every character outside US-ASCII.
const HIGH = /[^\u0000-\u007f]/;

/**
 * Decode RFC 2047 encoded words ("=?utf-8?B?...?=") in a header value, and raw 8-bit
 * (UTF-8) bytes that some mailers put in headers.
 */
export function decodeHeader(value: string): string {
  let text = value;
  if (text.indexOf("=?") >= 0) {
    // Adjacent encoded words are joined without the white space between them (RFC 2047 §6.2).
    text = text.replace(
      /=\?([^?\s]{1,40})\?([BbQq])\?([^?\s]{0,2000})\?=(?:\s+(?==\?))?/g,
      (_, charset: string, kind: string, data: string) => {
        const cleanCharset = charset.split("*")[0] ?? charset;
        if (kind === "B" || kind === "b") return decodeBytes(decodeBase64(data), cleanCharset);
        const binary = quotedPrintableBinary(data, 0, data.length, true);
        return decodeBytes(binaryBytes(binary, 0, binary.length), cleanCharset);
      },
    );
  }
  if (hasHighChars(text) && !hasWideCharacters(text)) {
    try {
      return utf8.decode(binaryBytes(text, 0, text.length));
    } catch {
      return text;
    }
  }
  return text;
}

/** Every part, depth first (each part before its children, children in order). */
export function allParts(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const stack: MimePart[] = [root];
  while (stack.length > 0) {
    const current = stack.pop() as MimePart;
    out.push(current);
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as MimePart);
  }
  return out;
}
