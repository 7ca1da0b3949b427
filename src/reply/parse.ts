import type { EnhancedStatus, Finding, Reply, SmtpCommand } from "../types.js";
import { addressAround } from "./address.js";
import { readEnhancedAt } from "./enhanced.js";

/**
 * Longest input read. RFC 5321 §4.5.3.1.5 caps a reply line at 512 octets; real multi-line
 * replies stay far below this. Anything longer is cut (with a finding) so that every step
 * after parsing works on a bounded string.
 */
export const MAX_REPLY_LENGTH = 16_384;
/** At most this many lines are kept. */
const MAX_LINES = 200;
/** At most this many items of each list (tags, URLs, addresses) are kept. */
const MAX_ITEMS = 20;

const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** A reply code at `i`: three digits 2-5xx not glued to other digits. Returns it or -1. */
function codeAt(text: string, i: number): number {
  const a = text.charCodeAt(i);
  if (a < 50 || a > 53) return -1;
  const b = text.charCodeAt(i + 1);
  const c = text.charCodeAt(i + 2);
  if (!isDigit(b) || !isDigit(c)) return -1;
  if (i > 0 && (isDigit(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 46)) return -1;
  const after = text.charCodeAt(i + 3);
  if (isDigit(after) || after === 46) return -1;
  return (a - ZERO) * 100 + (b - ZERO) * 10 + (c - ZERO);
}

const COMMAND_WORDS: readonly [string, SmtpCommand][] = [
  ["end of data", "DATA-END"],
  ["end of data command", "DATA-END"],
  ["rcpt to", "RCPT"],
  ["mail from", "MAIL"],
  ["data", "DATA"],
  ["bdat", "BDAT"],
  ["ehlo", "EHLO"],
  ["helo", "HELO"],
  ["starttls", "STARTTLS"],
  ["auth", "AUTH"],
  ["rset", "RSET"],
  ["quit", "QUIT"],
  ["initial connection", "CONNECT"],
  ["greeting", "CONNECT"],
];

function commandFrom(words: string): SmtpCommand | null {
  const lower = words.toLowerCase().trim();
  for (const [word, command] of COMMAND_WORDS) if (lower.startsWith(word)) return command;
  return null;
}

/** Known wrappers that reporting MTAs put around the remote reply, tried in order. */
function stripWrappers(line: string, state: { command: SmtpCommand | null; removed: string[] }): string {
  // Most replies start with their code: nothing to unwrap.
  if (isDigit(line.charCodeAt(0))) return line;
  let text = line;
  for (let round = 0; round < 4; round++) {
    const before = text;
    text = text.replace(/^\s+/, "");
    const lower = text.slice(0, 300).toLowerCase();
    // Diagnostic-Code type (RFC 3464 §2.3.6): "smtp; 550 ...".
    const semi = lower.indexOf(";");
    if (semi > 0 && semi <= 12 && /^(?:smtp|x-postfix|x-unix|x-local|mailbox|x-smtp)\s{0,3};/.test(lower)) {
      state.removed.push(text.slice(0, semi + 1));
      text = text.slice(semi + 1);
    } else if (lower.startsWith("diagnostic-code:")) {
      state.removed.push(text.slice(0, 16));
      text = text.slice(16);
    } else if (lower.startsWith("smtp error from remote mail server after ")) {
      // Exim: "SMTP error from remote mail server after RCPT TO:<x@y>:"
      const rest = text.slice(41);
      state.command = commandFrom(rest) ?? state.command;
      const end = findWrapperEnd(rest);
      state.removed.push(text.slice(0, 41 + end));
      text = rest.slice(end);
    } else if (lower.startsWith("host ") || lower.startsWith("remote host ")) {
      // Postfix: "host mx.example.com[192.0.2.1] said: 550 ..."
      const said = lower.indexOf(" said:");
      if (said > 0 && said < 280) {
        state.removed.push(text.slice(0, said + 6));
        text = text.slice(said + 6);
      }
    } else if (text.charCodeAt(0) === 35 /* # */ && isDigit(text.charCodeAt(1))) {
      // Exchange: "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"
      text = text.slice(1);
    }
    if (text === before) break;
  }
  return text;
}

/** End of Exim's "after RCPT TO:<x>:" wrapper: the first ": " or ":" at the end of the address part. */
function findWrapperEnd(rest: string): number {
  const limit = Math.min(rest.length, 400);
  let depth = 0;
  for (let i = 0; i < limit; i++) {
    const c = rest.charCodeAt(i);
    if (c === 60 /* < */) depth++;
    else if (c === 62 /* > */) depth = Math.max(0, depth - 1);
    else if (c === 58 /* : */ && depth === 0) {
      const next = rest.charCodeAt(i + 1);
      if (next === 32 || next === 9 || Number.isNaN(next) || i > 0) {
        // "RCPT TO:<x>:" has its first colon right after TO; skip colons followed by "<".
        if (next !== 60) return i + 1;
      }
    }
  }
  return 0;
}

const IN_REPLY_TO = "(in reply to ";

interface LineParts {
  code: number;
  enhanced: EnhancedStatus | null;
  text: string;
}

/** Split one line into code, enhanced code and text. */
function splitLine(line: string): LineParts {
  let code = -1;
  let rest = line;
  if (line.length >= 3) {
    const found = codeAt(line, 0);
    const sep = line.charCodeAt(3);
    if (found > 0 && (Number.isNaN(sep) || sep === 45 || isSpace(sep))) {
      code = found;
      rest = line.slice(4);
    }
  }
  let enhanced: EnhancedStatus | null = null;
  let start = 0;
  while (start < rest.length && isSpace(rest.charCodeAt(start))) start++;
  if (rest.charCodeAt(start) === 35 /* # */) start++;
  const read = readEnhancedAt(rest, start);
  if (read) {
    const after = rest.charCodeAt(read.end);
    if (Number.isNaN(after) || isSpace(after) || after === 44 || after === 58 || after === 45) {
      enhanced = read.status;
      rest = rest.slice(read.end + (after === 44 || after === 58 ? 1 : 0));
    }
  }
  return { code, enhanced, text: rest.trim() };
}

const ENHANCED_START = /[245]\./g;
const CODE_START = /[2-5][0-9][0-9][ \t-]/g;

/** Scan for "#5.1.1", "(#5.7.1)" or a bare enhanced code of class `cls` anywhere in the text. */
function findEnhancedInText(text: string, cls: number | null): EnhancedStatus | null {
  let loose: EnhancedStatus | null = null;
  const limit = Math.min(text.length, 4096);
  // Candidates ("5." and the like) are found by a regular expression: faster than a loop.
  ENHANCED_START.lastIndex = 0;
  for (let found = ENHANCED_START.exec(text); found !== null; found = ENHANCED_START.exec(text)) {
    const i = found.index;
    if (i >= limit) break;
    const c = text.charCodeAt(i);
    if (cls !== null && c - ZERO !== cls) continue;
    const read = readEnhancedAt(text, i);
    if (!read) continue;
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (before === 35 /* # */) return read.status;
    const after = text.charCodeAt(read.end);
    const boundedBefore = isSpace(before) || before === 40 || before === 91 || before === 45 || before === 58;
    const boundedAfter =
      Number.isNaN(after) || isSpace(after) || after === 41 || after === 93 || after === 59;
    if (loose === null && boundedBefore && boundedAfter) loose = read.status;
  }
  return loose;
}

/** When no line starts with a code, look for "550 5.1.1" or "550-..." inside the text. */
function findEmbeddedCode(text: string): { index: number; code: number } | null {
  const limit = Math.min(text.length, 4096);
  CODE_START.lastIndex = 0;
  for (let found = CODE_START.exec(text); found !== null; found = CODE_START.exec(text)) {
    const i = found.index;
    if (i >= limit) break;
    // Overlapping candidates ("5550 ") are rejected by the checks below; go on after this one.
    CODE_START.lastIndex = i + 1;
    if (i > 0) {
      const before = text.charCodeAt(i - 1);
      if (isAlnum(before) || before === 46 || before === 45 || before === 95) continue;
    }
    const code = codeAt(text, i);
    if (code < 0) continue;
    const sep = text.charCodeAt(i + 3);
    if (!isSpace(sep) && sep !== 45) continue;
    // A following enhanced code of the same class makes it a reply, not a number.
    let j = i + 4;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const read = readEnhancedAt(text, j);
    if (read && read.status.class === Math.floor(code / 100)) return { index: i, code };
  }
  return null;
}

/** Remove "550-5.1.1 " prefixes that a folded multi-line reply left inside one line. */
function removeInlinePrefixes(text: string, code: number, enhanced: EnhancedStatus | null): string {
  const codeText = String(code);
  if (text.indexOf(codeText) < 0) return text;
  const prefixes = enhanced
    ? [`${codeText}-${enhanced.code} `, `${codeText} ${enhanced.code} `, `${codeText}-`]
    : [`${codeText}-`];
  let out = text;
  for (const prefix of prefixes) {
    let from = 0;
    let pieces = "";
    let index = out.indexOf(prefix, from);
    if (index < 0) continue;
    while (index >= 0) {
      const before = index > 0 ? out.charCodeAt(index - 1) : 32;
      if (isSpace(before)) {
        pieces += out.slice(from, index);
        from = index + prefix.length;
      } else {
        pieces += out.slice(from, index + prefix.length);
        from = index + prefix.length;
      }
      index = out.indexOf(prefix, from);
    }
    out = pieces + out.slice(from);
  }
  return out;
}

/** Where "(in reply to " starts (as Postfix and others write it, in any usual case), or -1. */
function findInReplyTo(text: string): number {
  if (text.indexOf("(") < 0) return -1;
  let best = -1;
  for (const form of IN_REPLY_FORMS) {
    const at = text.lastIndexOf(form);
    if (at > best) best = at;
  }
  return best;
}

const IN_REPLY_FORMS = ["(in reply to ", "(In reply to ", "(IN REPLY TO ", "(In Reply To "];

function collapseSpaces(text: string): string {
  let out = "";
  let pendingSpace = false;
  let start = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 127) {
      if (!pendingSpace) {
        out += text.slice(start, i);
        pendingSpace = true;
      }
      start = i + 1;
    } else if (pendingSpace) {
      if (out.length > 0) out += " ";
      pendingSpace = false;
    }
  }
  out += text.slice(start, i);
  return out;
}

