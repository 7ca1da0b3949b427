import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, commandNamed, linesOf } from "./text.js";

/**
 * Bigfoot (bigfoot.com mail forwarding): a Sendmail-style DSN from MAILER-DAEMON@bigfoot.com
 * with a delivery-status part; the transcript (">>> RCPT TO:<…>" then "<<< 553 …") tells
 * which command the remote server refused.
 */
function looksLikeBigfoot(message: BounceMessage): boolean {
  if (/@(?:[a-z0-9.-]{1,60}\.)?bigfoot\.com\b/.test(message.from)) return true;
  const received = message.header("received") ?? "";
  return received.includes(".bigfoot.com") && message.deliveryStatus() !== null;
}

/** The command of the last ">>> " line before the first "<<< " reply of a transcript. */
export function transcriptCommand(text: string): ReturnType<typeof commandNamed> {
  let last: string | null = null;
  for (const line of linesOf(text, 2000)) {
    const trimmed = line.trim();
    if (trimmed.startsWith(">>> ")) last = trimmed.slice(4);
    else if (trimmed.startsWith("<<< ") && last !== null) return commandNamed(last);
  }
  return null;
}

function parse(message: BounceMessage): FormatResult | null {
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0) return null;
  const command = transcriptCommand(bodyText(message));
  for (const recipient of result.recipients) {
    if (command !== null && recipient.command == null) recipient.command = command;
    if (!recipient.action) recipient.action = "failed";
  }
  return result;
}

export const bigfoot: BounceFormat = {
  id: "bigfoot",
  name: "Bigfoot",
  // looksLikeBigfoot: bigfoot.com in From, or a DSN part (and a Received field naming it).
  gate: (facts) => facts.from.includes("bigfoot.com") || facts.message.deliveryStatus() !== null,
  detect: looksLikeBigfoot,
  parse,
};
