import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseContentType } from "./mime.js";

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

describe("reading text without Node's Buffer (as in a browser)", () => {
  // A message with an 8-bit Latin-1 body, a raw UTF-8 header, CRLF and lone CR line ends.
  const message = [
    "From: MAILER-DAEMON@example.net",
    "Subject: =?iso-8859-1?Q?Zustellung_fehlgeschlagen_=FC?=",
    "X-Note: caf\u00c3\u00a9",
    "Content-Type: text/plain; charset=iso-8859-1",
    "Content-Transfer-Encoding: 8bit",
    "",
    `Gr\u00fc\u00dfe.\r\nThe mail to j\u00fcrgen@example.org failed.\rEnd.${"x".repeat(300)}`,
  ].join("\r\n");

  it("gives the same text as with it, line ends made LF", async () => {
    const withBuffer = await import("./mime.js");
    const saved = Object.getOwnPropertyDescriptor(globalThis, "Buffer");
    // A second instance of the module, loaded while Buffer is hidden, keeps using its fallback.
    Reflect.deleteProperty(globalThis, "Buffer");
    let without: typeof withBuffer;
    try {
      without = await import(`./mime.js?without-buffer=${Date.now()}`);
    } finally {
      if (saved) Object.defineProperty(globalThis, "Buffer", saved);
    }
    // The second instance really runs the fallback (its bytes are no Buffer).
    assert.ok(!Buffer.isBuffer(without.binaryBytes("ab", 0, 2)));
    for (const mime of [withBuffer, without]) {
      const parsed = mime.parseMessage(message);
      const text = mime.partText(parsed, parsed.root);
      assert.equal(
        text,
        `Gr\u00fc\u00dfe.\nThe mail to j\u00fcrgen@example.org failed.\nEnd.${"x".repeat(300)}`,
      );
      assert.equal(
        mime.decodeHeader(mime.fieldValue(parsed.root.headers, "subject") ?? ""),
        "Zustellung fehlgeschlagen \u00fc",
      );
      assert.equal(mime.decodeHeader(mime.fieldValue(parsed.root.headers, "x-note") ?? ""), "caf\u00e9");
      assert.deepEqual([...mime.binaryBytes("a\u00ff\u00e9b", 1, 3)], [0xff, 0xe9]);
    }
  });
});
