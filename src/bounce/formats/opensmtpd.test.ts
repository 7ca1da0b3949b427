import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";

describe("opensmtpd", () => {
  it("reads the unindented recipient lines and knows an expired envelope", () => {
    const parsed = parseBounce(
      [
        "From: Mailer Daemon <MAILER-DAEMON@mx.example.net>",
        "Subject: Delivery status notification: error",
        "",
        "    Hi!",
        "",
        "    This is the MAILER-DAEMON, please DO NOT REPLY to this email.",
        "",
        "    An error has occurred while attempting to deliver a message for",
        "    the following list of recipients:",
        "",
        "ann@example.org: 550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown",
        "bob@example.org: Envelope expired",
        "",
        "    Below is a copy of the original message:",
        "",
        "To: ann@example.org",
      ].join("\n"),
    );
    assert.equal(parsed.format, "opensmtpd");
    assert.deepEqual(
      parsed.recipients.map((r) => [r.recipient, r.status, r.reason]),
      [
        ["ann@example.org", "5.1.1", "userunknown"],
        ["bob@example.org", null, "expired"],
      ],
    );
  });
});
