import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { needsShared, readCsv } from "../../test/shared.js";
import { REASONS } from "../types.js";
import { ENHANCED_CODE_RANGES, ENHANCED_CODES, PARSER_PSEUDO_CODES } from "./enhanced.js";
import { findEnhanced, parseEnhanced } from "./enhanced-lookup.js";

const REGISTRY_CSV = "reference/enhanced-status-codes.csv";

/** A basic-code field is a plain list when it holds only three-digit codes and separators. */
function isPlainList(raw: string): boolean {
  return /^\d{3}(?:\s*[,/]\s*\d{3})*$/.test(raw);
}

describe("ENHANCED_CODES data", () => {
  it("has unique codes", () => {
    const seen = new Set<string>();
    for (const entry of ENHANCED_CODES) {
      const key = entry.code.toUpperCase();
      assert.ok(!seen.has(key), `duplicate code ${entry.code}`);
      seen.add(key);
    }
  });

  it("writes wild codes concretely and registry codes with X", () => {
    for (const entry of ENHANCED_CODES) {
      if (entry.status === "non-standard") {
        assert.ok(parseEnhanced(entry.code), `${entry.code} should be a concrete canonical code`);
        assert.equal(entry.kind, "detail");
        assert.ok(entry.seenAt && entry.seenAt.length > 0, `${entry.code} needs seenAt`);
        assert.ok(entry.reason, `${entry.code} needs a reason`);
      } else {
        assert.ok(/^(X\.|[245]\.XXX\.YYY$)/.test(entry.code), `${entry.code} should be in registry form`);
      }
    }
  });

  it("gives every detail a known reason and a short meaning", () => {
    const reasons = new Set<string>(REASONS);
    for (const entry of [...ENHANCED_CODES, ...PARSER_PSEUDO_CODES]) {
      assert.ok(entry.meaning.length > 20, `${entry.code} meaning too short`);
      if (entry.reason !== undefined) assert.ok(reasons.has(entry.reason), `${entry.code}: ${entry.reason}`);
      if (entry.kind === "detail") assert.ok(entry.reason, `${entry.code} has no reason`);
    }
  });

  it("points every range at an existing entry of the same class", () => {
    const codes = new Set(ENHANCED_CODES.map((entry) => entry.code));
    for (const range of ENHANCED_CODE_RANGES) {
      assert.ok(codes.has(range.code), range.code);
      assert.ok(range.code.startsWith(`${range.class}.${range.subject}.`));
    }
  });

  it("keeps bounce-parser pseudo codes out of the main table", () => {
    const codes = new Set(ENHANCED_CODES.map((entry) => entry.code));
    for (const entry of PARSER_PSEUDO_CODES) assert.ok(!codes.has(entry.code), entry.code);
    assert.ok(PARSER_PSEUDO_CODES.some((entry) => entry.code === "5.0.910" && entry.reason === "filtered"));
  });
});

describe("ENHANCED_CODES against the IANA registry", () => {
  it("contains every registry record as the registry writes it", needsShared(REGISTRY_CSV), () => {
    const rows = readCsv(REGISTRY_CSV);
    assert.equal(rows.length, 92);
    const index = new Map(ENHANCED_CODES.map((entry) => [entry.code, entry]));
    for (const row of rows) {
      const code = row.code ?? "";
      const entry = index.get(code);
      assert.ok(entry, `missing ${code}`);
      assert.equal(entry.kind, row.kind, `${code} kind`);
      if (code !== "X.6.10") assert.equal(entry.title, row.title, `${code} title`);
      const expected = (row.basic_codes ?? "")
        .split(";")
        .filter((value) => value !== "")
        .map(Number)
        .sort((a, b) => a - b);
      assert.deepEqual(
        [...entry.basicCodes].sort((a, b) => a - b),
        expected,
        `${code} basic codes`,
      );
      assert.equal(entry.deprecated === true, row.deprecated === "yes", `${code} deprecated`);
      const raw = row.basic_codes_raw ?? "";
      if (raw !== "" && !isPlainList(raw)) assert.equal(entry.basicCodesNote, raw, `${code} basic-code note`);
      else assert.equal(entry.basicCodesNote, undefined, `${code} should have no basic-code note`);
      if (row.registered) assert.equal(entry.registered, row.registered, `${code} registered`);
      assert.notEqual(entry.status, "non-standard", `${code} is a registry code`);
    }
    const registryCount = ENHANCED_CODES.filter((entry) => entry.status !== "non-standard").length;
    assert.equal(registryCount, rows.length, "no registry-form entries beyond the registry");
  });

  it("does not copy the reference notes into meanings or notes", needsShared(REGISTRY_CSV), () => {
    const run = 40;
    const windows = new Set<string>();
    for (const row of readCsv(REGISTRY_CSV)) {
      const note = (row.notes ?? "").toLowerCase();
      for (let i = 0; i + run <= note.length; i++) windows.add(note.slice(i, i + run));
    }
    for (const entry of [...ENHANCED_CODES, ...PARSER_PSEUDO_CODES]) {
      for (const text of [entry.meaning, ...(entry.notes ?? [])]) {
        const lower = text.toLowerCase();
        for (let i = 0; i + run <= lower.length; i++) {
          const slice = lower.slice(i, i + run);
          assert.ok(!windows.has(slice), `${entry.code} repeats reference wording: "${slice}"`);
        }
      }
    }
  });
});

