import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";

const mail = (headers: string[], body: string[]) => [...headers, "", ...body, ""].join("\n");

describe("textfallback", () => {
  it("reads a plain-text report from a mailer daemon that no other module knows", () => {
    const report = parseBounce(
      mail(
        ["From: Mail Delivery System <mailer-daemon@mx.example.net>", "Subject: Mail delivery failed"],
        [
          "Your message could not be delivered to the following recipient:",
          "",
          "  ann@example.org",
          "",
          "Reason: 550 5.1.1 <ann@example.org>: user unknown",
        ],
      ),
    );
    assert.equal(report.format, "textfallback");
    assert.deepEqual(
      report.recipients.map((r) => [r.recipient, r.status, r.reason]),
      [["ann@example.org", "5.1.1", "userunknown"]],
    );
  });

  it("completes bare user names with the host of the sender's address, not of an '@' in its display name", () => {
    const report = parseBounce(
      mail(
        ['From: "help@example.com" <mailer-daemon@mx.example.net>', "Subject: Mail delivery failed"],
        ["Delivery failed for the following recipients:", "", "  ann", "", "Reason: mailbox unavailable"],
      ),
    );
    assert.equal(report.format, "textfallback");
    assert.deepEqual(
      report.recipients.map((r) => r.recipient),
      ["ann@mx.example.net"],
    );
  });

  it("takes a report that gave up on a dead address, with no code at all, as permanent", () => {
    const report = (reason: string) =>
      parseBounce(
        mail(
          ["From: Mail Delivery System <mailer-daemon@mx.example.net>", "Subject: Mail delivery failed"],
          [
            "Your message could not be delivered to the following recipient:",
            "",
            "  ann@no-such-place.example",
            "",
            reason,
          ],
        ),
      ).recipients[0];
    const dead = report("Reason: DNS lookup failure: host no-such-place.example not found");
    assert.deepEqual([dead?.reason, dead?.permanent, dead?.suppressRecipient], ["hostunknown", true, true]);
    // A code says how lasting the failure is: it wins.
    const coded = report(
      "Reason: 450 4.1.2 <ann@no-such-place.example>: Recipient address rejected: Domain not found",
    );
    assert.deepEqual(
      [coded?.reason, coded?.permanent, coded?.suppressRecipient],
      ["hostunknown", false, false],
    );
  });

  it("does not take mail written by people for a bounce, whatever words it uses", () => {
    const human = [
      // A customer asking for help, with the reply code quoted; no Return-Path (a saved file).
      mail(
        ["From: Ann <ann@example.org>", "To: help@example.net", "Subject: My mail bounced"],
        [
          "Hi,",
          "",
          'My email to bob@example.com bounced with "550 5.1.1 user unknown". The message could not be delivered. Can you help?',
        ],
      ),
      // A reply to a bounce, delivered (Return-Path of a person).
      mail(
        ["Return-Path: <ann@example.org>", "From: Ann <ann@example.org>", "Subject: Re: Delivery failure"],
        ["Why was my mail to bob@example.com undeliverable? It said 550 5.1.1 user unknown."],
      ),
      // A newsletter about bounces.
      mail(
        ["From: News <news@example.org>", "Subject: Weekly digest", "Content-Type: text/html"],
        [
          '<p>Delivery failed? 550 5.1.1 means the user is unknown. Write to <a href="mailto:x@example.org">x@example.org</a>.</p>',
        ],
      ),
      // A shop's receipt.
      mail(
        ["From: shop@example.org", "Subject: Your order has been delivered"],
        ["Your package was delivered to the following address: 1 Main St.", "Questions? support@example.org"],
      ),
    ];
    for (const text of human) {
      const report = parseBounce(text);
      assert.equal(report.kind, "not-a-bounce", text.split("\n").slice(0, 3).join(" | "));
      assert.deepEqual(report.recipients, []);
    }
  });
});
