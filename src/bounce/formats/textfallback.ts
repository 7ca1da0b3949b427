/**
 * The last resort: a bounce with no delivery-status part, in no format a module knows.
 * It reads the human text the way a person would: the message must look like a bounce
 * (a mailer-daemon or postmaster sender, a null sender, a "returned mail" subject or an
 * X-Failed-Recipients header) and say that delivery failed; the failed recipients are the
 * addresses in the text before the returned message, less the sender's own; each one's
 * diagnostic is the text written around it. When any of this is missing it returns null.
 *
 * The helpers that find a recipient's words in a human text are shared with the RFC 3464
 * reader, which fills in what a delivery-status part leaves out.
 */

import { mapArray } from "../../arrays.js";
import { addressAround } from "../../reply/address.js";
import { anyOf, collapseWhiteSpace, isWhiteSpace, trimEndWhere } from "../../strings.js";
import { htmlToText } from "../message.js";
import { fieldValue, fieldValues, type MimePart, parseHeaderBlock } from "../mime.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, commandIn, fromHost, linesOf } from "./text.js";

/** Largest human text read, in characters. */
const MAX_TEXT = 200_000;

// ---------------------------------------------------------------------------------------
// The human text

function isAttachment(part: MimePart): boolean {
  const disposition = (fieldValue(part.headers, "content-disposition") ?? "").toLowerCase();
  return disposition.startsWith("attachment");
}

/**
 * The human-readable text of a message: its text/plain parts (those with any text in
 * them; a bounce re-saved by a mail library can have an empty one beside a full HTML
 * part), else its HTML parts as text, else the whole body. Returned messages are not
 * included (the MIME reader does not descend into message/rfc822 parts).
 */
export function humanText(message: BounceMessage): string {
  const parts = message.parts();
  const plain: string[] = [];
  const html: string[] = [];
  let size = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as MimePart;
    if (part.children.length > 0 || size > MAX_TEXT) continue;
    // "text/plain" with its parameters on a line of their own and no ";" reads as a longer type.
    const plainType = part.type.startsWith("text/plain");
    if (!plainType && !part.type.startsWith("text/html")) continue;
    if (isAttachment(part)) continue;
    const text = message.partText(part);
    if (text.trim() === "") continue;
    size += text.length;
    (plainType ? plain : html).push(text);
  }
  const text = plain.length > 0 ? plain.join("\n\n") : otherText(message, parts, html);
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

/** Without a text/plain part: the HTML parts as text, else the whole body of a single part. */
function otherText(message: BounceMessage, parts: readonly MimePart[], html: readonly string[]): string {
  if (html.length > 0) return mapArray(html, htmlToText).join("\n\n");
  if (parts.length === 1 || (parts[0]?.children.length ?? 0) === 0)
    return message.partText(parts[0] ?? message.parsed.root);
  return "";
}

/** Lines that introduce the returned message (or its headers) inside a bounce's text. */
const RETURNED_MARKERS = [
  "original message follows",
  "original message follow:",
  "message text follows",
  "message follows",
  "original message headers",
  "below this line is a copy of the message",
  "this is a copy of the message",
  "this is a copy of the headers",
  "copy of the original message",
  "message header follows",
  "message headers follow",
  "original message header",
  "the original message is attached",
  "returned message follows",
  "undelivered message follows",
  "unsent message below",
  "text of the original message",
  "begin original message",
  "original message --",
  "original message-",
];

const HEADER_NAMES = new Set([
  "return-path",
  "received",
  "dkim-signature",
  "message-id",
  "mime-version",
  "delivered-to",
  "x-original-to",
  "authentication-results",
  "from",
  "to",
  "subject",
  "date",
  "content-type",
  "reply-to",
  "x-mailer",
]);

function headerName(line: string): string | null {
  const colon = line.indexOf(":");
  if (colon <= 0 || colon > 40) return null;
  const name = line.slice(0, colon);
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) return null;
  return name.toLowerCase();
}

/** Header fields that only a whole message has: a summary ("To: … Subject: …") has none. */
const TRANSPORT_HEADERS = new Set([
  "return-path",
  "received",
  "dkim-signature",
  "message-id",
  "mime-version",
  "delivered-to",
  "x-original-to",
  "authentication-results",
  "content-type",
]);

/** Whether a header block of a returned message starts at line `index`. */
function startsHeaderBlock(lines: string[], index: number): boolean {
  const first = headerName(lines[index] as string);
  if (first === null || !HEADER_NAMES.has(first)) return false;
  let headerLines = 0;
  let transport = false;
  for (let i = index; i < lines.length && i < index + 6; i++) {
    const line = lines[i] as string;
    if (line === "") break;
    const name = headerName(line);
    if (name !== null) {
      headerLines++;
      if (TRANSPORT_HEADERS.has(name)) transport = true;
    } else if (/^[ \t]/.test(line)) headerLines++;
    else return false;
  }
  return transport && (headerLines >= 3 || first === "received" || first === "return-path");
}

