import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explain } from "../reply/explain.js";
import { REASONS } from "../types.js";
import { RULE_SETS } from "./index.js";

const allRules = RULE_SETS.flatMap((set) => set.rules.map((rule) => ({ set, rule })));

describe("rules", () => {
  it("have unique ids that start with their file's provider or 'generic'", () => {
    const seen = new Set<string>();
    for (const { set, rule } of allRules) {
      assert.ok(!seen.has(rule.id), `duplicate id ${rule.id}`);
      seen.add(rule.id);
      assert.ok(
        rule.id.startsWith(`${set.provider.id}.`) || rule.id.startsWith("generic."),
        `${rule.id} should start with ${set.provider.id}.`,
      );
      assert.ok(
        (REASONS as readonly string[]).includes(rule.reason),
        `${rule.id}: unknown reason ${rule.reason}`,
      );
    }
  });

  it("each carry at least one example", () => {
    for (const { rule } of allRules) assert.ok(rule.examples.length > 0, `${rule.id} has no example`);
  });

  // The generic check STYLE.md asks for: every example is decided by its own rule, with the
  // declared reason, so no two rules disagree on an example.
  for (const { rule } of allRules) {
    it(`${rule.id} decides its own examples`, () => {
      for (const example of rule.examples) {
        const d = explain(example);
        assert.equal(d.ruleId, rule.id, `"${example}" was decided by ${d.ruleId} (${d.reason})`);
        assert.equal(d.reason, rule.reason, `"${example}"`);
        if (typeof rule.permanent === "boolean")
          assert.equal(d.permanent, rule.permanent, `"${example}" permanence`);
      }
    });
  }

  it("phrases are lower-case or boundary-marked plain text (no regular expressions)", () => {
    for (const { rule } of allRules) {
      const phrases = [
        ...(rule.match.any ?? []),
        ...(rule.match.all ?? []).flat(),
        ...(rule.match.not ?? []),
      ];
      for (const phrase of phrases) {
        assert.equal(phrase, phrase.toLowerCase(), `${rule.id}: phrase "${phrase}" must be lower-case`);
        assert.ok(phrase.trim().length >= 2, `${rule.id}: phrase "${phrase}" too short`);
      }
    }
  });

  it("providers declare fingerprints that are not generic words", () => {
    for (const set of RULE_SETS) {
      for (const fingerprint of set.provider.fingerprints) {
        assert.ok(fingerprint.length >= 4, `${set.provider.id}: fingerprint "${fingerprint}" too short`);
      }
    }
  });
});
