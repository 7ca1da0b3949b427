import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBounce } from "../parse.js";

const qmail = (body: string[]) =>
  [
    "From: MAILER-DAEMON@mx.example.net",
    "Subject: failure notice",
    "",
    "Hi. This is the qmail-send program at mx.example.net.",
    "I'm afraid I wasn't able to deliver your message to the following addresses.",
    "This is a permanent error; I've given up. Sorry it didn't work out.",
    "",
    ...body,
    "",
    "--- Below this line is a copy of the message.",
    "",
    "To: someone@example.org",
  ].join("\r");

describe("qmail", () => {
  it("reads each address block (CR-only line ends too)", () => {
    const parsed = parseBounce(
      qmail([
        "<ann@example.org>:",
        "192.0.2.1 does not like recipient.",
        "Remote host said: 550 5.1.1 <ann@example.org>: User unknown",
        "Giving up on 192.0.2.1.",
        "",
        "<bob@example.org>:",
        "Sorry, no mailbox here by that name. (#5.1.1)",
      ]),
    );
    assert.equal(parsed.format, "qmail");
    assert.deepEqual(
      parsed.recipients.map((r) => [r.recipient, r.command, r.remoteMta, r.status, r.diagnosticCode]),
      [
        ["ann@example.org", "RCPT", "192.0.2.1", "5.1.1", "550 5.1.1 <ann@example.org>: User unknown"],
        ["bob@example.org", null, null, "5.1.1", "Sorry, no mailbox here by that name. (#5.1.1)"],
      ],
    );
  });

  it("gives the last error's cause, else expired, when qmail gave up after queueing too long", () => {
    const parsed = parseBounce(
      qmail([
        "<carl@example.org>:",
        "Connected to 192.0.2.1 but sender was rejected.",
        "Remote host said: 451 4.2.2 Mailbox full",
        "I'm not going to try again; this message has been in the queue too long.",
        "",
        "<dan@example.org>:",
        "Unable to reach the moon. (#4.4.9)I'm not going to try again; this",
        "message has been in the queue too long.",
      ]),
    );
    assert.deepEqual(
      parsed.recipients.map((r) => [r.recipient, r.command, r.reason]),
      [
        ["carl@example.org", "MAIL", "mailboxfull"],
        ["dan@example.org", null, "expired"],
      ],
    );
  });
});
