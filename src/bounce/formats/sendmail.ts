/**
 * Sendmail: "Returned mail: see transcript for details", "Postmaster notify: …",
 * "Warning: could not send message for past 4 hours".
 *
 * The first part is Sendmail's own text:
 *
 *      ----- The following addresses had permanent fatal errors -----
 *   <ann@example.org>
 *       (reason: 550 5.1.1 <ann@example.org>... User unknown)
 *
 *      ----- Transcript of session follows -----
 *   ... while talking to mx.example.org.:
 *   >>> DATA
 *   <<< 550 5.1.1 <ann@example.org>... User unknown
 *   550 5.1.1 <ann@example.org>... User unknown
 *   <<< 503 5.0.0 Need RCPT (recipient)
 *
 * then a message/delivery-status part. The DSN part gives the recipients and their fields;
 * the transcript gives the command, the whole (multi-line) reply of the remote server,
 * and, for local failures, the words of Sendmail and of the delivery program. The
 * transcript reader is shared with the pre-DSN Sendmail module (v5sendmail.ts).
 */
import { mapArray } from "../../arrays.js";
import { collapseWhiteSpace } from "../../strings.js";
import type { SmtpCommand } from "../../types.js";
import { parseDeliveryStatus, recipientAddress, statusCode, typedValue } from "../dsn.js";
import { fullRecipient } from "../recipient.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, cleanedDiagnostic, commandIn, enhancedStatusIn, linesOf } from "./text.js";

const TRANSCRIPT_MARKER = "----- Transcript of session follows -----";
const LIST_MARKER = "----- The following addresses had ";
const SUBJECTS = [
  "returned mail:",
  "postmaster notify:",
  "warning: could not send message",
  "postmaster warning:",
];

export const sendmail: BounceFormat = {
  id: "sendmail",
  name: "Sendmail",
  detect: (message) => {
    const text = bodyText(message).slice(0, 200_000);
    if (!text.includes(TRANSCRIPT_MARKER)) return false;
    // Sendmail before DSNs (V5) returns the message after "Unsent message follows" instead.
    if (text.includes("----- Unsent message follows -----") && message.deliveryStatus() === null)
      return false;
    const subject = message.subject
      .trim()
      .toLowerCase()
      .replace(/^(fwd?|fw):\s*/, "");
    return (
      SUBJECTS.some((start) => subject.startsWith(start)) ||
      text.includes("addresses had permanent fatal errors") ||
      text.includes("addresses had transient non-fatal errors") ||
      text.toLowerCase().includes("... while talking to ")
    );
  },
  parse: (message) => parseSendmail(message),
};

// ---------------------------------------------------------------------------------------
// The transcript.

/** One reply of the remote server in a transcript ("<<< 550 5.1.1 …"), its lines joined later. */
export interface TranscriptReply {
  /** The host named by the last "... while talking to host:" line. */
  host: string | null;
  /** The command line it answered, as written after ">>> "; null for the greeting. */
  sent: string | null;
  command: SmtpCommand | null;
  lines: string[];
  code: number | null;
}

/**
 * A line Sendmail wrote itself: "550 5.1.1 <ann@example.org>... User unknown",
 * "<ann@example.org>... Deferred: Connection refused by mx.example.org.",
 * "421 example.org (smtp)... Deferred: …", "554 5.3.0 unknown mailer error 255".
 */
export interface TranscriptNote {
  text: string;
  /** What the line is about, before "... ": an address, a local name or a "|program". */
  subject: string | null;
  /** The line is about a host ("example.org (smtp)"), not a recipient. */
  hostLevel: boolean;
  code: number | null;
  /** The remote reply this line reports, when it follows one. */
  reply: TranscriptReply | null;
  /** Output of a local delivery program written just before this line. */
  output: string[];
}

export interface Transcript {
  replies: TranscriptReply[];
  notes: TranscriptNote[];
  /** "Message could not be delivered for 5 days": the queue lifetime ran out. */
  expired: string | null;
  /** Lines no Sendmail line followed: the output of a delivery program ("Permission denied"). */
  output: string[];
  /** The refusals, prepared for matching: worked out on first use. */
  failing?: FailingReply[];
  /** Sendmail's lines by the address they name: worked out on first use. */
  bySubject?: Map<string, TranscriptNote>;
}

const QUEUE_LINES = [
  "message will be deleted from queue",
  "warning: message still undelivered after",
  "will keep trying until message is",
];