/**
 * Provider codes written as words: "IB105" (GoDaddy), "LPN007_426" (La Poste), "OFR006_102"
 * (Orange). Bounded quantifiers only, so the search stays linear.
 */
const WORD_TAG = /(?<![A-Za-z0-9])(?:IB[0-9]{3}|[A-Z]{2,4}[0-9]{0,6}_[0-9A-Z]{1,6})(?![A-Za-z0-9_])/g;

/** Tags, URLs and addresses. Each kind is found with a native search for its first character. */
function scanItems(text: string): { tags: string[]; urls: string[]; addresses: string[] } {
  let found: [number, string][] | null = null;
  const addTag = (at: number, tag: string) => {
    if (found === null) found = [];
    if (found.length < MAX_ITEMS && !found.some((entry) => entry[1] === tag)) found.push([at, tag]);
  };
  for (const open of ["[", "("]) {
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
      const tag = bracketTag(text, at);
      if (tag) addTag(tag.startsWith("AS(") ? at - 2 : at, tag);
    }
  }
  if (hasUpperPair(text)) {
    WORD_TAG.lastIndex = 0;
    for (let match = WORD_TAG.exec(text); match !== null; match = WORD_TAG.exec(text))
      addTag(match.index, match[0]);
  }
  const urls: string[] = [];
  for (let at = text.indexOf("http"); at >= 0; at = text.indexOf("http", at + 1)) {
    if (at > 0 && isAlnum(text.charCodeAt(at - 1))) continue;
    const end = urlEnd(text, at);
    if (end > 0) {
      if (urls.length < MAX_ITEMS) urls.push(text.slice(at, end));
      at = end - 1;
    }
  }
  const addresses: string[] = [];
  for (let at = text.indexOf("@"); at >= 0 && addresses.length < MAX_ITEMS; at = text.indexOf("@", at + 1)) {
    const address = addressAround(text, at);
    if (address && !addresses.includes(address)) addresses.push(address);
  }
  const tags: string[] =
    found === null ? [] : (found as [number, string][]).sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  return { tags, urls, addresses };
}

