import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Io, main } from "./main.js";

async function* chunks(parts: string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part);
}

function io(stdinParts: string[] = [], tty = false): Io & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const stdin = Object.assign(chunks(stdinParts), { isTTY: tty });
  return {
    stdin,
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    out: () => out,
    err: () => err,
  };
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("smtpcodes CLI", () => {
  it("lines up the values of a readable explanation and of a lookup in one column", async () => {
    for (const args of [
      ["explain", "550-5.7.26 Unauthenticated email from example.com is not accepted [TSS04]"],
      ["lookup", "535"],
      ["lookup", "5.7.26"],
    ]) {
      const t = io();
      await main(args, t);
      // Labelled lines: two spaces, a lower-case label of one or two words, then the value.
      const starts = t
        .out()
        .split("\n")
        .filter((line) => /^ {2}[a-z]+(?: [a-z]+)? +\S/.test(line))
        .map((line) => (/^ {2}[a-z]+(?: [a-z]+)? +/.exec(line) as RegExpExecArray)[0].length);
      assert.ok(starts.length >= 4, `${args.join(" ")}: labelled lines found`);
      assert.deepEqual(new Set(starts), new Set([14]), `${args.join(" ")}: ${starts.join(",")}`);
    }
  });

  it("explains a reply given as arguments", async () => {
    const t = io();
    const code = await main(["explain", "550 5.1.1 <a@example.org>: User unknown"], t);
    assert.equal(code, 0);
    assert.match(t.out(), /userunknown/);
    assert.match(t.out(), /suppress the recipient/);
  });

  it("writes one JSON object per stdin line, in input order, with the contract fields on top", async () => {
    const t = io([
      "550 5.1.1 User unknown\n",
      '{"reply": "550-5.7.26 Unauthenticated email\\n550 5.7.26 not accepted due to DMARC policy"}\n',
      "\n",
      "421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due to unexpected volume\r\n",
      "452 4.2.2 Mailbox full",
    ]);
    const code = await main(["explain", "--json"], t);
    assert.equal(code, 0);
    const rows = jsonLines(t.out());
    assert.equal(rows.length, 4);
    assert.deepEqual(
      rows.map((r) => r.reason),
      ["userunknown", "authfailure", "ratelimited", "mailboxfull"],
    );
    assert.deepEqual(
      rows.map((r) => r.input),
      [1, 2, 4, 5],
    );
    for (const row of rows) {
      assert.equal(typeof row.permanent, "boolean");
      assert.equal(typeof row.suppressRecipient, "boolean");
    }
  });

  it("exits 1 when an input is not recognised, and reports bad JSON lines in place", async () => {
    const t = io(["hello there\n", "{not json\n", "550 5.1.1 User unknown\n"]);
    const code = await main(["explain", "--json"], t);
    assert.equal(code, 1);
    const rows = jsonLines(t.out());
    assert.equal(rows.length, 3);
    assert.equal(rows[0]?.recognised, false);
    assert.match(String(rows[1]?.error), /JSON/);
    assert.equal(rows[2]?.reason, "userunknown");
  });

  it("exits 2 on usage errors", async () => {
    for (const args of [
      ["explain", "--frobnicate"],
      ["frobnicate"],
      [],
      ["explain", "--provider"],
      ["list", "x"],
    ]) {
      const t = io();
      assert.equal(await main(args, t), 2, args.join(" "));
      assert.notEqual(t.err(), "");
    }
  });

  it("looks codes up, as text and JSON", async () => {
    const t = io();
    assert.equal(await main(["lookup", "535", "5.7.26", "--json"], t), 0);
    const rows = jsonLines(t.out());
    assert.deepEqual(
      rows.map((r) => r.code),
      ["535", "5.7.26"],
    );
    assert.ok(((rows[0]?.myths ?? []) as unknown[]).length >= 1);
    const pair = io();
    assert.equal(await main(["lookup", "450 4.2.0"], pair), 0);
    assert.match(pair.out(), /450 4\.2\.0/);
    const missing = io();
    assert.equal(await main(["lookup", "banana"], missing), 1);
  });

  it("lists every code", async () => {
    const t = io();
    assert.equal(await main(["list", "--enhanced", "--json"], t), 0);
    const rows = jsonLines(t.out());
    assert.ok(rows.length >= 92);
    assert.ok(rows.some((r) => r.code === "X.7.26"));
  });

  it("prints help and version", async () => {
    const help = io();
    assert.equal(await main(["--help"], help), 0);
    assert.match(help.out(), /Usage:/);
    const version = io();
    assert.equal(await main(["--version"], version), 0);
    assert.match(version.out(), /^\d+\.\d+\.\d+/);
  });

  it("survives hostile stdin: binary junk and a 10 MB line", async () => {
    const junk = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256)).toString("latin1");
    const t = io([junk, "\n", `550 ${"x".repeat(10_000_000)}\n`, "550 5.1.1 User unknown\n"]);
    const start = performance.now();
    await main(["explain", "--json"], t);
    const rows = jsonLines(t.out());
    assert.ok(rows.length >= 3);
    assert.equal(rows[rows.length - 1]?.reason, "userunknown");
    assert.ok(performance.now() - start < 5000);
  });

  it("keeps control characters from reaching a terminal", async () => {
    const t = io();
    await main(["explain", "550 \u001b[31mred\u001b[0m user unknown"], t);
    assert.equal(t.out().includes("\u001b"), false);
  });
});
