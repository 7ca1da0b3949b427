import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";
import { mergedReply, readTranscript } from "./sendmail.js";

describe("Sendmail transcript", () => {
  it("gives RCPT to replies pipelined under >>> DATA, DATA to the last one", () => {
    const transcript = readTranscript([
      "... while talking to mx.example.org.:",
      ">>> DATA",
      "<<< 550 5.1.1 <ann@example.org>... User unknown",
      "550 5.1.1 <ann@example.org>... User unknown",
      "<<< 503 5.0.0 Need RCPT (recipient)",
    ]);
    assert.deepEqual(
      transcript.replies.map((reply) => reply.command),
      ["RCPT", "DATA"],
    );
    assert.equal(transcript.replies[0]?.host, "mx.example.org");
    assert.equal(transcript.notes[0]?.reply, transcript.replies[0]);
  });

  it("keeps DATA when DATA itself was refused", () => {
    const transcript = readTranscript([
      "... while talking to mx.example.org.:",
      ">>> DATA",
      "<<< 550 5.7.1 Message content rejected",
      "554 5.0.0 Service unavailable",
    ]);
    assert.equal(transcript.replies[0]?.command, "DATA");
  });

  it("calls a reply with no command before it the greeting", () => {
    const transcript = readTranscript([
      "... while talking to mx.example.org.:",
      "<<< 554 No SMTP service here",
    ]);
    assert.equal(transcript.replies[0]?.command, "CONNECT");
  });

  it("joins a multi-line reply once", () => {
    assert.equal(
      mergedReply(["550-5.7.1 The message was refused", "550-5.7.1 because of its", "550 5.7.1 content."]),
      "550 5.7.1 The message was refused because of its content.",
    );
  });

  it("reads a bounce: whole reply from the transcript, command, precise status", () => {
    const report = parseBounce(
      [
        "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>",
        "Subject: Returned mail: see transcript for details",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        "",
        "--b",
        "",
        "   ----- The following addresses had permanent fatal errors -----",
        "<ann@example.org>",
        "    (reason: 550-5.7.1 Refused)",
        "",
        "   ----- Transcript of session follows -----",
        "... while talking to mx.example.org.:",
        ">>> RCPT To:<ann@example.org>",
        "<<< 550-5.7.1 Refused because the sending address",
        "<<< 550 5.7.1 is on our local block list",
        "",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; relay.example.net",
        "",
        "Final-Recipient: RFC822; ann@example.org",
        "Action: failed",
        "Status: 5.0.0",
        "Diagnostic-Code: SMTP; 550-5.7.1 Refused because the sending address",
        "",
        "--b--",
      ].join("\n"),
    );
    const [recipient] = report.recipients;
    assert.equal(report.format, "sendmail");
    assert.equal(recipient?.command, "RCPT");
    assert.equal(recipient?.status, "5.7.1");
    assert.equal(recipient?.remoteMta, "mx.example.org");
    assert.equal(
      recipient?.diagnosticCode,
      "550 5.7.1 Refused because the sending address is on our local block list",
    );
  });

  it("survives a transcript of a million characters on one line", () => {
    const start = performance.now();
    const transcript = readTranscript([`<<< 550 ${"@a".repeat(500_000)}`, `${"@".repeat(1_000_000)}... x`]);
    assert.equal(transcript.replies.length, 1);
    assert.ok(performance.now() - start < 500);
  });
});
