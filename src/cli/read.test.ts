import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readBinaryFile } from "./read.js";

describe("readBinaryFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "smtpcodes-read-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const every = Uint8Array.from({ length: 256 }, (_, i) => i);
  const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256);

  it("gives one character per byte, every byte value", () => {
    const text = readBinaryFile(write("every", every), every.length);
    assert.equal(text.length, 256);
    for (let i = 0; i < 256; i++) assert.equal(text.charCodeAt(i), i);
  });

  it("reads an empty file and a file bigger than the kept buffer", () => {
    assert.equal(readBinaryFile(write("empty", new Uint8Array(0)), 0), "");
    assert.equal(readBinaryFile(write("big", big), big.length), Buffer.from(big).toString("latin1"));
  });

  it("reads the whole file whatever size the listing said (grown, shrunk, unknown)", () => {
    const path = write("grown", big);
    const whole = Buffer.from(big).toString("latin1");
    assert.equal(readBinaryFile(path, 1000), whole);
    assert.equal(readBinaryFile(path, 70_000), whole);
    assert.equal(readBinaryFile(path, 0), whole);
    assert.equal(readBinaryFile(path, 5_000_000), whole);
    // A later, smaller file does not see the bytes the kept buffer held before.
    assert.equal(readBinaryFile(write("small", every.subarray(0, 3)), 3), "\u0000\u0001\u0002");
  });

  it("reads a file that does not know its own size to its end", (t) => {
    if (!existsSync("/proc/self/maps")) return t.skip("no /proc here");
    const text = readBinaryFile("/proc/self/maps", 0);
    assert.ok(text.length > 4096, `only ${text.length} characters`);
    assert.equal(text.endsWith("\n"), true);
    // The process's stack is mapped near the top of its address space, so listed last or nearly.
    assert.ok(text.includes("[stack]"));
  });

  it("throws the system's error for a missing file", () => {
    assert.throws(() => readBinaryFile(join(dir, "missing"), 10), { code: "ENOENT" });
  });
});
