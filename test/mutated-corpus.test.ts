/**
 * Real bounces, damaged: each message of set-of-emails/maildir/bsd with one to three
 * seeded mutations (a line repeated thousands of times, a run of lines copied, lines cut
 * or dropped, bytes changed, boundaries broken, CRLF line ends, encoded words piled up).
 * No format module may fail on them, and none may take more than a generous linear bound.
 * A longer random campaign of this kind found the places that src/bounce/hostile.test.ts
 * now times one by one (a module reading the same lines again for every line or mention).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseBounce } from "../src/bounce/parse.js";
import { needsShared, sharedPath } from "./shared.js";

const CORPUS = "corpora/set-of-emails/maildir/bsd";

/** A seeded generator (a linear congruential one): the same mutations on every run. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

type Mutation = (text: string, random: (n: number) => number) => string;

const MUTATIONS: Mutation[] = [
  (text, random) => text.slice(0, random(text.length + 1)),
  (text, random) => {
    const lines = text.split("\n");
    lines.splice(random(lines.length), 1 + random(5));
    return lines.join("\n");
  },
  (text, random) => {
    const at = random(text.length);
    return text.slice(0, at) + String.fromCharCode(random(256)) + text.slice(at + 1);
  },
  (text) => text.replace(/\n/g, "\r\n"),
  (text, random) => {
    // One line repeated on its own line, or many times over on one line.
    const lines = text.split("\n");
    const at = random(lines.length);
    const line = lines[at] ?? "";
    if (random(2) === 0) lines.splice(at, 0, ...Array<string>(200 + random(3000)).fill(line));
    else lines[at] = line.repeat(100 + random(2000));
    return lines.join("\n");
  },
  (text, random) => {
    // A run of the following lines copied again and again.
    const lines = text.split("\n");
    const at = random(lines.length);
    const run = lines.slice(at, at + 1 + random(20));
    const copies = Array.from({ length: 50 + random(300) }, () => run).flat();
    lines.splice(at, 0, ...copies);
    return lines.join("\n");
  },
  (text) => text.replace(/boundary="?([^";\s]+)/i, (found) => `${found}x`),
  (text, random) => {
    const at = random(text.length);
    return `${text.slice(0, at)}${"=?utf-8?B?w6k=?= ".repeat(500 + random(5000))}${text.slice(at)}`;
  },
];

describe("damaged copies of real bounces", () => {
  it("are read in linear time, without a format module failing", needsShared(CORPUS), () => {
    const dir = sharedPath(CORPUS);
    const names = readdirSync(dir).sort();
    const random = generator(20261201);
    let inputs = 0;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      let text = readFileSync(join(dir, name), "latin1");
      const count = 1 + random(3);
      for (let k = 0; k < count; k++) {
        const next = (MUTATIONS[random(MUTATIONS.length)] as Mutation)(text, random);
        if (next.length <= 4_000_000) text = next;
      }
      const start = performance.now();
      const report = parseBounce(text);
      const ms = performance.now() - start;
      inputs++;
      const failures = report.errors.filter((error) => error.startsWith("format "));
      assert.deepEqual(failures, [], name);
      // Generous for a slow machine: the quadratic reads found took 6 µs a byte and more.
      assert.ok(ms < 250 + text.length / 500, `${name}: ${ms.toFixed(0)} ms for ${text.length} bytes`);
    }
    assert.ok(inputs > 600);
  });
});