/** Two upper-case letters in a row: the cheap test before looking for word tags. */
function hasUpperPair(text: string): boolean {
  // A regular expression scans faster than a charCodeAt loop in V8.
  return UPPER_PAIR.test(text);
}

const UPPER_PAIR = /[A-Z]{2}/;

/**
 * "[TSS04]", "[BL23]", "(S3150)", "(G1E)", "(AS16012611)", "AS(201806281)": short
 * upper-case codes in brackets that providers use to name the rule that fired.
 */
function bracketTag(text: string, open: number): string | null {
  const close = text.charCodeAt(open) === 91 ? 93 : 41;
  let i = open + 1;
  let letters = 0;
  while (i < text.length && letters < 6 && isUpper(text.charCodeAt(i))) {
    i++;
    letters++;
  }
  if (letters === 0) {
    // "AS(201806281)": digits in parentheses after a two-letter prefix.
    if (close === 41 && open >= 2 && text.startsWith("AS", open - 2)) {
      let digits = 0;
      while (digits < 13 && isDigit(text.charCodeAt(i))) {
        i++;
        digits++;
      }
      if (digits >= 4 && text.charCodeAt(i) === 41) return `AS(${text.slice(open + 1, i)})`;
    }
    return null;
  }
  let rest = 0;
  if (!isDigit(text.charCodeAt(i))) return null;
  while (i < text.length && rest < 11 && (isDigit(text.charCodeAt(i)) || isUpper(text.charCodeAt(i)))) {
    i++;
    rest++;
  }
  if (text.charCodeAt(i) !== close) return null;
  return text.slice(open + 1, i);
}

