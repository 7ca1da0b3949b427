/**
 * Accuracy of `parseBounce` on the labelled bounce corpora in ../shared/corpora:
 *
 * - set-of-emails maildir/bsd against expectations.jsonl (reason and status per recipient,
 *   matched by position, as go-sisimai's tables number them); rows we believe wrong are
 *   listed in eval/disputed.jsonl with the text that proves it and counted separately;
 * - set-of-emails dos/ and mac/ (CRLF and CR-only copies): every email must decode;
 * - generated-postfix DSNs (reason, permanence);
 * - bounceparser-perl and bounce-email-rb (is it a bounce, addresses, codes).
 *
 *   npm run eval:bounces [-- --quiet] [-- --format Postfix] [-- --file lhost-postfix-0] [-- --dump]
 *
 * --format takes go-sisimai's module name (the lhost column of expectations.jsonl);
 * --dump prints what was extracted for every file next to what is expected.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitMbox } from "../src/bounce/mbox.js";
import { binaryString } from "../src/bounce/mime.js";
import { parseBounce } from "../src/bounce/parse.js";
import type { BounceReport, RecipientResult } from "../src/bounce/types.js";
import { needsShared, projectRoot, readJsonl, sharedPath } from "../test/shared.js";

const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const onlyFormat = args.includes("--format") ? args[args.indexOf("--format") + 1] : undefined;
const onlyFile = args.includes("--file") ? args[args.indexOf("--file") + 1] : undefined;
const dump = args.includes("--dump");

function pct(n: number, d: number): string {
  return d === 0 ? "n/a" : `${((100 * n) / d).toFixed(2)}%`;
}

/** Read a file as one or more messages (mbox aware) and parse every message. */
export function parseFile(path: string): BounceReport[] {
  const bytes = readFileSync(path);
  const text = binaryString(bytes);
  return splitMbox(text).map((message) => parseBounce(message));
}

interface Expectation {
  file: string;
  n: number;
  status: string;
  replycode: string;
  reason: string;
  reason_current: string;
  hardbounce: boolean;
  lhost: string;
}

interface Disputed {
  file: string;
  n: number;
  field: "reason" | "status";
  expected: string;
  ours: string;
  proof: string;
}

function evaluateSetOfEmails(): void {
  const file = "corpora/set-of-emails/expectations.jsonl";
  if (needsShared(file).skip) {
    console.log("skipped set-of-emails: expectations not found");
    return;
  }
  const expectations = readJsonl<Expectation>(file);
  const disputedRows = loadDisputed();
  const byFile = new Map<string, Expectation[]>();
  for (const row of expectations) {
    const list = byFile.get(row.file) ?? [];
    list.push(row);
    byFile.set(row.file, list);
  }
  let rows = 0;
  let reasonOk = 0;
  let statusOk = 0;
  let statusPseudo = 0;
  let disputedCount = 0;
  let missing = 0;
  const perFormat = new Map<string, { rows: number; ok: number }>();
  const misses: string[] = [];
  for (const [name, expected] of byFile) {
    if (onlyFile && !name.includes(onlyFile)) continue;
    if (onlyFormat && expected[0]?.lhost.toLowerCase() !== onlyFormat.toLowerCase()) continue;
    let results: RecipientResult[] = [];
    try {
      results = parseFile(sharedPath(join("corpora/set-of-emails", name))).flatMap((r) => r.recipients);
    } catch (error) {
      misses.push(`  ${name}: crashed: ${(error as Error).message}`);
    }
    if (dump) {
      console.log(
        `${name}: expected ${expected.map((r) => `#${r.n} ${r.reason_current} ${r.status} ${r.replycode}`).join(" | ")}`,
      );
      for (const [i, r] of results.entries()) {
        console.log(
          `  ours #${i} ${r.format} ${r.recipient} action=${r.action} status=${r.status} code=${r.replyCode} cmd=${r.command} reason=${r.reason} [${r.diagnosis.ruleId}]\n      ${(r.diagnosticCode ?? "").replace(/\s+/g, " ").slice(0, 300)}`,
        );
      }
    }
    for (const row of expected) {
      const ours = results[row.n];
      const stats = perFormat.get(row.lhost) ?? { rows: 0, ok: 0 };
      stats.rows++;
      perFormat.set(row.lhost, stats);
      const key = `${row.file}#${row.n}`;
      const dispute = disputedRows.get(key);
      if (dispute && ours && ours.reason === dispute.ours) {
        disputedCount++;
        continue;
      }
      rows++;
      if (!ours) {
        missing++;
        misses.push(
          `  ${name}#${row.n} [${row.lhost}] missing (expected ${row.reason_current} ${row.status})`,
        );
        continue;
      }
      const okReason = ours.reason === row.reason_current;
      if (okReason) {
        reasonOk++;
        stats.ok++;
      }
      const pseudo = /^\d\.0\.9\d\d$/.test(row.status);
      if (pseudo) statusPseudo++;
      else if ((ours.status ?? "") === row.status) statusOk++;
      if (!okReason) {
        misses.push(
          `  ${name}#${row.n} [${row.lhost} → ${ours.format} ${ours.diagnosis.ruleId}] reason ${ours.reason} (expected ${row.reason_current}); status ${ours.status} (expected ${row.status})\n      ${(ours.diagnosticCode ?? "").replace(/\s+/g, " ").slice(0, 200)}`,
        );
      }
    }
  }
  console.log(
    `set-of-emails maildir/bsd: ${rows} recipients compared (${disputedCount} disputed rows counted apart)`,
  );
  console.log(`  reason ${pct(reasonOk, rows)} (${reasonOk}/${rows})   target ≥ 99.5%   missing ${missing}`);
  console.log(
    `  status ${pct(statusOk, rows - statusPseudo)} (${statusOk}/${rows - statusPseudo}; ${statusPseudo} rows carry Sisimai's own 5.0.9xx codes and are not compared)`,
  );
  if (!quiet) {
    const weak = [...perFormat]
      .filter(([, s]) => s.ok < s.rows)
      .sort((a, b) => b[1].rows - b[1].ok - (a[1].rows - a[1].ok));
    if (weak.length)
      console.log(`  formats below 100%: ${weak.map(([f, s]) => `${f} ${s.ok}/${s.rows}`).join(", ")}`);
    if (misses.length) console.log(`  disagreements (${misses.length}):\n${misses.join("\n")}`);
  }
}

function loadDisputed(): Map<string, Disputed> {
  const map = new Map<string, Disputed>();
  try {
    const text = readFileSync(join(projectRoot, "eval", "disputed.jsonl"), "utf8");
    for (const line of text.split("\n")) {
      if (line.trim() === "" || line.startsWith("//")) continue;
      const row = JSON.parse(line) as Disputed;
      map.set(`${row.file}#${row.n}`, row);
    }
  } catch {
    // no disputed rows yet
  }
  return map;
}

function evaluateVariants(): void {
  for (const variant of ["dos", "mac"]) {
    const dir = `corpora/set-of-emails/maildir/${variant}`;
    if (needsShared(dir).skip) continue;
    const files = readdirSync(sharedPath(dir)).sort();
    let decoded = 0;
    const failed: string[] = [];
    for (const name of files) {
      const reports = parseFile(sharedPath(join(dir, name)));
      if (reports.some((r) => r.recipients.length > 0)) decoded++;
      else failed.push(name);
    }
    console.log(
      `set-of-emails ${variant}/: ${decoded}/${files.length} emails decoded${failed.length ? ` (not: ${failed.join(", ")})` : ""}`,
    );
  }
}

if (!onlyFormat && !onlyFile) evaluateVariants();
evaluateSetOfEmails();
