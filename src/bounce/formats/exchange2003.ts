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
  let start = -1;
  for (let i = 0; i < lines.length && start < 0; i++) {
    const lower = (lines[i] as string).toLowerCase();
    if (LIST_STARTS.some((marker) => lower.includes(marker))) start = i + 1;
  }
  if (start < 0) return null;

  const recipients: RawRecipient[] = [];
  let current: RawRecipient | null = null;
  let detail: string[] = [];
  let skippingMtsId = false;
  const close = () => {
    if (current === null) return;
    current.diagnosticCode = collapseWhiteSpace(detail.join(" ")) || null;
    recipients.push(current);
    current = null;
    detail = [];
  };
  for (let i = start; i < lines.length && i - start < 2000; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === "") {
      // A blank line ends the list once a recipient has its explanation.
      if (current !== null && detail.length > 0) {
        close();
        if (recipients.length > 0 && !lines.slice(i + 1, i + 4).some((next) => recipientLine(next))) break;
      }
      continue;
    }
    const address = recipientLine(line);
    if (address !== null && (current === null || !/^\s/.test(line) || detail.length > 0)) {
      close();
      current = { recipient: address, action: "failed" };
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
    if (detail.join(" ").length < 2000) detail.push(trimmed);
  }
  close();
  return recipients.length > 0 ? { recipients } : null;
}

/** Microsoft Exchange 5.5 to 2003 (IMS) and Exchange 4.0's Internet Mail Connector. */
export const exchange2003: BounceFormat = {
  id: "exchange2003",
  name: "Microsoft Exchange 2003",
  detect: isExchange2003,
  parse: readExchange2003,
};