/** Read the lines of a transcript (the lines after "Transcript of session follows"). */
export function readTranscript(lines: readonly string[]): Transcript {
  const replies: TranscriptReply[] = [];
  const notes: TranscriptNote[] = [];
  let expired: string | null = null;
  let host: string | null = null;
  let sent: string | null = null;
  let command: SmtpCommand | null = "CONNECT";
  let group: TranscriptReply[] = [];
  let open: TranscriptReply | null = null;
  let pending: TranscriptReply | null = null;
  let output: string[] = [];
  let lastNote: TranscriptNote | null = null;

  const closeGroup = () => {
    // With PIPELINING, Sendmail sends RCPT and DATA together and logs the RCPT replies
    // under ">>> DATA"; the last reply ("503 Need RCPT", "554 no valid recipients") is the
    // one DATA got, the ones before it answered RCPT.
    if (command === "DATA" && group.length >= 2) {
      const last = group[group.length - 1] as TranscriptReply;
      const words = last.lines.join(" ").toLowerCase();
      if (words.includes("rcpt") || words.includes("recipient")) {
        for (const reply of group.slice(0, -1)) reply.command = "RCPT";
      }
    }
    group = [];
  };

  for (const line of lines.length > 5000 ? lines.slice(0, 5000) : lines) {
    const trimmed = line.trim();
    if (trimmed === "") {
      open = null;
      lastNote = null;
      continue;
    }
    const lower = trimmed.toLowerCase();
    const talking = lower.startsWith("... while talking to ")
      ? 21
      : lower.startsWith("while talking to ")
        ? 17
        : -1;
    if (talking > 0) {
      closeGroup();
      host = trimmed.slice(talking).replace(/:$/, "").replace(/\.$/, "").trim() || null;
      sent = null;
      command = "CONNECT";
      open = null;
      pending = null;
      lastNote = null;
      continue;
    }
    if (trimmed.startsWith(">>>")) {
      closeGroup();
      sent = trimmed.slice(3).trim();
      command = commandSent(sent);
      open = null;
      lastNote = null;
      continue;
    }
    if (trimmed.startsWith("<<<")) {
      const text = trimmed.slice(3).trim();
      lastNote = null;
      if (open) {
        if (open.lines.length < 100) open.lines.push(text.slice(0, 2000));
        if (!continues(text)) open = null;
        continue;
      }
      const reply: TranscriptReply = {
        host,
        sent,
        command,
        lines: [text.slice(0, 2000)],
        code: leadingCode(text),
      };
      replies.push(reply);
      group.push(reply);
      pending = reply;
      open = continues(text) ? reply : null;
      continue;
    }
    open = null;
    if (line.length > trimmed.length && /^\s/.test(line)) {
      // An indented line continues the line before it.
      if (lastNote) lastNote.text = `${lastNote.text} ${trimmed}`;
      else if (output.length > 0) output[output.length - 1] = `${output[output.length - 1]} ${trimmed}`;
      continue;
    }
    if (lower.startsWith("message could not be delivered for")) {
      expired = trimmed;
      lastNote = null;
      continue;
    }
    if (QUEUE_LINES.some((start) => lower.startsWith(start))) {
      lastNote = null;
      continue;
    }
    const note = readNote(trimmed);
    if (note === null) {
      if (output.length < 50) output.push(trimmed);
      lastNote = null;
      continue;
    }
    note.output = output;
    output = [];
    if (note.subject !== null && !note.hostLevel && pending) {
      // Sendmail names a recipient only for a refusal of that recipient: a reply logged
      // under ">>> DATA" and reported for an address was the pipelined RCPT's.
      if (pending.command === "DATA") pending.command = "RCPT";
      note.reply = pending;
      pending = null;
    }
    notes.push(note);
    lastNote = note;
  }
  closeGroup();
  return { replies, notes, expired, output };
}

/** A line of Sendmail's own, or null for anything else (a delivery program's output). */
function readNote(line: string): TranscriptNote | null {
  const code = leadingCode(line);
  let rest = code === null ? line : line.slice(4).trimStart();
  if (code !== null) {
    const enhanced = enhancedStatusIn(rest.slice(0, 12));
    if (enhanced && rest.startsWith(enhanced)) rest = rest.slice(enhanced.length).trimStart();
  }
  const dots = rest.indexOf("... ");
  const about = dots > 0 && dots < 512 ? rest.slice(0, dots).trim() : null;
  if (about === null && code === null) {
    // "ann... Deferred: …" without a space is not Sendmail's; a bare "<ann@b>..." line is.
    if (!(rest.endsWith("...") && rest.startsWith("<"))) return null;
  }
  const hostLevel = about !== null && /\((smtp|esmtp|tcp|local|prog)\)$/i.test(about);
  return {
    text: line,
    subject: about,
    hostLevel,
    code,
    reply: null,
    output: [],
  };
}

