/**
 * Postfix: "Undelivered Mail Returned to Sender" and its relatives (delay warnings,
 * success reports, postmaster copies, "Postfix SMTP server: errors from" transcripts).
 *
 * The notification part lists one block per recipient:
 *
 *   <ann@example.org> (expanded from <info@example.org>): host mx.example.org[192.0.2.1]
 *       said: 550 5.1.1 <ann@example.org>: User unknown (in reply to RCPT TO command)
 *
 * and most versions add a message/delivery-status part. The DSN part is the better source
 * for the fields, the text block for the command ("in reply to …") and for bounces without
 * a DSN part (Postfix before 2.3, relays that re-wrap the report as plain text).
 */

import { explain } from "../../reply/explain.js";
import { collapseWhiteSpace } from "../../strings.js";
import type { Reason, SmtpCommand } from "../../types.js";
import { parseDeliveryStatus, recipientAddress, statusCode, typedValue } from "../dsn.js";
import { fullRecipient } from "../recipient.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { bodyText, cleanedDiagnostic, commandIn, commandNamed, linesOf, refinedStatus } from "./text.js";

const SUBJECTS = [
  "undelivered mail returned to sender",
  "delayed mail (still being retried)",
  "successful mail delivery report",
  "mail delivery status report",
  "postmaster copy: undelivered mail",
  "postmaster warning: delayed mail",
  "postmaster copy: delayed mail",
];

const MARKERS = ["This is the mail system at host ", "This is the Postfix program at host "];

/** One recipient block of the notification text. */
interface TextBlock {
  recipient: string;
  original: string | null;
  /** The block's text after "<address>: ", on one line. */
  text: string;
}

/** What a Postfix diagnostic says once its own wrapper words are taken off. */
interface Cleaned {
  diagnostic: string;
  remoteMta: string | null;
  command: SmtpCommand | null;
}

export const postfix: BounceFormat = {
  id: "postfix",
  name: "Postfix",
  detect: (message) => {
    const subject = message.subject.trim().toLowerCase();
    if (subject.startsWith("postfix smtp server: errors from")) return true;
    const text = bodyText(message).slice(0, 20_000);
    if (MARKERS.some((marker) => text.includes(marker))) return true;
    const status = message.deliveryStatus();
    if (status !== null) {
      // Gateways that imitate Postfix's wording write their own X- fields instead.
      const fields = message.partText(status).slice(0, 2000);
      return fields.includes("X-Postfix-Queue-ID:") || fields.includes("X-Postfix-Sender:");
    }
    // Old Postfix, and gateways built on Postfix that rename themselves in its first line
    // ("This is Websense Email Security Gateway at host …"), without a DSN part: Postfix's
    // subject and its apology, in its old or current words.
    return (
      SUBJECTS.includes(subject) &&
      (text.includes("I'm sorry to have to inform you that the message") ||
        text.includes("I'm sorry to have to inform you that your message could not"))
    );
  },
  parse: (message) => {
    const text = bodyText(message);
    if (message.subject.trim().toLowerCase().startsWith("postfix smtp server: errors from")) {
      const transcript = readTranscript(text);
      if (transcript.recipients.length > 0) return transcript;
    }
    const blocks = readBlocks(text);
    const dsn = deliveryStatus(message, text);
    const recipients: RawRecipient[] = [];
    const used = new Set<TextBlock>();
    const fields = dsn?.recipients ?? [];
    const index = blockIndex(blocks);
    for (const { raw, diagnosticType } of fields) {
      // Blocks name the address as delivered to; when none does, the n-th block is the n-th recipient.
      const block =
        matchingBlock(index, raw, used) ??
        (blocks.length === fields.length ? unused(blocks[recipients.length], used) : null);
      recipients.push(merge(raw, block, diagnosticType));
    }
    if (recipients.length === 0) {
      for (const block of blocks) recipients.push(merge({ recipient: block.recipient }, block, ""));
    }
    if (recipients.length === 0 && /delivery report unavailable/i.test(text)) {
      // Postfix lost the recipient records; the returned message still says who it was for.
      const to = originalRecipient(message);
      if (to) recipients.push({ recipient: to, action: "failed" });
    }
    if (recipients.length === 0) return null;
    return { recipients, reportingMta: dsn?.reportingMta ?? reportingHost(text) };
  },
};

