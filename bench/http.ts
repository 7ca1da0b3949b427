/**
 * Throughput and latency of POST /v1/explain over loopback: one server process
 * (`smtpcodes serve` from dist/), driven by autocannon with a bounded number of connections
 * from this process. Prints requests/s, p50 and p99 latency per round and their medians next
 * to the issue's targets (≥ 10,000 requests/s, p99 < 20 ms).
 *
 *   npm run bench:http                        (3 rounds of 10 s, 16 connections)
 *   npm run bench:http -- --rounds 5 --seconds 10 --connections 32
 */
import { spawn } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { projectRoot } from "../test/shared.js";

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const ROUNDS = flag("rounds", 3);
const SECONDS = flag("seconds", 10);
const CONNECTIONS = flag("connections", 16);

// A mix of real-looking replies, one request each in turn on every connection.
const REPLIES = [
  "550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
  "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints",
  "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.\n550 5.7.26 Please contact the administrator of example.com domain.",
  "452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp",
  "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org",
  "550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification and has a DMARC policy of reject.",
  "451 4.7.1 Greylisting in action, please come back later",
  "552 5.3.4 Message size exceeds fixed limit",
];
const requests = REPLIES.map((reply) => ({
  method: "POST" as const,
  path: "/v1/explain",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ reply }),
}));

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [join(projectRoot, "bin", "smtpcodes.js"), "serve", "--port", "0", "--host", "127.0.0.1"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (data: Buffer) => {
      out += data.toString();
      const found = /serving (http:\/\/\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

interface Round {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** The value below which `share` of the sorted samples fall. */
function percentile(sorted: Float64Array, share: number): number {
  return sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number);
}

async function round(url: string, seconds: number): Promise<Round> {
  // Without a callback, autocannon returns its event emitter, made thenable (the types say Promise only).
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    requests,
  }) as Promise<autocannon.Result> & {
    on(
      event: "response",
      listener: (client: unknown, status: number, bytes: number, time: number) => void,
    ): void;
  };
  // autocannon's own histogram keeps whole milliseconds; every response time, kept here, has
  // the microseconds that a sub-millisecond server needs.
  const times: number[] = [];
  run.on("response", (_client: unknown, _status: number, _bytes: number, time: number) => {
    times.push(time);
  });
  const result = await run;
  const sorted = Float64Array.from(times).sort();
  return {
    rate: result.requests.average,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const number = (value: number) => Math.round(value).toLocaleString("en-US");

const server = await startServer();
try {
  const check = await fetch(`${server.url}/v1/explain`, requests[0]);
  if (check.status !== 200) throw new Error(`explain answered ${check.status}`);
  console.log(
    `bench:http POST /v1/explain, ${REPLIES.length} replies in turn, ${CONNECTIONS} connections, no pipelining, ` +
      `one server process (dist/), Node ${process.version}, ${cpus().length} CPUs`,
  );
  await round(server.url, 3); // warm-up: JIT, rule automaton, socket pools
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await round(server.url, SECONDS);
    rounds.push(r);
    console.log(
      `round ${i + 1}: ${number(r.rate).padStart(7)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}` +
        `${r.errors || r.non2xx ? `  errors ${r.errors}, non-2xx ${r.non2xx}` : ""}`,
    );
  }
  const rate = median(rounds.map((r) => r.rate));
  const p50 = median(rounds.map((r) => r.p50));
  const p99 = median(rounds.map((r) => r.p99));
  console.log(`median: ${number(rate)} req/s, p50 ${ms(p50)}, p99 ${ms(p99)}`);
  console.log(
    `targets: ≥ 10,000 req/s ${rate >= 10_000 ? "met" : "not met"}; p99 < 20 ms ${p99 < 20 ? "met" : "not met"}`,
  );
  if (rounds.some((r) => r.errors > 0 || r.non2xx > 0)) process.exitCode = 1;
} finally {
  await server.stop();
}
