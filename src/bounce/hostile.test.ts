import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { parseBounce } from "./parse.js";

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const dsnHead = [
  "From: MAILER-DAEMON@mx.example.net",
  "Subject: Undelivered Mail Returned to Sender",
  "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
  "",
  "--b",
  "Content-Type: text/plain",
  "",
  "Delivery failed.",
  "--b",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; mx.example.net",
  "",
  "Final-Recipient: rfc822; ann@example.org",
  "Action: failed",
  "Status: 5.1.1",
  "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
  "--b",
  "Content-Type: message/rfc822",
  "",
].join("\n");

describe("parseBounce on damaged input", () => {
  it("finds the header after blank lines a copy and paste left in front of it", () => {
    const body = [
      "From: Mail Delivery Subsystem <mailer-daemon@example.com>",
      "Subject: Delivery Status Notification (Failure)",
      "X-Failed-Recipients: ann@example.org",
      "Content-Type: text/plain",
      "",
      "Delivery to the following recipient failed permanently:",
      "",
      "     ann@example.org",
      "",
      "The error that the other server returned was:",
      "550 5.1.1 The email account that you tried to reach does not exist.",
    ].join("\n");
    const spaced = parseBounce(`${" ".repeat(250)}\n\n${body}`);
    assert.equal(spaced.subject, "Delivery Status Notification (Failure)");
    assert.deepEqual(
      spaced.recipients.map((r) => [r.recipient, r.reason]),
      [["ann@example.org", "userunknown"]],
    );
    // A blank first line and no header field after it: an empty header, as RFC 5322 says.
    const headless = parseBounce("\nHello, this is a letter.\nFrom: nobody\n");
    assert.equal(headless.from, null);
  });
});