/** Recipient blocks: a line starting with "<address>:" or "<address> (expanded from", then its indented lines. */
function readBlocks(text: string): TextBlock[] {
  const lines = linesOf(text);
  const blocks: TextBlock[] = [];
  let current: { head: string; parts: string[] } | null = null;
  const flush = () => {
    if (current) {
      const block = toBlock(current.head, current.parts.join(" "));
      if (block) blocks.push(block);
    }
    current = null;
  };
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("--") || /^[A-Z][A-Za-z-]{1,40}: /.test(line)) {
      flush();
      continue;
    }
    // Blocks start at the margin (one stray space seen); their lines are indented by four.
    if (trimmed.startsWith("<") && line.length - trimmed.length <= 2 && blockStart(trimmed)) {
      flush();
      current = { head: trimmed, parts: [] };
      continue;
    }
    if (current && current.parts.length < 200) current.parts.push(trimmed);
  }
  flush();
  return blocks;
}

/** Does a line open a recipient block? "<a@b>: …" or "<a@b> (expanded from …". */
function blockStart(line: string): boolean {
  const close = line.indexOf(">");
  if (close < 2 || close > 512) return false;
  const rest = line.slice(close + 1);
  return rest.startsWith(":") || rest.startsWith(" (expanded from");
}

function toBlock(head: string, tail: string): TextBlock | null {
  const close = head.indexOf(">");
  const recipient = head.slice(1, close).trim();
  if (recipient === "") return null;
  let rest = collapseWhiteSpace(`${head.slice(close + 1)} ${tail}`);
  let original: string | null = null;
  if (rest.startsWith("(expanded from")) {
    const open = rest.indexOf("<");
    const end = rest.indexOf(">", open + 1);
    const paren = rest.indexOf("):", end + 1);
    if (open >= 0 && end > open) original = rest.slice(open + 1, end).trim();
    rest = paren >= 0 ? rest.slice(paren + 2) : rest.slice(end + 1);
  } else if (rest.startsWith(":")) {
    rest = rest.slice(1);
  }
  return { recipient, original, text: rest.trim() };
}

function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/** Text blocks by lower-cased address (final and original), to pair them with DSN recipients. */
function blockIndex(blocks: TextBlock[]): Map<string, TextBlock[]> {
  const index = new Map<string, TextBlock[]>();
  const add = (key: string | null, block: TextBlock) => {
    if (!key) return;
    const list = index.get(key.toLowerCase());
    if (list) list.push(block);
    else index.set(key.toLowerCase(), [block]);
  };
  for (const block of blocks) {
    add(block.recipient, block);
    if (block.original && !sameAddress(block.original, block.recipient)) add(block.original, block);
  }
  return index;
}

function matchingBlock(
  index: Map<string, TextBlock[]>,
  raw: RawRecipient,
  used: Set<TextBlock>,
): TextBlock | null {
  for (const key of [raw.recipient, raw.originalRecipient]) {
    const list = key ? index.get(key.toLowerCase()) : undefined;
    // Blocks taken through their other address are dropped from the front as met: linear overall.
    while (list && list.length > 0 && used.has(list[0] as TextBlock)) list.shift();
    const found = list?.shift();
    if (found) {
      used.add(found);
      return found;
    }
  }
  return null;
}

function unused(block: TextBlock | undefined, used: Set<TextBlock>): TextBlock | null {
  if (block === undefined || used.has(block)) return null;
  used.add(block);
  return block;
}

/** One recipient from the DSN fields (if any) and the text block (if any). */
function merge(raw: RawRecipient, block: TextBlock | null, diagnosticType: string): RawRecipient {
  const fromDsn = raw.diagnosticCode ? cleanPostfix(raw.diagnosticCode) : null;
  const fromText = block ? cleanPostfix(block.text) : null;
  const chosen = fromDsn ?? fromText;
  const out = fullRecipient(raw);
  if (block?.original && !out.originalRecipient && !sameAddress(block.original, raw.recipient)) {
    out.originalRecipient = block.original;
  }
  let action = (raw.action ?? "").toLowerCase();
  // "deliverable" and "undeliverable" are what address verification (sendmail -bv) reports.
  if (action === "deliverable") action = "delivered";
  else if (action === "undeliverable") action = "failed";
  else if (action === "" && block) action = block.text.startsWith("delivery via ") ? "delivered" : "failed";
  out.action = action || null;
  if (chosen) {
    out.diagnosticCode = chosen.diagnostic || raw.diagnosticCode || null;
    out.command = fromDsn?.command ?? fromText?.command ?? raw.command ?? null;
    out.remoteMta = raw.remoteMta ?? fromDsn?.remoteMta ?? fromText?.remoteMta ?? null;
  }
  out.status = refinedStatus(raw.status ?? null, out.diagnosticCode ?? "");
  if (isLocalProgram(diagnosticType, block) && !namesCause(out.diagnosticCode ?? ""))
    out.reason = "mailererror";
  return out;
}

