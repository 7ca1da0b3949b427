/**
 * Exim: "Mail delivery failed: returning message to sender", "Warning: message … delayed",
 * "Mail failure - malformed recipient address". The report lists each address indented by
 * two spaces, its details by four:
 *
 *   The following address(es) failed:
 *
 *     ann@example.org
 *       SMTP error from remote mail server after RCPT TO:<ann@example.org>:
 *       host mx.example.org [192.0.2.1]: 550 5.1.1 User unknown
 *
 * Newer versions add a message/delivery-status part (its Final-Recipient may be a pipe or
 * a file, so the text decides the addresses), and the X-Failed-Recipients header names the
 * failed addresses when a line shows none (a "save to" file).
 */
import { mapArray } from "../../arrays.js";
import { collapseWhiteSpace } from "../../strings.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, BounceMessage, RawRecipient } from "../types.js";
import { causeOf, namesCause } from "./postfix.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, bodyText, cleanedDiagnostic, commandNamed, linesOf, refinedStatus } from "./text.js";

/** Lines that open the list of addresses. */
const LIST_OPENERS = [
  "address(es) failed:",
  "addresses failed:",
  "has not yet been delivered is:",
  "have not yet been delivered are:",
  "incorrectly constructed:",
];

/** Lines that end it: the returned message, or the closing paragraph of a warning. */
const LIST_CLOSERS = [
  "------ This is a copy of the message",
  "----- This is a copy of the message",
  "------ The body of the message is",
  "------ This is a copy of your message",
  "------ This is a copy of the original message",
  "No action is required on your part",
  "This address has been ignored.",
  "These addresses have been ignored.",
  "The other addresses in the message were",
  "Reporting-MTA:",
];

interface Block {
  /** The address line as written ("ann@example.org", "pipe to |/usr/bin/x", "save to /var/mail/x"). */
  head: string;
  details: string[];
  /** Text written by a local program ("The following text was generated during the delivery attempt"). */
  output: string[];
}

export const exim: BounceFormat = {
  id: "exim",
  name: "Exim",
  detect: (message) => {
    const text = bodyText(message).slice(0, 20_000);
    if (text.includes("This message was created automatically by mail delivery software.")) return true;
    const subject = message.subject.toLowerCase();
    const fromDaemon = message.from.includes("mailer-daemon");
    if (!fromDaemon) return false;
    if (/^warning: message \S+ delayed/.test(subject)) return true;
    // Exim's template under other subjects, and MTAs that copy it (Salesforce's "(Undelivered)").
    return (
      text.includes("address(es) failed:") ||
      (subject.startsWith("mail failure - ") && text.includes("incorrectly constructed"))
    );
  },
  parse: (message) => {
    const text = bodyText(message);
    const blocks = readBlocks(text);
    if (blocks.length === 0) return null;
    const failed = mapArray((message.header("x-failed-recipients") ?? "").split(","), (address) =>
      address.trim(),
    ).filter((address) => address.includes("@"));
    const dsn = readDeliveryStatus(message);
    const subject = message.subject.toLowerCase();
    const delayed = subject.startsWith("warning: message") || /has not yet been delivered/.test(text);
    const malformed =
      subject.startsWith("mail failure - malformed") || text.includes("incorrectly constructed");
    const recipients: RawRecipient[] = [];
    for (const [index, block] of blocks.entries()) {
      const raw = readBlock(block, malformed);
      if (raw.recipient === "") {
        // "save to xxxx": the header still names the address.
        const fallback = failed[index] ?? (blocks.length === 1 ? failed[0] : undefined);
        if (!fallback) continue;
        raw.recipient = fallback;
      }
      const fields =
        dsn?.recipients.find((r) => sameAddress(r.recipient, raw.recipient)) ??
        (dsn && dsn.recipients.length === blocks.length ? dsn.recipients[index] : undefined);
      raw.action = delayed ? "delayed" : (fields?.action ?? "failed");
      if (fields) {
        raw.remoteMta = raw.remoteMta ?? fields.remoteMta ?? null;
        raw.diagnosticCode = raw.diagnosticCode || fields.diagnosticCode || null;
        raw.lastAttemptDate = fields.lastAttemptDate ?? null;
        if (fields.originalRecipient && !raw.originalRecipient)
          raw.originalRecipient = fields.originalRecipient;
      }
      raw.status = refinedStatus(fields?.status ?? null, raw.diagnosticCode ?? "");
      recipients.push(raw);
    }
    if (recipients.length === 0) return null;
    return { recipients, reportingMta: dsn?.reportingMta ?? reportingHost(message) };
  },
};