/** "550-…" is followed by more lines of the same reply. */
function continues(text: string): boolean {
  return /^\d{3}-/.test(text);
}

function leadingCode(text: string): number | null {
  const match = /^([2-5]\d\d)(?:[ -]|$)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** The command of a ">>> " line: "MAIL From:<…> SIZE=…", "RCPT To:<…>", "DATA", ".". */
export function commandSent(sent: string): SmtpCommand | null {
  const word = sent.trim().toUpperCase();
  if (word === ".") return "DATA-END";
  for (const [start, command] of SENT_COMMANDS) if (word.startsWith(start)) return command;
  return null;
}

/** How a ">>> " line starts, by command (a table rather than a test each: less for the compiler). */
const SENT_COMMANDS: readonly (readonly [string, SmtpCommand])[] = [
  ["MAIL", "MAIL"],
  ["RCPT", "RCPT"],
  ["DATA", "DATA"],
  ["EHLO", "EHLO"],
  ["HELO", "HELO"],
  ["STARTTLS", "STARTTLS"],
  ["AUTH", "AUTH"],
  ["QUIT", "QUIT"],
  ["RSET", "RSET"],
  ["BDAT", "BDAT"],
];

/**
 * A multi-line reply on one line, the repeated code prefixes dropped:
 * ["552-5.7.0 This message", "552 5.7.0 was blocked."] → "552 5.7.0 This message was blocked.".
 */
export function mergedReply(lines: readonly string[]): string {
  if (lines.length === 1) return cleanedDiagnostic(lines[0] as string);
  const last = lines[lines.length - 1] as string;
  const code = leadingCode(last) ?? leadingCode(lines[0] as string);
  if (code === null) return cleanedDiagnostic(lines.join(" "));
  const prefix = String(code);
  let enhanced: string | null = null;
  const texts: string[] = [];
  for (const line of lines) {
    let rest = line.startsWith(prefix) ? line.slice(3).replace(/^[ -]/, "") : line;
    const found = enhancedStatusIn(rest.slice(0, 12));
    if (found && rest.startsWith(found)) {
      enhanced = enhanced ?? found;
      if (found === enhanced) rest = rest.slice(found.length);
    }
    texts.push(rest.trim());
  }
  return cleanedDiagnostic(`${prefix} ${enhanced ? `${enhanced} ` : ""}${texts.join(" ")}`);
}

/** The lines of a section: after the line containing `marker`, up to the next "-----" line. */
export function sectionAfter(lines: readonly string[], marker: string): string[] | null {
  const start = lines.findIndex((line) => line.includes(marker));
  if (start < 0) return null;
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && out.length < 5000; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (
      trimmed.startsWith("-----") ||
      trimmed.startsWith("--=") ||
      /^(Reporting-MTA|Final-Recipient):/i.test(trimmed)
    )
      break;
    out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The list of addresses above the transcript.

interface ListedAddress {
  address: string;
  /** "(reason: 550 5.1.1 …)" */
  reason: string | null;
  /** The address a "|program" or local name was expanded from. */
  expandedFrom: string | null;
  delayed: boolean;
}

function readList(lines: readonly string[]): ListedAddress[] {
  const out: ListedAddress[] = [];
  let inside = false;
  let delayed = false;
  for (const line of lines.length > 20_000 ? lines.slice(0, 20_000) : lines) {
    const trimmed = line.trim();
    if (trimmed.includes(LIST_MARKER)) {
      inside = true;
      delayed = trimmed.includes("non-fatal") || trimmed.includes("transient");
      continue;
    }
    if (!inside) continue;
    if (trimmed.startsWith("-----")) {
      inside = false;
      continue;
    }
    if (trimmed === "") continue;
    const last = out[out.length - 1];
    if (trimmed.startsWith("(") && last) {
      const lower = trimmed.toLowerCase();
      const body = trimmed.replace(/^\(/, "").replace(/\)$/, "");
      if (lower.startsWith("(reason:")) last.reason = body.slice(7).trim();
      else if (lower.startsWith("(expanded from:"))
        last.expandedFrom = body.slice(14).trim().replace(/^<|>$/g, "");
      continue;
    }
    if (out.length >= 500) break;
    out.push({ address: unbracket(trimmed), reason: null, expandedFrom: null, delayed });
  }
  return out;
}

function unbracket(text: string): string {
  let value = text.trim();
  if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const open = value.indexOf("<");
  const close = value.indexOf(">", open + 1);
  if (open >= 0 && close > open) return value.slice(open + 1, close).trim();
  return value;
}

// ---------------------------------------------------------------------------------------
// Putting it together.

/** One DSN recipient with the fields the common reader does not keep. */
interface DsnRecipient {
  raw: RawRecipient;
  /** The Diagnostic-Code type ("smtp", "x-unix"). */
  diagnosticType: string;
  /** The diagnostic as written (before an exit status is set aside). */
  diagnostic: string | null;
}

function dsnRecipients(text: string): { recipients: DsnRecipient[]; reportingMta: string | null } {
  const dsn = parseDeliveryStatus(text);
  const recipients: DsnRecipient[] = [];
  for (const fields of dsn.recipients) {
    const recipient =
      recipientAddress(fields["final-recipient"]) ?? recipientAddress(fields["original-recipient"]);
    if (!recipient) continue;
    const original = recipientAddress(fields["original-recipient"]);
    const rawDiagnostic = fields["diagnostic-code"] ?? "";
    const semi = rawDiagnostic.indexOf(";");
    const diagnosticType = semi > 0 && semi < 24 ? rawDiagnostic.slice(0, semi).trim().toLowerCase() : "";
    recipients.push({
      raw: {
        recipient,
        originalRecipient: original && original.toLowerCase() !== recipient.toLowerCase() ? original : null,
        action: (fields.action ?? "").trim().toLowerCase() || null,
        status: statusCode(fields.status),
        remoteMta: typedValue(fields["remote-mta"]),
        lastAttemptDate: fields["last-attempt-date"] ?? null,
      },
      diagnosticType,
      diagnostic: typedValue(fields["diagnostic-code"]),
    });
  }
  return { recipients, reportingMta: typedValue(dsn.message["reporting-mta"]) };
}

/** Lines of the human text; a forwarded bounce quoted with "> " is unquoted. */
function textLines(message: BounceMessage): string[] {
  const lines = linesOf(bodyText(message));
  const marker = lines.find((line) => line.includes(TRANSCRIPT_MARKER) || line.includes(LIST_MARKER));
  if (marker === undefined || !marker.trimStart().startsWith(">")) return lines;
  return mapArray(lines, (line) =>
    line.startsWith("> ") ? line.slice(2) : line.startsWith(">") ? line.slice(1) : line,
  );
}

/** The DSN fields written into the text itself (a forwarded bounce flattened to one part). */
function inlineDeliveryStatus(lines: readonly string[]): string | null {
  const start = lines.findIndex((line) => /^(Reporting-MTA|Final-Recipient):/i.test(line.trim()));
  if (start < 0) return null;
  return mapArray(lines.slice(start, start + 400), (line) => line.trimEnd()).join("\n");
}

function parseSendmail(message: BounceMessage): FormatResult | null {
  const lines = textLines(message);
  const transcript = readTranscript(sectionAfter(lines, TRANSCRIPT_MARKER) ?? []);
  const listed = readList(lines);
  const part = message.deliveryStatus();
  const dsnText = part ? message.partText(part) : inlineDeliveryStatus(lines);
  const dsn = dsnText ? dsnRecipients(dsnText) : { recipients: [], reportingMta: null };

  const recipients: RawRecipient[] = [];
  if (dsn.recipients.length > 0) {
    for (const [index, entry] of dsn.recipients.slice(0, 1000).entries()) {
      const raw = { ...entry.raw };
      if (!isAddress(raw.recipient)) {
        // "Final-Recipient: RFC822; @mx.example.org": the list above the transcript knows better.
        const listedAddress = listed[index]?.address;
        const better = listedAddress && isAddress(listedAddress) ? listedAddress : null;
        if (better) raw.recipient = better;
      }
      const exitStatus = entry.diagnosticType === "x-unix" || /^\d{1,3}$/.test(entry.diagnostic ?? "");
      recipients.push(
        explainFromTranscript(
          raw,
          exitStatus ? null : entry.diagnostic,
          transcript,
          exitStatus,
          listed[index],
        ),
      );
    }
  } else {
    for (const entry of listed) {
      const address = isAddress(entry.address) ? entry.address : (entry.expandedFrom ?? entry.address);
      if (!isAddress(address)) continue;
      const raw: RawRecipient = { recipient: address, action: entry.delayed ? "delayed" : "failed" };
      recipients.push(explainFromTranscript(raw, entry.reason, transcript, false, entry));
    }
  }
  if (recipients.length === 0) return null;
  return { recipients, reportingMta: dsn.reportingMta };
}

/** A mailbox address ("local@domain.tld"), checked without a regular expression. */
export function isAddress(value: string | null | undefined): value is string {
  if (!value || value.length > 320) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32 || c === 60 || c === 62) return false;
  }
  const at = value.lastIndexOf("@");
  return at > 0 && at < value.length - 1 && value.indexOf(".", at) > at + 1;
}

