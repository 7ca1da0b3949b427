import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { explain } from "./explain.js";

describe("explain", () => {
  it("reads Gmail's DMARC refusal as an authentication failure, not a recipient problem", () => {
    const d = explain(
      "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.",
    );
    assert.equal(d.reason, "authfailure");
    assert.equal(d.permanent, true);
    assert.equal(d.suppressRecipient, false);
    assert.equal(d.retry, "fix-then-retry");
    assert.ok(d.references.length > 0);
    assert.equal(d.categories.postmark, "DMARCPolicy");
  });

  it("lets text beat code: Gmail's 550 5.2.1 receiving-rate limit is temporary", () => {
    const d = explain(
      "550-5.2.1 The user you are trying to contact is receiving mail at a rate that\n550 5.2.1 prevents additional messages from being delivered. - gsmtp",
    );
    assert.equal(d.reason, "ratelimited");
    assert.equal(d.permanent, false);
    assert.equal(d.suppressRecipient, false);
    assert.equal(d.provider, "gmail");
  });

  it("suppresses only dead addresses", () => {
    const unknown = explain(
      "550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
    );
    assert.equal(unknown.reason, "userunknown");
    assert.equal(unknown.suppressRecipient, true);
    assert.equal(unknown.retry, "never");
    const full = explain("552 5.2.2 <ann@example.org>: Mailbox is full");
    assert.equal(full.reason, "mailboxfull");
    assert.equal(full.suppressRecipient, false);
    const sender = explain("450 4.1.8 <news@gone.example>: Sender address rejected: Domain not found");
    assert.equal(sender.reason, "rejected");
    assert.equal(sender.suppressRecipient, false);
  });

  it("treats temporary words in a 5xx as temporary, and 'permanently' in a 4xx as permanent", () => {
    assert.equal(
      explain("554 This IP has been temporarily blocked for too many invalid recipients").permanent,
      false,
    );
    assert.equal(
      explain("421 4.7.1 [TS03] All messages from 192.0.2.9 permanently deferred").permanent,
      true,
    );
  });

  it("reads a status written by class only (5.x.0, 4.X.X) as permanent or temporary", () => {
    const byClass = (text: string) => explain(text).permanent;
    assert.equal(byClass("The reason for the problem: 5.x.0 - Message bounced by administrator"), true);
    assert.equal(byClass("Deferred: 4.X.X - mail system busy, will retry"), false);
    // Not a class: a version number or a host name that happens to hold "5.x".
    assert.equal(byClass("Upgrade to release 15.x.2 failed"), byClass("Upgrade to release failed"));
  });

  it("falls back to the enhanced code, then the basic code", () => {
    const enhanced = explain("550 5.1.1 xq-12345 - gsmtp");
    assert.equal(enhanced.reason, "userunknown");
    assert.match(enhanced.ruleId, /^code\.enhanced\./);
    const basic = explain("552 whatever");
    assert.match(basic.ruleId, /^code\.basic\./);
  });

  it("says when nothing was recognised", () => {
    const d = explain("hello world");
    assert.equal(d.recognised, false);
    assert.equal(d.reason, "undefined");
    assert.equal(d.ruleId, "none");
    assert.equal(explain("").recognised, false);
  });

  it("takes a nodemailer error object as it comes", () => {
    const d = explain({
      code: "EENVELOPE",
      response: "550 5.1.1 <bo@example.org>: Recipient address rejected: User unknown",
      responseCode: 550,
      command: "RCPT TO",
    });
    assert.equal(d.reason, "userunknown");
    assert.equal(d.reply.command, "RCPT");
    const timeout = explain({ code: "ETIMEDOUT", message: "Connection timeout" });
    assert.equal(timeout.reason, "networkerror");
    assert.equal(timeout.permanent, false);
    assert.equal(timeout.recognised, true);
  });

  it("reports digit mismatches as findings", () => {
    assert.ok(explain("250 5.1.1 odd").findings.some((f) => f.id === "class-mismatch"));
    const mismatch = explain("550 4.2.2 Mailbox over quota");
    assert.ok(mismatch.findings.some((f) => f.id === "class-mismatch"));
    assert.equal(mismatch.permanent, false, "a mismatch is read as temporary");
    assert.ok(explain("541 rejected").findings.some((f) => f.id === "non-standard-code"));
  });

  it("uses provider hints from the recipient domain or the remote MTA", () => {
    assert.equal(explain("550 Rejected", { recipient: "a@gmail.com" }).provider, "gmail");
    assert.equal(
      explain("550 Rejected", { remoteMta: "dns; mx1.mail.protection.outlook.com" }).provider,
      "microsoft",
    );
  });

  it("turns a DSN's failed action on a temporary status into 'expired' when the text names no cause", () => {
    const d = explain("Delivery attempts abandoned", { status: "4.0.0", action: "failed" });
    assert.equal(d.reason, "expired");
    assert.equal(d.permanent, false);
    // A named cause stays the reason: the sender acts on the cause.
    const named = explain("connect to mx.example.org[192.0.2.1]:25: Connection refused", {
      status: "4.4.1",
      action: "failed",
    });
    assert.equal(named.reason, "networkerror");
  });

  it("maps every reason to the dashboards of SES, SendGrid, Mailgun and Postmark", () => {
    const d = explain("550 5.1.1 User unknown");
    assert.equal(d.categories.ses, "Permanent/NoEmail");
    assert.equal(d.categories.sendgrid, "Invalid Address");
    assert.equal(d.categories.mailgun, "permanent/bounce");
    assert.equal(d.categories.postmark, "HardBounce");
  });

  it("never throws, on any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.anything()), (input) => {
        const d = explain(input);
        assert.equal(typeof d.reason, "string");
        assert.equal(typeof d.permanent, "boolean");
      }),
      { numRuns: 3000 },
    );
  });

  it("stays linear: a 1 MB reply, NUL bytes and matcher bait explain quickly", () => {
    const inputs = [
      `550 5.1.1 ${"a".repeat(1_000_000)}`,
      `550 ${"\u0000".repeat(1_000_000)}`,
      `550 ${"user unknown ".repeat(80_000)}`,
      `${"550-5.1.1 ".repeat(100_000)}x`,
      `550 ${"((((([[[[[<<<<@".repeat(60_000)}`,
      `\ud800`.repeat(500_000),
    ];
    for (const input of inputs) explain(input);
    for (const input of inputs) {
      const start = performance.now();
      explain(input);
      const ms = performance.now() - start;
      assert.ok(
        ms < 10,
        `${ms.toFixed(2)} ms for a ${input.length}-character input starting ${JSON.stringify(input.slice(0, 20))}`,
      );
    }
  });
});
