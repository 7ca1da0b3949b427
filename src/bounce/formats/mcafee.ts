import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, bodyText, linesOf } from "./text.js";

/**
 * McAfee Email and Web Security Appliance: "Delivery Status" with an X-NAI-Header, a text part
 * listing "<address>   (reply)" under "--- The following addresses had delivery problems ---",
 * and a delivery-status part whose recipient blocks carry only Original-Recipient.
 */
const LIST_MARKER = "--- The following addresses had delivery problems ---";

function looksLikeMcAfee(message: BounceMessage): boolean {
  if ((message.header("x-nai-header") ?? "").includes("McAfee")) return true;
  return message.subject === "Delivery Status" && message.text().slice(0, 1000).includes(LIST_MARKER);
}

/** "<a@b>   (550 reply)" lines of the text part. */
function listedRecipients(text: string): RawRecipient[] {
  const out: RawRecipient[] = [];
  let inList = false;
  for (const line of linesOf(text, 2000)) {
    const trimmed = line.trim();
    if (trimmed.includes(LIST_MARKER)) {
      inList = true;
      continue;
    }
    if (!inList || trimmed === "") continue;
    if (!trimmed.startsWith("<")) break;
    const close = trimmed.indexOf(">");
    const recipient = addressesIn(trimmed.slice(0, close + 1))[0];
    if (!recipient) continue;
    let rest = trimmed.slice(close + 1).trim();
    if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.slice(1, -1).trim();
    out.push({ recipient, action: "failed", diagnosticCode: rest || null });
    if (out.length >= 500) break;
  }
  return out;
}

function parse(message: BounceMessage): FormatResult | null {
  const listed = listedRecipients(bodyText(message));
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0)
    return listed.length > 0 ? { recipients: listed } : null;
  for (const recipient of result.recipients) {
    if (!recipient.action) recipient.action = "failed";
    if (!recipient.diagnosticCode) {
      const found = listed.find(
        (entry) => entry.recipient.toLowerCase() === recipient.recipient.toLowerCase(),
      );
      if (found) recipient.diagnosticCode = found.diagnosticCode ?? null;
    }
  }
  return result;
}

export const mcafee: BounceFormat = {
  id: "mcafee",
  name: "McAfee Email and Web Security",
  gate: (facts) => facts.message.hasHeader("x-nai-header") || facts.subject === "Delivery Status",
  detect: looksLikeMcAfee,
  parse,
};
