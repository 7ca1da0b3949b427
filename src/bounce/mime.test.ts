import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeHeader, fieldValue, parseContentType, parseMessage, partText } from "./mime.js";

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
