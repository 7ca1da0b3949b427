import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addressesIn } from "./address.js";

describe("addressesIn", () => {
  it("reads ASCII and internationalised addresses (RFC 6531)", () => {
    assert.deepEqual(addressesIn("550 5.1.1 <ann@example.org>: Recipient address rejected"), [
      "ann@example.org",
    ]);
    assert.deepEqual(addressesIn("to josé@exämple.de and 用户@例子.广告 failed"), [
      "josé@exämple.de",
      "用户@例子.广告",
    ]);
  });

  it("reads no address out of bytes that were not text", () => {
    // U+FFFD stands for undecodable bytes; U+0080-U+00BF are controls and symbols.
    assert.deepEqual(addressesIn("x \ufffd\ufffd@\ufffd\ufffd.\ufffd y"), []);
    assert.deepEqual(addressesIn("\u0085\u00a9@\u00b1.\u00bf"), []);
    // A domain with an empty label, or a label that starts or ends with "-", is no host name.
    assert.deepEqual(addressesIn("8@.x4x a@b.-c a@b-.c a@b..c"), []);
    // One-letter labels stay: anonymised bounces write them.
    assert.deepEqual(addressesIn("fred@a.b.c"), ["fred@a.b.c"]);
    // Quotes and spaces beyond ASCII around an address stay outside it.
    assert.deepEqual(addressesIn("«ann@example.org» and bob@example.net\u00a0x"), [
      "ann@example.org",
      "bob@example.net",
    ]);
    // Junk around a real address does not stick to it.
    assert.deepEqual(addressesIn("\ufffdann@example.org\u00a0"), ["ann@example.org"]);
  });
});
