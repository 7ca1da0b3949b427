import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";

const report = (text: string[], status: string[] | null, subject = "Undelivered Mail Returned to Sender") =>
  [
    "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
    "",
    "--b",
    "Content-Type: text/plain",
    "",
    "This is the mail system at host mx.example.net.",
    "",
    ...text,
    "",
    ...(status
      ? [
          "--b",
          "Content-Type: message/delivery-status",
          "",
          "Reporting-MTA: dns; mx.example.net",
          "",
          ...status,
        ]
      : []),
    "--b--",
    "",
  ].join("\r\n");

describe("postfix", () => {
  it("takes the command and remote host from the text, the fields from the DSN", () => {
    const parsed = parseBounce(
      report(
        [
          "<ann@example.org> (expanded from <info@example.org>): host",
          "    mx.example.org[192.0.2.1] said: 554 5.7.1 Spam message rejected (in reply",
          "    to end of DATA command)",
        ],
        [
          "Final-Recipient: rfc822; ann@example.org",
          "Original-Recipient: rfc822; info@example.org",
          "Action: failed",
          "Status: 5.0.0",
          "Diagnostic-Code: smtp; 554 5.7.1 Spam message rejected",
        ],
      ),
    );
    assert.equal(parsed.format, "postfix");
    const [ann] = parsed.recipients;
    assert.equal(ann?.recipient, "ann@example.org");
    assert.equal(ann?.originalRecipient, "info@example.org");
    assert.equal(ann?.command, "DATA-END");
    assert.equal(ann?.remoteMta, "mx.example.org");
    assert.equal(ann?.status, "5.7.1");
    assert.equal(ann?.diagnosticCode, "554 5.7.1 Spam message rejected");
  });

  it("reads a report without a DSN part from the text blocks", () => {
    const parsed = parseBounce(
      report(
        [
          "<bob@example.org>: host mx.example.org[192.0.2.1] refused to talk to me:",
          "    554 5.7.1 Service unavailable; client host blocked",
          "",
          "<carl@example.org>: connect to mx.example.org[192.0.2.1]:25: Connection timed out",
        ],
        null,
      ),
    );
    assert.deepEqual(
      parsed.recipients.map((r) => [r.recipient, r.command, r.remoteMta, r.diagnosticCode]),
      [
        [
          "bob@example.org",
          "CONNECT",
          "mx.example.org",
          "554 5.7.1 Service unavailable; client host blocked",
        ],
        [
          "carl@example.org",
          "CONNECT",
          "mx.example.org",
          "connect to mx.example.org[192.0.2.1]:25: Connection timed out",
        ],
      ],
    );
  });

  it("calls a failed local delivery program a mailer error unless its output names the cause", () => {
    const parsed = parseBounce(
      report(
        ["<dan@example.org>: temporary failure. Command output: maildrop: cannot lock"],
        [
          "Final-Recipient: rfc822; dan@example.org",
          "Action: failed",
          "Status: 4.3.0",
          "Diagnostic-Code: x-unix; maildrop: cannot lock",
        ],
      ),
    );
    assert.equal(parsed.recipients[0]?.reason, "mailererror");
    const full = parseBounce(
      report(
        ["<eve@example.org>: temporary failure. Command output: Disk quota exceeded"],
        [
          "Final-Recipient: rfc822; eve@example.org",
          "Action: failed",
          "Status: 4.3.0",
          "Diagnostic-Code: x-unix; Disk quota exceeded",
        ],
      ),
    );
    assert.equal(full.recipients[0]?.reason, "mailboxfull");
  });

  it("reads the postmaster notice of a refused SMTP session", () => {
    const parsed = parseBounce(
      [
        "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
        "Subject: Postfix SMTP server: errors from client.example.com[192.0.2.9]",
        "",
        "Transcript of session follows.",
        "",
        " Out: 220 mx.example.net ESMTP",
        " In:  MAIL FROM:<sender@example.com>",
        " Out: 250 2.1.0 Ok",
        " In:  RCPT TO:<fay@example.net>",
        " Out: 250 2.1.5 Ok",
        " In:  DATA",
        " Out: 354 End data with <CR><LF>.<CR><LF>",
        " Out: 451 4.3.0 Error: queue file write error",
        "",
      ].join("\n"),
    );
    const [fay] = parsed.recipients;
    assert.equal(fay?.recipient, "fay@example.net");
    assert.equal(fay?.command, "DATA-END");
    assert.equal(fay?.action, "delayed");
    assert.equal(fay?.status, "4.3.0");
  });

  it("knows a gateway built on Postfix that renamed itself in Postfix's first line", () => {
    const parsed = parseBounce(
      [
        "From: MAILER-DAEMON (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender",
        "Content-Type: text/plain",
        "",
        "This is Example Security Gateway at host smtp.example.com.",
        "",
        "I'm sorry to have to inform you that your message could not",
        "be delivered to one or more recipients. It's attached below.",
        "",
        "<ann@example.org>: host 192.0.2.1[192.0.2.1] said: 550 #5.1.0 Address",
        "    rejected. (in reply to RCPT TO command)",
        "",
      ].join("\n"),
    );
    assert.equal(parsed.format, "postfix");
    assert.deepEqual(
      parsed.recipients.map((r) => [r.recipient, r.status, r.command, r.remoteMta, r.reason]),
      [["ann@example.org", "5.1.0", "RCPT", "192.0.2.1", "userunknown"]],
    );
  });
});
