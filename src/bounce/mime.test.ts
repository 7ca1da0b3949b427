import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  decodeHeader,
  fieldValue,
  MAX_FIELD_LENGTH,
  parseContentType,
  parseHeaderBlock,
  parseMessage,
  partText,
} from "./mime.js";

describe("parseContentType", () => {
  it("reads the type and its parameters, quoted, folded or split (RFC 2231)", () => {
    const { type, params } = parseContentType(
      'Multipart/Report; report-type=delivery-status;\n\tboundary="a;b"; name*0=part; name*1=two',
    );
    assert.equal(type, "multipart/report");
    assert.equal(params["report-type"], "delivery-status");
    assert.equal(params.boundary, "a;b");
    assert.equal(params.name, "parttwo");
    assert.equal(parseContentType(null).type, "text/plain");
  });

  it("takes parameters named like Object.prototype's for what they are", () => {
    const { params } = parseContentType("text/plain; constructor=x; __proto__=y; toString=z; charset=utf-8");
    assert.equal(params.constructor, "x");
    assert.equal(params.tostring, "z");
    const proto = "__proto__";
    assert.equal(params[proto], "y");
    assert.equal(params.charset, "utf-8");
    assert.equal(({} as Record<string, unknown>).y, undefined);
    // An absent parameter is absent: nothing inherited answers.
    assert.equal(parseContentType("text/plain").params.constructor, undefined);
  });
});

describe("partText and decodeHeader", () => {
  // An 8-bit Latin-1 body long enough to be checked by the encoder (96 characters or more),
  // with CRLF and CR-only line ends; a Q-encoded subject and a raw UTF-8 header.
  const message = [
    "From: MAILER-DAEMON@example.net",
    "Subject: =?iso-8859-1?Q?Zustellung_fehlgeschlagen_=FC?=",
    "X-Note: caf\u00c3\u00a9",
    "Content-Type: text/plain; charset=iso-8859-1",
    "Content-Transfer-Encoding: 8bit",
    "",
    `Gr\u00fc\u00dfe.\r\nThe mail to j\u00fcrgen@example.org failed.\rEnd.${"x".repeat(300)}`,
  ].join("\r\n");

  it("decodes 8-bit text with its charset, line ends made LF", () => {
    const parsed = parseMessage(message);
    assert.equal(
      partText(parsed, parsed.root),
      `Gr\u00fc\u00dfe.\nThe mail to j\u00fcrgen@example.org failed.\nEnd.${"x".repeat(300)}`,
    );
    assert.equal(
      decodeHeader(fieldValue(parsed.root.headers, "subject") ?? ""),
      "Zustellung fehlgeschlagen \u00fc",
    );
    assert.equal(decodeHeader(fieldValue(parsed.root.headers, "x-note") ?? ""), "caf\u00e9");
  });

  it("finds an 8-bit character anywhere in a long text, past the encoder's chunk", () => {
    const ascii = "a".repeat(70_000);
    const high = parseMessage(`Content-Type: text/plain; charset=utf-8\n\n${ascii}\u00c3\u00a9`);
    assert.equal(partText(high, high.root), `${ascii}\u00e9`);
    const plain = parseMessage(`Content-Type: text/plain; charset=utf-8\n\n${ascii}`);
    assert.equal(partText(plain, plain.root), ascii);
  });
});

describe("parseHeaderBlock", () => {
  it("unfolds a field line by line: each continuation trimmed and joined with one space", () => {
    const source = [
      "Received: from mx.example.net (mx.example.net [192.0.2.1])",
      "\tby mail.example.org with ESMTP id 1234 ",
      "   ",
      "\t for <ann@example.org>; Mon, 1 Jan 2024 00:00:00 +0000",
      "Content-Type: multipart/report; report-type=delivery-status;",
      'boundary="b1"',
      "Subject: one",
      "  two",
      "",
      "body",
    ].join("\n");
    const { headers, bodyStart } = parseHeaderBlock(source, 0, source.length);
    assert.deepEqual(
      headers.map((field) => [field.name, field.value]),
      [
        [
          "received",
          "from mx.example.net (mx.example.net [192.0.2.1]) by mail.example.org with ESMTP id 1234  for <ann@example.org>; Mon, 1 Jan 2024 00:00:00 +0000",
        ],
        ["content-type", 'multipart/report; report-type=delivery-status; boundary="b1"'],
        ["subject", "one two"],
      ],
    );
    assert.equal(source.slice(bodyStart), "body");
  });

  it("stops adding folded lines to a field at its length limit and says so", () => {
    const line = ` ${"x".repeat(1000)}`;
    const source = `X-Long: start\n${`${line}\n`.repeat(200)}From: a@b.example\n\n`;
    const errors: string[] = [];
    const { headers } = parseHeaderBlock(source, 0, source.length, errors);
    const long = headers.find((field) => field.name === "x-long")?.value ?? "";
    assert.ok(long.length >= MAX_FIELD_LENGTH && long.length < MAX_FIELD_LENGTH + 1002);
    assert.ok(long.startsWith("start xxx"));
    assert.equal(headers.at(-1)?.value, "a@b.example");
    assert.deepEqual(errors, ["header field cut"]);
  });
});
