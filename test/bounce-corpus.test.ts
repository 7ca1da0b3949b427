/**
 * The bounce corpora in ../shared read at run time (skipped where absent): every
 * set-of-emails expectation is found, reasons agree on the undisputed rows, disputed rows
 * still give the answer their proof defends, and the CRLF, CR-only, broken and
 * non-bounce variants are handled.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { splitMbox } from "../src/bounce/mbox.js";
import { binaryString } from "../src/bounce/mime.js";
import { parseBounce } from "../src/bounce/parse.js";
import type { RecipientResult } from "../src/bounce/types.js";
import { needsShared, projectRoot, readJsonl, sharedPath } from "./shared.js";

const EXPECTATIONS = "corpora/set-of-emails/expectations.jsonl";

function recipientsOf(path: string): RecipientResult[] {
  const text = binaryString(readFileSync(path));
  return splitMbox(text).flatMap((message) => parseBounce(message).recipients);
}

interface Expectation {
  file: string;
  n: number;
  status: string;
  reason_current: string;
}

interface Dispute {
  file: string;
  n: number;
  ours: string;
  proof: string;
}

describe("bounce corpora", () => {
  it(
    "set-of-emails: every expected recipient found, ≥ 99.5% reason agreement on undisputed rows",
    needsShared(EXPECTATIONS),
    () => {
      const disputes = new Map(
        readFileSync(join(projectRoot, "eval", "disputed.jsonl"), "utf8")
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => JSON.parse(line) as Dispute)
          .map((d) => [`${d.file}#${d.n}`, d]),
      );
      const byFile = new Map<string, Expectation[]>();
      for (const row of readJsonl<Expectation>(EXPECTATIONS))
        byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
      let compared = 0;
      let agreed = 0;
      let statusCompared = 0;
      let statusAgreed = 0;
      const misses: string[] = [];
      for (const [file, rows] of byFile) {
        const results = recipientsOf(sharedPath(join("corpora/set-of-emails", file)));
        for (const row of rows) {
          const ours = results[row.n];
          assert.ok(ours, `${file}#${row.n}: no recipient found`);
          const dispute = disputes.get(`${file}#${row.n}`);
          if (dispute) {
            assert.ok(dispute.proof.length > 20, `${file}#${row.n}: a dispute needs its proof`);
            assert.equal(
              ours.reason,
              dispute.ours,
              `${file}#${row.n}: the disputed answer changed; review eval/disputed.jsonl`,
            );
            continue;
          }
          compared++;
          if (ours.reason === row.reason_current) agreed++;
          else misses.push(`${file}#${row.n} ${ours.reason} ≠ ${row.reason_current}`);
          if (!/^\d\.0\.9\d\d$/.test(row.status)) {
            statusCompared++;
            if ((ours.status ?? "") === row.status) statusAgreed++;
          }
        }
      }
      assert.ok(agreed / compared >= 0.995, `reason agreement ${agreed}/${compared}: ${misses.join("; ")}`);
      assert.ok(statusAgreed / statusCompared >= 0.98, `status agreement ${statusAgreed}/${statusCompared}`);
    },
  );

  for (const variant of ["dos", "mac"]) {
    const dir = `corpora/set-of-emails/maildir/${variant}`;
    it(`set-of-emails ${variant}/: every email decodes to recipients`, needsShared(dir), () => {
      for (const name of readdirSync(sharedPath(dir))) {
        assert.ok(recipientsOf(sharedPath(join(dir, name))).length > 0, `${variant}/${name}`);
      }
    });
  }

  it(
    "set-of-emails not/: messages that are not bounces give no failed recipient",
    needsShared("corpora/set-of-emails/maildir/not"),
    () => {
      for (const name of ["is-not-bounce-01.eml", "is-not-bounce-02.eml"]) {
        const failed = recipientsOf(sharedPath(join("corpora/set-of-emails/maildir/not", name))).filter(
          (r) => r.action === "failed",
        );
        assert.equal(failed.length, 0, name);
      }
    },
  );

  it(
    "set-of-emails err/: damaged messages never throw",
    needsShared("corpora/set-of-emails/maildir/err"),
    () => {
      for (const name of readdirSync(sharedPath("corpora/set-of-emails/maildir/err"))) {
        recipientsOf(sharedPath(join("corpora/set-of-emails/maildir/err", name)));
      }
    },
  );
});
