/**
 * Accuracy of `explain` on labelled replies: ../shared/replies/dev.jsonl (reason,
 * permanent, suppress) and the diagnostic codes of ../shared/corpora/generated-postfix
 * (reason, permanent). Prints agreement per field and every disagreement.
 *
 *   npm run eval               text only (what the reply itself says)
 *   npm run eval -- --hint     also pass the labelled provider as a hint
 *   npm run eval -- --quiet    figures only
 */
import { existsSync } from "node:fs";
import { explain } from "../src/index.js";
import { needsShared, readJsonl, sharedPath } from "../test/shared.js";

interface DevRow {
  id: string;
  provider: string;
  reply: string;
  reason: string;
  permanent: boolean;
  suppress_recipient: boolean;
}

const args = new Set(process.argv.slice(2));
const useHint = args.has("--hint");
const quiet = args.has("--quiet");

function pct(n: number, d: number): string {
  return d === 0 ? "n/a" : `${((100 * n) / d).toFixed(2)}%`;
}

function evaluateDev(): number {
  const file = "replies/dev.jsonl";
  if (needsShared(file).skip) {
    console.log(`skipped dev.jsonl: ${sharedPath(file)} not found`);
    return 0;
  }
  const rows = readJsonl<DevRow>(file);
  let reason = 0;
  let permanent = 0;
  let suppress = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const d = explain(row.reply, useHint && row.provider !== "unknown" ? { provider: row.provider } : {});
    const okReason = d.reason === row.reason;
    const okPermanent = d.permanent === row.permanent;
    const okSuppress = d.suppressRecipient === row.suppress_recipient;
    if (okReason) reason++;
    if (okPermanent) permanent++;
    if (okSuppress) suppress++;
    if (!okReason || !okPermanent || !okSuppress) {
      const what = [
        okReason ? "" : `reason ${d.reason} (expected ${row.reason})`,
        okPermanent ? "" : `permanent ${d.permanent} (expected ${row.permanent})`,
        okSuppress ? "" : `suppress ${d.suppressRecipient} (expected ${row.suppress_recipient})`,
      ]
        .filter(Boolean)
        .join("; ");
      misses.push(`  ${row.id} [${d.ruleId}] ${what}\n      ${row.reply.replace(/\n/g, "⏎").slice(0, 160)}`);
    }
  }
  const n = rows.length;
  console.log(`dev.jsonl: ${n} replies${useHint ? " (provider hints on)" : " (text only)"}`);
  console.log(`  reason    ${pct(reason, n)}  (${reason}/${n})   target ≥ 97%`);
  console.log(`  permanent ${pct(permanent, n)}  (${permanent}/${n})   target ≥ 99%`);
  console.log(`  suppress  ${pct(suppress, n)}  (${suppress}/${n})   target ≥ 99%`);
  if (!quiet && misses.length > 0) console.log(`  disagreements (${misses.length}):\n${misses.join("\n")}`);
  return n;
}

interface PostfixRow {
  id: string;
  reason: string;
  alt_reasons: string[];
  permanent: boolean;
  rcpt: string;
  observed: { diagnostic_code?: string; remote_mta?: string; status?: string; action?: string };
  expected_outcome: string;
}

function evaluateGeneratedPostfix(): void {
  const file = "corpora/generated-postfix/labels.jsonl";
  if (needsShared(file).skip || !existsSync(sharedPath(file))) {
    console.log("skipped generated-postfix: labels not found");
    return;
  }
  const rows = readJsonl<PostfixRow>(file).filter((r) => r.observed?.diagnostic_code);
  let reason = 0;
  let permanent = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const d = explain(row.observed.diagnostic_code ?? "", {
      recipient: row.rcpt,
      remoteMta: row.observed.remote_mta,
      status: row.observed.status,
      action: row.observed.action,
    });
    const okReason = d.reason === row.reason || row.alt_reasons.includes(d.reason);
    const okPermanent = d.permanent === row.permanent;
    if (okReason) reason++;
    if (okPermanent) permanent++;
    if (!okReason || !okPermanent) {
      misses.push(
        `  ${row.id} [${d.ruleId}] ${okReason ? "" : `reason ${d.reason} (expected ${row.reason})`} ${okPermanent ? "" : `permanent ${d.permanent} (expected ${row.permanent})`}\n      ${(row.observed.diagnostic_code ?? "").slice(0, 160)}`,
      );
    }
  }
  const n = rows.length;
  console.log(
    `generated-postfix diagnostic codes: ${n} (recipient, remote MTA, DSN status and action given as context)`,
  );
  console.log(`  reason    ${pct(reason, n)}  (${reason}/${n})`);
  console.log(`  permanent ${pct(permanent, n)}  (${permanent}/${n})`);
  if (!quiet && misses.length > 0) console.log(`  disagreements (${misses.length}):\n${misses.join("\n")}`);
}

evaluateDev();
evaluateGeneratedPostfix();
