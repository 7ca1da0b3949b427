import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, commandNamed, linesOf } from "./text.js";

/**
 * Trend Micro InterScan Messaging Security Suite (InterScan MSS): a multipart/mixed notice
 * (boundary "InterScan_NT_MIME_Boundary") either with the SMTP exchange ("Sent <<< RCPT
 * TO:<…>" then "Received >>> 550 …") or with its own sentence "Unable to deliver message to
 * <address> (and other recipients in the same domain).".
 */
const UNABLE = "Unable to deliver message to ";

function looksLikeInterScan(message: BounceMessage): boolean {
  if ((message.header("from") ?? "").includes('"InterScan')) return true;
  if ((message.header("content-type") ?? "").includes("InterScan_NT_MIME_Boundary")) return true;
  return message.text().slice(0, 1000).includes("Message from InterScan Messaging Security Suite");
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients: RawRecipient[] = [];
  let sent: { recipient: string | null; command: string } | null = null;
  for (const line of linesOf(bodyText(message), 5000)) {
    if (recipients.length >= 500) break;
    const trimmed = line.trim();
    if (trimmed.startsWith("Sent <<< ")) {
      const command = trimmed.slice(9);
      sent = { recipient: addressesIn(command)[0] ?? null, command };
      continue;
    }
    if (trimmed.startsWith("Received >>> ") && sent !== null) {
      const reply = trimmed.slice(13).trim();
      const recipient = sent.recipient ?? addressesIn(reply)[0];
      if (recipient)
        recipients.push({
          recipient,
          action: "failed",
          diagnosticCode: reply || null,
          command: commandNamed(sent.command),
        });
      sent = null;
      continue;
    }
    const unable = trimmed.indexOf(UNABLE);
    if (unable >= 0) {
      const recipient = addressesIn(trimmed.slice(unable + UNABLE.length))[0];
      if (recipient) {
        const sentence = trimmed.slice(unable);
        recipients.push({ recipient, action: "failed", diagnosticCode: sentence });
      }
    }
  }
  return recipients.length > 0 ? { recipients } : null;
}

export const trendmicro: BounceFormat = {
  id: "trendmicro",
  name: "Trend Micro InterScan MSS",
  detect: looksLikeInterScan,
  parse,
};
