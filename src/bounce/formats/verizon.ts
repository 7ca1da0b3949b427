import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { isVerizonAddress, readJamesText } from "./apachejames.js";
import { addressesIn, bodyText, linesOf } from "./text.js";

/**
 * Verizon Wireless gateways. vtext.com (SMS) answers with the Apache James template ("Error
 * message below:", "RCPT TO: …"); vzwpix.com (MMS) with "Message could not be delivered to
 * mobile." and "Error: No valid recipients for this MM", the recipient being the "To:" of the
 * "Original Message:" summary.
 */
function looksLikeVerizon(message: BounceMessage): boolean {
  return isVerizonAddress(message.from);
}

function readMmsText(text: string): RawRecipient[] | null {
  const lines = linesOf(text, 5000);
  let error: string | null = null;
  let inOriginal = false;
  const recipients: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (!inOriginal && trimmed.startsWith("Error:") && error === null)
      error = trimmed.slice(6).trim() || null;
    else if (trimmed === "Original Message:") inOriginal = true;
    else if (inOriginal && /^To:/i.test(trimmed)) {
      for (const address of addressesIn(trimmed.slice(3)))
        if (recipients.length < 500) recipients.push(address);
    }
  }
  if (recipients.length === 0 || error === null) return null;
  return mapArray(recipients, (recipient) => {
    const entry: RawRecipient = { recipient, action: "failed", diagnosticCode: error };
    // The MMS gateway's words for recipients it does not know.
    if (/no valid recipients/i.test(error as string)) entry.reason = "userunknown";
    return entry;
  });
}

function parse(message: BounceMessage): FormatResult | null {
  const text = bodyText(message);
  const recipients = readJamesText(text) ?? readMmsText(text);
  return recipients ? { recipients } : null;
}

export const verizon: BounceFormat = {
  id: "verizon",
  name: "Verizon Wireless",
  // isVerizonAddress: vtext.com or vzwpix.com in From.
  gate: (facts) => facts.from.includes("vtext.com") || facts.from.includes("vzwpix.com"),
  detect: looksLikeVerizon,
  parse,
};
