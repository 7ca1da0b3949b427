/**
 * Throughput of `explain` on the replies of ../shared/replies/dev.jsonl, on one core.
 * Runs the whole set repeatedly for a fixed time after a warm-up and prints replies/s
 * (median of five rounds) next to the target of the foundation issue.
 *
 *   npm run bench               (uses the built dist/ if present, else the sources)
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { needsShared, projectRoot, readJsonl } from "../test/shared.js";

const distIndex = join(projectRoot, "dist", "index.js");
const useDist = existsSync(distIndex) && !process.argv.includes("--src");
const { explain, parseReply } = (await import(
  useDist ? pathToFileURL(distIndex).href : pathToFileURL(join(projectRoot, "src", "index.ts")).href
)) as typeof import("../src/index.js");

const FILE = "replies/dev.jsonl";
if (needsShared(FILE).skip) {
  console.log(`bench: ../shared/${FILE} not found; nothing to measure`);
  process.exit(0);
}
const replies = readJsonl<{ reply: string }>(FILE).map((row) => row.reply);
const chars = replies.reduce((sum, r) => sum + r.length, 0);

function round(fn: (text: string) => unknown, ms: number): number {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < replies.length; i++) {
      const result = fn(replies[i] as string) as { reason?: string } | null;
      if (result) sink++;
    }
    count += replies.length;
    now = performance.now();
  }
  if (sink < 0) console.log(sink);
  return (count / (now - start)) * 1000;
}

function measure(name: string, fn: (text: string) => unknown): number {
  round(fn, 1000); // warm-up: compile rules, let the JIT settle
  const rates = Array.from({ length: 5 }, () => round(fn, 1000)).sort((a, b) => a - b);
  const median = rates[2] as number;
  console.log(
    `${name.padEnd(12)} ${Math.round(median).toLocaleString("en-US").padStart(12)} replies/s  (min ${Math.round(rates[0] as number).toLocaleString("en-US")}, max ${Math.round(rates[4] as number).toLocaleString("en-US")})`,
  );
  return median;
}

console.log(
  `bench: ${replies.length} replies of dev.jsonl (${Math.round(chars / replies.length)} characters on average), one core, ${useDist ? "dist/" : "src/ via tsx"}, Node ${process.version}`,
);
measure("parseReply", parseReply);
const rate = measure("explain", (text) => explain(text));
console.log(
  `explain target ≥ 1,000,000 replies/s: ${rate >= 1_000_000 ? "met" : "not met"} (${(rate / 1_000_000).toFixed(2)}× the target)`,
);