/** Fill a recipient's diagnostic, command and status from the transcript. */
function explainFromTranscript(
  raw: RawRecipient,
  dsnDiagnostic: string | null,
  transcript: Transcript,
  exitStatus: boolean,
  listed: ListedAddress | undefined,
): RawRecipient {
  const out = fullRecipient(raw);
  // "(reason: 255)" is a delivery program's exit status, not a diagnostic.
  const listedReason = listed?.reason && !/^\d{1,3}$/.test(listed.reason) ? listed.reason : null;
  const found = transcriptFor(raw.recipient, dsnDiagnostic ?? listedReason, transcript, listed);
  let diagnostic = dsnDiagnostic;
  if (found.reply) {
    diagnostic = mergedReply(found.reply.lines);
    out.command = found.reply.command;
    if (!out.remoteMta && found.reply.host) out.remoteMta = found.reply.host;
  } else if (found.note) {
    diagnostic = noteText(found.note);
  } else if (diagnostic) {
    out.command = commandIn(diagnostic);
  } else if (listedReason) {
    diagnostic = listedReason;
  } else if (exitStatus && transcript.output.length > 0) {
    diagnostic = transcript.output.join(" ");
  }
  if (diagnostic) out.diagnosticCode = cleanedDiagnostic(diagnostic);
  if (!out.command) out.command = diagnostic ? commandIn(diagnostic) : null;
  out.status = preciseStatus(out.status ?? null, diagnostic);
  if (exitStatus) {
    // "Diagnostic-Code: X-Unix; 75": a local delivery program (procmail, a "|script") failed.
    out.reason = "mailererror";
  } else if (!diagnostic && transcript.expired) {
    // "Message could not be delivered for 5 days" and nothing else: the queue lifetime ran out.
    out.reason = "expired";
    out.diagnosticCode = transcript.expired;
  }
  return out;
}