function urlEnd(text: string, start: number): number {
  const scheme = text.startsWith("https://", start) ? 8 : text.startsWith("http://", start) ? 7 : 0;
  if (scheme === 0) return -1;
  let i = start + scheme;
  const limit = Math.min(text.length, start + 2048);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 34 || c === 60 || c === 62 || c === 93 || c === 41 || c === 39 || c === 96) break;
    i++;
  }
  // Trailing sentence punctuation is not part of the URL.
  while (i > start + scheme) {
    const last = text.charCodeAt(i - 1);
    if (last === 46 || last === 44 || last === 59 || last === 58) i--;
    else break;
  }
  return i > start + scheme ? i : -1;
}

/**
 * Parse one SMTP reply: a single line, a multi-line reply ("550-" continuation lines), a
 * reply still wrapped by the reporting MTA ("smtp; ...", "host X said: ...", Exim's
 * "SMTP error from remote mail server after RCPT TO:<x>:") or a bare text with an enhanced
 * code ("5.1.1 User unknown", "#5.1.1"). Never throws: any string gives a Reply, with
 * findings that say what was odd.
 *
 * @example
 * ```ts
 * import { parseReply } from "smtpcodes";
 * const reply = parseReply("550-5.7.26 Unauthenticated email from example.com is not accepted\n550 5.7.26 due to domain's DMARC policy.");
 * reply.code;          // 550
 * reply.enhanced?.code; // "5.7.26"
 * reply.text;          // "Unauthenticated email from example.com is not accepted due to domain's DMARC policy."
 * ```
 */
