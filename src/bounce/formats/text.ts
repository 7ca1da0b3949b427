/**
 * Helpers shared by format modules that read the human-readable text of a bounce.
 */

import { mapArray } from "../../arrays.js";
import { addressesIn } from "../../reply/address.js";
import { collapseWhiteSpace, cutAtFirst, isHostEnd } from "../../strings.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceMessage } from "../types.js";

/** Slots of `BounceMessage.memo` handed out so far (see `perMessage`). */
let memoSlots = 0;

const COMMAND_MARKERS = ["in reply to ", "after ", ">>> ", "during "];
const COMMAND_WORDS: readonly (readonly [string, SmtpCommand])[] = [
  ["end of data", "DATA-END"],
  ["after data", "DATA-END"],
  ["in reply to data", "DATA"],
  ["rcpt to", "RCPT"],
  ["rcpt", "RCPT"],
  ["mail from", "MAIL"],
  ["ehlo", "EHLO"],
  ["helo", "HELO"],
  ["starttls", "STARTTLS"],
  ["initial connection", "CONNECT"],
  ["greeting", "CONNECT"],
];

/** The SMTP command a diagnostic names: "(in reply to RCPT TO command)", "after end of data", ">>> DATA". */
export function commandIn(text: string): SmtpCommand | null {
  const lower = text.toLowerCase();
  for (const marker of COMMAND_MARKERS) {
    let at = lower.indexOf(marker);
    while (at >= 0) {
      const after = at + marker.length;
      for (const [words, command] of COMMAND_WORDS) if (lower.startsWith(words, after)) return command;
      at = lower.indexOf(marker, at + 1);
    }
  }
  return null;
}

export { addressesIn } from "../../reply/address.js";

/** The lines of a text (at most `limit`), without trailing white space. */
export function linesOf(text: string, limit = LINE_LIMIT): string[] {
  // Many modules split the same text while deciding whether a message is theirs, with
  // different limits: keep the last split (up to 20,000 lines) and the shorter views of it.
  // Callers must not modify the returned array.
  if (limit > LINE_LIMIT) return splitLines(text, limit);
  if (text !== lastText) {
    lastLines = splitLines(text, LINE_LIMIT);
    lastText = text;
    lastViews.clear();
  }
  if (lastLines.length <= limit) return lastLines;
  let view = lastViews.get(limit);
  if (view === undefined) {
    view = lastLines.slice(0, limit);
    lastViews.set(limit, view);
  }
  return view;
}

function splitLines(text: string, limit: number): string[] {
  // A new array rather than split's trimmed in place: split's array is packed or holey
  // depending on whether its caller runs optimized, mapArray's always packed.
  return mapArray(text.split("\n", limit), (line) => line.trimEnd());
}

const LINE_LIMIT = 20_000;
let lastText: string | null = null;
let lastLines: string[] = [];
const lastViews = new Map<number, string[]>();

/**
 * The human-readable text of a bounce; when the MIME reader found no text part (some
 * mailers write "boundary=" on an unfolded line of its own, so a multipart stays one opaque
 * leaf), the raw text of the leaves that are not returned messages.
 */
export const bodyText: (message: BounceMessage) => string = perMessage((message) => {
  const text = message.text();
  if (NOT_BLANK.test(text)) return text;
  const out: string[] = [];
  let size = 0;
  for (const part of message.parts()) {
    if (part.children.length > 0 || part.type.startsWith("message/")) continue;
    if (!part.type.startsWith("text/") && !part.type.startsWith("multipart/")) continue;
    const partBody = message.partText(part);
    out.push(partBody);
    size += partBody.length;
    if (size > 1_000_000) break;
  }
  return out.join("\n");
});

const NOT_BLANK = /\S/;

/** The first enhanced status code ("5.1.1") in a text, not part of a longer dotted number. */
export function enhancedStatusIn(text: string): string | null {
  const match = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)/.exec(text.slice(0, 4000));
  return match ? (match[1] as string) : null;
}

