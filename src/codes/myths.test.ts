import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { needsShared, readCsv, sharedPath } from "../../test/shared.js";
import { MYTHS, mythsFor } from "./myths.js";

const CLAIMS_CSV = "reference/seed-claims.csv";
const CLAIMS_NOTES = "reference/seed-claims.md";
const RUN = 40;

function flatten(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Every RUN-character window of the given texts, for a cheap "was this copied?" check. */
function windows(texts: string[]): Set<string> {
  const found = new Set<string>();
  for (const text of texts) {
    const flat = flatten(text);
    for (let start = 0; start + RUN <= flat.length; start++) found.add(flat.slice(start, start + RUN));
  }
  return found;
}

function copiedRun(text: string, source: Set<string>): string | undefined {
  const flat = flatten(text);
  for (let start = 0; start + RUN <= flat.length; start++) {
    const run = flat.slice(start, start + RUN);
    if (source.has(run)) return run;
  }
  return undefined;
}

const STOPWORDS = new Set(["about", "after", "their", "there", "these", "those", "which", "where", "other"]);

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 5 && !STOPWORDS.has(word)),
  );
}

/** Codes written in a text: basic (550), enhanced (5.1.1, X.2.2), digit patterns (x0z, 4yz); not § numbers. */
function codeTokens(text: string): string[] {
  const withoutSections = text.toLowerCase().replace(/§[\d.-]+/g, " ");
  return (withoutSections.match(/\b(?:[245x]\.\d{1,3}\.\d{1,3}|\d{3}|[1-5x][0-9xy][xz])\b/g) ?? []).filter(
    (token) => token !== "xxx",
  );
}

describe("MYTHS against the shared claim review", needsShared(CLAIMS_CSV), () => {
  const rows = existsSync(sharedPath(CLAIMS_CSV)) ? readCsv(CLAIMS_CSV) : [];
  const wrongRows = rows.filter((row) => row.verdict !== "right");

  test("the review has the expected number of rows that are not right", () => {
    assert.equal(wrongRows.length, 60);
  });

  test("every row that is not right is answered by exactly one myth, with the same code and verdict", () => {
    for (const row of wrongRows) {
      const owners = MYTHS.filter((myth) => myth.claims.includes(row.id ?? ""));
      assert.equal(owners.length, 1, `${row.id} is claimed by ${owners.length} myths`);
      const myth = owners[0];
      assert.ok(myth);
      assert.equal(myth.code, row.code, `${row.id}: code`);
      assert.equal(myth.verdict, row.verdict, `${row.id}: verdict`);
      if (row.correct_code) assert.equal(myth.likelyFrom, row.correct_code, `${row.id}: likelyFrom`);
    }
  });

  test("every myth answers only rows of the review that are not right", () => {
    const ids = new Set(wrongRows.map((row) => row.id));
    for (const myth of MYTHS) {
      assert.ok(myth.claims.length > 0, `${myth.code}: no claims`);
      for (const id of myth.claims) assert.ok(ids.has(id), `${myth.code}: ${id} is not a non-right row`);
    }
  });

  test("no claim or correction copies a 40-character run of the review's wording", () => {
    const texts = rows.flatMap((row) => [row.claim ?? "", row.correct_meaning ?? "", row.note ?? ""]);
    if (existsSync(sharedPath(CLAIMS_NOTES))) texts.push(readFileSync(sharedPath(CLAIMS_NOTES), "utf8"));
    const source = windows(texts);
    for (const myth of MYTHS) {
      for (const field of ["claim", "correction"] as const) {
        const run = copiedRun(myth[field], source);
        assert.equal(run, undefined, `${myth.claims.join(",")} ${field} copies "${run}"`);
      }
    }
  });

  test("every correction states the correct code or meaning", () => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const myth of MYTHS) {
      const correction = myth.correction.toLowerCase();
      assert.ok(correction.trim().length > 0, `${myth.code}: empty correction`);
      if (myth.likelyFrom) {
        assert.ok(
          correction.includes(myth.likelyFrom.toLowerCase()),
          `${myth.code}: names ${myth.likelyFrom}`,
        );
      }
      const mentioned = new Set(codeTokens(correction));
      const words = contentWords(correction);
      for (const id of myth.claims) {
        const meaning = byId.get(id)?.correct_meaning ?? "";
        // The codes the review names in its answer must appear, and the meaning must share key words.
        for (const token of codeTokens(meaning)) {
          assert.ok(mentioned.has(token), `${id}: correction should name ${token}`);
        }
        const shared = [...contentWords(meaning)].filter((word) => words.has(word));
        assert.ok(
          shared.length >= 2,
          `${id}: correction shares too few key words with the meaning (${shared})`,
        );
      }
    }
  });
});