export function parseReply(input: unknown): Reply {
  const findings: Finding[] = [];
  let raw: string;
  if (typeof input === "string") raw = input;
  else if (input === null || input === undefined) raw = "";
  else {
    raw = String(input);
    findings.push({
      id: "not-a-string",
      severity: "warning",
      message: "The input was not text; it was converted.",
    });
  }
  let truncated = false;
  if (raw.length > MAX_REPLY_LENGTH) {
    raw = raw.slice(0, MAX_REPLY_LENGTH);
    truncated = true;
    findings.push({
      id: "truncated",
      severity: "warning",
      message: `The reply is longer than ${MAX_REPLY_LENGTH} characters; only the start was read. SMTP caps a reply line at 512 octets (RFC 5321 §4.5.3.1.5).`,
      references: ["RFC 5321 §4.5.3.1.5"],
    });
  }

  const state = { command: null as SmtpCommand | null, removed: [] as string[] };
  const rawLines = splitLines(raw);
  let code: number | null = null;
  let enhanced: EnhancedStatus | null = null;
  let mixedCodes = false;
  let mixedEnhanced = false;
  const lines: string[] = [];

  for (let index = 0; index < rawLines.length && lines.length < MAX_LINES; index++) {
    let line = rawLines[index] as string;
    if (index === 0 || code === null) line = stripWrappers(line, state);
    const parts = splitLine(line);
    if (parts.code > 0) {
      if (code === null) code = parts.code;
      else if (parts.code !== code) mixedCodes = true;
    }
    if (parts.enhanced) {
      if (enhanced === null) enhanced = parts.enhanced;
      else if (parts.enhanced.code !== enhanced.code) mixedEnhanced = true;
    }
    if (parts.text !== "") lines.push(parts.text);
  }

  // One line keeps its spacing as sent (splitLine trimmed it); joined lines are folded.
  let text = lines.length === 1 ? (lines[0] as string) : collapseSpaces(lines.join(" "));

  // "(in reply to RCPT TO command)" names the command; it is not part of the reply.
  const inReply = findInReplyTo(text);
  if (inReply >= 0) {
    const close = text.indexOf(")", inReply);
    const words = text.slice(inReply + IN_REPLY_TO.length, close < 0 ? undefined : close);
    state.command = commandFrom(words) ?? state.command;
    text = (text.slice(0, inReply) + (close < 0 ? "" : text.slice(close + 1))).trim();
  }

  if (code === null) {
    const embedded = findEmbeddedCode(text);
    if (embedded) {
      const tail = splitLine(text.slice(embedded.index));
      code = embedded.code;
      enhanced = enhanced ?? tail.enhanced;
      findings.push({
        id: "embedded-reply",
        severity: "info",
        message: `The reply code was found inside the text, after "${text.slice(0, Math.min(embedded.index, 60)).trim()}".`,
      });
      text = tail.text;
    }
  }
  if (code !== null) {
    const cleaned = removeInlinePrefixes(text, code, enhanced);
    if (cleaned !== text) text = collapseSpaces(cleaned);
  }
  if (enhanced === null) {
    enhanced = findEnhancedInText(text, code === null ? null : Math.floor(code / 100));
  }

  if (mixedCodes) {
    findings.push({
      id: "mixed-codes",
      severity: "warning",
      message:
        "The lines of this multi-line reply carry different reply codes; RFC 5321 §4.2.1 requires the same code on every line. The first line's code is used.",
      references: ["RFC 5321 §4.2.1"],
    });
  }
  if (mixedEnhanced) {
    findings.push({
      id: "mixed-enhanced-codes",
      severity: "warning",
      message:
        "The lines carry different enhanced status codes; RFC 2034 §4 repeats one code on every line. The first is used.",
      references: ["RFC 2034 §4"],
    });
  }
  if (state.removed.length > 0) {
    findings.push({
      id: "wrapper-removed",
      severity: "info",
      message: `Text added by the reporting MTA was set aside: ${state.removed.map((w) => `"${w.trim().slice(0, 80)}"`).join(", ")}.`,
    });
  }
  if (hasControlCharacters(raw)) {
    findings.push({
      id: "control-characters",
      severity: "warning",
      message:
        "The reply contains control characters or NUL bytes, which SMTP replies may not carry (RFC 5321 §4.2).",
      references: ["RFC 5321 §4.2"],
    });
  }

  const items = scanItems(text);
  return {
    raw,
    code,
    enhanced,
    lines,
    text,
    tags: items.tags,
    urls: items.urls,
    addresses: items.addresses,
    command: state.command,
    findings,
    truncated,
  };
}

function splitLines(raw: string): string[] {
  if (raw.indexOf("\n") < 0 && raw.indexOf("\r") < 0) return raw === "" ? [] : [raw];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > start) out.push(raw.slice(start, i));
      if (c === 13 && raw.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < raw.length) out.push(raw.slice(start));
  return out;
}

function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