/** An SMTP command as bounces name it ("RCPT TO", "MAIL FROM", "final DATA", "end of data"). */
export function commandNamed(name: string): SmtpCommand | null {
  const words = name.trim().toUpperCase().replace(/\s+/g, " ");
  if (words.startsWith("RCPT")) return "RCPT";
  if (words.startsWith("MAIL")) return "MAIL";
  if (words === "FINAL DATA" || words === "END OF DATA" || words === "TEXT" || words.startsWith("DATA-END"))
    return "DATA-END";
  if (words.startsWith("DATA")) return "DATA";
  if (words.startsWith("EHLO")) return "EHLO";
  if (words.startsWith("HELO")) return "HELO";
  if (words.startsWith("STARTTLS")) return "STARTTLS";
  if (words.startsWith("AUTH")) return "AUTH";
  if (words.startsWith("BDAT")) return "BDAT";
  if (words === "CONNECT" || words === "GREETING" || words === "CONNECTION") return "CONNECT";
  return null;
}

/** A diagnostic on one line: white space runs folded, ends trimmed, length capped. */
export function cleanedDiagnostic(text: string, limit = 4096): string {
  return collapseWhiteSpace(text.slice(0, limit * 4)).slice(0, limit);
}

/**
 * The status to report: the DSN's, made precise by the diagnostic when the DSN only says
 * "5.0.0" and the server's reply carries "5.7.1" of the same class; else the enhanced code
 * in the diagnostic.
 */
export function refinedStatus(status: string | null, diagnostic: string): string | null {
  const found = enhancedStatusIn(diagnostic);
  if (status === null) return found;
  if (found && status.endsWith(".0.0") && found[0] === status[0] && !found.endsWith(".0.0")) return found;
  return status;
}

const LOWER_LIMIT = 20_000;

/**
 * Memoise a function of the message: several modules (or one module's detect and parse)
 * ask the same question of the same message, and each answer is computed once. The answer
 * must not be `undefined`.
 */
export function perMessage<T>(compute: (message: BounceMessage) => T): (message: BounceMessage) => T {
  const slot = memoSlots++;
  return (message) => {
    const known = message.memo[slot];
    if (known !== undefined) return known as T;
    const answer = compute(message);
    message.memo[slot] = answer;
    return answer;
  };
}

/** The report-type parameter of a top-level multipart/report, lower-cased ("" for any other message). */
export function reportType(message: BounceMessage): string {
  const root = message.parsed.root;
  return root.type === "multipart/report" ? (root.params["report-type"] ?? "").trim().toLowerCase() : "";
}

/**
 * The host after the last "@" of the (lower-cased) From field, up to ">" or white space:
 * "mailer-daemon@mx.example.org (Mail Delivery)" → "mx.example.org"; "" without "@".
 */
export const fromHost: (message: BounceMessage) => string = perMessage((message) => {
  const at = message.from.lastIndexOf("@");
  return at < 0 ? "" : cutAtFirst(message.from.slice(at + 1), isHostEnd);
});

/** The first address of the From field, lower-cased ("" when it holds none). */
export const senderAddress: (message: BounceMessage) => string = perMessage(
  (message) => addressesIn(message.from, 1)[0]?.toLowerCase() ?? "",
);

/**
 * The start of `bodyText` (at most `limit` characters, up to 20,000), lower-cased once per
 * message: the cheap test many modules make to see whether a message is theirs.
 */
export function lowerBodyText(message: BounceMessage, limit = LOWER_LIMIT): string {
  const text = loweredBody(message);
  return limit >= text.length ? text : text.slice(0, limit);
}

const loweredBody: (message: BounceMessage) => string = perMessage((message) => {
  const body = bodyText(message);
  return body === message.text() ? message.lowerText() : body.slice(0, LOWER_LIMIT).toLowerCase();
});

/** One "<address>:" block of a qmail-style notice and the lines under it. */
export interface AddressBlock {
  recipient: string;
  words: string[];
}

/**
 * The "<address>:" blocks that follow `marker` in a qmail-style notice, up to a "--- "
 * separator line: each address with the non-empty lines under it (at most 500 blocks of
 * 50 lines).
 */
export function addressBlocks(
  text: string,
  marker: string,
  isAddress: (value: string) => boolean,
): AddressBlock[] {
  const blocks: AddressBlock[] = [];
  let inside = false;
  let current: AddressBlock | null = null;
  for (const line of linesOf(text, 5000)) {
    const trimmed = line.trim();
    if (trimmed.includes(marker)) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (trimmed.startsWith("--- ")) break;
    const head = /^<([^<>\s]+)>:$/.exec(trimmed);
    if (head && isAddress(head[1] as string)) {
      if (blocks.length >= 500) break;
      current = { recipient: head[1] as string, words: [] };
      blocks.push(current);
      continue;
    }
    if (current && trimmed !== "" && current.words.length < 50) current.words.push(trimmed);
  }
  return blocks;
}