/**
 * A local delivery program (a pipe to procmail, maildrop…) failed: Postfix types the
 * diagnostic "x-unix" and the text says "Command output:".
 */
function isLocalProgram(diagnosticType: string, block: TextBlock | null): boolean {
  return diagnosticType === "x-unix" || (block?.text.includes("Command output:") ?? false);
}

/** Reasons that say no more than "it failed" or "retries ran out". */
const VAGUE_REASONS = new Set<Reason>(["undefined", "onhold", "expired"]);
/** …and, for a local program, those that only restate that the program failed. */
const PROGRAM_REASONS = new Set<Reason>([...VAGUE_REASONS, "systemerror", "mailererror"]);

/**
 * Does a local program's output name a cause finer than "the program failed" (a full
 * mailbox, an unknown user)? Then the text, not the format's general reason, should decide.
 */
export function namesCause(diagnostic: string): boolean {
  return causeOf(diagnostic) !== null;
}

/**
 * The cause a diagnostic names, when a text rule (not a bare code) finds a specific one.
 * `program`: the text is a local program's output, where "temporary failure" says nothing.
 */
export function causeOf(diagnostic: string, program = true): Reason | null {
  const diagnosis = explain(diagnostic);
  const decided = !(diagnosis.ruleId === "none" || diagnosis.ruleId.startsWith("code."));
  const vague = program ? PROGRAM_REASONS : VAGUE_REASONS;
  return decided && !vague.has(diagnosis.reason) ? diagnosis.reason : null;
}