/** The text before the returned message. */
export function withoutReturnedMessage(text: string): string {
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const lower = line.trim().toLowerCase();
    // A marker is a separator line ("------ This is a copy of the message") or a short line.
    const separator = lower.length > 0 && (lower.length <= 60 || !/^[a-z]/.test(lower)) && lower.length < 120;
    if (separator && RETURNED_MARKERS.some((marker) => lower.includes(marker))) {
      return lines.slice(0, i).join("\n");
    }
    if ((i === 0 || (lines[i - 1] as string).trim() === "") && startsHeaderBlock(lines, i)) {
      return lines.slice(0, i).join("\n");
    }
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------
// Words of failure

/** Words that say a message was not delivered (lower case). */
const FAILURE_WORDS = [
  "not delivered",
  "wasn't delivered",
  "could not be delivered",
  "couldn't be delivered",
  "cannot be delivered",
  "can't be delivered",
  "undeliverable",
  "undelivered",
  "delivery failed",
  "delivery has failed",
  "delivery failure",
  "failed permanently",
  "permanent error",
  "permanent fatal error",
  "fatal error",
  "delivery problem",
  "did not reach",
  "unable to deliver",
  "not be delivered",
  "could not deliver",
  "couldn't deliver",
  "delivery to the following",
  "failed to deliver",
  "not a valid user",
  "no such user",
  "user unknown",
  "unknown user",
  "does not exist",
  "doesn't exist",
  "not found",
  "rejected",
  "refused",
  "exceeds",
  "over quota",
  "quota exceeded",
  "mailbox full",
  "mailbox is full",
  "not yet been delivered",
  "delayed",
  "will be retried",
  "still trying",
  "address(es) failed",
  "addresses failed",
  "following address",
  "following recipient",
  "returned mail",
  "no message collected",
];

const DELAY_WORDS = [
  "not yet been delivered",
  "has been delayed",
  "delivery delayed",
  "delivery is delayed",
  "is delayed",
  "delayed mail",
  "(delay)",
  "still being retried",
  "will be retried",
  "will continue trying",
  "will continue to try",
  "will keep trying",
  "will retry",
  "this is a warning only",
  "warning: message",
  "no need to resend",
  "do not need to resend",
];

/** Words that say what went wrong for a recipient (lower case). */
const SPECIFIC_WORDS = [
  "unknown",
  "not exist",
  "doesn't exist",
  "no such",
  "not found",
  "couldn't be found",
  "could not be found",
  "not recognized",
  "not recognised",
  "not listed",
  "invalid",
  "not valid",
  "rejected",
  "refused",
  "denied",
  "disabled",
  "inactive",
  "suspended",
  "deactivated",
  "full",
  "quota",
  "exceed",
  "too large",
  "too big",
  "size",
  "unavailable",
  "not accepting",
  "not allowed",
  "not permitted",
  "blocked",
  "spam",
  "virus",
  "loop",
  "timed out",
  "timeout",
  "no route",
  "connection",
  "lookup",
  "host not found",
  "expired",
  "no mailbox",
  "no account",
  "failing",
  "policy",
  "relay",
  "unroutable",
  "unrouteable",
  "unreachable",
  "illegal",
  "doesn't have",
  "does not have",
  "no longer",
  "not active",
  "not an active",
];

/** Words that only say that something failed (lower case). */
const GENERIC_WORDS = [
  "failed",
  "failure",
  "error",
  "unable",
  "could not",
  "couldn't",
  "cannot",
  "can't",
  "not delivered",
  "wasn't delivered",
  "undeliverable",
  "delay",
  "problem",
];

const SPECIFIC = anyOf(SPECIFIC_WORDS);
const GENERIC_OR_FAILURE = anyOf([...GENERIC_WORDS, ...FAILURE_WORDS]);
const DELAY = anyOf(DELAY_WORDS);
const DELAY_SUBJECT = anyOf(["delay", "warning", "still being retried"]);

/** An SMTP reply code at the start of a text or after white space ("550 ", "550-", "550 5.1.1"). */
function hasReplyCode(text: string): boolean {
  return /(?:^|[\s:;'"(<[])[245]\d\d(?:[\s\-:]|$)/.test(text);
}

/**
 * How much a text says about a failure: 2 when it carries a reply code, an enhanced code
 * or a word naming the problem ("unknown", "full"); 1 when it only says that delivery
 * failed; 0 otherwise.
 */
export function strength(text: string | null): number {
  if (text === null || text.trim().length < 4) return 0;
  // A delivery-status field copied into the text ("a@b; Action: Delayed") says nothing new.
  if (/^(action|status|final-recipient|original-recipient|remote-mta)\s*:/i.test(text.trim())) return 0;
  if (hasReplyCode(text) || enhancedCodeIn(text) !== null) return 2;
  const lower = text.toLowerCase();
  if (SPECIFIC.test(lower)) return 2;
  return GENERIC_OR_FAILURE.test(lower) ? 1 : 0;
}

/** The first of some texts that names the problem, else the first that says anything. */
export function bestWords(candidates: readonly (string | null)[]): string | null {
  let fallback: string | null = null;
  for (const candidate of candidates) {
    const score = strength(candidate);
    if (score === 2) return candidate;
    if (score === 1 && fallback === null) fallback = candidate;
  }
  return fallback;
}

/** The first enhanced status code in a text ("5.1.1"), not part of an IP address or version. */
export function enhancedCodeIn(text: string): string | null {
  const pattern = /[245]\.\d{1,3}\.\d{1,3}/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const before = text.charCodeAt(match.index - 1);
    const afterIndex = match.index + match[0].length;
    const after = text.charCodeAt(afterIndex);
    const isDigit = (c: number) => c >= 48 && c <= 57;
    if (isDigit(before) || before === 46) continue;
    if (isDigit(after) || (after === 46 && isDigit(text.charCodeAt(afterIndex + 1)))) continue;
    return match[0];
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// A recipient's words

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line.charCodeAt(n) === 32 || line.charCodeAt(n) === 9)) n++;
  return n;
}

/** A line with the address (and its <>, quotes, trailing colon) taken out. */
function lineWithout(line: string, address: string): string {
  const lower = line.toLowerCase();
  const at = lower.indexOf(address.toLowerCase());
  if (at < 0) return line.trim();
  let start = at;
  let end = at + address.length;
  while (start > 0 && /["'<[(]/.test(line.charAt(start - 1))) start--;
  while (end < line.length && /["'>\])]/.test(line.charAt(end))) end++;
  while (end < line.length && /[:,;]/.test(line.charAt(end))) end++;
  return `${line.slice(0, start)} ${line.slice(end)}`
    .replace(/\s+/g, " ")
    .replace(/^(\.\.\.|:|-|\*|•)\s*/, "")
    .trim();
}

/** Does a line begin with an address (a recipient list entry)? */
function startsWithAddress(line: string): boolean {
  const trimmed = line.trim().replace(/^["'<[(]+/, "");
  const at = trimmed.indexOf("@");
  if (at <= 0) return false;
  const address = addressAround(trimmed, at);
  return address !== null && trimmed.startsWith(address);
}

function isDecorationChar(char: string): boolean {
  return "-=_*#|~".includes(char);
}

/** A separator or a decorated heading ("----- Transcript of session follows -----", "#####"). */
function isDecoration(line: string): boolean {
  return /^[-=_*#|~]{3,}/.test(line) && line.length - trimEndWhere(line, isDecorationChar).length >= 3;
}

/** Lines of a paragraph starting at `from` (up to a blank line), separators left out. */
function paragraphAt(lines: string[], from: number, limit = 12): string[] {
  const out: string[] = [];
  paragraphEnd(lines, from, limit, out);
  return out;
}

/**
 * Collect into `out` the lines of the paragraph at `from` (as paragraphAt) and return the
 * index where reading stopped: decoration lines are read past without being kept.
 */
function paragraphEnd(lines: string[], from: number, limit: number, out: string[]): number {
  let i = from;
  for (; i < lines.length && out.length < limit && i < from + 40; i++) {
    const line = (lines[i] as string).trim();
    if (line === "") break;
    if (!isDecoration(line)) out.push(line);
  }
  return i;
}

/**
 * What a bounce's text says about one recipient: the rest of the line that names it and
 * the lines indented under it ("<a@b>: host x said: 550 ... (in reply to RCPT TO
 * command)", Exim's indented "SMTP error from remote mail server after RCPT TO"), the
 * lines after a lone "<a@b>:", the paragraph after "because:", or the sentence that
 * introduces a recipient list. Every mention of the address is looked at; the first words
 * that name a problem win. Null when the text says nothing useful about it. The text comes
 * split by `textLines`, once for all the recipients of a bounce.
 */
export function recipientWords(text: TextLines, address: string): string | null {
  const { lines, lower } = text;
  const key = address.toLowerCase();
  // Every mention counts: the first is often a quoted "To:" field, a later one the reason.
  let fallback: string | null = null;
  let mentions = 0;
  for (let index = 0; index < lines.length && mentions < 8; index++) {
    if (!(lower[index] as string).includes(key)) continue;
    mentions++;
    const candidates = wordsAt(lines, index, key);
    for (const candidate of candidates) {
      const score = strength(candidate);
      if (score === 2) return cap(candidate);
      if (score === 1 && fallback === null) fallback = candidate;
    }
  }
  return fallback === null ? null : cap(fallback);
}

/** A text split into lines once, with their lower-case forms, for asking about many recipients. */
export interface TextLines {
  lines: string[];
  lower: string[];
}

export function textLines(text: string): TextLines {
  const lines = linesOf(text, 5000);
  return { lines, lower: mapArray(lines, (line) => line.toLowerCase()) };
}

/** A short label before an address on its line: "Recipient address:", "To:", "*". */
function isLabel(text: string): boolean {
  return text === "" || /^(\d{1,3}[.)]|[-*•])?\s*$/.test(text) || /^[A-Za-z][A-Za-z -]{0,30}:$/.test(text);
}

/** Quotes, "<", "[", "(" and white space: what may stand between a lead-in and its key. */
function isOpeningOrSpace(char: string): boolean {
  return "\"'<[(".includes(char) || isWhiteSpace(char);
}

/** What the text says around one mention (line `index`) of an address, best first. */
function wordsAt(lines: string[], index: number, key: string): string[] {
  const candidates: string[] = [];
  const line = lines[index] as string;
  const paragraph = collapseWhiteSpace(paragraphAround(lines, index).join(" "));
  const position = line.toLowerCase().indexOf(key);
  const lead = trimEndWhere(line.slice(0, position), isOpeningOrSpace).trim();
  const trimmed = line.trim();
  if (trimmed.startsWith(">>>")) {
    // A command of a session transcript (">>> RCPT To:<a@b>"): the replies right after it.
    const replies: string[] = [];
    for (let i = index + 1; i < lines.length && i < index + 8; i++) {
      const next = (lines[i] as string).trim();
      if (!next.startsWith("<<<")) break;
      replies.push(next.slice(3).trim());
    }
    if (replies.length > 0) candidates.push(collapseWhiteSpace(replies.join(" ")));
    return candidates;
  }
  if (/^(<<<\s*)?[245]\d\d([ -][245]\.\d{1,3}\.\d{1,3})?[ -]?$/.test(lead)) {
    // A reply line that names the address ("554 <a@b>... Service unavailable"): the line.
    candidates.push(collapseWhiteSpace(trimmed.replace(/^<<<\s*/, "")));
    return candidates;
  }
  // A mention inside a sentence ("Your message wasn't delivered to a@b because ..."):
  // the sentence's paragraph says it all.
  if (!isLabel(lead)) candidates.push(paragraph);
  const pieces: string[] = [];
  const rest = lineWithout(line, key);
  // A delivery-status field after the address ("a@b; Action: Delayed") says nothing of its own.
  const alone = isLabel(rest.replace(/^[-*•]\s*/, "")) || /^(action|status)\s*:/i.test(rest);
  if (!alone) pieces.push(rest);
  const indent = indentOf(line);
  // Lines that continue this entry: more indented ones, or (after a lone address) the
  // following lines up to a blank line or the next address.
  for (let i = index + 1; i < lines.length && i < index + 15; i++) {
    const next = lines[i] as string;
    if (next.trim() === "") break;
    if (startsWithAddress(next) && !next.toLowerCase().includes(key)) break;
    if (indentOf(next) > indent || (alone && indentOf(next) >= indent)) {
      // "(expanded from: <alias>)" names where the address came from, not what went wrong.
      if (!/^\(?(ultimately )?(generated|expanded) from/i.test(next.trim())) pieces.push(next.trim());
    } else break;
  }
  // Sendmail's "(reason: 550 5.1.1 User unknown)": the reply without its wrapper.
  const words = collapseWhiteSpace(pieces.join(" ")).replace(
    /^\(reason: ([^()]*(?:\([^()]*\)[^()]*)*)\)$/i,
    "$1",
  );
  candidates.push(words);
  // "was not delivered to:\n\n  a@b\n\nbecause:\n\n  User ... not listed": the paragraph after "because".
  let i = index + 1;
  while (i < lines.length && i < index + 4 && (lines[i] as string).trim() === "") i++;
  if (i < lines.length && /^because:?$/i.test((lines[i] as string).trim())) {
    let j = i + 1;
    while (j < lines.length && (lines[j] as string).trim() === "") j++;
    const because = collapseWhiteSpace(paragraphAt(lines, j).join(" "));
    if (because !== "") candidates.push(words === "" ? because : `${words} ${because}`);
  }
  // A list entry: the sentence that introduced the list, above the other entries (each
  // entry a block that starts with its address).
  const intro = alone || isLabel(lead) ? introOf(lines, index) : null;
  if (intro !== null && intro !== paragraph) candidates.push(words === "" ? intro : `${intro} ${words}`);
  // A lone address between two paragraphs: "Delivery of email to this address\n\n"a@b"\n\n
  // has failed due to a full mailbox." Only when the line before says nothing itself.
  if (words === "" && alone && strength(intro) === 0) {
    let next = index + 1;
    while (next < lines.length && next < index + 4 && (lines[next] as string).trim() === "") next++;
    if (next > index + 1 && next < lines.length && !startsWithAddress(lines[next] as string)) {
      const following = collapseWhiteSpace(paragraphAt(lines, next).join(" "));
      if (following !== "") candidates.push(intro === null ? following : `${intro} ${following}`);
    }
  }
  // The paragraph around it ("reject reason: Mailbox full\ntarget mail address: a@b").
  candidates.push(paragraph);
  return candidates;
}

/** The paragraph that introduces the list holding line `index`, or null. */
function introOf(lines: string[], index: number): string | null {
  const blank = (i: number) => (lines[i] as string).trim() === "";
  let j = index - 1;
  // Entries of the same list right above, without blank lines between them.
  while (j >= 0 && !blank(j) && startsWithAddress(lines[j] as string)) j--;
  while (j >= 0 && index - j <= 80) {
    if (blank(j)) {
      j--;
      continue;
    }
    let top = j;
    while (top > 0 && !blank(top - 1) && j - top < 10) top--;
    if (startsWithAddress(lines[top] as string)) {
      // A block that starts with an address is another entry of the same list.
      j = top - 1;
      continue;
    }
    const intro = collapseWhiteSpace(lines.slice(top, j + 1).join(" "));
    return intro === "" ? null : intro;
  }
  return null;
}

/** The lines of the paragraph (between blank lines) that holds line `index`, at most 10. */
function paragraphAround(lines: string[], index: number): string[] {
  let top = index;
  while (top > 0 && (lines[top - 1] as string).trim() !== "" && index - top < 6) top--;
  return paragraphAt(lines, top, 10);
}

function cap(text: string): string {
  return text.length > 1000 ? text.slice(0, 1000) : text;
}

/**
 * A diagnostic without the reporting MTA's words before the remote server's reply:
 * "(Undelivered): 551 Sender ..." → "551 Sender ...", "host mx.example.net [192.0.2.1]: 550
 * 5.1.1 ..." → "550 5.1.1 ...". Kept whole when the reply code is not near the start.
 */
export function fromReplyCode(text: string): string {
  const match =
    /(?:^|:\s{1,4}|said:?\s{1,4}|returned:?\s{1,4}['"]?|<<<\s{1,4})([245]\d\d[ -](?!\d\d|\d[^.]))/i.exec(
      text.slice(0, 400),
    );
  if (!match || match.index === 0) return text;
  return text.slice(match.index + match[0].length - (match[1] as string).length);
}

/** Lines of a text that carry a remote server's reply ("Remote host said: 550 ...", "<<< 550 ..."). */
export function replyLines(text: string): string[] {
  const out: string[] = [];
  const lines = linesOf(text, 5000);
  for (let i = 0; i < lines.length && out.length < 10; i++) {
    const line = (lines[i] as string).trim();
    const reply =
      /^(?:<<<\s*|remote host said:\s*|.{0,120}\bsaid:\s*|remote server returned\s*')?([245]\d\d[ -].*)$/i.exec(
        line,
      );
    if (!reply) continue;
    let words = reply[1] as string;
    // Continuation lines of a multi-line reply.
    for (let j = i + 1; j < lines.length && j < i + 6; j++) {
      const next = (lines[j] as string).trim();
      if (next === "" || /^(<<<|>>>)/.test(next)) break;
      if (/^[245]\d\d[ -]/.test(next) && next.slice(0, 3) === words.slice(0, 3)) {
        words += ` ${next.slice(4)}`;
        i = j;
      } else break;
    }
    out.push(collapseWhiteSpace(words));
  }
  return out;
}

/**
 * The replies of a sendmail-style "Transcript of session follows" section, without the
 * commands sent and the "... while talking to" lines.
 */
export function transcriptWords(text: string): string | null {
  const lines = linesOf(text, 5000);
  const start = lines.findIndex((line) => line.toLowerCase().includes("transcript of session follows"));
  if (start < 0) return null;
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && i < start + 40; i++) {
    const line = (lines[i] as string).trim();
    if (line === "") {
      if (out.length > 0) break;
      continue;
    }
    if (line.startsWith("-----") || /^[A-Za-z-]+: /.test(line)) break;
    if (line.startsWith("...") || line.startsWith(">>>")) continue;
    out.push(line.startsWith("<<<") ? line.slice(3).trim() : line);
  }
  const words = collapseWhiteSpace(out.join(" "));
  return words === "" ? null : cap(words);
}

function transcriptVerb(command: string): ReturnType<typeof commandIn> {
  const upper = command.trim().toUpperCase();
  if (upper.startsWith("RCPT")) return "RCPT";
  if (upper.startsWith("MAIL")) return "MAIL";
  if (upper.startsWith("DATA")) return "DATA";
  if (upper === ".") return "DATA-END";
  if (upper.startsWith("EHLO")) return "EHLO";
  if (upper.startsWith("HELO")) return "HELO";
  if (upper.startsWith("STARTTLS")) return "STARTTLS";
  return null;
}

/**
 * The command of a sendmail-style transcript: the ">>> COMMAND" that names the address
 * (">>> RCPT To:<a@b>"), else (no address given) the last one before an error reply.
 */
export function transcriptCommand(text: string, address?: string): ReturnType<typeof commandIn> {
  const lines = linesOf(text, 5000);
  const key = address?.toLowerCase();
  let last: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith(">>> ")) {
      last = line.slice(4);
      if (key !== undefined && last.toLowerCase().includes(key)) return transcriptVerb(last);
    } else if (key === undefined && /^<<< [45]\d\d/.test(line) && last !== null) return transcriptVerb(last);
  }
  return null;
}

/** The paragraph of a text that best says why delivery failed; boilerplate left out. */
export function failureParagraph(text: string): string | null {
  const lines = linesOf(text, 5000);
  const candidates: string[] = [];
  for (let i = 0; i < lines.length && candidates.length < 40; i++) {
    if ((lines[i] as string).trim() === "") continue;
    const paragraph: string[] = [];
    // Past the lines read, decorations included: resuming after the kept lines only read a
    // run of decoration lines ("#####…") again from each of its lines, 40 lines each time.
    i = paragraphEnd(lines, i, 20, paragraph);
    const words = collapseWhiteSpace(paragraph.join(" "));
    if (words.length < 8 || words.length > 1500) continue;
    if (!isBoilerplate(words.toLowerCase())) candidates.push(words);
  }
  const best = bestWords(candidates);
  return best === null ? null : cap(best);
}

/** How paragraphs that say nothing about the failure begin. */
const BOILERPLATE_STARTS = [
  "this is the mail system",
  "this is an automatically generated",
  "this message was created automatically",
  "for further assistance",
  "if you do so",
];

/** Words of such paragraphs anywhere: MIME notices, disclaimers and scanner banners. */
const BOILERPLATE_WORDS = [
  "mime-formatted message",
  "mime format",
  "multi-part mime",
  "multi part mime",
  "has been scanned",
  "scanned for",
  "confidential",
  "disclaimer",
  "intended recipient",
  "consider the environment",
];

const BOILERPLATE = anyOf(BOILERPLATE_WORDS);

/** Whether a paragraph (lower-cased) is boilerplate rather than the reason for the failure. */
function isBoilerplate(lower: string): boolean {
  for (const start of BOILERPLATE_STARTS) if (lower.startsWith(start)) return true;
  return BOILERPLATE.test(lower);
}

/** Is the text about a delay (the message is still queued) rather than a failure? */
export function saysDelayed(text: string, subject: string): boolean {
  return DELAY_SUBJECT.test(subject.toLowerCase()) || DELAY.test(text.slice(0, 8000).toLowerCase());
}

// ---------------------------------------------------------------------------------------
// The failed recipients

const SYSTEM_LOCAL_PARTS = new Set(["mailer-daemon", "mail-daemon", "mailerdaemon"]);

/** Addresses of the people involved on the sending side: never the failed recipients. */
function senderAddresses(message: BounceMessage): Set<string> {
  const out = new Set<string>();
  const add = (value: string | null) => {
    if (!value) return;
    for (let at = value.indexOf("@"); at >= 0; at = value.indexOf("@", at + 1)) {
      const address = addressAround(value, at);
      if (address) out.add(address.toLowerCase());
    }
  };
  for (const name of ["from", "to", "return-path", "reply-to", "sender", "cc"]) add(message.header(name));
  const original = message.originalHeaders();
  if (original) {
    add(fieldValue(original, "from"));
    add(fieldValue(original, "return-path"));
    add(fieldValue(original, "sender"));
  }
  return out;
}

/** The words before an address on its line, to see how it is introduced. */
function lineBefore(text: string, start: number): string {
  // At most 80 characters back: searching the whole line for its start, once per address
  // on it, was quadratic on a long line.
  const words = text.slice(Math.max(0, start - 80), start);
  return words.slice(words.lastIndexOf("\n") + 1).toLowerCase();
}

/** Addresses in a bounce's own text that it reports as failed, in order, without duplicates. */
export function failedAddresses(text: string, exclude: Set<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let at = text.indexOf("@"); at >= 0 && out.length < 50; at = text.indexOf("@", at + 1)) {
    const address = addressAround(text, at);
    if (address === null) continue;
    const key = address.toLowerCase();
    if (seen.has(key) || exclude.has(key)) continue;
    const start = text.lastIndexOf(address, at);
    const before = text.charAt(start - 1);
    // Part of a URL, a query string or an encoded word.
    if (before === "=" || before === "/" || before === "%" || before === "?" || before === "&") continue;
    const local = key.slice(0, key.indexOf("@"));
    if (SYSTEM_LOCAL_PARTS.has(local)) continue;
    const domain = key.slice(key.indexOf("@") + 1);
    if (domain === "localhost" || /^\d+\.\d+\.\d+\.\d+$/.test(domain)) continue;
    const context = lineBefore(text, start);
    // An alias the failed address was expanded from, a message id, the sender.
    if (
      /(generated|expanded|forwarded|redirected|aliased) from|message-id|message id|in-reply-to|references:|envelope-from|sent by|mail from|from:|sender|contact|send (e-?mail|mail|a message) to|write to|assistance/.test(
        context,
      )
    )
      continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}

/**
 * Bare local parts listed under "the following recipients:" (AOL names only the mailbox):
 * completed with the reporting domain.
 */
function bareRecipients(text: string, domain: string): string[] {
  const lines = linesOf(text, 2000);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).toLowerCase();
    if (!/following (recipients?|address(es)?)|recipient\(s\)/.test(line) || !line.trimEnd().endsWith(":"))
      continue;
    for (let j = i + 1; j < lines.length && j < i + 20; j++) {
      const entry = (lines[j] as string).trim();
      if (entry === "") {
        if (out.length > 0) break;
        continue;
      }
      if (!/^[A-Za-z0-9._+-]{1,64}$/.test(entry)) break;
      out.push(`${entry}@${domain}`);
    }
    if (out.length > 0) break;
  }
  return out;
}

/**
 * The bounce's own addressee named as the failed recipient ("The following message to
 * <a@b> was undeliverable", "Your message to a@b couldn't be delivered"): a message sent
 * to oneself. Used only when no other address is found.
 */
function sentToSelf(text: string, message: BounceMessage): string[] {
  const to = addressesIn(message.header("to") ?? "", 1)[0];
  if (!to) return [];
  const lower = text.toLowerCase();
  const key = to.toLowerCase();
  // The bounds of the line of the latest mention, found once per line: once per mention,
  // a line that repeats the address thousands of times took quadratic time.
  let lineStart = 0;
  let lineEnd = -1;
  for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
    const before = lower.slice(Math.max(0, at - 40), at);
    if (/(message|mail|email) (sent )?to:?\s*<?$|deliver(ed|y) to:?\s*<?$|recipient:?\s*<?$/.test(before))
      return [to];
    // A list entry of its own: "<a@b>:" alone at the start of a line (qmail).
    if (at > lineEnd) {
      lineStart = lower.lastIndexOf("\n", at) + 1;
      lineEnd = lower.indexOf("\n", at);
      if (lineEnd < 0) lineEnd = lower.length;
    }
    const after = lower.slice(at + key.length, lineEnd);
    if (/^\s*<?$/.test(lower.slice(lineStart, at)) && /^>?:?\s*$/.test(after)) return [to];
  }
  return [];
}

/**
 * The only To/Cc address of the returned message (attached, or quoted after the text as
 * sendmail's "----- Unsent message follows -----" does), or nothing.
 */
function soleOriginalRecipient(message: BounceMessage, fullText: string, text: string): string[] {
  let headers = message.originalHeaders();
  if (headers === null && fullText.length > text.length) {
    const lines = linesOf(fullText.slice(text.length), 200);
    const start = lines.findIndex((line, i) => i > 0 && headerName(line) !== null);
    if (start > 0) {
      const block = lines.slice(start).join("\n");
      headers = parseHeaderBlock(block, 0, block.length).headers;
    }
  }
  if (headers === null) return [];
  const addresses = addressesIn([...fieldValues(headers, "to"), ...fieldValues(headers, "cc")].join(", "), 3);
  return addresses.length === 1 ? addresses : [];
}

// ---------------------------------------------------------------------------------------
// Is it a bounce at all?

const BOUNCE_SENDERS = new Set(["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"]);

const BOUNCE_SUBJECTS = [
  "undeliver",
  "undelivered",
  "not delivered",
  "delivery status",
  "delivery failure",
  "delivery failed",
  "delivery problem",
  "delivery notification",
  "failure notice",
  "failure delivery",
  "returned mail",
  "returned to sender",
  "non-delivery",
  "nondelivery",
  "non delivery",
  "could not be delivered",
  "mail delivery",
  "delayed mail",
  "delivery delayed",
  "message status",
  "unzustellbar",
  "non remis",
  "no entregado",
  "olevererbart",
  "onbestelbaar",
  "niet bezorgd",
  "nicht zugestellt",
];

/** "Re:", "Fwd:" and their forms in other languages at the start of a subject. */
const REPLY_OR_FORWARD = /^\s*(?:re|aw|sv|vs|antw|odp|ynt|rif|fw|fwd|wg|tr|rv|doorst)\s?:/i;

function looksLikeBounce(message: BounceMessage): boolean {
  if (message.header("x-failed-recipients") !== null) return true;
  const from = message.from;
  const at = from.indexOf("@");
  if (at > 0) {
    const local = from
      .slice(0, at)
      .replace(/^.*[<\s"]/, "")
      .trim();
    if (BOUNCE_SENDERS.has(local)) return true;
  } else if (
    BOUNCE_SENDERS.has(from.trim()) ||
    from.trim() === "<>" ||
    // An empty From field; a message with no header at all (binary junk, a pasted body)
    // gives no sign of where it came from.
    (from.trim() === "" && message.headers.length > 0)
  )
    return true;
  if (from.includes("mail delivery") || from.includes("mailer-daemon")) return true;
  // A person's reply to a bounce, or a bounce they forward, is not one (the Postfix,
  // Exim… modules still know a forwarded report by its own words).
  const subject = message.subject.toLowerCase();
  if (!REPLY_OR_FORWARD.test(subject) && BOUNCE_SUBJECTS.some((words) => subject.includes(words)))
    return true;
  // An empty envelope sender: what RFC 5321 §4.5.5 prescribes for reports. A missing
  // Return-Path says nothing (files saved by mail clients and tests rarely carry one).
  return (message.header("return-path") ?? "").trim() === "<>";
}

// ---------------------------------------------------------------------------------------
// The module

function parseText(message: BounceMessage): FormatResult | null {
  const fullText = humanText(message);
  const text = withoutReturnedMessage(fullText);
  // The text (or the subject) must say that something failed.
  if (
    strength(text) === 0 &&
    strength(message.subject) === 0 &&
    !message.subject.toLowerCase().includes("returned")
  )
    return null;
  const exclude = senderAddresses(message);
  let addresses: string[] = [];
  const failedHeader = message.header("x-failed-recipients");
  if (failedHeader !== null) {
    addresses = failedAddresses(failedHeader, new Set());
  }
  if (addresses.length === 0) addresses = failedAddresses(text, exclude);
  if (addresses.length === 0) {
    const domain = fromHost(message);
    if (domain.includes(".")) addresses = bareRecipients(text, domain);
  }
  let subjectOnly = false;
  if (addresses.length === 0 && strength(message.subject) === 2) {
    // Lotus Domino names the recipient and the problem in the subject
    // ("DELIVERY FAILURE: User foobar (foobar@example.com) not listed in ...").
    addresses = failedAddresses(message.subject, exclude);
    subjectOnly = addresses.length > 0;
  }
  if (addresses.length === 0) addresses = sentToSelf(text, message);
  // A report that names no one, about a message that went to one address: that address.
  if (addresses.length === 0 && strength(text) === 2)
    addresses = soleOriginalRecipient(message, fullText, text);
  // A long list of addresses is a newsletter or a spam run quoted back, not a report.
  if (addresses.length === 0 || addresses.length > 20) return null;
  const delayed = saysDelayed(text, message.subject);
  const replies = replyLines(text);
  const transcript = transcriptWords(text);
  const general = failureParagraph(text);
  const single = addresses.length === 1;
  const command = single ? transcriptCommand(text) : null;
  const prepared = textLines(text);
  const recipients: RawRecipient[] = [];
  for (const address of addresses) {
    const key = address.toLowerCase();
    let own = subjectOnly ? message.subject.trim() : recipientWords(prepared, address);
    // A line of the transcript: the whole transcript says more ("mail.local: unknown user").
    if (single && own !== null && transcript?.includes(own)) own = transcript;
    const reply =
      replies.find((line) => line.toLowerCase().includes(key)) ?? (single ? replies[0] : undefined);
    const ownStrength = strength(own);
    const words = bestWords([
      own,
      transcript !== null && (single || transcript.toLowerCase().includes(key)) ? transcript : null,
      reply ?? null,
      // The text's general paragraph when nothing is said about this recipient, or (the
      // only recipient) when what is said only introduces the list ("could not be
      // delivered to the following recipient:") and the paragraph names the cause.
      ownStrength === 2 || (ownStrength > 0 && !single) ? null : general,
    ]);
    recipients.push({
      recipient: address,
      action: delayed ? "delayed" : "failed",
      status: words ? enhancedCodeIn(words) : null,
      diagnosticCode: words ? fromReplyCode(words) : null,
      command:
        (words ? commandIn(words) : null) ??
        (own ? commandIn(own) : null) ??
        transcriptCommand(text, address) ??
        command,
    });
  }
  return { recipients };
}

export const textfallback: BounceFormat = {
  id: "textfallback",
  name: "Plain-text bounce (no known format)",
  // Last in the list: a DSN reaches it only when its delivery-status part named no one.
  detect: looksLikeBounce,
  parse: parseText,
};