/** A note as a diagnostic: "550 5.1.2 <a@b>... Host unknown (…)", or the words after "<a@b>... ". */
function noteText(note: TranscriptNote): string {
  let text = note.text;
  if (note.code === null && note.subject !== null) {
    const dots = text.indexOf("... ");
    if (dots > 0) text = text.slice(dots + 4);
  }
  if (note.output.length > 0) text = `${text} (${note.output.join(" ")})`;
  return text;
}

/**
 * The status: the enhanced code of the server's reply when it says more than the DSN
 * (DSN "5.0.0" or the "4.4.7" of an expired message, reply "550 5.7.1 …"), else the DSN's.
 */
export function preciseStatus(status: string | null, diagnostic: string | null): string | null {
  const found = diagnostic ? enhancedStatusIn(diagnostic.slice(0, 40)) : null;
  if (found === null) return status;
  if (status === null) return found;
  return found.endsWith(".0.0") ? status : found;
}

/** Sendmail's lines about a recipient, by the address (or local name) they name, lower-cased. */
function notesBySubject(transcript: Transcript): Map<string, TranscriptNote> {
  let map = transcript.bySubject;
  if (map === undefined) {
    map = new Map();
    for (const note of transcript.notes) {
      if (note.subject === null || note.hostLevel) continue;
      const key = unbracket(note.subject).toLowerCase();
      if (key !== "" && !map.has(key)) map.set(key, note);
    }
    transcript.bySubject = map;
  }
  return map;
}

function normalised(text: string): string {
  return collapseWhiteSpace(text).toLowerCase();
}

