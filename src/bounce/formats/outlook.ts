/**
 * Outlook.com / Hotmail (the service before it moved to Exchange Online, whose reports the
 * `office365` module reads). Its reports come from postmaster@…hotmail/outlook hosts, are
 * written by Windows' SMTP service ("Microsoft SMTPSVC") and hold an RFC 3464 part:
 *
 *   This is an automatically generated Delivery Status Notification.
 *   Delivery to the following recipients failed.
 *          kijitora@example.jp
 *
 * The delivery-status part carries everything; the text only lists the addresses, which
 * serve when that part is missing.
 */
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, commandIn, linesOf } from "./text.js";

const HOSTS = ["hotmail.", "outlook.", "msn.com", "live.com"];

function isOutlook(message: BounceMessage): boolean {
  const subject = message.subject.trim().toLowerCase();
  if (!subject.startsWith("delivery status notification")) return false;
  const from = message.from;
  if (!from.includes("postmaster@") && !from.includes("mailer-daemon@")) return false;
  const domain = from.slice(from.lastIndexOf("@") + 1);
  const id = (message.header("message-id") ?? "").toLowerCase();
  if (HOSTS.some((host) => domain.includes(host) || id.includes(`.${host}`) || id.includes(`@${host}`)))
    return true;
  // The service's own host names ("BLU004-OMC3S20"), and the headers its mailboxes add.
  return /@[a-z]{3}\d{1,3}-omc/.test(id) || message.header("x-message-delivery") !== null;
}

/** The addresses listed under "Delivery to the following recipients failed." (or "has been delayed."). */
function listedRecipients(text: string): RawRecipient[] {
  const out: RawRecipient[] = [];
  let action: string | null = null;
  for (const line of linesOf(text, 2000)) {
    const lower = line.trim().toLowerCase();
    if (lower.startsWith("delivery to the following recipient")) {
      action = lower.includes("delayed") ? "delayed" : lower.includes("failed") ? "failed" : null;
      continue;
    }
    if (action === null || !/^\s/.test(line)) continue;
    const address = addressesIn(line, 1)[0];
    if (address) out.push({ recipient: address, action });
  }
  return out;
}

export function readOutlook(message: BounceMessage): FormatResult | null {
  const dsn = readDeliveryStatus(message);
  if (dsn !== null && dsn.recipients.length > 0) {
    for (const recipient of dsn.recipients) {
      recipient.command ??= recipient.diagnosticCode ? commandIn(recipient.diagnosticCode) : null;
    }
    return dsn;
  }
  const listed = listedRecipients(message.text());
  return listed.length > 0 ? { recipients: listed } : null;
}

/** Outlook.com / Hotmail reports written by Microsoft SMTPSVC. */
export const outlook: BounceFormat = {
  id: "outlook",
  name: "Outlook.com / Hotmail",
  // isOutlook: a "Delivery Status Notification" subject from postmaster@ or mailer-daemon@.
  gate: (facts) =>
    (facts.from.includes("postmaster@") || facts.from.includes("mailer-daemon@")) &&
    facts.subjectLower.includes("delivery status notification"),
  detect: isOutlook,
  parse: readOutlook,
};
