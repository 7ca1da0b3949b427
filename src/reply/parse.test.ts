import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { MAX_REPLY_LENGTH, parseReply } from "./parse.js";

describe("parseReply", () => {
  it("reads a single line with an enhanced code", () => {
    const r = parseReply("550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown");
    assert.equal(r.code, 550);
    assert.equal(r.enhanced?.code, "5.1.1");
    assert.equal(r.text, "<ann@example.org>: Recipient address rejected: User unknown");
    assert.deepEqual(r.addresses, ["ann@example.org"]);
  });

  it("joins multi-line replies and drops every line's prefix", () => {
    const r = parseReply(
      "550-5.7.26 Unauthenticated email from example.com is not accepted due to\r\n550-5.7.26 domain's DMARC policy. Please contact the administrator.\r\n550 5.7.26 https://support.google.com/mail/answer/2451690 x1-20020a - gsmtp",
    );
    assert.equal(r.code, 550);
    assert.equal(r.enhanced?.code, "5.7.26");
    assert.equal(r.lines.length, 3);
    assert.match(r.text, /^Unauthenticated email .* due to domain's DMARC policy\. Please/);
    assert.deepEqual(r.urls, ["https://support.google.com/mail/answer/2451690"]);
  });

  it("removes prefixes a folded DSN line kept inside one line", () => {
    const r = parseReply(
      "smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the address. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp",
    );
    assert.equal(r.code, 550);
    assert.equal(r.text.includes("550-"), false);
    assert.match(r.text, /does not exist\. Please try double-checking/);
  });

  it("unwraps what reporting MTAs add around the reply", () => {
    const postfix = parseReply(
      "host mx.example.org[192.0.2.1] said: 550 5.1.1 <bo@example.org>: User unknown (in reply to RCPT TO command)",
    );
    assert.equal(postfix.code, 550);
    assert.equal(postfix.command, "RCPT");
    assert.equal(postfix.text, "<bo@example.org>: User unknown");
    const exim = parseReply(
      "SMTP error from remote mail server after RCPT TO:<bo@example.org>: 550 5.1.1 User unknown",
    );
    assert.equal(exim.code, 550);
    assert.equal(exim.command, "RCPT");
    assert.equal(exim.text, "User unknown");
    const endOfData = parseReply("550 Unknown user (in reply to end of DATA command)");
    assert.equal(endOfData.command, "DATA-END");
  });

  it("finds enhanced codes written as #5.1.1 or after a tag", () => {
    assert.equal(
      parseReply("550 sorry, no mailbox here by that name (#5.1.1 - chkusr)").enhanced?.code,
      "5.1.1",
    );
    assert.equal(parseReply("553 Message filtered. (#5.7.1)").enhanced?.code, "5.7.1");
    assert.equal(parseReply("550 #5.1.0 Address rejected.").enhanced?.code, "5.1.0");
    assert.equal(parseReply("550 cuda_nsu 5.1.1 <a@example.org>: User unknown").enhanced?.code, "5.1.1");
    assert.equal(parseReply("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##").code, 550);
  });

  it("does not take IP addresses or versions for codes", () => {
    const r = parseReply(
      "421 4.7.0 [TSS04] Messages from 192.0.2.25 deferred - 4.16.55.1; see https://postmaster.example",
    );
    assert.equal(r.enhanced?.code, "4.7.0");
    const noEnhanced = parseReply("554 IP=192.0.2.254 - A problem occurred.");
    assert.equal(noEnhanced.enhanced, null);
  });

  it("reads a bare enhanced code and a reply without code", () => {
    const bare = parseReply("5.1.1 User unknown");
    assert.equal(bare.code, null);
    assert.equal(bare.enhanced?.code, "5.1.1");
    const none = parseReply("Mailbox full");
    assert.equal(none.code, null);
    assert.equal(none.enhanced, null);
    assert.equal(none.text, "Mailbox full");
  });

  it("collects provider tags", () => {
    assert.deepEqual(parseReply("421 4.7.0 [TSS04] Messages deferred").tags, ["TSS04"]);
    assert.ok(parseReply("550 5.7.1 blocked list (S3150).").tags.includes("S3150"));
    assert.ok(parseReply("451 4.7.500 Server busy. (AS77712344)").tags.includes("AS77712344"));
    assert.ok(parseReply("554 5.7.1 Refused AS(201806281) policy").tags.includes("AS(201806281)"));
    assert.ok(parseReply("554 Connection refused. IB105").tags.includes("IB105"));
    assert.ok(
      parseReply("550 5.5.0 The recipient account is blocked. LPN007_426").tags.includes("LPN007_426"),
    );
  });

  it("notes mixed codes across lines", () => {
    const r = parseReply("550-5.1.1 first\n551 5.1.1 second");
    assert.ok(r.findings.some((f) => f.id === "mixed-codes"));
  });

  it("cuts very long input and says so", () => {
    const r = parseReply(`550 5.1.1 ${"x".repeat(MAX_REPLY_LENGTH * 4)}`);
    assert.equal(r.truncated, true);
    assert.ok(r.raw.length <= MAX_REPLY_LENGTH);
    assert.ok(r.findings.some((f) => f.id === "truncated"));
  });

  it("never throws, on any string or value", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const r = parseReply(text);
        assert.equal(typeof r.text, "string");
      }),
      { numRuns: 3000 },
    );
    for (const value of [undefined, null, 42, {}, [], Symbol.iterator.toString()]) parseReply(value);
  });

  it("handles lone surrogates, NUL bytes and control characters", () => {
    const r = parseReply("550 5.1.1 \u0000\ud800 user\u0007 unknown \udfff");
    assert.equal(r.code, 550);
    assert.ok(r.findings.some((f) => f.id === "control-characters"));
  });
});
