import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";

describe("courier", () => {
  it("takes the command and reply from the transcript, the status from the DSN", () => {
    const parsed = parseBounce(
      [
        "From: postmaster@mx.example.net",
        "Subject: NOTICE: mail delivery status.",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "This is a delivery status notification from mx.example.net,",
        "running the Courier mail server, version 1.0.",
        "",
        "Your message to the following recipients cannot be delivered:",
        "",
        "<ann@example.org>:",
        "    mx.example.org [192.0.2.1]:",
        ">>> RCPT TO:<ann@example.org>",
        "<<< 550 5.1.1 <ann@example.org>: User unknown",
        "",
        "-----------------------------------------------------------------------",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.example.net",
        "",
        "Final-Recipient: rfc822; ann@example.org",
        "Action: failed",
        "Status: 5.0.0",
        "Remote-MTA: dns; mx.example.org [192.0.2.1]",
        "--b--",
      ].join("\n"),
    );
    assert.equal(parsed.format, "courier");
    const [ann] = parsed.recipients;
    assert.equal(ann?.command, "RCPT");
    assert.equal(ann?.remoteMta, "mx.example.org");
    assert.equal(ann?.status, "5.1.1");
    assert.equal(ann?.diagnosticCode, "550 5.1.1 <ann@example.org>: User unknown");
  });
});
