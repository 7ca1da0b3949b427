import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deliveryStatusNotification } from "../../../test/dsn.js";
import { parseBounce } from "../parse.js";

const reply = (fields: string[], body = "I am away until Monday.") =>
  parseBounce([...fields, "Content-Type: text/plain", "", body, "", "> your message"].join("\n"));

describe("rfc3834 (automatic replies)", () => {
  it("knows an auto-reply by its header fields alone, whatever the subject", () => {
    for (const mark of [
      "Auto-Submitted: auto-replied (vacation)",
      "X-Autoreply: yes",
      "X-Autorespond: on",
      "X-Apple-Action: VACATION",
      "Precedence: auto_reply",
    ]) {
      const parsed = reply(["From: Ann <ann@example.org>", "Subject: Re: the plan", mark]);
      assert.equal(parsed.kind, "auto-reply", mark);
      assert.equal(parsed.format, "rfc3834", mark);
      assert.deepEqual(
        parsed.recipients.map((r) => [r.recipient, r.reason, r.diagnosticCode]),
        [["ann@example.org", "vacation", "I am away until Monday."]],
        mark,
      );
    }
  });

  it("knows one by its subject in several languages", () => {
    for (const subject of [
      "Automatic reply: the plan",
      "Abwesenheitsnotiz: the plan",
      "Réponse automatique",
    ]) {
      assert.equal(reply(["From: ann@example.org", `Subject: ${subject}`]).kind, "auto-reply", subject);
    }
  });

  it("does not take bulk mail or generated notices for auto-replies", () => {
    const bulk = reply(
      [
        "From: news@example.org",
        "Subject: Re: the plan",
        "Precedence: bulk",
        "Auto-Submitted: auto-generated",
      ],
      "Our weekly news.",
    );
    assert.equal(bulk.kind, "not-a-bounce");
  });

  it("leaves a delivery report marked auto-replied (as Postfix marks its own) to the bounce formats", () => {
    const parsed = parseBounce(
      deliveryStatusNotification(
        [
          {
            recipient: "ann@example.org",
            action: "failed",
            status: "5.1.1",
            reply: "550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown",
          },
        ],
        ["Auto-Submitted: auto-replied"],
      ),
    );
    assert.equal(parsed.kind, "failed");
    assert.notEqual(parsed.format, "rfc3834");
    assert.equal(parsed.recipients[0]?.reason, "userunknown");
  });
});
