import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, linesOf } from "./text.js";

/**
 * Apache James (also behind Verizon's vtext.com gateway): "Error: Invalid user address",
 * the remote reply under "Error message below:", and the envelope under "Message details:"
 * ("MAIL FROM: …", "RCPT TO: …"). These messages often write the inner "boundary=" on a line
 * of its own, so the text is read from the raw part when MIME gives none.
 */
const REPLY_MARKER = "Error message below:";
const DETAILS_MARKER = "Message details:";

/** Verizon Wireless domains: its own module reads those. */
export function isVerizonAddress(address: string): boolean {
  return /@(?:[a-z0-9.-]{1,60}\.)?(?:vtext|vzwpix)\.com\b/.test(address);
}

/** Read the James template; null when the text is not one. */
export function readJamesText(text: string): RawRecipient[] | null {
  const lines = linesOf(text, 5000);
  let error: string | null = null;
  const reply: string[] = [];
  const recipients: string[] = [];
  let section: "head" | "reply" | "details" = "head";
  let sawTemplate = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (section === "head" && trimmed.startsWith("Error:") && error === null) {
      error = trimmed.slice(6).trim() || null;
      continue;
    }
    if (trimmed === REPLY_MARKER) {
      section = "reply";
      sawTemplate = true;
      continue;
    }
    if (trimmed === DETAILS_MARKER) {
      section = "details";
      sawTemplate = true;
      continue;
    }
    if (section === "reply" && trimmed !== "" && reply.length < 50) reply.push(trimmed);
    if (section === "details" && /^RCPT TO:/i.test(trimmed)) {
      for (const address of addressesIn(trimmed.slice(8)))
        if (recipients.length < 500) recipients.push(address);
    }
    if (section === "details" && trimmed.startsWith("--")) break;
  }
  if (!sawTemplate || recipients.length === 0) return null;
  const diagnostic = reply.join(" ") || error;
  return mapArray(recipients, (recipient) => ({ recipient, action: "failed", diagnosticCode: diagnostic }));
}

function looksLikeJames(message: BounceMessage): boolean {
  if (isVerizonAddress(message.from)) return false;
  const text = bodyText(message).slice(0, 4000);
  return text.includes(REPLY_MARKER) && text.includes(DETAILS_MARKER);
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients = readJamesText(bodyText(message));
  return recipients ? { recipients } : null;
}

export const apachejames: BounceFormat = {
  id: "apachejames",
  name: "Apache James",
  detect: looksLikeJames,
  parse,
};
