import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { needsShared, readCsv } from "../../test/shared.js";
import { lookup } from "./lookup.js";

const CLAIMS = "reference/seed-claims.csv";

describe("lookup", () => {
  it("explains 535 as an AUTH failure and corrects the 'same IP' myth", () => {
    const r = lookup("535");
    assert.equal(r.kind, "basic");
    assert.equal(r.found, true);
    assert.match(r.meaning.toLowerCase(), /auth|credential/);
    assert.ok(r.commands.includes("AUTH"));
    assert.equal(r.permanence, "permanent");
    const myth = r.myths.find((m) => m.likelyFrom === "5.3.5");
    assert.ok(myth, "the 5.3.5 myth is attached to 535");
    assert.match(myth.correction, /5\.7\.8|credential/i);
  });

  it("explains an enhanced code with its registry title and basic codes", () => {
    const r = lookup("5.7.26");
    assert.equal(r.kind, "enhanced");
    assert.equal(r.status, "standard");
    assert.equal(r.title, "Multiple authentication checks failed");
    assert.ok(r.related.includes("550"));
    assert.equal(r.permanence, "permanent");
    assert.deepEqual(lookup("X.7.26").enhanced?.code, "X.7.26");
  });

  it("marks provider codes outside the registry as non-standard", () => {
    const r = lookup("5.7.509");
    assert.equal(r.status, "non-standard");
    assert.equal(r.found, true);
  });

  it("reads dot-dropped codes as what they stand for", () => {
    const r = lookup("512");
    assert.equal(r.status, "non-standard");
    assert.equal(r.likelyMeant, "5.1.2");
    assert.ok(lookup("515").myths.some((m) => m.likelyFrom === "5.1.1"));
  });

  it("flags a pair whose classes disagree", () => {
    const r = lookup("550 4.2.2");
    assert.equal(r.kind, "combined");
    assert.ok(r.findings.some((f) => f.id === "class-mismatch"));
    assert.equal(lookup("450 4.2.0").findings.length >= 0, true);
  });

  it("answers digit patterns", () => {
    assert.equal(lookup("4xx").permanence, "temporary");
    assert.match(lookup("x2x").title, /connection/i);
    assert.equal(lookup("x.y.z").kind, "digits");
    assert.equal(lookup("2.X.X").permanence, "not-a-failure");
  });

  it("says HTTP codes are not SMTP", () => {
    assert.equal(lookup("200").status, "not-smtp");
    assert.equal(lookup("500.0").status, "not-smtp");
  });

  it("never throws and rejects junk", () => {
    for (const q of ["", "abc", "9999", "\u0000", "x".repeat(1_000_000), "5.0000.1", "<script>"]) {
      const r = lookup(q);
      assert.equal(typeof r.found, "boolean");
    }
    assert.equal(lookup("hello").found, false);
  });

  it("covers every row of the shared claim review", needsShared(CLAIMS), () => {
    for (const row of readCsv(CLAIMS)) {
      const id = row.id as string;
      const r = lookup(row.code as string);
      assert.ok(r.found, `${id}: lookup("${row.code}") found nothing`);
      assert.ok(r.meaning.length > 0 || r.title.length > 0, `${id}: no meaning for ${row.code}`);
      if (row.verdict === "right") continue;
      const myth = r.myths.find((m) => m.claims.includes(id));
      assert.ok(myth, `${id}: lookup("${row.code}") does not carry the ${row.verdict} claim`);
      assert.equal(myth.verdict, row.verdict, id);
      if (row.correct_code) assert.equal(myth.likelyFrom, row.correct_code, `${id}: likely source`);
      assert.ok(myth.correction.length > 20, `${id}: correction`);
    }
  });
});
