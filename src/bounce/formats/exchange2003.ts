/**
 * Microsoft Exchange 5.5 to 2003 (the "Internet Mail Service", IMS, and the older "Internet
 * Mail Connector", IMC). The report is plain text without a delivery-status part:
 *
 *   Your message
 *     To:      …
 *   did not reach the following recipient(s):
 *
 *   kijitora@example.jp on Thu, 29 Apr 2010 00:00:00 -0000
 *       The recipient name is not recognized
 *       The MTS-ID of the original message is: c=jp;a= ;p=neko
 *   ;l=EXCHANGE000000000000000000
 *       MSEXCH:IMS:ORG:SITE:SERVER 0 (000C05A6) Unknown Recipient
 *
 * Exchange 4.0's IMC writes "The following recipient(s) could not be reached:" and indents
 * the recipient lines. Each recipient's explanation is the indented lines under it; the
 * "MSEXCH:" line carries Exchange's own error code in parentheses (000C05A6 is its code
 * for an unknown recipient).
 */
import { collapseWhiteSpace } from "../../strings.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, linesOf } from "./text.js";

/** Where the list of recipients starts, in the IMS and the IMC wording. */
const LIST_STARTS = ["did not reach the following recipient", "could not be reached:"];

function isExchange2003(message: BounceMessage): boolean {
  const mailer = (message.header("x-mailer") ?? "").toLowerCase();
  if (
    mailer.startsWith("internet mail service") ||
    mailer.includes("exchange server internet mail connector")
  )
    return true;
  if (message.header("x-ms-embedded-report") !== null) return true;
  // Without those headers (a relay dropped them), the IMS still shows in the Received trail
  // or in its MSEXCH: error lines.
  const viaIms =
    message.headers.some(
      (field) =>
        field.name === "received" &&
        field.value.includes("nternet Mail Service") &&
        /with Internet Mail Service \(/i.test(field.value),
    ) && message.parsed.source.slice(0, 20_000).indexOf("nternet Mail Service") >= 0;
  const undeliverable = message.subject.toLowerCase().startsWith("undeliverable");
  if (!viaIms && !undeliverable) return false;
  const head = message.text().slice(0, 10_000);
  return (
    head.includes("MSEXCH:") || (viaIms && LIST_STARTS.some((marker) => head.toLowerCase().includes(marker)))
  );
}

/** "kijitora@example.jp on Thu, 29 Apr …" → the address, else null. */
function recipientLine(line: string): string | null {
  const trimmed = line.trim();
  const on = trimmed.indexOf(" on ");
  const head = on > 0 ? trimmed.slice(0, on) : trimmed;
  if (/\s/.test(head) || !head.includes("@")) return null;
  const found = addressesIn(head, 1)[0];
  return found !== undefined && found.length === head.replace(/^<|>$/g, "").length ? found : null;
}

export function readExchange2003(message: BounceMessage): FormatResult | null {
  const lines = linesOf(message.text());
  const start = listStart(lines);
  if (start < 0) return null;

  const recipients: RawRecipient[] = [];
  let current: RawRecipient | null = null;
  let detail: string[] = [];
  // The length of detail joined by spaces, kept as lines are added (joining them again for
  // every line was quadratic).
  let detailLength = 0;
  let skippingMtsId = false;
  for (let i = start; i < lines.length && i - start < 2000; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === "") {
      // A blank line ends the list once a recipient has its explanation.
      if (current !== null && detail.length > 0) {
        recipients.push(withDetail(current, detail));
        current = null;
        detail = [];
        detailLength = 0;
        if (!recipientFollows(lines, i + 1)) break;
      }
      continue;
    }
    const address = recipientLine(line);
    if (address !== null && (current === null || !/^\s/.test(line) || detail.length > 0)) {
      if (current !== null) recipients.push(withDetail(current, detail));
      current = { recipient: address, action: "failed" };
      detail = [];
      detailLength = 0;
      skippingMtsId = false;
      continue;
    }
    if (current === null) continue;
    // The MTS-ID of the original message is an identifier, folded at random: not the error.
    if (/^The MTS-ID of the original message is:/i.test(trimmed)) {
      skippingMtsId = true;
      continue;
    }
    if (skippingMtsId) {
      if (trimmed.startsWith(";") || !/^\s/.test(line)) continue;
      skippingMtsId = false;
    }
    if (detailLength < 2000) {
      detailLength += (detail.length > 0 ? 1 : 0) + trimmed.length;
      detail.push(trimmed);
    }
  }
  if (current !== null) recipients.push(withDetail(current, detail));
  return recipients.length > 0 ? { recipients } : null;
}

/** The line after the first that holds one of LIST_STARTS (in any case), or -1. */
function listStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const lower = (lines[i] as string).toLowerCase();
    for (const marker of LIST_STARTS) if (lower.includes(marker)) return i + 1;
  }
  return -1;
}

/** Whether one of the three lines from `from` names a recipient. */
function recipientFollows(lines: readonly string[], from: number): boolean {
  for (let i = from; i < from + 3 && i < lines.length; i++)
    if (recipientLine(lines[i] as string)) return true;
  return false;
}

/** A recipient with its explanation's lines as its diagnostic. */
function withDetail(recipient: RawRecipient, detail: readonly string[]): RawRecipient {
  recipient.diagnosticCode = collapseWhiteSpace(detail.join(" ")) || null;
  return recipient;
}

/** Microsoft Exchange 5.5 to 2003 (IMS) and Exchange 4.0's Internet Mail Connector. */
export const exchange2003: BounceFormat = {
  id: "exchange2003",
  name: "Microsoft Exchange 2003",
  detect: isExchange2003,
  parse: readExchange2003,
};
