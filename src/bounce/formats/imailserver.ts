/**
 * Ipswitch IMail Server ("X-Mailer: <SMTP32 v8.22>", "Subject: Undeliverable Mail").
 *
 * One line per recipient, the reason before the address:
 *
 *   Unknown user: ann@example.org
 *   User mailbox exceeds allowed size: bob@example.org
 *   Delivery failed 20 attempts: carol@example.org
 *
 *   Original message follows.
 *
 * or, when a remote server refused the message, the address and the server's reply:
 *
 *   undeliverable to ann@example.org
 *
 *   Body of message generated response:
 *   550-REJECTED - Blacklisted URL in message.
 *   550 …
 */
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, FormatResult, RawRecipient } from "../types.js";
import { mergedReply } from "./sendmail.js";
import { bodyText, cleanedDiagnostic, linesOf } from "./text.js";

const END = "Original message follows.";

export const imailserver: BounceFormat = {
  id: "imailserver",
  name: "IMail Server",
  // detect: an X-Mailer, or the subject "Undeliverable Mail".
  gate: (facts) => facts.message.hasHeader("x-mailer") || facts.subjectLower.includes("undeliverable mail"),
  detect: (message) => {
    const mailer = (message.header("x-mailer") ?? "").trim();
    if (mailer.startsWith("<SMTP32 v")) return true;
    const text = bodyText(message).slice(0, 20_000);
    return (
      message.subject.trim().toLowerCase() === "undeliverable mail" &&
      (text.includes(END) || /generated response:/i.test(text))
    );
  },
  parse: (message) => readImail(linesOf(bodyText(message))),
};

/** "Body of message generated response:" and its relatives name the SMTP stage. */
const STAGES: [string, SmtpCommand][] = [
  ["body of message", "DATA-END"],
  ["recipient address", "RCPT"],
  ["sender address", "MAIL"],
];

function readImail(lines: readonly string[]): FormatResult | null {
  const recipients: RawRecipient[] = [];
  let current: RawRecipient | null = null;
  let reply: string[] | null = null;
  const finishReply = () => {
    if (current && reply && reply.length > 0) current.diagnosticCode = mergedReply(reply);
    reply = null;
  };
  for (const line of lines.length > 5000 ? lines.slice(0, 5000) : lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith(END)) break;
    if (reply !== null) {
      if (trimmed === "") {
        if (reply.length > 0) finishReply();
        continue;
      }
      reply.push(trimmed);
      continue;
    }
    const lower = trimmed.toLowerCase();
    if (lower.startsWith("undeliverable to ")) {
      const address = trimmed.slice(17).trim().replace(/^<|>$/g, "");
      if (!isAddress(address)) continue;
      current = { recipient: address, action: "failed" };
      recipients.push(current);
      continue;
    }
    if (lower.endsWith("generated response:") && current) {
      const stage = STAGES.find(([words]) => lower.startsWith(words));
      current.command = stage ? stage[1] : null;
      reply = [];
      continue;
    }
    // "Reason: address"
    const colon = trimmed.lastIndexOf(": ");
    if (colon > 0) {
      const address = trimmed
        .slice(colon + 2)
        .trim()
        .replace(/^<|>$/g, "");
      const reason = trimmed.slice(0, colon).trim();
      if (isAddress(address) && !/^(to|cc|from|subject|date)$/i.test(reason)) {
        current = { recipient: address, action: "failed", diagnosticCode: cleanedDiagnostic(reason) };
        // "Delivery failed 20 attempts": IMail gave up retrying.
        if (/^delivery failed \d+ attempts/i.test(reason)) current.reason = "expired";
        recipients.push(current);
        if (recipients.length >= 500) break;
      }
    }
  }
  finishReply();
  return recipients.length > 0 ? { recipients } : null;
}

function isAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  const at = value.indexOf("@");
  return at > 0 && at === value.lastIndexOf("@") && value.indexOf(".", at) > at + 1;
}