function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/** The address blocks between the list opener and the returned message. */
function readBlocks(text: string): Block[] {
  const lines = linesOf(text);
  let start = -1;
  for (let i = 0; i < lines.length && i < 2000 && start < 0; i++) {
    const line = lines[i] as string;
    if (LIST_OPENERS.some((opener) => line.includes(opener))) start = i + 1;
  }
  if (start < 0) return [];
  const blocks: Block[] = [];
  let inOutput: Block | null = null;
  for (let i = start; i < lines.length && i - start < 5000; i++) {
    const line = lines[i] as string;
    if (LIST_CLOSERS.some((closer) => line.startsWith(closer))) break;
    if (line.trim() === "") continue;
    if (line.startsWith("The following text was generated during the delivery attempt")) {
      inOutput = blocks[blocks.length - 1] ?? null;
      continue;
    }
    if (inOutput) {
      // "------ pipe to |… ------" opens the program's output for one address.
      if (line.startsWith("------ ")) {
        const head = trimDashes(line.slice(7));
        inOutput = blocks.find((block) => block.head === head || head.startsWith(block.head)) ?? inOutput;
        continue;
      }
      if (line.startsWith("       generated by ") || line.trim().endsWith(" ------")) continue;
      if (inOutput.output.length < 100) inOutput.output.push(line.trim());
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed.startsWith(">>> ")) {
      // Salesforce's variant: ">>> ann@example.org (Undelivered): 551 …"
      blocks.push({ head: trimmed.slice(4), details: [], output: [] });
      continue;
    }
    const detail = indent >= 4 || (indent > 0 && /^(host |\(|generated by )/i.test(trimmed));
    if (indent > 0 && !detail) {
      blocks.push({ head: trimmed, details: [], output: [] });
    } else if (detail && blocks.length > 0) {
      const block = blocks[blocks.length - 1] as Block;
      if (block.details.length < 200) block.details.push(trimmed);
    } else if (indent === 0 && blocks.length > 0) {
      // A paragraph of prose after the list ends it.
      break;
    }
  }
  return blocks;
}

/** "pipe to |/usr/bin/x ------" → "pipe to |/usr/bin/x" (a loop: no regex backtracking on long lines). */
function trimDashes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === "-" || text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return text.slice(0, end).trim();
}

/** One address block into a raw recipient (recipient "" when the block names no address). */
function readBlock(block: Block, malformed: boolean): RawRecipient {
  let head = block.head;
  const diagnosticParts: string[] = [];
  let original: string | null = null;
  let generatedBy: string | null = null;
  let remoteMta: string | null = null;
  let command: SmtpCommand | null = null;
  let reason: RawRecipient["reason"] = null;

  if (malformed) {
    // "ann@example.org <bob@example.org>: malformed address: <bob@example.org> may not follow …"
    const colon = head.indexOf(": ");
    const address = colon > 0 ? head.slice(0, colon) : head;
    const angle = /<([^<>\s]{1,254}@[^<>\s]{1,254})>/.exec(address);
    const recipient = angle ? (angle[1] as string) : (addressesIn(address, 1)[0] ?? "");
    return {
      recipient,
      diagnosticCode: cleanedDiagnostic([head, ...block.details].join(" ")),
      reason: "syntaxerror",
      reasonIsFinal: true,
    };
  }

  // Salesforce: "ann@example.org (Undelivered): 551 …"
  const undelivered = head.indexOf(" (Undelivered): ");
  if (undelivered > 0) {
    diagnosticParts.push(head.slice(undelivered + 16));
    head = head.slice(0, undelivered);
  }
  // Exim 2/3: "ann@example.org:" and the error on the same or the next lines.
  const headColon = /^(\S{1,512}@\S{1,512}?):(?:\s+(.*))?$/.exec(head);
  if (headColon) {
    head = headColon[1] as string;
    if (headColon[2]) diagnosticParts.push(headColon[2]);
  }
  const local = /^(pipe to |save to |\/|\|)/i.test(head);

  for (const raw of block.details) {
    let line = raw;
    const generated = /^generated by (\S{1,512})/i.exec(line);
    if (generated) {
      generatedBy = generated[1] as string;
      continue;
    }
    const ultimately = /^\((?:ultimately )?generated from (\S{1,512}?)\)$/i.exec(line);
    if (ultimately) {
      original = ultimately[1] as string;
      continue;
    }
    if (line.toLowerCase().startsWith("delay reason: ")) line = line.slice(14);
    diagnosticParts.push(line);
  }
  let diagnostic = collapseWhiteSpace(diagnosticParts.join(" "));

  // "SMTP error from remote mail server after RCPT TO:<ann@example.org>:" (or "remote mailer")
  const after = afterPhrase(diagnostic);
  if (after) {
    command = commandOfPhrase(after.phrase);
    diagnostic = `${diagnostic.slice(0, after.start)} ${diagnostic.slice(after.end)}`.trim();
  }
  // "host mx.example.org [192.0.2.1]: 550 …" or "host mx.example.org [192.0.2.1]" alone.
  const host = /(?:^|\s)host (\S{1,255}) \[[^\]]{0,80}\](?::\d{1,5})?:?(?:\s|$)/i.exec(diagnostic);
  if (host) {
    remoteMta = host[1] as string;
    diagnostic = `${diagnostic.slice(0, host.index)} ${diagnostic.slice(host.index + host[0].length)}`.trim();
  }
  if (local && block.output.length > 0) {
    diagnostic = [diagnostic, block.output.join(" ")].filter((part) => part !== "").join(" ");
  }
  diagnostic = cleanedDiagnostic(diagnostic);

  const lower = diagnostic.toLowerCase();
  let reasonIsFinal = false;
  const gaveUp = GAVE_UP.find((phrase) => lower.includes(phrase));
  if (gaveUp) {
    // Exim gave up retrying. It writes the last error before the words ("mailbox is full:
    // retry timeout exceeded"); when that error names a cause, the cause is the reason.
    let end = lower.indexOf(gaveUp);
    while (end > 0 && (diagnostic[end - 1] === ":" || diagnostic[end - 1] === " ")) end--;
    const lastError = diagnostic.slice(0, end);
    const cause = lastError ? causeOf(lastError, false) : null;
    reason = cause ?? "expired";
    reasonIsFinal = cause !== null;
  } else if (local && (head.toLowerCase().startsWith("pipe to") || head.startsWith("|"))) {
    if (!namesCause(diagnostic)) reason = "mailererror";
  }

  let recipient = "";
  if (!local && head.includes("@")) {
    const angle = /<([^<>\s]{1,512})>/.exec(head);
    recipient = angle ? (angle[1] as string) : (head.split(/\s+/)[0] as string);
  } else if (generatedBy?.includes("@")) {
    recipient = generatedBy;
  }
  if (!diagnostic && local) diagnostic = head;
  return {
    recipient,
    originalRecipient: original,
    diagnosticCode: diagnostic || null,
    command,
    remoteMta,
    reason,
    reasonIsFinal,
  };
}