describe("parseBounce on hostile input", () => {
  it("stays linear on runs that make backtracking patterns quadratic", () => {
    // Many "(" with no ")" in DSN fields, separator characters and trailing punctuation
    // followed by something else: each took seconds with the regular expressions once used.
    const parens = "(".repeat(200_000);
    const dsn = [
      "From: MAILER-DAEMON@mx.example.net",
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.net",
      "",
      `Final-Recipient: rfc822; ${parens}ann@example.org ${".".repeat(200_000)}x`,
      `Action: failed ${parens}`,
      `Remote-MTA: dns; mx.example.org ${parens}x)`,
      "Status: 5.1.1",
      "--b--",
      "",
    ].join("\n");
    const text = [
      "From: MAILER-DAEMON@mx.example.net",
      "Subject: Undelivered Mail Returned to Sender",
      "",
      `${"_".repeat(200_000)}x`,
      `${" (".repeat(100_000)}said: 550 5.1.1 unknown`,
      "",
    ].join("\n");
    for (const input of [dsn, text]) {
      const { value, ms } = timed(() => parseBounce(input));
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
      assert.ok(Array.isArray(value.recipients));
    }
  });

  it("reads HTML full of unclosed tags in linear time", () => {
    // Each unclosed <style> searched the rest of the part for "</style>", and each "<"
    // without ">" searched it for ">": 320 KB of either took seconds.
    for (const body of ["<style>x".repeat(250_000), "<".repeat(2_000_000), "<script >".repeat(200_000)]) {
      const html = [
        "From: MAILER-DAEMON@mx.example.net",
        "Subject: Undeliverable: hello",
        "Content-Type: text/html",
        "",
        body,
        "",
      ].join("\n");
      const { value, ms } = timed(() => parseBounce(html));
      assert.ok(ms < 2000, `${body.slice(0, 9)}…: took ${ms.toFixed(0)} ms`);
      assert.equal(value.recipients.length, 0);
    }
  });

  it("reads a header of many lines without a colon in linear time", () => {
    // Mbox "From " lines are read past in a header; each searched the rest of the message
    // for ":" (80,000 of them took 0.2 s, a million minutes).
    for (const line of ["From x\n", ">From x\n"]) {
      const { value, ms } = timed(() => parseBounce(`${line.repeat(1_000_000)}\nhello\n`));
      assert.ok(ms < 2000, `${line.trim()}: took ${ms.toFixed(0)} ms`);
      assert.equal(value.kind, "not-a-bounce");
    }
  });

  it("reads a 50 MB email in well under a second", () => {
    const big = `${dsnHead}From: a@example.org\nSubject: x\n\n${"A"
      .repeat(76)
      .concat("\n")
      .repeat(50_000_000 / 77)}--b--\n`;
    const { value, ms } = timed(() => parseBounce(big));
    assert.equal(value.recipients[0]?.reason, "userunknown");
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  it("survives MIME nested 1,000 deep", () => {
    let body = "Final-Recipient: rfc822; deep@example.org\nAction: failed\nStatus: 5.1.1\n";
    let message = "";
    for (let i = 0; i < 1000; i++) {
      message += `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n`;
    }
    message += `Content-Type: message/delivery-status\n\n${body}`;
    for (let i = 999; i >= 0; i--) message += `\n--b${i}--\n`;
    body = "";
    const { value, ms } = timed(() => parseBounce(`From: MAILER-DAEMON@example.net\n${message}`));
    assert.ok(
      value.errors.some((e) => e.includes("deep")),
      value.errors.join("; "),
    );
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  it("survives a 10 MB header line", () => {
    const message = `Subject: ${"x".repeat(10_000_000)}\nFrom: MAILER-DAEMON@example.net\n\n${dsnHead}`;
    const { value, ms } = timed(() => parseBounce(message));
    assert.equal(typeof value.kind, "string");
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  it("reads a header of 100,000 lines with 5,000 made-up field names alike in length and ends", () => {
    // The reader remembers field names it has seen in buckets by length and first and last
    // letter: names made up to fill one bucket must not make every line's lookup long.
    const names = Array.from({ length: 5000 }, (_, i) => `X${i.toString(36).padStart(4, "a")}Y`);
    const lines = Array.from({ length: 100_000 }, (_, i) => `${names[i % names.length]}: v`);
    const { value, ms } = timed(() => parseBounce(`${lines.join("\n")}\n\nbody\n`));
    assert.equal(value.kind, "not-a-bounce");
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  it("survives binary junk and says it is not a bounce", () => {
    const junk = new Uint8Array(2_000_000);
    let seed = 7;
    for (let i = 0; i < junk.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk[i] = seed & 0xff;
    }
    const { value, ms } = timed(() => parseBounce(junk));
    assert.equal(value.kind, "not-a-bounce");
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });

  it("finds no recipient in 50 KB of random bytes (no header, words that look like codes, '@' and '.' here and there)", () => {
    // Seeds whose bytes once gave the text fallback made-up addresses of U+FFFD and
    // Latin-1 symbols around an "@", from a message with no From field at all.
    for (const seed of [9, 108, 123, 217, 1, 2, 3]) {
      const junk = new Uint8Array(50_000);
      let x = seed;
      for (let i = 0; i < junk.length; i++) {
        x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
        junk[i] = x >>> 24;
      }
      const report = parseBounce(junk);
      assert.deepEqual(
        report.recipients.map((r) => r.recipient),
        [],
        `seed ${seed}`,
      );
      assert.equal(report.kind, "not-a-bounce", `seed ${seed}`);
    }
  });

  it("reads a line that names the same address thousands of times in linear time", () => {
    // The text fallback looks at each mention of the recipient's own address; finding the
    // bounds of its line once per mention was quadratic (1.3 s here for this 200 KB line).
    const line = "from ann@example.org [ann@example.org] ".repeat(5000);
    const message = `From: MAILER-DAEMON@example.org\nTo: ann@example.org\nSubject: Returned mail: see transcript\n\nThe message could not be delivered.\n${line}\n`;
    const { ms } = timed(() => parseBounce(message));
    assert.ok(ms < 300, `${ms.toFixed(0)} ms`);
  });

  it("reads past a run of thousands of decoration lines once", () => {
    // The text fallback's paragraphs skip "#####" lines; resuming after the kept lines only
    // read the run again from each of its lines (280 ms here, now ~15 ms once warm).
    const decoration = Array.from({ length: 4900 }, () => "#".repeat(72)).join("\n");
    const message = `From: MAILER-DAEMON@example.org\nTo: bob@example.net\nSubject: Returned mail: see transcript\n\nThe message to ann@example.org could not be delivered: 550 user unknown.\n${decoration}\n`;
    parseBounce(message);
    const { value, ms } = timed(() => parseBounce(message));
    assert.deepEqual(
      value.recipients.map((r) => [r.recipient, r.reason]),
      [["ann@example.org", "userunknown"]],
    );
    assert.ok(ms < 120, `${ms.toFixed(0)} ms`);
  });

  it("reads a truncated DSN", () => {
    const cut = dsnHead.slice(0, dsnHead.indexOf("Diagnostic-Code"));
    const report = parseBounce(cut);
    assert.equal(report.recipients[0]?.recipient, "ann@example.org");
  });

  it("stays linear in every format module on bodies built to trip them", () => {
    const subjects = [
      "Undeliverable: hi",
      "Delivery Status Notification (Failure)",
      "Mail delivery failed: returning message to sender",
      "Returned mail: see transcript for details",
      "failure notice",
      "Undelivered Mail Returned to Sender",
    ];
    const bodies = [
      "\n".repeat(400_000),
      " ".repeat(1_000_000),
      "<".repeat(500_000),
      "a@".repeat(300_000),
      ":".repeat(500_000),
      "<a@example.org>:\n".repeat(40_000),
      "Remote host said: 550 ".repeat(50_000),
      ">>> RCPT To:<a@b.example>\n<<< 550 5.1.1 <a@b.example>... User unknown\n".repeat(10_000),
      "(reason: (".repeat(100_000),
    ];
    for (const subject of subjects) {
      for (const body of bodies) {
        const message = `From: MAILER-DAEMON@example.org\nSubject: ${subject}\n\n${body}\nDelivery has failed to these recipients or groups:\n`;
        const { ms } = timed(() => parseBounce(message));
        assert.ok(ms < 1500, `${subject} / ${JSON.stringify(body.slice(0, 12))}: ${ms.toFixed(0)} ms`);
      }
    }
  });

  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => {
        const report = parseBounce(`Content-Type: multipart/report; boundary=x\n\n--x\n${text}`);
        assert.ok(Array.isArray(report.recipients));
      }),
      { numRuns: 500 },
    );
  });
});

describe("caches", () => {
  it("keep no message alive: field names, hosts and charsets are copied before they are cached", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const padding = "x".repeat(2_000_000);
    const message = (i: number) =>
      [
        "From: MAILER-DAEMON@mx.example.net",
        `X-Unique-Field-Name-${i}: yes`,
        "Subject: Undelivered Mail Returned to Sender",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
        "",
        "--b",
        `Content-Type: text/plain; charset=x-unknown-charset-${i}`,
        "",
        "Delivery failed.",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        `Final-Recipient: rfc822; ann@host-${i}.example.org`,
        "Action: failed",
        "Status: 5.1.1",
        `Remote-MTA: dns; mx-${i}.example.org`,
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
        "--b--",
        padding,
      ].join("\n");
    parseBounce(message(-1));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) assert.equal(parseBounce(message(i)).recipients.length, 1);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 40 messages of 2 MB: kept alive by a cache, that would be 80 MB.
    assert.ok(grown < 20_000_000, `heap grew by ${Math.round(grown / 1e6)} MB`);
  });
});
