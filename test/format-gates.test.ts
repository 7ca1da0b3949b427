/**
 * A format's gate is a necessary condition for its detect: parseBounce skips a module whose
 * gate is false, so a gate that is false for a message the module would have taken loses
 * that message. Checked on every message of the corpora in ../shared (skipped where absent)
 * and on the fixtures of this repository.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { FORMATS } from "../src/bounce/formats/index.js";
import { splitMbox } from "../src/bounce/mbox.js";
import { bounceMessage } from "../src/bounce/message.js";
import { binaryString, parseMessage } from "../src/bounce/mime.js";
import { messageFacts } from "../src/bounce/parse.js";
import { needsShared, projectRoot, sharedPath } from "./shared.js";

/** Files that hold messages (not labels, notes or scripts), under `dir`. */
function messageFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...messageFiles(path));
    else if (!/\.(jsonl?|md|csv|log|pl|py|sh|ya?ml|gz|ts)$/.test(name) && stat.size < 5_000_000)
      out.push(path);
  }
  return out;
}

/** Every module's gate holds for every message of `files` that the module detects. */
function checkGates(files: string[]): { messages: number; detected: number } {
  const gated = FORMATS.filter((module) => module.gate !== undefined);
  assert.ok(gated.length > 0, "no format has a gate");
  let messages = 0;
  let detected = 0;
  const misses: string[] = [];
  for (const file of files) {
    for (const raw of splitMbox(binaryString(readFileSync(file)))) {
      messages++;
      const message = bounceMessage(parseMessage(raw));
      const facts = messageFacts(message);
      for (const module of gated) {
        let accepted = false;
        try {
          accepted = module.detect(message);
        } catch {
          // A module that throws is skipped by parseBounce as well.
        }
        if (!accepted) continue;
        detected++;
        if (!module.gate?.(facts)) misses.push(`${module.id}: ${file} (${message.subject.slice(0, 60)})`);
      }
    }
  }
  assert.deepEqual(misses, [], "gates that are false for messages their module detects");
  return { messages, detected };
}

describe("format gates", () => {
  it(
    "never turn away a message of the corpora that the module's detect accepts",
    needsShared("corpora"),
    () => {
      const { messages, detected } = checkGates(messageFiles(sharedPath("corpora")));
      assert.ok(messages > 1000, `only ${messages} messages read`);
      assert.ok(detected > 200, `only ${detected} detections by gated modules`);
    },
  );

  it("never turn away a fixture of this repository that the module's detect accepts", () => {
    checkGates(messageFiles(join(projectRoot, "test", "fixtures")));
  });
});
