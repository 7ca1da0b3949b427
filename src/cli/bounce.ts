/**
 * `smtpcodes bounce`: read bounce emails from files, directories (Maildir or any tree),
 * mbox files or standard input, and print per-recipient results in input order. Memory
 * stays flat: files are parsed in small batches (at most 32 messages or 4 MB), standard
 * input and very large files one message at a time, and only counters are kept for the
 * summary.
 */
import { createReadStream, readdirSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import { splitMbox } from "../bounce/mbox.js";
import { binaryString } from "../bounce/mime.js";
import { parseBounce, parseBounces } from "../bounce/parse.js";
import type { BounceReport, RecipientResult } from "../bounce/types.js";
import { noRecipientFields, recipientFields } from "../present/json.js";
import { type Style, safe } from "./format.js";
import { readBinaryFile } from "./read.js";

export interface BounceIo {
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface BounceOptions {
  json: boolean;
  summary: boolean;
  paths: string[];
  style: Style;
}

/** Files larger than this are read as a stream of mbox messages rather than in one piece. */
const STREAM_ABOVE = 32 * 1024 * 1024;
/** One message larger than this is cut (parseBounce reads at most its own limit anyway). */
const MAX_MESSAGE = 64 * 1024 * 1024;

interface Tally {
  files: number;
  messages: number;
  recipients: number;
  errors: number;
  notBounces: number;
  /** Delivery reports in which no recipient could be read. */
  noRecipient: number;
  unknown: number;
  byReason: Map<string, number>;
  byDomain: Map<string, number>;
  byProvider: Map<string, number>;
  byKind: Map<string, number>;
  byFormat: Map<string, number>;
}

function bump(map: Map<string, number>, key: string): void {
  // Bounded: a summary over millions of domains keeps the first 100,000 distinct keys.
  if (map.has(key) || map.size < 100_000) map.set(key, (map.get(key) ?? 0) + 1);
}

/** Run the bounce command; returns the exit code (0 all read and explained, 1 otherwise). */
export async function runBounce(options: BounceOptions, io: BounceIo): Promise<number> {
  const tally: Tally = {
    files: 0,
    messages: 0,
    recipients: 0,
    errors: 0,
    notBounces: 0,
    noRecipient: 0,
    unknown: 0,
    byReason: new Map(),
    byDomain: new Map(),
    byProvider: new Map(),
    byKind: new Map(),
    byFormat: new Map(),
  };
  const progress = makeProgress(io, tally);
  const emit = (file: string, index: number | null, report: BounceReport) => {
    tally.messages++;
    bump(tally.byKind, report.kind);
    if (report.format) bump(tally.byFormat, report.format);
    if (report.kind === "not-a-bounce") tally.notBounces++;
    else if (report.recipients.length === 0) tally.noRecipient++;
    for (const r of report.recipients) {
      tally.recipients++;
      bump(tally.byReason, r.reason);
      bump(tally.byDomain, domainOf(r.recipient));
      bump(tally.byProvider, r.diagnosis.provider ?? "(unknown)");
      if (!r.diagnosis.recognised && r.reason === "undefined") tally.unknown++;
    }
    if (!options.summary)
      io.stdout.write(
        options.json ? jsonLines(file, index, report) : textReport(file, index, report, options.style),
      );
    progress.tick();
  };
  const fail = (file: string, message: string) => {
    tally.errors++;
    if (options.summary) io.stderr.write(`${safe(file)}: ${message}\n`);
    else if (options.json) io.stdout.write(`${JSON.stringify({ file, error: message })}\n`);
    else io.stdout.write(`${safe(file)}: ${options.style.red("error")}: ${message}\n\n`);
  };

  if (options.paths.length === 0 || (options.paths.length === 1 && options.paths[0] === "-")) {
    if (io.stdin.isTTY) {
      io.stderr.write(
        "smtpcodes bounce: give files or directories, or pipe a message or an mbox in. See --help.\n",
      );
      return 2;
    }
    tally.files++;
    let index = 0;
    for await (const message of streamMessages(io.stdin)) emit("-", index++, parseBounce(message));
  } else {
    const batch = new MessageBatch(emit);
    const failInOrder = (file: string, message: string) => {
      batch.flush();
      fail(file, message);
    };
    let yielded = 0;
    for (const path of options.paths) {
      for (const { file, size } of filesUnder(path, failInOrder)) {
        tally.files++;
        try {
          const streaming = readOne(file, size, batch);
          if (streaming) await streaming;
        } catch (error) {
          failInOrder(file, (error as Error).message);
        }
        if (tally.messages - yielded >= YIELD_EVERY) {
          // Let pending events run between batches: a closed pipe (`| head`) ends the
          // process there instead of after the whole directory has been read.
          yielded = tally.messages;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    batch.flush();
  }
  progress.done();
  if (options.summary)
    io.stdout.write(
      options.json ? `${JSON.stringify(summaryJson(tally))}\n` : summaryText(tally, options.style),
    );
  else if (!options.json && tally.messages > 1) io.stderr.write(summaryLine(tally));
  return tally.errors > 0 ||
    tally.notBounces > 0 ||
    tally.noRecipient > 0 ||
    tally.unknown > 0 ||
    tally.messages === 0
    ? 1
    : 0;
}

/**
 * Messages waiting to be parsed together (`parseBounces`, faster than one at a time), with
 * the file and index each came from; results are emitted in the order the messages came.
 * A batch holds at most 32 messages or 4 MB of text, so memory stays flat.
 */
export class MessageBatch {
  private messages: string[] = [];
  private origins: { file: string; index: number | null }[] = [];
  private size = 0;

  constructor(readonly emitter: (file: string, index: number | null, report: BounceReport) => void) {}

  add(file: string, index: number | null, message: string): void {
    this.messages.push(message);
    this.origins.push({ file, index });
    this.size += message.length;
    if (this.messages.length >= BATCH_MESSAGES || this.size >= BATCH_CHARACTERS) this.flush();
  }

  /** Parse and emit what is waiting (before anything else is written, such as a file's error). */
  flush(): void {
    if (this.messages.length === 0) return;
    const reports = parseBounces(this.messages);
    const origins = this.origins;
    this.messages = [];
    this.origins = [];
    this.size = 0;
    for (const [i, report] of reports.entries()) {
      const { file, index } = origins[i] as { file: string; index: number | null };
      this.emitter(file, index, report);
    }
  }
}

const BATCH_MESSAGES = 32;
const BATCH_CHARACTERS = 4 * 1024 * 1024;
/** Messages emitted between two turns of the event loop while reading files. */
const YIELD_EVERY = 256;

/**
 * Read one file and add its messages to the batch. Files are read synchronously, one after
 * the other: the batch is sequential anyway, and each asynchronous stat, open, read and
 * close was a round trip through libuv's thread pool that cost more than parsing the
 * bounce. Only a file too big to hold is streamed (the returned promise), after the batch
 * is emitted.
 */
function readOne(file: string, size: number, batch: MessageBatch): Promise<void> | undefined {
  if (size > STREAM_ABOVE) {
    batch.flush();
    return streamFile(file, batch.emitter);
  }
  const messages = splitMbox(readBinaryFile(file, size));
  if (messages.length === 0) {
    batch.add(file, null, "");
    return;
  }
  for (const [index, message] of messages.entries())
    batch.add(file, messages.length > 1 ? index : null, message);
  return undefined;
}

async function streamFile(
  file: string,
  emit: (file: string, index: number | null, report: BounceReport) => void,
): Promise<void> {
  // As for a file read whole, a message index only when the file holds more than one: each
  // report waits until the next message shows whether there is one.
  let index = 0;
  let waiting: BounceReport | null = null;
  for await (const message of streamMessages(createReadStream(file))) {
    const report = parseBounce(message);
    if (waiting !== null) emit(file, index - 1, waiting);
    waiting = report;
    index++;
  }
  if (waiting !== null) emit(file, index > 1 ? index - 1 : null, waiting);
  else emit(file, null, parseBounce(""));
}

/**
 * Every regular file under a path, with its size, depth first, sorted by name; errors
 * reported per entry.
 */
function* filesUnder(
  path: string,
  fail: (file: string, message: string) => void,
  ancestors: ReadonlySet<string> = new Set(),
): Generator<{ file: string; size: number }> {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    fail(
      path,
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file or directory"
        : (error as Error).message,
    );
    return;
  }
  if (info.isFile()) {
    yield { file: path, size: info.size };
    return;
  }
  if (!info.isDirectory()) {
    fail(path, "not a regular file or directory");
    return;
  }
  // A symbolic link back to a directory being read would repeat it without end.
  const identity = `${info.dev}:${info.ino}`;
  if (ancestors.has(identity)) {
    fail(path, "symbolic link loop: this directory is already being read");
    return;
  }
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch (error) {
    fail(path, (error as Error).message);
    return;
  }
  const inside = new Set(ancestors).add(identity);
  for (const name of names) {
    if (name.startsWith(".")) continue;
    yield* filesUnder(join(path, name), fail, inside);
  }
}

/**
 * Split a byte stream into messages: an mbox (messages after "From " lines that follow an
 * empty line) or one message. Only one message is held at a time.
 */
export async function* streamMessages(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  // The text not yet given out is kept as a list of chunks and joined only when a message
  // is cut from it: appending to one string and searching it flattened the whole of it
  // for every chunk, quadratic on a long message (a 40 MB mbox of one message took minutes).
  let parts: string[] = [];
  let size = 0;
  /** The last characters read (up to 8): a separator can straddle two chunks. */
  let tail = "";
  let isMbox: boolean | null = null;
  let dropped = false;
  const pending = (): string => {
    if (parts.length > 1) parts = [parts.join("")];
    return parts[0] ?? "";
  };
  for await (const chunk of stream) {
    const text = typeof chunk === "string" ? chunk : binaryString(chunk);
    if (text === "") continue;
    const base = size - tail.length;
    const window = tail + text;
    parts.push(text);
    size += text.length;
    tail = window.length <= 8 ? window : window.slice(-8);
    if (isMbox === null && size >= 5) isMbox = pending().startsWith("From ");
    if (!isMbox) {
      if (size > MAX_MESSAGE) {
        // One huge message: keep its start only.
        if (!dropped) yield pending().slice(0, MAX_MESSAGE);
        dropped = true;
        parts = [];
        size = 0;
      }
      continue;
    }
    // Separators ("From " after an empty line) among the new text, the last one wins.
    let cut = -1;
    for (let at = window.indexOf("\nFrom ", 1); at >= 0; at = window.indexOf("\nFrom ", at + 1)) {
      if (base + at < 1) continue;
      const before = window.charCodeAt(at - 1);
      if (before === 10 || (before === 13 && window.charCodeAt(at - 2) === 10)) cut = base + at + 1;
    }
    if (cut > 0) {
      const all = pending();
      const rest = all.slice(cut);
      parts = rest === "" ? [] : [rest];
      size = rest.length;
      tail = rest.length <= 8 ? rest : rest.slice(-8);
      for (const message of splitMbox(all.slice(0, cut))) yield message;
    }
    if (size > MAX_MESSAGE) {
      yield* splitMbox(pending().slice(0, MAX_MESSAGE));
      parts = [];
      size = 0;
      tail = "";
      dropped = true;
    }
  }
  const rest = pending();
  if (dropped && rest === "") return;
  if (rest !== "" || isMbox === null) yield* isMbox ? splitMbox(rest) : [rest];
}

function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "(none)" : address.slice(at + 1).toLowerCase();
}

function recipientJson(
  file: string,
  index: number | null,
  report: BounceReport,
  r: RecipientResult | null,
): Record<string, unknown> {
  const row: Record<string, unknown> = { file };
  if (index !== null) row.message = index;
  return r === null ? Object.assign(row, noRecipientFields(report)) : recipientFields(report, r, row);
}

function jsonLines(file: string, index: number | null, report: BounceReport): string {
  if (report.recipients.length === 0) return `${JSON.stringify(recipientJson(file, index, report, null))}\n`;
  return report.recipients.map((r) => `${JSON.stringify(recipientJson(file, index, report, r))}\n`).join("");
}

function textReport(file: string, index: number | null, report: BounceReport, s: Style): string {
  const lines: string[] = [];
  const where = index === null ? file : `${file} #${index + 1}`;
  lines.push(`${s.bold(safe(where))}  ${report.kind}${report.format ? ` · ${report.format}` : ""}`);
  if (report.subject) lines.push(`  ${s.dim("subject")}   ${safe(report.subject).slice(0, 200)}`);
  if (report.original?.messageId) lines.push(`  ${s.dim("original")}  ${safe(report.original.messageId)}`);
  if (report.recipients.length === 0) {
    if (report.kind === "not-a-bounce") {
      const errors = report.errors.length ? ` (${report.errors.join("; ")})` : "";
      lines.push(`  ${s.yellow("not a bounce")}: no failed recipient found${errors}`);
    } else {
      // parseBounce notes last what kind of report it was: that first, then any damage.
      const said = report.errors.at(-1) ?? "a delivery report, but no recipient could be read from it";
      const damage = report.errors.slice(0, -1);
      lines.push(`  ${s.yellow("no recipient")}: ${said}${damage.length ? ` (${damage.join("; ")})` : ""}`);
    }
  }
  for (const r of report.recipients) {
    const verdict = r.permanent ? s.red("permanent") : s.yellow("temporary");
    const keep = r.suppressRecipient ? s.red("suppress") : s.green("keep");
    lines.push(
      `  ${s.bold(safe(r.recipient))}  ${r.action} ${r.status ?? ""} · ${s.bold(r.reason)} · ${verdict} · ${keep}`,
    );
    if (r.diagnosticCode) lines.push(`    ${safe(r.diagnosticCode.replace(/\s+/g, " ")).slice(0, 300)}`);
    lines.push(`    ${s.dim("→")} ${r.diagnosis.senderAction}`);
  }
  return `${lines.join("\n")}\n\n`;
}

function top(map: Map<string, number>, limit: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

function summaryJson(t: Tally): Record<string, unknown> {
  return {
    files: t.files,
    messages: t.messages,
    recipients: t.recipients,
    notBounces: t.notBounces,
    noRecipient: t.noRecipient,
    errors: t.errors,
    byKind: Object.fromEntries(top(t.byKind, 20)),
    byReason: Object.fromEntries(top(t.byReason, 50)),
    byProvider: Object.fromEntries(top(t.byProvider, 50)),
    byDomain: Object.fromEntries(top(t.byDomain, 50)),
    byFormat: Object.fromEntries(top(t.byFormat, 100)),
  };
}

function summaryText(t: Tally, s: Style): string {
  const lines = [summaryLine(t).trim()];
  const block = (title: string, map: Map<string, number>, limit: number) => {
    if (map.size === 0) return;
    lines.push("", s.bold(title));
    for (const [key, count] of top(map, limit)) lines.push(`  ${String(count).padStart(7)}  ${safe(key)}`);
  };
  block("by reason", t.byReason, 40);
  block("by provider", t.byProvider, 20);
  block("by recipient domain", t.byDomain, 20);
  block("by kind", t.byKind, 10);
  block("by format", t.byFormat, 20);
  return `${lines.join("\n")}\n`;
}

function summaryLine(t: Tally): string {
  return `${t.files} file(s), ${t.messages} message(s), ${t.recipients} recipient(s), ${t.notBounces} not a bounce,${t.noRecipient > 0 ? ` ${t.noRecipient} report(s) without a readable recipient,` : ""} ${t.errors} error(s)\n`;
}

function makeProgress(io: BounceIo, tally: Tally): { tick(): void; done(): void } {
  if (!io.stderr.isTTY) return { tick() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    tick() {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      io.stderr.write(`\r${tally.messages} messages, ${tally.recipients} recipients…`);
    },
    done() {
      if (shown) io.stderr.write("\r\u001b[2K");
    },
  };
}