/** Exim's words for giving up after retrying. */
const GAVE_UP = [
  "retry timeout exceeded",
  "all hosts have been failing for a long time",
  "retry time not reached for any host after a long failure period",
];

const AFTER_MARKERS = ["SMTP error from remote mail server after ", "SMTP error from remote mailer after "];

/**
 * Where "SMTP error from remote mail server after <command>:" sits in a diagnostic, and the
 * command phrase. The phrase ends at the first colon followed by a space (or the end) that is
 * outside angle brackets; old versions wrote "RCPT TO: <ann@example.org>:".
 */
function afterPhrase(text: string): { start: number; end: number; phrase: string } | null {
  const lower = text.toLowerCase();
  for (const marker of AFTER_MARKERS) {
    const start = lower.indexOf(marker.toLowerCase());
    if (start < 0) continue;
    const from = start + marker.length;
    let depth = 0;
    let end = -1;
    for (let i = from; i < text.length && i - from < 1200; i++) {
      const c = text[i];
      if (c === "<") depth++;
      else if (c === ">") depth = Math.max(0, depth - 1);
      else if (c === ":" && depth === 0 && (i + 1 >= text.length || text[i + 1] === " ")) {
        end = i;
        break;
      }
    }
    if (end < 0) return null;
    const phrase = text.slice(from, end);
    let stop = end + 1;
    // "RCPT TO: <ann@example.org>:" — the address after the colon belongs to the phrase.
    const rest = /^ ?<[^<>]{0,512}>:/.exec(text.slice(stop, stop + 520));
    if (rest) stop += rest[0].length;
    return { start, end: stop, phrase };
  }
  return null;
}

/** "RCPT TO:<a@b>", "MAIL FROM:<a@b> SIZE=1543", "end of data", "initial connection", "EHLO host". */
function commandOfPhrase(phrase: string): SmtpCommand | null {
  const lower = phrase.trim().toLowerCase();
  if (lower.startsWith("initial connection")) return "CONNECT";
  if (lower.startsWith("end of data")) return "DATA-END";
  if (lower.startsWith("pipelined data") || lower === "data") return "DATA";
  if (lower.startsWith("pipelined ")) return commandNamed(lower.slice(10));
  return commandNamed(lower);
}

function reportingHost(message: BounceMessage): string | null {
  const at = message.from.lastIndexOf("@");
  if (at < 0) return null;
  const host = /^[a-z0-9.-]{1,255}/.exec(message.from.slice(at + 1));
  return host ? host[0] : null;
}
