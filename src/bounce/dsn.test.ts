import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mapArray } from "../arrays.js";
import { parseDeliveryStatus } from "./dsn.js";

describe("parseDeliveryStatus", () => {
  it("reads the per-message block and one block per recipient", () => {
    const status = parseDeliveryStatus(
      [
        "Reporting-MTA: dns; mx.example.net",
        "Arrival-Date: Mon, 2 Nov 2026 10:00:00 +0000",
        "",
        "Final-Recipient: rfc822; ann@example.org",
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 User",
        "  unknown",
        "Final-Recipient: rfc822; bo@example.org",
        "Action: delayed",
        "Status: 4.2.2",
      ].join("\n"),
    );
    assert.equal(status.message["reporting-mta"], "dns; mx.example.net");
    assert.deepEqual(
      status.recipients.map((fields) => [
        fields["final-recipient"],
        fields.action,
        fields["diagnostic-code"],
      ]),
      [
        ["rfc822; ann@example.org", "failed", "smtp; 550 5.1.1 User unknown"],
        ["rfc822; bo@example.org", "delayed", undefined],
      ],
    );
  });

  it("reads field names in any case, and unknown fields too", () => {
    const status = parseDeliveryStatus(
      [
        "REPORTING-MTA: dns; mx.example.net",
        "",
        "final-recipient: rfc822; ann@example.org",
        "ACTION: Failed",
        "sTaTuS: 5.1.1",
        "X-Actual-Recipient: rfc822; ann@example.org",
        "X-Postfix-Queue-ID: 4ABC",
        "Final-Recipient: rfc822; bo@example.org",
        "Action: delayed",
      ].join("\n"),
    );
    assert.equal(status.message["reporting-mta"], "dns; mx.example.net");
    assert.deepEqual(
      status.recipients.map((fields) => ({ ...fields })),
      [
        {
          "final-recipient": "rfc822; ann@example.org",
          action: "Failed",
          status: "5.1.1",
          "x-actual-recipient": "rfc822; ann@example.org",
          "x-postfix-queue-id": "4ABC",
        },
        { "final-recipient": "rfc822; bo@example.org", action: "delayed" },
      ],
    );
  });

  it("takes fields named like Object.prototype's for what they are", () => {
    const status = parseDeliveryStatus(
      [
        "Reporting-MTA: dns; mx.example.net",
        "",
        "Final-Recipient: rfc822; ann@example.org",
        "Constructor: yes",
        "__proto__: polluted",
        "toString: no",
        "Action: failed",
        "Status: 5.1.1",
      ].join("\n"),
    );
    const [fields] = status.recipients;
    assert.equal(fields?.constructor, "yes");
    assert.equal(fields?.tostring, "no");
    const proto = "__proto__";
    assert.equal(fields?.[proto], "polluted");
    assert.equal(fields?.action, "failed");
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Without the field, nothing inherited answers.
    assert.equal("constructor" in (status.message as object), false);
  });

  it("joins folded and stray lines to the field above, and ignores a repeated field's lines", () => {
    const status = parseDeliveryStatus(
      [
        "Reporting-MTA: dns; mx.example.net\r",
        "\r",
        "Final-Recipient: rfc822; ann@example.org\r",
        "Diagnostic-Code: smtp; 550 5.1.1 <ann@example.org>:\r",
        "   Recipient address rejected \r",
        "User unknown in virtual mailbox table\r",
        "Status: 5.1.1\r",
        "Status: 4.0.0\r",
        "  (ignored with its field)\r",
        "Bad Name: not a field: joined to nothing\r",
        " \t \r",
        "  Action : failed",
      ].join("\n"),
    );
    assert.deepEqual({ ...status.message }, { "reporting-mta": "dns; mx.example.net" });
    assert.deepEqual(
      mapArray(status.recipients, (fields) => ({ ...fields })),
      [
        {
          "final-recipient": "rfc822; ann@example.org",
          "diagnostic-code":
            "smtp; 550 5.1.1 <ann@example.org>: Recipient address rejected User unknown in virtual mailbox table",
          status: "5.1.1",
        },
        { action: "failed" },
      ],
    );
  });

  it("reads a long text of lines without a colon in linear time", () => {
    const text = `${"x".repeat(400)}\n`.repeat(20_000) + "Final-Recipient: rfc822; ann@example.org\n";
    const start = performance.now();
    parseDeliveryStatus(text);
    assert.ok(performance.now() - start < 1000, "an 8 MB text of colon-less lines took over a second");
  });
});