describe("MYTHS shape", () => {
  test("every myth has a claim, a correction and a reference", () => {
    for (const myth of MYTHS) {
      assert.ok(myth.claim.trim(), `${myth.code}: claim`);
      assert.ok(myth.correction.trim(), `${myth.code}: correction`);
      assert.ok(myth.references.length > 0, `${myth.code}: references`);
      for (const reference of myth.references) {
        assert.match(reference, /^(?:RFC \d+(?: §[\d.-]+)?|IANA registry)$/, `${myth.code}: ${reference}`);
      }
    }
  });

  test("the correction opens with the standard meaning, not with the myth", () => {
    for (const myth of MYTHS) {
      const firstSentence = myth.correction.split(/\.\s/)[0]?.toLowerCase() ?? "";
      assert.doesNotMatch(
        firstSentence,
        /\b(?:claim|pages?|articles?|web|lists? say)\b/,
        myth.claims.join(","),
      );
    }
  });

  test("claim identifiers are unique across myths", () => {
    const ids = MYTHS.flatMap((myth) => myth.claims);
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe("mythsFor", () => {
  const ids = (code: string) => mythsFor(code).flatMap((myth) => myth.claims);

  test("535 finds the myth from 5.3.5 and the one that belongs to 530", () => {
    const found = mythsFor("535");
    assert.deepEqual(found.map((myth) => myth.likelyFrom).sort(), ["5.3.5", "530"]);
  });

  test("ignores case and extra spaces", () => {
    assert.deepEqual(mythsFor("x.4.3"), mythsFor(" X.4.3 "));
    assert.deepEqual(ids("450   4.2.0"), ["C088"]);
    assert.equal(mythsFor("X.4.3").length, 1);
  });

  test("a basic code finds the combined forms that contain it", () => {
    const codes = mythsFor("500").map((myth) => myth.code);
    for (const code of ["500 5.1.1", "500 5.7.1", "500 5.4.1", "500.0"])
      assert.ok(codes.includes(code), code);
  });

  test("an enhanced code finds combined forms, dot-dropped numbers and the claims that belong to it", () => {
    const found = mythsFor("5.4.1");
    assert.ok(found.some((myth) => myth.code === "500 5.4.1"));
    assert.ok(found.some((myth) => myth.code === "541" && myth.likelyFrom === "5.4.1"));
    assert.ok(ids("5.3.5").includes("C156"));
    assert.ok(ids("5.4.3").includes("C199"), "5.4.3 falls under X.4.3");
    assert.ok(ids("4.2.2").includes("C049"), "the 451 myth belongs to 452 4.2.2");
    assert.deepEqual(ids("5.1.5"), ["C146"], "515 misreads 5.1.5");
    assert.deepEqual(ids("5.0.2"), [], "502 is a real code, not 5.0.2 without dots");
  });

  test("finds nothing for codes without myths or for junk", () => {
    assert.deepEqual(mythsFor("554"), []);
    assert.deepEqual(mythsFor(""), []);
    assert.deepEqual(mythsFor("5".repeat(1_000_000)), []);
  });

  test("does not spread a digit pattern to every code of the class", () => {
    assert.ok(!ids("550").includes("C039"));
  });
});
