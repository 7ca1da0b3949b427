import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, linesOf } from "./text.js";

/**
 * SurfControl E-mail Filter (X-Mailer: SurfControl E-mail Filter, X-SEF-* headers): "Your
 * message could not be sent." with "address: [ip], 550 reply" after "Failed to send to
 * identified host," and a delivery-status part.
 */
function looksLikeSurfControl(message: BounceMessage): boolean {
  return (message.header("x-mailer") ?? "").startsWith("SurfControl");
}

/** "kijitora@example.com: [192.0.2.5], 550 …" → address, host and reply. */
function attempts(text: string): RawRecipient[] {
  const out: RawRecipient[] = [];
  for (const line of linesOf(text, 2000)) {
    const match = /^\s*([^\s:@]{1,64}@[^\s:]{1,255}): \[([^\]\s]{1,100})\],\s*(.*)$/.exec(line);
    if (!match) continue;
    out.push({
      recipient: match[1] as string,
      action: "failed",
      remoteMta: match[2] as string,
      diagnosticCode: (match[3] as string).trim() || null,
    });
    if (out.length >= 500) break;
  }
  return out;
}

function parse(message: BounceMessage): FormatResult | null {
  const tried = attempts(bodyText(message));
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0)
    return tried.length > 0 ? { recipients: tried } : null;
  for (const recipient of result.recipients) {
    const found = tried.find((entry) => entry.recipient.toLowerCase() === recipient.recipient.toLowerCase());
    if (!recipient.action) recipient.action = "failed";
    if (found && !recipient.remoteMta) recipient.remoteMta = found.remoteMta ?? null;
    if (found && !recipient.diagnosticCode) recipient.diagnosticCode = found.diagnosticCode ?? null;
  }
  return result;
}

export const surfcontrol: BounceFormat = {
  id: "surfcontrol",
  name: "SurfControl E-mail Filter",
  gate: (facts) => facts.message.hasHeader("x-mailer"),
  detect: looksLikeSurfControl,
  parse,
};
