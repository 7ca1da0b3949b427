import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";

const ndr = (headers: string[], body: string[]) => [...headers, "", ...body].join("\n");

/** A report without a DSN part: the summary for users, then the administrators' section. */
const plainNdr = (summary: string[], admin: string[]) =>
  ndr(
    ["From: postmaster@example.org", "Subject: Undeliverable: hello", "X-MS-Exchange-Message-Is-Ndr:"],
    [
      "Delivery has failed to these recipients or groups:",
      "",
      ...summary,
      "",
      "Diagnostic information for administrators:",
      "",
      "Generating server: mx1.example.org",
      "",
      ...admin,
      "",
      "Original message headers:",
    ],
  );

describe("exchange2007 / office365", () => {
  it("calls a report whose list of addresses is empty a failure without recipients, not 'not a bounce'", () => {
    const report = parseBounce(
      plainNdr(
        ["A problem occurred while delivering this message to this email address."],
        ["mx.example.net", "Remote Server returned '550 Your message has been rejected as spam'"],
      ),
    );
    assert.equal(report.kind, "failed");
    assert.equal(report.format, null);
    assert.deepEqual(report.recipients, []);
    assert.match(report.errors.join("; "), /Exchange .*delivery report, but no recipient could be read/);
  });

  it("reads a report without a delivery-status part from its administrators' section", () => {
    const report = parseBounce(
      plainNdr(
        ["ann@example.net<mailto:ann@example.net>", "The email address you entered couldn't be found."],
        [
          "ann@example.net",
          "mx.example.net",
          "Remote Server returned '550 5.1.1 <ann@example.net>: Recipient address rejected: User unknown'",
          "",
          "bob@example.net",
          "#550 5.2.2 STOREDRV.Deliver: mailbox full ##",
        ],
      ),
    );
    assert.equal(report.format, "exchange2007");
    assert.deepEqual(
      report.recipients.map((r) => [r.recipient, r.status, r.remoteMta, r.reason]),
      [
        ["ann@example.net", "5.1.1", "mx.example.net", "userunknown"],
        ["bob@example.net", "5.2.2", null, "mailboxfull"],
      ],
    );
    assert.equal(report.recipients[1]?.diagnosticCode, "550 5.2.2 STOREDRV.Deliver: mailbox full");
  });

  it("takes the status from the help link when the report has no delivery-status part, and keeps an undecided 5xx permanent", () => {
    const report = (remote: string, help: string) =>
      parseBounce(
        plainNdr(
          ["ann@example.net<mailto:ann@example.net>", "Your message wasn't delivered.", "", help],
          ["ann@example.net", "mx.example.net", `Remote Server returned '${remote}'`],
        ),
      ).recipients[0];
    const policy = report(
      "Security or policy settings at example.net have rejected your message",
      "For more information, see Error code 5.7.1 in Exchange Online and Office 365<http://go.microsoft.com/fwlink/?LinkId=389365>.",
    );
    assert.equal(policy?.status, "5.7.1");
    assert.equal(policy?.permanent, true);
    // Two different codes in the help links: neither is taken.
    const mixed = report(
      "Security or policy settings at example.net have rejected your message",
      "See Error code 5.7.1 in Exchange Online, or DSN code 5.1.1 in Exchange Online.",
    );
    assert.equal(mixed?.status, null);
    // Words no rule knows, with a 554: the reason is on hold, the failure still permanent.
    const undecided = report("554 Something happened to this message", "");
    assert.equal(undecided?.reason, "onhold");
    assert.equal(undecided?.permanent, true);
    assert.equal(undecided?.suppressRecipient, false);
  });

  it("takes the newest attempt of a retry history and knows Exchange's queue expiry", () => {
    const report = parseBounce(
      ndr(
        ["From: postmaster@example.org", "Subject: Non remis : hello", "X-MS-Exchange-Message-Is-Ndr:"],
        [
          "Informations de diagnostic pour les administrateurs :",
          "",
          "carl@example.net",
          "1/2/2020 8:05:56 PM - Remote Server at mx.example.net (192.0.2.3) returned '550 4.4.7 QUEUE.Expired; message expired'",
          "1/2/2020 7:58:27 PM - Remote Server at mx.example.net (192.0.2.3) returned '441 4.4.1 Failed to connect'",
          "",
        ],
      ),
    );
    const [carl] = report.recipients;
    assert.equal(carl?.diagnosticCode, "550 4.4.7 QUEUE.Expired; message expired");
    assert.equal(carl?.remoteMta, "mx.example.net");
    assert.equal(carl?.reason, "expired");
  });

  it("unwraps Exchange's own envelope around a relayed reply, also from an HTML-only report", () => {
    const report = parseBounce(
      ndr(
        [
          "From: postmaster@example.org",
          "Subject: Undeliverable: hello",
          "Content-Type: multipart/alternative; boundary=b",
        ],
        [
          "--b",
          "Content-Type: text/plain",
          "",
          "",
          "--b",
          "Content-Type: text/html",
          "",
          "<p><b>Diagnostic information for administrators:</b></p>",
          "<p>dora@example.net<br>",
          "Remote Server returned '&lt;mx.example.net #5.0.0 smtp; 554 5.7.1 Message refused&gt;'<br></p>",
          "--b--",
        ],
      ),
    );
    assert.equal(report.recipients[0]?.recipient, "dora@example.net");
    assert.equal(report.recipients[0]?.diagnosticCode, "554 5.7.1 Message refused");
  });

  it("tells the hosted service apart by the headers Microsoft's cloud adds", () => {
    const report = parseBounce(
      ndr(
        [
          "From: postmaster@contoso.onmicrosoft.com",
          "Subject: Undeliverable: hello",
          "Message-ID: <abc@NAM02.prod.outlook.com>",
        ],
        [
          "Diagnostic information for administrators:",
          "",
          "eve@example.net",
          "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'",
        ],
      ),
    );
    assert.equal(report.format, "office365");
    assert.equal(report.recipients[0]?.status, "5.1.10");
  });
});
