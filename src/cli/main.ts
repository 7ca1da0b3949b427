/**
 * The smtpcodes command line. Node-only: arguments, standard streams, files, exit codes.
 * Every command is a thin layer over the browser-safe core.
 */
import { readFileSync } from "node:fs";
import { listBasicCodes, listEnhancedCodes, lookup } from "../codes/lookup.js";
import { basicCodeJson, diagnosisJson, enhancedCodeJson, lookupJson } from "../present/json.js";
import type { ExplainOptions } from "../reply/explain.js";
import { formatDiagnosis, formatLookup, makeStyle, type Style, safe } from "./format.js";
import { readLines } from "./lines.js";

/** Exit codes: every input explained, some input unknown, usage error. */
export const EXIT = { ok: 0, unknown: 1, usage: 2 } as const;

export interface Io {
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Stops `serve` when aborted; without it, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}

const HELP = `smtpcodes: what an SMTP failure really means and what to do about it

Usage:
  smtpcodes explain [options] [REPLY]    explain a reply; without REPLY, one reply per
                                         line of standard input (plain text, or JSON
                                         lines {"reply": "..."} for multi-line replies)
  smtpcodes lookup [options] CODE...     a basic code (535), enhanced code (5.7.26),
                                         pair ("450 4.2.0") or digit pattern (4xx);
                                         without CODE, one per line of standard input
  smtpcodes bounce [options] [PATH...]   read bounce emails: files (.eml or mbox),
                                         directories (Maildir or any tree), or
                                         standard input; one result per recipient
  smtpcodes list [--basic | --enhanced]  every code smtpcodes knows
  smtpcodes serve [--port N] [--host H]  the web page and the JSON API on
                                         http://127.0.0.1:8025 (API described at
                                         /openapi.json); Ctrl-C stops it
  smtpcodes help                         this text

Options:
  --json              one JSON object per input line (explain, lookup) or per
                      recipient (bounce), in input order
  --summary           bounce: only counts by reason, provider, domain, kind
  --provider NAME     the provider or receiving domain, when known (explain)
  --recipient ADDR    the recipient the reply was about (explain)
  --port N            serve: the port to listen on (default 8025; 0 picks a free one)
  --host H            serve: the address to listen on (default 127.0.0.1, this
                      machine only; 0.0.0.0 opens it to the network)
  --color, --no-color force or turn off colour (default: on for a terminal)
  -h, --help          this text
  -V, --version       the version

Exit status: 0 when every input was explained or found, 1 when any was not
(no code and nothing recognised; for bounce: a file that is not a bounce, a report
without a readable recipient, or a file that could not be read; for serve: the
server could not start), 2 on a usage error.

Examples:
  smtpcodes explain "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy."
  smtpcodes explain --json < replies.txt
  smtpcodes lookup 535 5.7.26
  smtpcodes bounce --json ~/Maildir/new
  smtpcodes list --enhanced --json
  smtpcodes serve --port 8025
`;

interface Options {
  json: boolean;
  colour: boolean | null;
  provider?: string;
  recipient?: string;
  port?: string;
  host?: string;
  basic: boolean;
  enhanced: boolean;
  summary: boolean;
  help: boolean;
  version: boolean;
  positional: string[];
}

class UsageError extends Error {}

const VALUE_FLAGS = new Set(["--provider", "--recipient", "--port", "--host"]);
const COMMANDS = new Set(["explain", "lookup", "list", "bounce", "serve", "help"]);

function parseArgs(args: string[]): { command: string; options: Options } {
  const options: Options = {
    json: false,
    colour: null,
    basic: false,
    enhanced: false,
    summary: false,
    help: false,
    version: false,
    positional: [],
  };
  let command = "";
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (onlyPositional || !arg.startsWith("-") || arg === "-") {
      if (!command) {
        if (!COMMANDS.has(arg)) throw new UsageError(`unknown command "${safe(arg)}"`);
        command = arg;
      } else options.positional.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === "") throw new UsageError(`${name} needs a value`);
      if (name === "--provider") options.provider = value;
      else if (name === "--recipient") options.recipient = value;
      else if (name === "--port") options.port = value;
      else options.host = value;
      continue;
    }
    if (eq > 0) throw new UsageError(`${name} takes no value`);
    switch (arg) {
      case "--json":
        options.json = true;
        break;
      case "--color":
      case "--colour":
        options.colour = true;
        break;
      case "--no-color":
      case "--no-colour":
        options.colour = false;
        break;
      case "--summary":
        options.summary = true;
        break;
      case "--basic":
        options.basic = true;
        break;
      case "--enhanced":
        options.enhanced = true;
        break;
      case "-h":
      case "--help":
        options.help = true;
        break;
      case "-V":
      case "--version":
        options.version = true;
        break;
      default:
        throw new UsageError(`unknown option "${safe(arg)}"`);
    }
  }
  return { command, options };
}

