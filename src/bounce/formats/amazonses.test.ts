import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseBounce } from "../parse.js";
import { readJsonObject, sesRecipient } from "./amazonses.js";

const bounce = {
  notificationType: "Bounce",
  bounce: {
    bounceType: "Permanent",
    bounceSubType: "General",
    bouncedRecipients: [
      {
        emailAddress: "ann@example.org",
        action: "failed",
        status: "5.1.1",
        diagnosticCode: "smtp; 550 5.1.1 <ann@example.org>: no such mailbox",
      },
      {
        emailAddress: "Bob <bob@example.org>",
        action: "failed",
        status: "5.2.2",
        diagnosticCode: "smtp; 552 5.2.2 over quota",
      },
    ],
    reportingMTA: "dsn; b1-2.smtp-out.eu-west-1.amazonses.com",
    timestamp: "2024-03-01T10:00:00.000Z",
  },
  mail: { destination: ["ann@example.org", "bob@example.org"] },
};

describe("amazonses JSON notifications", () => {
  it("reads a bare bounce notification given as the whole input", () => {
    const report = parseBounce(JSON.stringify(bounce, null, 2));
    assert.equal(report.format, "amazonses");
    assert.equal(report.reportingMta, "b1-2.smtp-out.eu-west-1.amazonses.com");
    assert.deepEqual(
      report.recipients.map((r) => [r.recipient, r.status, r.reason]),
      [
        ["ann@example.org", "5.1.1", "userunknown"],
        ["bob@example.org", "5.2.2", "mailboxfull"],
      ],
    );
    assert.equal(report.recipients[0]?.diagnosticCode, "550 5.1.1 <ann@example.org>: no such mailbox");
  });

  it("unwraps the SNS envelope and repairs lines split by sendmail", () => {
    const envelope = JSON.stringify({
      Type: "Notification",
      MessageId: "m-1",
      Message: JSON.stringify(bounce),
    });
    const split = `${envelope.slice(0, 300)}!\n ${envelope.slice(300)}`;
    const email = [
      "From: AWS Notifications <no-reply@sns.amazonaws.com>",
      "Subject: AWS Notification Message",
      "x-amz-sns-message-id: m-1",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      split,
      "",
      "--",
      "If you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:",
      "",
    ].join("\r\n");
    const report = parseBounce(email);
    assert.equal(report.format, "amazonses");
    assert.equal(report.recipients.length, 2);
  });

  it("reads complaints, deliveries, delays and suppressed addresses", () => {
    const complaint = parseBounce(
      JSON.stringify({
        notificationType: "Complaint",
        complaint: {
          complainedRecipients: [{ emailAddress: "ann@example.org" }],
          complaintFeedbackType: "abuse",
        },
      }),
    );
    assert.equal(complaint.kind, "feedback");
    assert.equal(complaint.recipients[0]?.reason, "feedback");
    assert.equal(complaint.recipients[0]?.feedbackType, "abuse");

    const delivery = parseBounce(
      JSON.stringify({
        eventType: "Delivery",
        delivery: {
          recipients: ["ann@example.org"],
          smtpResponse: "250 2.0.0 OK queued",
          reportingMTA: "a1.example",
        },
      }),
    );
    assert.equal(delivery.kind, "delivered");
    assert.equal(delivery.recipients[0]?.reason, "delivered");
    assert.equal(delivery.recipients[0]?.status, "2.0.0");

    const delay = parseBounce(
      JSON.stringify({
        eventType: "DeliveryDelay",
        deliveryDelay: {
          delayType: "TransientCommunicationFailure",
          delayedRecipients: [
            { emailAddress: "ann@example.org", status: "4.4.1", diagnosticCode: "smtp; 421 4.4.1 try later" },
          ],
        },
      }),
    );
    assert.equal(delay.kind, "delayed");
    assert.equal(delay.recipients[0]?.action, "delayed");

    const suppressed = parseBounce(
      JSON.stringify({
        notificationType: "Bounce",
        bounce: {
          bounceType: "Permanent",
          bounceSubType: "OnAccountSuppressionList",
          bouncedRecipients: [
            {
              emailAddress: "ann@example.org",
              action: "failed",
              status: "5.1.1",
              diagnosticCode:
                "Amazon SES did not send the message to this address because it is on the suppression list for your account.",
            },
          ],
        },
      }),
    );
    assert.equal(suppressed.recipients[0]?.reason, "suppressed");
  });

  it("calls other SES events not a bounce", () => {
    const open = parseBounce(
      JSON.stringify({ eventType: "Open", mail: { destination: ["ann@example.org"] } }),
    );
    assert.equal(open.kind, "not-a-bounce");
    assert.equal(open.recipients.length, 0);
  });

  it("never throws on damaged JSON", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (noise) => {
        readJsonObject(`{"notificationType":"Bounce",${noise}`);
        parseBounce(`{"eventType":"Bounce","bounce":${noise}}`);
      }),
    );
  });
});

describe("sesRecipient", () => {
  it("unwraps SES's 2011 wording and prefers the reply's enhanced code over 5.0.0", () => {
    const raw = sesRecipient({
      recipient: "ann@example.org",
      status: "5.0.0",
      diagnosticCode:
        "5.1.0 - Unknown address error 550-'5.2.2 <ann@example.org>... Mailbox Full' (delivery attempts: 0)",
    });
    assert.equal(raw.diagnosticCode, "550 5.2.2 <ann@example.org>... Mailbox Full");
    assert.equal(raw.status, "5.2.2");
    const bare = sesRecipient({
      recipient: "ann@example.org",
      status: "5.0.0",
      diagnosticCode:
        "5.3.0 - Other mail system problem 550-'Unknown user ann@example.org' (delivery attempts: 0)",
    });
    assert.equal(bare.status, "5.3.0");
  });
});