/** "550 5.1.1 …" → its reply code and enhanced code. */
function codesOf(text: string): { code: string; enhanced: string | null } | null {
  const code = /^\d{3}/.exec(text);
  if (!code) return null;
  const rest = text.slice(3).replace(/^[ -]/, "");
  const enhanced = enhancedStatusIn(rest.slice(0, 12));
  return { code: code[0], enhanced: enhanced && rest.startsWith(enhanced) ? enhanced : null };
}

interface FailingReply {
  reply: TranscriptReply;
  /** The command line sent, lower-cased. */
  sent: string;
  /** The first line, normalised. */
  first: string;
  /** Addresses named in the reply, lower-cased. */
  addresses: Set<string>;
}

/** The refusals of the transcript, with what matching needs worked out once. */
function failingReplies(transcript: Transcript): FailingReply[] {
  let list = transcript.failing;
  if (list === undefined) {
    list = mapArray(
      transcript.replies.filter((reply) => reply.code === null || reply.code >= 400),
      (reply) => ({
        reply,
        sent: (reply.sent ?? "").toLowerCase(),
        first: normalised(reply.lines[0] as string),
        addresses: new Set(mapArray(addressesIn(reply.lines.join(" "), 20), (found) => found.toLowerCase())),
      }),
    );
    transcript.failing = list;
  }
  return list;
}

/** Which reply or note of the transcript tells about this recipient. */
function transcriptFor(
  recipient: string,
  diagnostic: string | null,
  transcript: Transcript,
  listed: ListedAddress | undefined,
): { reply?: TranscriptReply; note?: TranscriptNote } {
  const address = recipient.toLowerCase();
  const failures = failingReplies(transcript);
  // Sendmail's own line about the address, and the reply it reports.
  const note =
    noteAbout(transcript, address) ??
    (listed?.address && listed.address.toLowerCase() !== address
      ? noteAbout(transcript, listed.address.toLowerCase())
      : undefined);
  if (note) return note.reply ? { reply: note.reply } : { note };
  // A reply to "RCPT To:<address>", or one that names the address.
  const bracketed = `<${address}>`;
  for (let i = 0; i < failures.length; i++) {
    const failure = failures[i] as FailingReply;
    if (failure.sent.includes(bracketed)) return { reply: failure.reply };
  }
  for (let i = 0; i < failures.length; i++) {
    const failure = failures[i] as FailingReply;
    if (failure.addresses.has(address)) return { reply: failure.reply };
  }
  if (diagnostic) return copiedReply(diagnostic, failures, transcript);
  // No DSN diagnostic: the first failure the remote server gave, else Sendmail's own words.
  for (let i = 0; i < failures.length; i++) {
    const { reply } = failures[i] as FailingReply;
    if (reply.command !== "QUIT" && reply.command !== "RSET") return { reply };
  }
  let any: TranscriptNote | undefined;
  for (let i = 0; i < transcript.notes.length; i++) {
    const candidate = transcript.notes[i] as TranscriptNote;
    if (candidate.hostLevel) continue;
    if (candidate.code !== null) return { note: candidate };
    any ??= candidate;
  }
  return any ? { note: any } : {};
}

/** Sendmail's line about an address ("kijitora... Deferred": a local name stands for the local part). */
function noteAbout(transcript: Transcript, alias: string): TranscriptNote | undefined {
  const bySubject = notesBySubject(transcript);
  return bySubject.get(alias) ?? bySubject.get(alias.slice(0, Math.max(0, alias.indexOf("@"))));
}

/** The reply a DSN's Diagnostic-Code was copied from (often only its first line), else Sendmail's fuller line. */
function copiedReply(
  diagnostic: string,
  failures: readonly FailingReply[],
  transcript: Transcript,
): { reply?: TranscriptReply; note?: TranscriptNote } {
  const wanted = normalised(diagnostic.slice(0, 2000));
  for (const { reply, first } of failures) {
    if (first !== "" && (wanted.startsWith(first) || first.startsWith(wanted))) return { reply };
  }
  const wantedCode = codesOf(wanted);
  if (wantedCode?.enhanced) {
    for (const { reply, first } of failures) {
      const code = codesOf(first);
      if (code && code.code === wantedCode.code && code.enhanced === wantedCode.enhanced) return { reply };
    }
  }
  // Sendmail's fuller line that the DSN shortened: "554 5.4.6 Too many hops 26 (25 max): …".
  for (const note of transcript.notes) {
    if (note.code !== null && normalised(note.text).startsWith(wanted)) return { note };
  }
  return {};
}
