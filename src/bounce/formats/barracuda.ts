import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";

/**
 * Barracuda Spam (& Virus) Firewall: "**Message you sent blocked by our bulk email filter**",
 * "Your message to: … was blocked by our Spam Firewall", and a delivery-status part with
 * the filter's reply ("550 5.7.1 Message content rejected, UBE, id=…").
 */
function looksLikeBarracuda(message: BounceMessage): boolean {
  if (message.deliveryStatus() === null) return false;
  if (message.subject.includes("Message you sent blocked by our bulk email filter")) return true;
  const text = message.text().slice(0, 2000);
  return (
    text.includes("was blocked by our Spam Firewall") ||
    text.includes("was blocked by our Spam & Virus Firewall")
  );
}

function parse(message: BounceMessage): FormatResult | null {
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0) return null;
  for (const recipient of result.recipients) if (!recipient.action) recipient.action = "failed";
  return result;
}

export const barracuda: BounceFormat = {
  id: "barracuda",
  name: "Barracuda Spam Firewall",
  gate: (facts) => facts.message.deliveryStatus() !== null,
  detect: looksLikeBarracuda,
  parse,
};
