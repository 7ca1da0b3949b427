import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deliveryStatusNotification } from "../../test/dsn.js";
import { parseBounce, parseBounces } from "./parse.js";

/** A multipart/report delivery-status message whose parts name no recipient. */
const emptyReport = (subject: string, status: string[]) =>
  [
    "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>",
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    "",
    "--b",
    "Content-Type: text/plain",
    "",
    "<<< No Message Collected >>>",
    "--b",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    ...status,
    "--b--",
    "",
  ].join("\n");

describe("parseBounce: reports without a readable recipient", () => {
  it("calls a delivery status report without recipients a failure, and says why", () => {
    const report = parseBounce(emptyReport("Returned mail: see transcript for details", []));
    assert.equal(report.kind, "failed");
    assert.deepEqual(report.recipients, []);
    assert.match(report.errors.join("; "), /delivery status report, but no recipient could be read/);
  });

  it("calls it a delay when its subject or its fields say so", () => {
    const bySubject = parseBounce(emptyReport("Warning: could not send message for past 4 hours", []));
    assert.equal(bySubject.kind, "delayed");
    const byAction = parseBounce(emptyReport("Delivery report", ["", "Action: delayed"]));
    assert.equal(byAction.kind, "delayed");
  });

  it("still calls ordinary mail not a bounce", () => {
    const report = parseBounce("From: ann@example.org\nSubject: lunch?\n\nSee you at noon.\n");
    assert.equal(report.kind, "not-a-bounce");
    assert.deepEqual(report.errors, []);
  });
});

describe("parseBounces", () => {
  it("gives what parseBounce gives for each message, in order", () => {
    const failed = deliveryStatusNotification([
      {
        recipient: "ann@example.org",
        action: "failed",
        status: "5.1.1",
        reply: "550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown",
      },
      { recipient: "bo@example.org", action: "delayed", status: "4.2.2", reply: "452 4.2.2 Mailbox full" },
    ]);
    const inputs: (string | Uint8Array)[] = [
      failed,
      "From: ann@example.org\nSubject: lunch?\n\nSee you at noon.\n",
      emptyReport("Returned mail: see transcript for details", []),
      new TextEncoder().encode(failed.replace("ann@", "cy@")),
      "",
    ];
    const batch = parseBounces(inputs);
    assert.deepEqual(
      batch,
      inputs.map((input) => parseBounce(input)),
    );
    assert.deepEqual(
      batch.map((report) => [report.kind, report.recipients.map((r) => `${r.recipient} ${r.reason}`)]),
      [
        ["failed", ["ann@example.org userunknown", "bo@example.org mailboxfull"]],
        ["not-a-bounce", []],
        ["failed", []],
        ["failed", ["cy@example.org userunknown", "bo@example.org mailboxfull"]],
        ["not-a-bounce", []],
      ],
    );
    assert.deepEqual(parseBounces([]), []);
  });
});