describe("parseEnhanced", () => {
  it("accepts canonical codes", () => {
    assert.deepEqual(parseEnhanced("5.7.26"), { code: "5.7.26", class: 5, subject: 7, detail: 26 });
    assert.deepEqual(parseEnhanced("2.0.0"), { code: "2.0.0", class: 2, subject: 0, detail: 0 });
    assert.deepEqual(parseEnhanced("4.7.650"), { code: "4.7.650", class: 4, subject: 7, detail: 650 });
    assert.deepEqual(parseEnhanced("5.999.999"), { code: "5.999.999", class: 5, subject: 999, detail: 999 });
    assert.equal(parseEnhanced(" 5.1.1\r\n")?.code, "5.1.1");
  });

  it("rejects anything else", () => {
    for (const bad of [
      "",
      "5",
      "5.1",
      "5.1.",
      ".5.1.1",
      "3.1.1",
      "1.1.1",
      "6.1.1",
      "55.1.1",
      "5.01.1",
      "5.1.01",
      "5.1.00",
      "5.1000.1",
      "5.1.1000",
      "5.1.1.1",
      "5.1.1.",
      "#5.1.1",
      "5.1.1a",
      "5..1",
      "5.a.1",
      "X.1.1",
      "5-1-1",
      "5.1 .1",
      "550 5.1.1",
    ]) {
      assert.equal(parseEnhanced(bad), null, JSON.stringify(bad));
    }
  });

  it("is fast and safe on hostile input", () => {
    const huge = "5.".repeat(500_000);
    const started = performance.now();
    assert.equal(parseEnhanced(huge), null);
    assert.equal(findEnhanced(huge).entry, null);
    assert.equal(parseEnhanced(undefined as unknown as string), null);
    assert.ok(performance.now() - started < 50);
  });
});

describe("findEnhanced", () => {
  it("returns the registry detail with class and subject for a concrete code", () => {
    const found = findEnhanced("5.7.26");
    assert.equal(found.entry?.code, "X.7.26");
    assert.equal(found.registryEntry?.code, "X.7.26");
    assert.equal(found.classEntry?.code, "5.XXX.YYY");
    assert.equal(found.subjectEntry?.code, "X.7.YYY");
  });

  it("prefers an exact non-standard entry and still gives the registry one", () => {
    const found = findEnhanced("5.1.10");
    assert.equal(found.entry?.code, "5.1.10");
    assert.equal(found.entry?.reason, "userunknown");
    assert.equal(found.registryEntry?.code, "X.1.10");
    assert.equal(found.registryEntry?.reason, "notaccept");
    // The same detail in the other class keeps the registry meaning.
    assert.equal(findEnhanced("4.1.10").entry?.code, "X.1.10");
    assert.equal(findEnhanced("5.7.509").entry?.status, "non-standard");
    assert.equal(findEnhanced("5.7.509").registryEntry, null);
  });

  it("accepts registry notation", () => {
    for (const code of ["X.7.26", "x.7.26", " X.7.26 "]) {
      const found = findEnhanced(code);
      assert.equal(found.entry?.code, "X.7.26", code);
      assert.equal(found.subjectEntry?.code, "X.7.YYY");
      assert.equal(found.classEntry, null);
    }
    assert.equal(findEnhanced("X.7.YYY").entry?.code, "X.7.YYY");
    assert.equal(findEnhanced("5.XXX.YYY").entry?.code, "5.XXX.YYY");
    assert.equal(findEnhanced("X.6.10").entry?.deprecated, true);
    assert.equal(findEnhanced("X.7.999").entry, null);
    assert.equal(findEnhanced("X.9.1").subjectEntry, null);
  });

  it("keeps class and subject for unknown details", () => {
    const found = findEnhanced("5.7.999");
    assert.equal(found.entry?.code, "5.7.900", "inside the Exchange mail-flow-rule range");
    const unknown = findEnhanced("5.3.999");
    assert.equal(unknown.entry, null);
    assert.equal(unknown.registryEntry, null);
    assert.equal(unknown.classEntry?.code, "5.XXX.YYY");
    assert.equal(unknown.subjectEntry?.code, "X.3.YYY");
    const noSubject = findEnhanced("4.9.1");
    assert.equal(noSubject.entry, null);
    assert.equal(noSubject.classEntry?.code, "4.XXX.YYY");
    assert.equal(noSubject.subjectEntry, null);
  });

  it("maps documented provider ranges and parser pseudo codes", () => {
    assert.equal(findEnhanced("5.7.620").entry?.code, "5.7.606");
    assert.equal(findEnhanced("4.7.512").entry?.code, "4.7.500");
    assert.equal(findEnhanced("4.7.650").entry?.code, "4.7.650", "exact entry beats the range");
    assert.equal(findEnhanced("5.0.911").entry?.reason, "userunknown");
    assert.equal(findEnhanced("5.0.911").entry?.seenAt?.[0], "sisimai");
  });

  it("returns nothing for malformed input", () => {
    for (const bad of ["", "hello", "5.01.1", "550", "X.7", "X.07.1", "Y.7.26"]) {
      const found = findEnhanced(bad);
      assert.equal(found.entry, null, bad);
      assert.equal(found.classEntry, null, bad);
    }
  });

  it("lists non-registry codes seen in the reply corpus", needsShared("replies/dev.jsonl"), () => {
    // Every enhanced code in the corpus is either in the registry or has its own entry.
    const seenOnlyInWild = [
      "4.4.62",
      "4.7.32",
      "4.7.500",
      "4.7.650",
      "4.7.652",
      "5.1.351",
      "5.2.122",
      "5.2.252",
      "5.4.316",
      "5.4.318",
      "5.7.509",
      "5.7.515",
      "5.7.57",
      "5.7.60",
      "5.7.606",
    ];
    for (const code of seenOnlyInWild) assert.equal(findEnhanced(code).entry?.code, code, code);
  });
});