function version(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return (JSON.parse(text) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** One input of a batch: a plain reply line, or a JSON line with "reply" (and optional context). */
function readInputLine(text: string): { reply: unknown; options: ExplainOptions } | { error: string } {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("{")) return { reply: text, options: {} };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { error: "a JSON line must be an object" };
  const o = value as Record<string, unknown>;
  const reply = typeof o.reply === "string" ? o.reply : typeof o.response === "string" ? o : null;
  if (reply === null) return { error: 'a JSON line needs a "reply" string' };
  const options: ExplainOptions = {};
  if (typeof o.provider === "string") options.provider = o.provider;
  if (typeof o.recipient === "string") options.recipient = o.recipient;
  if (typeof o.remoteMta === "string") options.remoteMta = o.remoteMta;
  if (typeof o.status === "string") options.status = o.status;
  return { reply, options };
}

async function runExplain(options: Options, io: Io, style: Style): Promise<number> {
  // Loaded per command: `lookup` and `list` start without compiling the rules, `explain`
  // without loading the bounce formats.
  const { explain } = await import("../reply/explain.js");
  const { MAX_REPLY_LENGTH } = await import("../reply/parse.js");
  const base: ExplainOptions = {};
  if (options.provider) base.provider = options.provider;
  if (options.recipient) base.recipient = options.recipient;
  let anyUnknown = false;
  let count = 0;
  const emit = (input: number, reply: unknown, extra: ExplainOptions) => {
    const d = explain(reply, { ...base, ...extra });
    if (!d.recognised) anyUnknown = true;
    if (options.json) io.stdout.write(`${JSON.stringify(diagnosisJson(d, input))}\n`);
    else io.stdout.write(`${count > 0 ? "\n" : ""}${formatDiagnosis(d, style)}\n`);
    count++;
  };
  if (options.positional.length > 0) {
    emit(1, options.positional.join(" "), {});
    return anyUnknown ? EXIT.unknown : EXIT.ok;
  }
  if (io.stdin.isTTY) {
    io.stderr.write(
      "smtpcodes explain: give a reply as an argument, or pipe replies in (one per line). See --help.\n",
    );
    return EXIT.usage;
  }
  // JSON lines may hold a reply of up to MAX_REPLY_LENGTH characters after escaping.
  for await (const line of readLines(io.stdin, MAX_REPLY_LENGTH * 2)) {
    if (line.text.trim() === "") continue;
    const parsed = readInputLine(line.text);
    if ("error" in parsed) {
      anyUnknown = true;
      if (options.json)
        io.stdout.write(
          `${JSON.stringify({ input: line.number, error: parsed.error, recognised: false })}\n`,
        );
      else io.stdout.write(`${count > 0 ? "\n" : ""}line ${line.number}: ${parsed.error}\n`);
      count++;
      continue;
    }
    emit(line.number, parsed.reply, parsed.options);
  }
  if (count === 0) io.stderr.write("smtpcodes explain: no input\n");
  return anyUnknown || count === 0 ? EXIT.unknown : EXIT.ok;
}

async function runLookup(options: Options, io: Io, style: Style): Promise<number> {
  let anyMissing = false;
  let count = 0;
  const emit = (input: number, query: string) => {
    const r = lookup(query);
    if (!r.found) anyMissing = true;
    if (options.json) io.stdout.write(`${JSON.stringify(lookupJson(r, input))}\n`);
    else io.stdout.write(`${count > 0 ? "\n" : ""}${formatLookup(r, style)}\n`);
    count++;
  };
  if (options.positional.length > 0) {
    // Each argument is one query; quote a pair: smtpcodes lookup "450 4.2.0".
    const queries = options.positional;
    for (const [i, q] of queries.entries()) emit(i + 1, q);
    return anyMissing ? EXIT.unknown : EXIT.ok;
  }
  if (io.stdin.isTTY) {
    io.stderr.write("smtpcodes lookup: give a code, e.g. smtpcodes lookup 535. See --help.\n");
    return EXIT.usage;
  }
  for await (const line of readLines(io.stdin, 256)) {
    if (line.text.trim() === "") continue;
    emit(line.number, line.text.trim());
  }
  return anyMissing || count === 0 ? EXIT.unknown : EXIT.ok;
}

function runList(options: Options, io: Io, style: Style): number {
  const showBasic = options.basic || !options.enhanced;
  const showEnhanced = options.enhanced || !options.basic;
  if (showBasic) {
    for (const entry of listBasicCodes()) {
      if (options.json) {
        io.stdout.write(`${JSON.stringify(basicCodeJson(entry))}\n`);
      } else {
        const badge =
          entry.status === "non-standard" || entry.status === "not-smtp"
            ? style.red(entry.status)
            : style.dim(entry.status);
        io.stdout.write(`${style.bold(String(entry.code))}  ${entry.title}  ${badge}\n`);
      }
    }
  }
  if (showEnhanced) {
    for (const entry of listEnhancedCodes()) {
      if (options.json) {
        io.stdout.write(`${JSON.stringify(enhancedCodeJson(entry))}\n`);
      } else {
        const badge = entry.status === "non-standard" ? style.red(entry.status) : style.dim(entry.status);
        io.stdout.write(
          `${style.bold(entry.code.padEnd(10))} ${entry.title}  ${badge}${entry.deprecated ? style.yellow(" deprecated") : ""}\n`,
        );
      }
    }
  }
  return EXIT.ok;
}

async function runServe(options: Options, io: Io): Promise<number> {
  if (options.positional.length > 0) {
    io.stderr.write("smtpcodes serve: takes no arguments (use --port and --host)\n");
    return EXIT.usage;
  }
  let port: number | undefined;
  if (options.port !== undefined) {
    port = /^[0-9]{1,5}$/.test(options.port) ? Number(options.port) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) {
      io.stderr.write(
        `smtpcodes serve: --port must be a number from 0 to 65535, not "${safe(options.port)}"\n`,
      );
      return EXIT.usage;
    }
  }
  // Loaded here so that the other commands do not load the HTTP stack.
  const { startServer } = await import("../http/node.js");
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      ...(port === undefined ? {} : { port }),
      ...(options.host === undefined ? {} : { host: options.host }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host ?? "127.0.0.1"}:${port ?? 8025}`;
    io.stderr.write(
      `smtpcodes serve: cannot listen on ${safe(where)}: ${code === "EADDRINUSE" ? "the port is in use (try --port)" : safe((error as Error).message)}\n`,
    );
    return EXIT.unknown;
  }
  io.stdout.write(`smtpcodes: serving ${running.url} (web page and API; Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener("abort", () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running.close();
  return EXIT.ok;
}

/** Run the CLI with `args` (without node and script). Returns the exit code. */
export async function main(args: string[], io: Io = defaultIo()): Promise<number> {
  let parsed: { command: string; options: Options };
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`smtpcodes: ${error.message}\nRun "smtpcodes --help" for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const { command, options } = parsed;
  if (options.version) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (options.help || command === "help") {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (!command) {
    io.stderr.write(`smtpcodes: no command given\n\n${HELP}`);
    return EXIT.usage;
  }
  const colour = options.colour ?? (io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== "dumb");
  const style = makeStyle(colour && !options.json);
  switch (command) {
    case "explain":
      return runExplain(options, io, style);
    case "lookup":
      return runLookup(options, io, style);
    case "bounce": {
      const { runBounce } = await import("./bounce.js");
      return runBounce(
        { json: options.json, summary: options.summary, paths: options.positional, style },
        {
          stdin: io.stdin,
          stdout: io.stdout,
          stderr: io.stderr,
        },
      );
    }
    case "serve":
      return runServe(options, io);
    case "list":
      if (options.positional.length > 0) {
        io.stderr.write("smtpcodes list: takes no arguments (use --basic or --enhanced)\n");
        return EXIT.usage;
      }
      return runList(options, io, style);
    default:
      io.stderr.write(`smtpcodes: unknown command "${safe(command)}"\n`);
      return EXIT.usage;
  }
}

function defaultIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
