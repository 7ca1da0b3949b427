/**
 * Sendmail before DSNs (version 5 and its descendants): a plain-text bounce, no MIME
 * parts, the transcript followed by the returned message:
 *
 *      ----- Transcript of session follows -----
 *   While talking to mail.example.org:
 *   >>> RCPT To:<ann@example.org>
 *   <<< 550 <ann@example.org>, User Unknown
 *   550 <ann@example.org>... User unknown
 *   550 example.net (smtp)... 550 Host unknown
 *   554 <bob@example.net>... 550 Host unknown (Authoritative answer from name server)
 *
 *      ----- Unsent message follows -----
 *
 * Every "NNN <address>... text" line is one recipient; when it follows a reply of the
 * remote server, that reply (and the command before it) is the diagnostic.
 */
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { mergedReply, readTranscript, sectionAfter, type TranscriptNote } from "./sendmail.js";
import { addressesIn, bodyText, cleanedDiagnostic, linesOf } from "./text.js";

const TRANSCRIPT_MARKER = "----- Transcript of session follows -----";
const UNSENT_MARKER = "----- Unsent message follows -----";

export const v5sendmail: BounceFormat = {
  id: "v5sendmail",
  name: "Sendmail (version 5, no DSN)",
  detect: (message) => {
    const text = bodyText(message).slice(0, 200_000);
    return text.includes(TRANSCRIPT_MARKER) && text.includes(UNSENT_MARKER);
  },
  parse: (message) => parseV5(message),
};

function parseV5(message: BounceMessage): FormatResult | null {
  const lines = linesOf(bodyText(message));
  const section = sectionAfter(lines, TRANSCRIPT_MARKER);
  if (section === null) return null;
  const transcript = readTranscript(section);
  // "Returned mail: Cannot send message for 4 days": the queue lifetime ran out.
  const timedOut = /cannot send message for|could not send message for/i.test(message.subject);
  const recipients: RawRecipient[] = [];
  const seen = new Set<string>();
  for (const note of transcript.notes) {
    if (note.subject === null || note.hostLevel) continue;
    const address = note.subject.replace(/^<|>$/g, "").trim();
    if (!address.includes("@") || seen.has(address.toLowerCase()) || recipients.length >= 500) continue;
    seen.add(address.toLowerCase());
    recipients.push(recipientOf(address, note, timedOut));
  }
  if (recipients.length === 0) {
    // Only a line about the host ("421 example.com (smtp)... Deferred: …"): the recipient is
    // the one the returned message was addressed to.
    const to = unsentRecipient(lines);
    const note = transcript.notes[0];
    if (to === null || note === undefined) return null;
    recipients.push(recipientOf(to, note, timedOut));
  }
  return { recipients };
}

function recipientOf(address: string, note: TranscriptNote, timedOut: boolean): RawRecipient {
  const raw: RawRecipient = { recipient: address, action: "failed" };
  if (note.reply) {
    raw.diagnosticCode = mergedReply(note.reply.lines);
    raw.command = note.reply.command;
    raw.remoteMta = note.reply.host;
  } else {
    // "554 <bob@example.net>... 550 Host unknown (…)": the reply after "... " is the error;
    // "550 <ann@example.org>... User unknown" is one as a whole.
    const dots = note.text.indexOf("... ");
    const after = dots > 0 ? note.text.slice(dots + 4) : "";
    raw.diagnosticCode = cleanedDiagnostic(/^[2-5]\d\d\b/.test(after) ? after : note.text);
  }
  if (timedOut) raw.reason = "expired";
  return raw;
}

/** The first address of the To: header of the returned message. */
function unsentRecipient(lines: readonly string[]): string | null {
  const start = lines.findIndex((line) => line.includes(UNSENT_MARKER));
  if (start < 0) return null;
  for (let i = start + 1; i < lines.length && i < start + 200; i++) {
    const line = lines[i] as string;
    if (line === "" && i > start + 1) break;
    if (/^to:/i.test(line)) {
      return addressesIn(line.slice(3), 1)[0] ?? null;
    }
  }
  return null;
}
