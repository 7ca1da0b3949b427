import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";

const gmail = (subject: string, body: string[], extra: string[] = []) =>
  [
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
    `Subject: ${subject}`,
    ...extra,
    "",
    ...body,
  ].join("\n");

describe("gmail, googlegroups, googleworkspace", () => {
  it("reads the plain-text layout and strips Gmail's wrapping off the reply", () => {
    const report = parseBounce(
      gmail("Delivery Status Notification (Failure)", [
        "Delivery to the following recipients failed permanently:",
        "",
        "     ann@example.net",
        "     bob@example.net",
        "",
        "Technical details of permanent failure:",
        "Google tried to deliver your message, but it was rejected by the server for the recipient domain example.net by mx.example.net. [192.0.2.1].",
        "The error that the other server returned was: 550 550 5.1.1 <ann@example.net>: User unknown (state 14).",
        "",
        "   ----- Original message -----",
        "To: ann@example.net",
      ]),
    );
    assert.equal(report.format, "gmail");
    assert.deepEqual(
      report.recipients.map((r) => [r.recipient, r.diagnosticCode, r.remoteMta]),
      [
        ["ann@example.net", "550 5.1.1 <ann@example.net>: User unknown", "mx.example.net"],
        ["bob@example.net", "550 5.1.1 <ann@example.net>: User unknown", "mx.example.net"],
      ],
    );
  });

  it("calls a permanent failure after connection retries an expiry", () => {
    const report = parseBounce(
      gmail("Delivery Status Notification (Failure)", [
        "Delivery to the following recipient failed permanently:",
        "     carl@example.net",
        "Technical details of permanent failure:",
        "The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720",
        "[example.net 192.0.2.9: socket error]",
      ]),
    );
    assert.equal(report.recipients[0]?.reason, "expired");
    assert.equal(report.recipients[0]?.remoteMta, "example.net");
  });

  it("reads a Google Groups refusal in any language as rejected", () => {
    const report = parseBounce(
      gmail(
        "Delivery Status Notification (Failure)",
        [
          "Hallo ann@example.org,",
          "",
          "Die Gruppe, die Sie kontaktieren möchten (friends), ist möglicherweise nicht vorhanden oder Sie haben keine Berechtigung.",
          "",
          "Hilfe: https://groups.google.com/support/",
          "",
          "Google Groups",
        ],
        ["X-Failed-Recipients: friends@googlegroups.com"],
      ),
    );
    assert.equal(report.format, "googlegroups");
    assert.equal(report.recipients[0]?.recipient, "friends@googlegroups.com");
    assert.equal(report.recipients[0]?.reason, "rejected");
  });

  it("reads a 'Send mail as' failure as googleworkspace", () => {
    const report = parseBounce(
      gmail(
        "Delivery Status Notification (Failure)",
        [
          "** Message not delivered **",
          "",
          "You're sending this from a different address or alias using the 'Send mail as' feature.",
          "",
          "The response was:",
          "",
          "Unspecified Error (SENT_SECOND_EHLO): Smtp server does not advertise AUTH capability",
        ],
        ["X-Failed-Recipients: dora@example.net"],
      ),
    );
    assert.equal(report.format, "googleworkspace");
    assert.equal(
      report.recipients[0]?.diagnosticCode,
      "Unspecified Error (SENT_SECOND_EHLO): Smtp server does not advertise AUTH capability",
    );
  });
});
