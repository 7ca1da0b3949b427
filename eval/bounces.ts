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
  let suppressOk = 0;
  const suppressMisses = new Map<string, number>();
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
      if (ours.suppressRecipient === row.hardbounce) suppressOk++;
      else {
        const kind = `${row.reason_current} → ${ours.reason}: ${row.hardbounce ? "hard, we keep" : "soft, we suppress"}`;
        suppressMisses.set(kind, (suppressMisses.get(kind) ?? 0) + 1);
      }
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
  console.log(
    `  reason ${pct(reasonOk, rows)} (${reasonOk}/${rows}) on undisputed rows   target ≥ 99.5%   missing ${missing}`,
  );
  console.log(
    `  reason ${pct(reasonOk, rows + disputedCount)} (${reasonOk}/${rows + disputedCount}) on all rows, counting the ${disputedCount} rows of eval/disputed.jsonl as disagreements`,
  );
  console.log(
    `  status ${pct(statusOk, rows - statusPseudo)} (${statusOk}/${rows - statusPseudo}; ${statusPseudo} rows carry Sisimai's own 5.0.9xx codes and are not compared)`,
  );
  const compared = rows - missing;
  const suppressList = [...suppressMisses].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ×${n}`);
  console.log(
    `  suppressRecipient = Sisimai's hardbounce ${pct(suppressOk, compared)} (${suppressOk}/${compared}, undisputed rows; informative: the two are not the same idea)${quiet || suppressList.length === 0 ? "" : `\n    differences: ${suppressList.join("; ")}`}`,
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

// ---------------------------------------------------------------------------------------
// bounceparser-perl and bounce-email-rb: is it a bounce, which addresses, which code.

/** Agreements and comparisons for one field. */
type Tally = [agreed: number, compared: number];

function figure([ok, all]: Tally): string {
  return `${pct(ok, all)} (${ok}/${all})`;
}

/** What we call a bounce: a failure or delay report (with or without a readable recipient). */
function isBounceReport(reports: BounceReport[]): boolean {
  return reports.some((r) => r.kind === "failed" || r.kind === "delayed");
}

function firstRecipient(reports: BounceReport[]): RecipientResult | undefined {
  return reports.flatMap((r) => r.recipients)[0];
}

function describeReports(reports: BounceReport[]): string {
  const recipients = reports.flatMap((r) => r.recipients);
  const kinds = reports.map((r) => `${r.kind}${r.format ? `/${r.format}` : ""}`).join(",");
  if (recipients.length === 0) return `${kinds}, no recipients`;
  return `${kinds}: ${recipients
    .map(
      (r) =>
        `${r.recipient} ${r.action} ${r.status ?? "-"} ${r.replyCode ?? "-"} ${r.reason} "${(r.diagnosticCode ?? "").replace(/\s+/g, " ").slice(0, 120)}"`,
    )
    .join(" | ")}`;
}

interface BounceParserLabel {
  file: string;
  expected: {
    is_bounce?: number;
    addresses?: string[];
    addresses_prefer_final_recipient?: string[];
    min_addresses?: number;
    reports?: number;
    std_reason?: string;
    intended_std_reason?: string;
    todo_std_reason?: string;
    todo_is_bounce?: string;
    smtp_code?: string;
    status?: string;
    reason?: string;
  };
}

/**
 * Mail::DeliveryStatus::BounceParser's std_reason against our reasons. The first reason
 * is the strict equivalent; the others are our finer names for what the Perl module
 * lumps together (its "user_unknown" covers moved and disabled mailboxes, its
 * "domain_error" relaying denials, its "spam" any content or sender rejection).
 */
const STD_REASON_MAP: Record<string, string[]> = {
  user_unknown: ["userunknown", "hasmoved", "suspend"],
  over_quota: ["mailboxfull"],
  domain_error: ["hostunknown", "norelaying", "notaccept"],
  spam: [
    "spamdetected",
    "blocked",
    "badreputation",
    "policyviolation",
    "filtered",
    "contenterror",
    "authfailure",
    "requireptr",
    "rejected",
  ],
  user_disabled: ["suspend"],
  message_too_large: ["emailtoolarge"],
};