/** Take Postfix's own wrapper words off a diagnostic and note what they said. */
function cleanPostfix(input: string): Cleaned {
  let text = collapseWhiteSpace(input);
  const semi = text.indexOf(";");
  if (semi > 0 && semi < 12 && /^(smtp|x-postfix|x-unix|lmtp|x-local)$/i.test(text.slice(0, semi).trim())) {
    text = text.slice(semi + 1).trim();
  }
  let remoteMta: string | null = null;
  let command: SmtpCommand | null = null;
  for (const prefix of ["delivery temporarily suspended: ", "delivery deferred: "]) {
    if (text.toLowerCase().startsWith(prefix)) text = text.slice(prefix.length);
  }
  // "host mx.example.org[192.0.2.1] said: 550 …"
  let match = /^host (\S{1,255}?)(?:\[[^\]]{0,80}\])?(?::\d{1,5})? said: ?/i.exec(text);
  if (match) {
    remoteMta = match[1] ?? null;
    text = text.slice(match[0].length);
  } else {
    // "host mx[…] refused to talk to me: 554 …", "connect to mx[…]: server refused to talk to me: 421 …"
    match =
      /^(?:host |connect to )?(\S{1,255}?)(?:\[[^\]]{0,80}\])?(?::\d{1,5})?:? (?:server )?refused to talk to me: ?/i.exec(
        text,
      );
    if (match) {
      remoteMta = match[1] ?? null;
      command = "CONNECT";
      text = text.slice(match[0].length);
    } else {
      match = /^delivery via (\S{1,255}?)(?:\[[^\]]{0,80}\])?(?::\d{1,5})?: ?/i.exec(text);
      if (match) {
        remoteMta = match[1] ?? null;
        text = text.slice(match[0].length);
      } else {
        // "TLS is required, but host mx[…] refused to start TLS: 454 4.7.0 …"
        match =
          /^TLS is required, but (?:host )?(\S{1,255}?)(?:\[[^\]]{0,80}\])?(?::\d{1,5})? refused to start TLS: ?/i.exec(
            text,
          );
        if (match) {
          remoteMta = match[1] ?? null;
          command = "STARTTLS";
          text = text.slice(match[0].length);
        }
      }
    }
  }
  const reply = /\s?\(in reply to ([^()]{1,40}) command\)\s*$/i.exec(text);
  if (reply) {
    command = commandNamed(reply[1] as string) ?? commandIn(`in reply to ${reply[1]}`) ?? command;
    text = text.slice(0, reply.index).trim();
  }
  if (command === null) command = commandOfEvent(text);
  if (remoteMta === null) {
    const host = /^(?:connect to|lost connection with|conversation with) (\S{1,255}?)\[/i.exec(text);
    if (host) remoteMta = host[1] ?? null;
  }
  // "message size 61433 exceeds size limit 20480 of server mx[…]": the limit the EHLO reply announced.
  const size = /^message size \d{1,20} exceeds size limit \d{1,20} of server (\S{1,255}?)\[/i.exec(text);
  if (size) {
    remoteMta = remoteMta ?? size[1] ?? null;
    command = command ?? "EHLO";
  }
  return { diagnostic: cleanedDiagnostic(text), remoteMta, command };
}

/** What Postfix was doing when a connection failed: "lost connection … while sending RCPT TO". */
function commandOfEvent(text: string): SmtpCommand | null {
  const lower = text.toLowerCase();
  if (lower.startsWith("connect to ")) return "CONNECT";
  const at = lower.indexOf(" while ");
  if (at < 0 || !/^(lost connection|conversation|host \S+ said|.*timed out)/.test(lower.slice(0, 200))) {
    return null;
  }
  const what = lower.slice(at + 7, at + 60);
  if (what.includes("initial server greeting") || what.includes("receiving the initial")) return "CONNECT";
  if (what.includes("helo") || what.includes("ehlo")) return "EHLO";
  if (what.includes("starttls")) return "STARTTLS";
  if (what.includes("mail from")) return "MAIL";
  if (what.includes("rcpt to")) return "RCPT";
  if (what.includes("end of data") || what.includes("message body")) return "DATA-END";
  if (what.includes("data command")) return "DATA";
  return null;
}

/**
 * The delivery-status fields: from the DSN part, else from a block written into the text
 * itself (a relay that forwarded the whole report as a plain-text message). Read here
 * rather than with readDeliveryStatus because the diagnostic's type ("x-unix" for a
 * local program) matters.
 */
function deliveryStatus(message: BounceMessage, text: string): Dsn | null {
  const part = message.deliveryStatus();
  if (part !== null) {
    const dsn = readFields(message.partText(part));
    if (dsn.recipients.length > 0) return dsn;
  }
  // One native search finds the first field line (most reports have none in their text).
  const at = inlineFieldsStart(text);
  if (at < 0) return null;
  const lines = text.slice(at).split("\n", 2000);
  let end = 0;
  while (end < lines.length) {
    const line = lines[end] as string;
    // The returned message's headers follow the status fields.
    if (/^(Return-Path|Received|Content-Type|Content-Description|MIME-Version):/i.test(line)) break;
    if (line.startsWith("--") && !line.startsWith("-- ")) break;
    end++;
  }
  return readFields(lines.slice(0, end).join("\n"));
}

const INLINE_DSN_START = /^(?:Reporting-MTA|Final-Recipient|Original-Recipient):/gim;

/** Where the first line starting with a DSN field name begins (-1: none). */
function inlineFieldsStart(text: string): number {
  INLINE_DSN_START.lastIndex = 0;
  for (let found = INLINE_DSN_START.exec(text); found !== null; found = INLINE_DSN_START.exec(text)) {
    // "^" also matches after a CR or a line separator; lines here end with LF only.
    if (found.index === 0 || text.charCodeAt(found.index - 1) === 10) return found.index;
  }
  return -1;
}

interface Dsn {
  recipients: { raw: RawRecipient; diagnosticType: string }[];
  reportingMta: string | null;
}

function readFields(text: string): Dsn {
  const dsn = parseDeliveryStatus(text);
  const recipients: Dsn["recipients"] = [];
  for (const fields of dsn.recipients) {
    const recipient =
      recipientAddress(fields["final-recipient"]) ?? recipientAddress(fields["original-recipient"]);
    if (!recipient) continue;
    const original = recipientAddress(fields["original-recipient"]);
    const code = fields["diagnostic-code"] ?? "";
    const semi = code.indexOf(";");
    recipients.push({
      raw: {
        recipient,
        originalRecipient: original && !sameAddress(original, recipient) ? original : null,
        action: (fields.action ?? "").trim().toLowerCase() || null,
        status: statusCode(fields.status),
        remoteMta: typedValue(fields["remote-mta"]),
        diagnosticCode: typedValue(fields["diagnostic-code"]),
        lastAttemptDate: fields["last-attempt-date"] ?? null,
      },
      diagnosticType: semi > 0 && semi < 24 ? code.slice(0, semi).trim().toLowerCase() : "",
    });
  }
  return { recipients, reportingMta: typedValue(dsn.message["reporting-mta"]) };
}

function reportingHost(text: string): string | null {
  for (const marker of MARKERS) {
    const at = text.indexOf(marker);
    if (at >= 0) {
      const host = /^[A-Za-z0-9.-]{1,255}/.exec(text.slice(at + marker.length, at + marker.length + 260));
      if (host) return host[0].replace(/\.$/, "");
    }
  }
  return null;
}

/** The To address of the returned message. */
function originalRecipient(message: BounceMessage): string | null {
  const headers = message.originalHeaders();
  const to = headers?.find((field) => field.name.toLowerCase() === "to")?.value ?? "";
  const angle = /<([^<>\s]{1,254}@[^<>\s]{1,254})>/.exec(to);
  if (angle) return angle[1] as string;
  const bare = /[^\s<>,;:"]{1,64}@[^\s<>,;:"]{1,254}/.exec(to);
  return bare ? bare[0] : null;
}

/**
 * "Postfix SMTP server: errors from …": the postmaster notice of a session that failed on
 * the receiving side, with the transcript (" In:  RCPT TO:<…>", " Out: 451 4.3.0 …").
 */
function readTranscript(text: string): FormatResult {
  const lines = linesOf(text);
  const steps: { who: "in" | "out"; text: string }[] = [];
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith("In:") || trimmed.startsWith("Out:")) {
      const who = trimmed.startsWith("In:") ? "in" : "out";
      steps.push({ who, text: trimmed.slice(who === "in" ? 3 : 4).trim() });
    } else if (steps.length > 0 && /^\s{3,}\S/.test(line) && steps.length < 10_000) {
      const last = steps[steps.length - 1] as { who: "in" | "out"; text: string };
      last.text = `${last.text} ${trimmed}`;
    }
  }
  const accepted: string[] = [];
  const recipients: RawRecipient[] = [];
  const seen = new Set<string>();
  let lastCommand = "";
  let pendingRecipient: string | null = null;
  let inData = false;
  for (const step of steps) {
    if (step.who === "in") {
      lastCommand = step.text.toUpperCase();
      pendingRecipient = null;
      if (lastCommand.startsWith("RCPT")) {
        const address = /<([^<>]{1,512})>/.exec(step.text);
        pendingRecipient = address ? (address[1] as string) : null;
      }
      continue;
    }
    const code = Number(step.text.slice(0, 3));
    if (code === 354) {
      inData = true;
      continue;
    }
    if (code >= 200 && code < 400) {
      if (pendingRecipient && lastCommand.startsWith("RCPT")) accepted.push(pendingRecipient);
      pendingRecipient = null;
      continue;
    }
    if (code < 400 || code > 599) continue;
    const command: SmtpCommand | null = inData
      ? "DATA-END"
      : lastCommand.startsWith("RCPT")
        ? "RCPT"
        : lastCommand.startsWith("MAIL")
          ? "MAIL"
          : lastCommand.startsWith("DATA")
            ? "DATA"
            : null;
    const targets = command === "RCPT" && pendingRecipient ? [pendingRecipient] : accepted;
    for (const recipient of targets) {
      if (seen.has(recipient.toLowerCase())) continue;
      seen.add(recipient.toLowerCase());
      recipients.push({
        recipient,
        // The client was refused by this server; with a 4xx reply it will try again.
        action: code < 500 ? "delayed" : "failed",
        diagnosticCode: step.text,
        command,
        status: refinedStatus(null, step.text),
      });
    }
    if (command !== "RCPT") break;
  }
  return { recipients };
}
