/**
 * Amazon WorkMail (X-Mailer: Amazon WorkMail): a multipart/mixed bounce whose text part
 * carries the delivery-status fields inline after "Technical report:", followed by the
 * returned message and a winmail.dat. The fields are SES's (Reporting-MTA
 * *.smtp-out.*.amazonses.com), so SES's wording applies ("Message expired").
 */
import { mapArray } from "../../arrays.js";
import { parseDeliveryStatus, recipientAddress, statusCode, typedValue } from "../dsn.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { sesRecipient } from "./amazonses.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, commandIn, lowerBodyText } from "./text.js";

const MARKERS = ["technical report:", "an error occurred while trying to deliver the mail"];

function detect(message: BounceMessage): boolean {
  const mailer = (message.header("x-mailer") ?? "").trim().toLowerCase();
  if (mailer !== "amazon workmail") return false;
  if (message.deliveryStatus() !== null) return true;
  const text = lowerBodyText(message, 4000);
  return MARKERS.some((marker) => text.includes(marker));
}

/** Recipients from delivery-status fields written inside a text. */
export function dsnTextRecipients(text: string): FormatResult {
  const dsn = parseDeliveryStatus(text);
  const recipients: RawRecipient[] = [];
  for (const fields of dsn.recipients) {
    const recipient =
      recipientAddress(fields["final-recipient"]) ?? recipientAddress(fields["original-recipient"]);
    if (!recipient?.includes("@")) continue;
    const original = recipientAddress(fields["original-recipient"]);
    const diagnostic = typedValue(fields["diagnostic-code"]);
    recipients.push({
      recipient,
      originalRecipient: original && original.toLowerCase() !== recipient.toLowerCase() ? original : null,
      action: (fields.action ?? "").trim().toLowerCase() || null,
      status: statusCode(fields.status),
      remoteMta: typedValue(fields["remote-mta"]),
      diagnosticCode: diagnostic,
      command: diagnostic ? commandIn(diagnostic) : null,
      lastAttemptDate: fields["last-attempt-date"] ?? null,
    });
  }
  return { recipients, reportingMta: typedValue(dsn.message["reporting-mta"]) };
}

function parse(message: BounceMessage): FormatResult | null {
  let result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0) {
    const text = bodyText(message);
    const at = text.toLowerCase().indexOf("technical report:");
    if (at < 0) return null;
    result = dsnTextRecipients(text.slice(at + 17, at + 17 + 200_000));
  }
  result.recipients = mapArray(result.recipients, sesRecipient);
  return result.recipients.length > 0 ? result : null;
}

/** Amazon WorkMail bounces. */
export const amazonworkmail: BounceFormat = {
  id: "amazonworkmail",
  name: "Amazon WorkMail",
  // detect: X-Mailer "Amazon WorkMail".
  gate: (facts) => facts.message.hasHeader("x-mailer"),

  detect,
  parse,
};
