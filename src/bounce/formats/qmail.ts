/**
 * qmail (and netqmail, notqmail, s/qmail): the "failure notice" of qmail-send.
 *
 *   Hi. This is the qmail-send program at mx.example.net.
 *   I'm afraid I wasn't able to deliver your message to the following addresses.
 *   This is a permanent error; I've given up. Sorry it didn't work out.
 *
 *   <ann@example.org>:
 *   192.0.2.1 does not like recipient.
 *   Remote host said: 550 5.1.1 <ann@example.org>: User unknown
 *   Giving up on 192.0.2.1.
 *
 *   --- Below this line is a copy of the message.
 *
 * qmail's own errors end with its status code in parentheses: "(#5.1.1)". A block that ends
 * "I'm not going to try again; this message has been in the queue too long." gave up after
 * retrying.
 */
import { mapArray } from "../../arrays.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, RawRecipient } from "../types.js";
import { causeOf } from "./postfix.js";
import { bodyText, cleanedDiagnostic, enhancedStatusIn, linesOf } from "./text.js";

const INTRO = "I'm afraid I wasn't able to deliver your message";
const COPY_MARKERS = [
  "--- Below this line is a copy of the message",
  "--- Enclosed is a copy of the message",
];
const QUEUE_TOO_LONG = "I'm not going to try again; this message has been in the queue too long.";

/** What qmail-remote says happened, and the command it points at. */
const EVENTS: [string, SmtpCommand][] = [
  [" does not like recipient.", "RCPT"],
  [" but sender was rejected.", "MAIL"],
  [" but my name was rejected.", "HELO"],
  [" but greeting failed.", "CONNECT"],
  [" failed after I sent the message.", "DATA-END"],
  [" failed on DATA command.", "DATA"],
  [" but connection died.", "CONNECT"],
];

export const qmail: BounceFormat = {
  id: "qmail",
  name: "qmail",
  detect: (message) => {
    const text = bodyText(message).slice(0, 20_000);
    if (text.includes("This is the qmail-send program")) return true;
    return text.includes(INTRO) && text.includes("Sorry it didn't work out.");
  },
  parse: (message) => {
    const recipients = readRecipients(bodyText(message));
    if (recipients.length === 0) return null;
    const host = /This is the qmail-send program at ([A-Za-z0-9.-]{1,255})/.exec(
      bodyText(message).slice(0, 4000),
    );
    return { recipients, reportingMta: host ? (host[1] as string).replace(/\.$/, "") : null };
  },
};

function readRecipients(text: string): RawRecipient[] {
  const lines = linesOf(text);
  let start = lines.findIndex((line) => line.includes(INTRO));
  if (start < 0) start = 0;
  const blocks: { recipient: string; lines: string[] }[] = [];
  for (let i = start; i < lines.length && i - start < 10_000; i++) {
    const line = (lines[i] as string).trim();
    if (COPY_MARKERS.some((marker) => line.startsWith(marker))) break;
    const head = /^<([^<>\s]{1,512})>:(?:\s+(.*))?$/.exec(line);
    if (head) {
      blocks.push({ recipient: head[1] as string, lines: head[2] ? [head[2]] : [] });
      continue;
    }
    const block = blocks[blocks.length - 1];
    if (block && line !== "" && block.lines.length < 200) block.lines.push(line);
  }
  return mapArray(blocks, (block) => readBlock(block.recipient, block.lines));
}

function readBlock(recipient: string, lines: string[]): RawRecipient {
  let command: SmtpCommand | null = null;
  let remoteMta: string | null = null;
  let gaveUp = false;
  const own: string[] = [];
  const reply: string[] = [];
  let inReply = false;
  for (let line of lines) {
    // Some builds prefix each block with the envelope: "From: <a@b> RCPT: <c@d> 192.0.2.1 does not …"
    const envelope = /^From: <[^<>]{0,512}> RCPT: <[^<>]{0,512}> /.exec(line);
    if (envelope) line = line.slice(envelope[0].length);
    // The sentence may be wrapped: "…(#4.4.3)I'm not going to try again; this" / "message has been …".
    if (line.startsWith(QUEUE_TOO_LONG) || (line.length > 12 && QUEUE_TOO_LONG.endsWith(line))) {
      gaveUp = true;
      continue;
    }
    const glued = line.indexOf("I'm not going to try again;");
    if (glued > 0) {
      // "Unable to contact LDAP server. (#4.4.3)I'm not going to try again; this"
      gaveUp = true;
      line = line.slice(0, glued);
    }
    if (/^Giving up on \S{1,255}\.$/.test(line) || line.startsWith("(Other MXes tried:")) continue;
    const event = EVENTS.find(([words]) => line.endsWith(words));
    if (event) {
      command = event[1];
      remoteMta = /^(?:Connected to )?(\S{1,255}?)(?: | but )/.exec(line)?.[1] ?? null;
      continue;
    }
    if (line.startsWith("Remote host said: ")) {
      inReply = true;
      reply.push(line.slice(18));
      continue;
    }
    // "Sorry, no SMTP connection got far enough; most progress was RCPT TO response; remote host 192.0.2.1 said: 550 …"
    const progress = /most progress was (.{1,40}?) response; remote host (\S{1,255}) said: ?/i.exec(line);
    if (progress) {
      command = commandOfProgress(progress[1] as string);
      remoteMta = progress[2] as string;
      inReply = true;
      reply.push(line.slice(progress.index + progress[0].length));
      continue;
    }
    if (inReply) reply.push(line);
    else own.push(line);
  }
  const diagnostic = cleanedDiagnostic(reply.length > 0 ? reply.join(" ") : own.join(" "));
  // The remote server's enhanced code is the more precise; qmail's own "(#5.1.1)" otherwise.
  const qmailCode = /\(#([245]\.\d{1,3}\.\d{1,3})\)/.exec(lines.join(" "))?.[1] ?? null;
  const status = enhancedStatusIn(reply.join(" ")) ?? qmailCode;
  const raw: RawRecipient = {
    recipient,
    action: "failed",
    status,
    diagnosticCode: diagnostic || null,
    command,
    remoteMta,
  };
  if (gaveUp) {
    // The last error before giving up is the better reason when it names one.
    const cause = diagnostic ? causeOf(diagnostic, false) : null;
    raw.reason = cause ?? "expired";
    raw.reasonIsFinal = cause !== null;
  } else if (/^vdelivermail: /i.test(diagnostic) || /^child status /i.test(diagnostic)) {
    // vpopmail's delivery agent failed locally; its words may still name a cause.
    const cause = causeOf(diagnostic, false);
    if (cause === null) raw.reason = "mailererror";
  }
  return raw;
}

function commandOfProgress(words: string): SmtpCommand | null {
  const upper = words.toUpperCase();
  if (upper.startsWith("RCPT")) return "RCPT";
  if (upper.startsWith("MAIL")) return "MAIL";
  if (upper.startsWith("DATA")) return "DATA";
  if (upper.includes("GREETING") || upper.includes("CONNECT")) return "CONNECT";
  if (upper.startsWith("HELO") || upper.startsWith("EHLO")) return "HELO";
  return null;
}
