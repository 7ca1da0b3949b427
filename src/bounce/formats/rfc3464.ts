import { parseDeliveryStatus, recipientAddress, statusCode, typedValue } from "../dsn.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { commandIn } from "./text.js";

/**
 * Read the message/delivery-status part of an RFC 3464 DSN (or RFC 6533 global DSN) into
 * raw recipients. Shared by the generic module and by MTA modules that add their own
 * details from the human-readable part.
 */
export function readDeliveryStatus(message: BounceMessage): FormatResult | null {
  const part = message.deliveryStatus();
  if (part === null) return null;
  const dsn = parseDeliveryStatus(message.partText(part));
  const recipients: RawRecipient[] = [];
  for (const fields of dsn.recipients) {
    const recipient =
      recipientAddress(fields["final-recipient"]) ?? recipientAddress(fields["original-recipient"]);
    if (!recipient) continue;
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
  return {
    recipients,
    reportingMta: typedValue(dsn.message["reporting-mta"]),
  };
}

/** Plain RFC 3464: any message with a delivery-status part that no specific module claimed. */
export const rfc3464: BounceFormat = {
  id: "rfc3464",
  name: "RFC 3464 delivery status notification",
  detect: (message) => message.deliveryStatus() !== null,
  parse: (message) => {
    const result = readDeliveryStatus(message);
    return result && result.recipients.length > 0 ? result : null;
  },
};