function evaluateBounceParserPerl(): void {
  const file = "corpora/bounceparser-perl/labels.jsonl";
  if (needsShared(file).skip) {
    console.log("skipped bounceparser-perl: labels not found");
    return;
  }
  const labels = readJsonl<BounceParserLabel>(file);
  const counts: Record<"bounce" | "noReports" | "addresses" | "strict" | "loose" | "smtp" | "status", Tally> =
    {
      bounce: [0, 0],
      noReports: [0, 0],
      addresses: [0, 0],
      strict: [0, 0],
      loose: [0, 0],
      smtp: [0, 0],
      status: [0, 0],
    };
  const misses: string[] = [];
  for (const label of labels) {
    if (onlyFile && !label.file.includes(onlyFile)) continue;
    const name = label.file.replace(/^msg\//, "");
    let reports: BounceReport[] = [];
    try {
      reports = parseFile(sharedPath(join("corpora/bounceparser-perl", label.file)));
    } catch (error) {
      misses.push(`  ${name}: crashed: ${(error as Error).message}`);
    }
    const e = label.expected;
    const ours = describeReports(reports);
    if (dump) console.log(`${name}: expected ${JSON.stringify(e)}\n  ours ${ours}`);
    const recipients = reports.flatMap((r) => r.recipients);
    const first = recipients[0];
    if (e.reports === 0) {
      // Spam and virus mail that the Perl module calls a "bounce" without any report:
      // the useful check is that we find no recipients in it.
      counts.noReports[1]++;
      if (recipients.length === 0) counts.noReports[0]++;
      else misses.push(`  ${name}: expected no recipients (not a real bounce); ours ${ours}`);
    } else if (e.is_bounce !== undefined) {
      counts.bounce[1]++;
      const ok = isBounceReport(reports) === (e.is_bounce === 1);
      if (ok) counts.bounce[0]++;
      else
        misses.push(
          `  ${name}: is_bounce expected ${e.is_bounce}${e.todo_is_bounce ? " (TODO in the Perl tests)" : ""}; ours ${ours}`,
        );
    }
    const expectedAddresses = e.addresses_prefer_final_recipient ?? e.addresses;
    if (expectedAddresses) {
      counts.addresses[1]++;
      const got = [...new Set(recipients.map((r) => r.recipient.toLowerCase()))];
      if (got.join(",") === expectedAddresses.join(",")) counts.addresses[0]++;
      else misses.push(`  ${name}: addresses expected ${expectedAddresses.join(",")}; ours ${got.join(",")}`);
    } else if (e.min_addresses !== undefined) {
      counts.addresses[1]++;
      if (recipients.length >= e.min_addresses) counts.addresses[0]++;
      else misses.push(`  ${name}: expected at least ${e.min_addresses} addresses; ours ${ours}`);
    }
    const stdReason = e.std_reason;
    const mapped = stdReason ? STD_REASON_MAP[stdReason] : undefined;
    if (stdReason && mapped) {
      counts.strict[1]++;
      counts.loose[1]++;
      const reason = first?.reason ?? "(none)";
      if (reason === mapped[0]) counts.strict[0]++;
      if (mapped.includes(reason)) counts.loose[0]++;
      else
        misses.push(
          `  ${name}: std_reason ${stdReason}${e.todo_std_reason ? " (TODO in the Perl tests)" : ""} → ${mapped.join("/")}; ours ${first ? `${reason} [${first.diagnosis.ruleId}] "${(first.diagnosticCode ?? "").replace(/\s+/g, " ").slice(0, 160)}"` : "(no recipient)"}`,
        );
    }
    if (e.smtp_code) {
      counts.smtp[1]++;
      if (String(first?.replyCode ?? "") === e.smtp_code) counts.smtp[0]++;
      else misses.push(`  ${name}: smtp_code expected ${e.smtp_code}; ours ${first?.replyCode ?? "none"}`);
    }
    if (e.status) {
      counts.status[1]++;
      if ((first?.status ?? "") === e.status) counts.status[0]++;
      else misses.push(`  ${name}: status expected ${e.status}; ours ${first?.status ?? "none"}`);
    }
  }
  console.log("bounceparser-perl:");
  console.log(`  is_bounce ${figure(counts.bounce)}   (bounce = kind failed or delayed)`);
  console.log(`  spam/virus mail without reports read as no recipients ${figure(counts.noReports)}`);
  console.log(
    `  addresses ${figure(counts.addresses)}   smtp_code ${figure(counts.smtp)}   status ${figure(counts.status)}`,
  );
  console.log(
    `  std_reason strict ${figure(counts.strict)}   compatible ${figure(counts.loose)}   mapping: ${Object.entries(
      STD_REASON_MAP,
    )
      .map(([from, to]) => `${from}→${to.join("/")}`)
      .join("; ")}`,
  );
  if (!quiet && misses.length) console.log(`  disagreements (${misses.length}):\n${misses.join("\n")}`);
}

interface BounceEmailLabel {
  file: string;
  expected: { bounced?: boolean; code?: string; type?: string };
}

function evaluateBounceEmailRb(): void {
  const file = "corpora/bounce-email-rb/labels.jsonl";
  if (needsShared(file).skip) {
    console.log("skipped bounce-email-rb: labels not found");
    return;
  }
  const labels = readJsonl<BounceEmailLabel>(file);
  const counts: Record<"bounced" | "code" | "type", Tally> = { bounced: [0, 0], code: [0, 0], type: [0, 0] };
  const misses: string[] = [];
  for (const label of labels) {
    if (onlyFile && !label.file.includes(onlyFile)) continue;
    let reports: BounceReport[] = [];
    try {
      reports = parseFile(sharedPath(join("corpora/bounce-email-rb", label.file)));
    } catch (error) {
      misses.push(`  ${label.file}: crashed: ${(error as Error).message}`);
    }
    const e = label.expected;
    const ours = describeReports(reports);
    if (dump) console.log(`${label.file}: expected ${JSON.stringify(e)}\n  ours ${ours}`);
    const first = firstRecipient(reports);
    if (e.bounced !== undefined) {
      counts.bounced[1]++;
      if (isBounceReport(reports) === e.bounced) counts.bounced[0]++;
      else misses.push(`  ${label.file}: bounced expected ${e.bounced}; ours ${ours}`);
    }
    if (e.code && e.code !== "unknown") {
      counts.code[1]++;
      if ((first?.status ?? "") === e.code) counts.code[0]++;
      else misses.push(`  ${label.file}: code expected ${e.code}; ours ${first?.status ?? "none"} (${ours})`);
    }
    if (e.type) {
      counts.type[1]++;
      const permanent = e.type === "Permanent Failure";
      if (first && first.permanent === permanent) counts.type[0]++;
      else
        misses.push(
          `  ${label.file}: type expected ${e.type}; ours ${first ? (first.permanent ? "permanent" : "temporary") : "none"} (${ours})`,
        );
    }
  }
  console.log("bounce-email-rb:");
  console.log(
    `  bounced ${figure(counts.bounced)}   code = our status ${figure(counts.code)}   type = our permanence ${figure(counts.type)}`,
  );
  if (!quiet && misses.length) console.log(`  disagreements (${misses.length}):\n${misses.join("\n")}`);
}

interface GeneratedPostfix {
  id: string;
  rcpt: string;
  reason: string;
  alt_reasons: string[];
  permanent: boolean;
  enhanced_code: string;
  dsn_file: string | null;
  expected_outcome: string;
}

/** The DSNs a real Postfix 3.7 wrote for 44 scripted scenarios (reason, permanence, status). */
function evaluateGeneratedPostfix(): void {
  const file = "corpora/generated-postfix/labels.jsonl";
  if (needsShared(file).skip) return;
  const rows = readJsonl<GeneratedPostfix>(file).filter((r) => r.dsn_file);
  const pair = (): [number, number] => [0, 0];
  const counts = { recipient: pair(), reason: pair(), permanent: pair(), status: pair() };
  const misses: string[] = [];
  for (const row of rows) {
    const reports = parseFile(sharedPath(join("corpora/generated-postfix", row.dsn_file as string)));
    const ours = reports
      .flatMap((r) => r.recipients)
      .find((r) => r.recipient.toLowerCase() === row.rcpt.toLowerCase());
    counts.recipient[1]++;
    if (!ours) {
      misses.push(`  ${row.id}: recipient ${row.rcpt} not found`);
      continue;
    }
    counts.recipient[0]++;
    counts.reason[1]++;
    if (ours.reason === row.reason || row.alt_reasons.includes(ours.reason)) counts.reason[0]++;
    else
      misses.push(
        `  ${row.id} [${ours.format} ${ours.diagnosis.ruleId}] reason ${ours.reason} (expected ${row.reason}) ${(ours.diagnosticCode ?? "").slice(0, 120)}`,
      );
    counts.permanent[1]++;
    if (ours.permanent === row.permanent) counts.permanent[0]++;
    else misses.push(`  ${row.id}: permanent ${ours.permanent} (expected ${row.permanent})`);
    counts.status[1]++;
    if ((ours.status ?? "") === row.enhanced_code) counts.status[0]++;
    else misses.push(`  ${row.id}: status ${ours.status} (expected ${row.enhanced_code})`);
  }
  const f = (c: [number, number]) => `${pct(c[0], c[1])} (${c[0]}/${c[1]})`;
  console.log("generated-postfix DSNs:");
  console.log(
    `  recipient found ${f(counts.recipient)}   reason ${f(counts.reason)}   permanent ${f(counts.permanent)}   status ${f(counts.status)}`,
  );
  if (!quiet && misses.length) console.log(`  disagreements (${misses.length}):\n${misses.join("\n")}`);
}

if (!onlyFormat) {
  evaluateBounceParserPerl();
  evaluateBounceEmailRb();
  evaluateGeneratedPostfix();
}
