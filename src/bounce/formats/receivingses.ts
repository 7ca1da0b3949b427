/**
 * Amazon SES email receiving: a domain that receives mail through SES (a receipt rule
 * with a Bounce action, or a recipient SES refuses) answers with a standard DSN sent
 * through SES (X-SES-Outgoing) but from the receiving domain's own postmaster, with
 * "Reporting-MTA: dns; inbound-smtp.<region>.amazonaws.com".
 */
import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { sesRecipient } from "./amazonses.js";
import { readDeliveryStatus } from "./rfc3464.js";

function detect(message: BounceMessage): boolean {
  if (message.header("x-ses-outgoing") === null && message.header("feedback-id") === null) return false;
  const part = message.deliveryStatus();
  if (part === null) return false;
  const head = message.partText(part).slice(0, 2000).toLowerCase();
  const at = head.indexOf("reporting-mta:");
  if (at < 0) return false;
  const lineEnd = head.indexOf("\n", at);
  const line = head.slice(at, lineEnd < 0 ? head.length : lineEnd);
  return line.includes("inbound-smtp.") && line.includes("amazonaws.com");
}

function parse(message: BounceMessage): FormatResult | null {
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0) return null;
  result.recipients = mapArray(result.recipients, sesRecipient);
  return result;
}

/** Bounces of Amazon SES email receiving. */
export const receivingses: BounceFormat = {
  id: "receivingses",
  name: "Amazon SES email receiving",
  // detect: X-SES-Outgoing or Feedback-ID.
  gate: (facts) => facts.message.hasHeader("x-ses-outgoing") || facts.message.hasHeader("feedback-id"),

  detect,
  parse,
};
