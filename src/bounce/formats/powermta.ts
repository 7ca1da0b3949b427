import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";

/**
 * PowerMTA (Port25 / SparkPost): "Delivery report", "Hello, this is the mail server on …",
 * and an RFC 3464 part with its own X-PowerMTA-VirtualMTA and X-PowerMTA-BounceCategory
 * fields. The DSN fields hold everything; this module only claims the format.
 */
function looksLikePowerMta(message: BounceMessage): boolean {
  const part = message.deliveryStatus();
  if (part === null) return false;
  if (message.text().slice(0, 300).includes("Hello, this is the mail server on ")) return true;
  return message.partText(part).slice(0, 4000).includes("X-PowerMTA-");
}

function parse(message: BounceMessage): FormatResult | null {
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0) return null;
  for (const recipient of result.recipients) if (!recipient.action) recipient.action = "failed";
  return result;
}

export const powermta: BounceFormat = {
  id: "powermta",
  name: "PowerMTA",
  gate: (facts) => facts.message.deliveryStatus() !== null,
  detect: looksLikePowerMta,
  parse,
};
