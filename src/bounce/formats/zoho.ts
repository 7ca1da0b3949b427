import { mapArray } from "../../arrays.js";
import { cutAtFirst } from "../../strings.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { bodyText, linesOf } from "./text.js";

/**
 * Zoho Mail (X-Mailer: Zoho Mail, from mailer-daemon@mail.zoho.com). Failures list one line
 * per recipient, "address Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <…>... User
 * Unknown" (the reply code, then the rest of the reply); delay warnings ("THIS IS A WARNING
 * MESSAGE ONLY.") give "[Status: Error, Address: <address>, ResponseCode 421, , Host not
 * reachable.]". The diagnostic is rebuilt as the reply: "550 5.1.1 <…>... User Unknown".
 */
function looksLikeZoho(message: BounceMessage): boolean {
  if (!(message.header("x-mailer") ?? "").startsWith("Zoho Mail")) return false;
  return /^mailer-daemon@(?:[a-z0-9.-]{1,60}\.)?zoho(?:mail)?\.[a-z.]{2,10}$/.test(
    cutAtFirst(message.from.replace(/^.*</, ""), (char) => char === ">").trim(),
  );
}

/** "Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <a@b>... User Unknown" → "550 5.1.1 <a@b>... User Unknown". */
function replyOf(text: string): string {
  const parts = text.split(/,\s*ERROR_CODE\s*:/);
  if (parts.length < 2) return text.trim();
  const pieces = mapArray(parts.slice(1), (part) => part.trim().replace(/^,\s*/, ""));
  return pieces.filter((piece) => piece !== "").join(" ");
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients: RawRecipient[] = [];
  const text = bodyText(message);
  const warning = /THIS IS A WARNING MESSAGE ONLY/i.test(text.slice(0, 2000));
  const permanent = /This is a permanent error/i.test(text.slice(0, 2000));
  for (const line of linesOf(text, 5000)) {
    if (recipients.length >= 500) break;
    const trimmed = line.trim();
    // Delay warnings: "[Status: Error, Address: <a@b>, ResponseCode 421, , Host not reachable.]"
    const warned = /^\[Status: [^,]{0,40}, Address: <([^<>\s]{1,320})>, ResponseCode (\d{3}),(.*)\]$/.exec(
      trimmed,
    );
    if (warned) {
      const rest = (warned[3] as string).replace(/^[\s,]+/, "").trim();
      recipients.push({
        recipient: warned[1] as string,
        action: warning ? "delayed" : "failed",
        diagnosticCode: `${warned[2]} ${rest}`.trim(),
      });
      continue;
    }
    // Failures: "a@b Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 …"
    const space = trimmed.indexOf(" ");
    if (space <= 0 || !trimmed.includes("ERROR_CODE")) continue;
    const recipient = trimmed.slice(0, space);
    if (!/^[^@\s]{1,64}@[^@\s]{1,255}$/.test(recipient)) continue;
    const reply = replyOf(trimmed.slice(space + 1));
    const entry: RawRecipient = {
      recipient,
      action: warning ? "delayed" : "failed",
      diagnosticCode: reply || null,
    };
    // A temporary reply in a report of permanent errors: Zoho stopped retrying.
    if (!warning && permanent && reply.startsWith("4")) entry.reason = "expired";
    recipients.push(entry);
  }
  return recipients.length > 0 ? { recipients } : null;
}

export const zoho: BounceFormat = {
  id: "zoho",
  name: "Zoho Mail",
  gate: (facts) => facts.message.hasHeader("x-mailer"),
  detect: looksLikeZoho,
  parse,
};
