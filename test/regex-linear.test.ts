/**
 * Every regular expression written in src/ must run in linear time on the inputs an
 * attacker would craft: long runs of one or two characters followed by a character that
 * makes the match fail. A pattern such as `/[-=_*#|~]{3,}$/` or `/\s*\([^)]*\)\s*\/g`
 * backtracks into quadratic time on them (one crafted bounce once took 277 s). The test
 * finds the literals in the source, times each on such runs, and when a run is slow at all
 * times it again on a run four times as long: linear time grows about 4 times, quadratic 16.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { projectRoot, sourceFiles } from "./shared.js";

/** A regular expression literal: "/", a body of escapes, classes and other characters, "/", flags. */
const LITERAL = /(?<![\w)\]$])\/(?![*/])((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuyv]*)/g;

function literals(): { where: string; pattern: RegExp }[] {
  const found: { where: string; pattern: RegExp }[] = [];
  for (const file of sourceFiles(join(projectRoot, "src"))) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, index) => {
      const code = line.trim();
      if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return;
      for (const match of line.matchAll(LITERAL)) {
        try {
          const pattern = new RegExp(match[1] as string, match[2]);
          found.push({ where: `${relative(projectRoot, file)}:${index + 1}`, pattern });
        } catch {
          // Not a regular expression after all (a division, a path in a string).
        }
      }
    });
  }
  return found;
}

const UNITS = [
  ..." \t(<[\"'=@:;{-.>)\\!#%&*+/?^_`|~0a5A\u00a0é]},",
  "a ",
  "a.",
  "a@",
  "@a",
  " (",
  "( ",
  "<a",
  "a=",
  "=?",
  "5.",
  "\n ",
];
const TAILS = ["", "\u0001", "\n", "x", ")", "!"];

function timeOn(pattern: RegExp, input: string): number {
  const copy = new RegExp(pattern.source, pattern.flags);
  const start = performance.now();
  if (copy.global || copy.sticky) {
    for (let count = 0, match = copy.exec(input); match !== null && count < 100_000; count++) {
      if (match[0] === "") copy.lastIndex++;
      match = copy.exec(input);
    }
  } else copy.exec(input);
  return performance.now() - start;
}

describe("regular expressions in src/", () => {
  it("run in linear time on long runs of the characters they care about", () => {
    const all = literals();
    assert.ok(all.length > 300, `only ${all.length} literals found: the finder is broken`);
    const slow: string[] = [];
    for (const { where, pattern } of all) {
      for (const unit of UNITS) {
        for (const tail of TAILS) {
          const short = unit.repeat(Math.ceil(2000 / unit.length)) + tail;
          if (timeOn(pattern, short) < 2) continue;
          // Slow once: time both lengths again, best of three, and compare.
          const long = unit.repeat(Math.ceil(8000 / unit.length)) + tail;
          const a = Math.min(timeOn(pattern, short), timeOn(pattern, short), timeOn(pattern, short));
          const b = Math.min(timeOn(pattern, long), timeOn(pattern, long), timeOn(pattern, long));
          if (b > 10 * a && b > 20) slow.push(`${where} ${pattern} on ${JSON.stringify(unit + tail)}`);
        }
      }
    }
    assert.deepEqual(slow, []);
  });
});
