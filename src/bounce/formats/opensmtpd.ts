/**
 * OpenSMTPD: "Delivery status notification: error" (or "warning", "delayed", "failed").
 *
 *       This is the MAILER-DAEMON, please DO NOT REPLY to this email.
 *
 *       An error has occurred while attempting to deliver a message for
 *       the following list of recipients:
 *
 *   ann@example.org: 550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown
 *
 *       Below is a copy of the original message:
 *
 * The prose is indented, the recipient lines are not. Since 6.x a message/delivery-status
 * part gives the Status (4.4.7 for "Envelope expired").
 */
import type { BounceFormat, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, cleanedDiagnostic, linesOf, refinedStatus } from "./text.js";

const MARKER = "This is the MAILER-DAEMON, please DO NOT REPLY to this e";
const LIST_END = [
  "Below is a copy of the original message",
  "Please note that this is only a temporary failure report",
];

export const opensmtpd: BounceFormat = {
  id: "opensmtpd",
  name: "OpenSMTPD",
  detect: (message) => {
    const text = bodyText(message).slice(0, 8000);
    return text.includes(MARKER) && text.includes("list of recipients:");
  },
  parse: (message) => {
    const text = bodyText(message);
    const lines = linesOf(text);
    const start = lines.findIndex((line) => line.includes("list of recipients:"));
    if (start < 0) return null;
    const subject = message.subject.toLowerCase();
    const warning =
      subject.includes("warning") ||
      subject.includes("delayed") ||
      /message is delayed/i.test(text.slice(0, 4000));
    const dsn = readDeliveryStatus(message);
    const recipients: RawRecipient[] = [];
    for (let i = start + 1; i < lines.length && i - start < 5000; i++) {
      const line = lines[i] as string;
      if (LIST_END.some((end) => line.includes(end))) break;
      if (line === "" || /^\s/.test(line)) continue;
      const colon = line.indexOf(": ");
      if (colon <= 0 || !line.slice(0, colon).includes("@")) continue;
      const recipient = line.slice(0, colon).trim().replace(/^<|>$/g, "");
      const diagnostic = cleanedDiagnostic(line.slice(colon + 2));
      const fields =
        dsn?.recipients.find((r) => r.recipient.toLowerCase() === recipient.toLowerCase()) ??
        dsn?.recipients[recipients.length];
      const raw: RawRecipient = {
        recipient,
        action: fields?.action ?? (warning ? "delayed" : "failed"),
        status: refinedStatus(fields?.status ?? null, diagnostic),
        diagnosticCode: diagnostic || null,
        remoteMta: fields?.remoteMta ?? null,
      };
      // OpenSMTPD's own words for a message that outlived its queue lifetime.
      if (/^envelope expired/i.test(diagnostic)) {
        raw.reason = "expired";
        raw.reasonIsFinal = true;
      }
      recipients.push(raw);
    }
    if (recipients.length === 0) return null;
    return { recipients, reportingMta: dsn?.reportingMta ?? null };
  },
};
