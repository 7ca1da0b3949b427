/**
 * Courier MTA: "NOTICE: mail delivery status." with a short SMTP transcript per recipient.
 *
 *   Your message to the following recipients cannot be delivered:
 *
 *   <ann@example.org>:
 *       mx.example.org [192.0.2.1]:
 *   >>> RCPT TO:<ann@example.org>
 *   <<< 550 5.1.1 <ann@example.org>... User Unknown
 *
 * The message/delivery-status part gives Action and Status; the transcript gives the
 * command and the whole reply.
 */
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, cleanedDiagnostic, commandNamed, linesOf, refinedStatus } from "./text.js";

const LIST_OPENERS = [
  "Your message to the following recipients cannot be delivered:",
  "Your message to the following recipients has been delayed",
  "Your message to the following recipients was delivered",
];

interface Block {
  recipient: string;
  remoteMta: string | null;
  command: SmtpCommand | null;
  reply: string[];
}

export const courier: BounceFormat = {
  id: "courier",
  name: "Courier MTA",
  detect: (message) => {
    const text = bodyText(message).slice(0, 8000);
    if (text.includes("running the Courier mail server")) return true;
    return (
      message.subject.trim().toLowerCase() === "notice: mail delivery status." &&
      LIST_OPENERS.some((opener) => text.includes(opener))
    );
  },
  parse: (message) => {
    const blocks = readBlocks(bodyText(message));
    const dsn = readDeliveryStatus(message);
    const recipients: RawRecipient[] = [];
    const fieldsList = dsn?.recipients ?? [];
    if (blocks.length === 0)
      return fieldsList.length > 0 ? { recipients: fieldsList, reportingMta: dsn?.reportingMta } : null;
    for (const [index, block] of blocks.entries()) {
      const fields =
        fieldsList.find((r) => r.recipient.toLowerCase() === block.recipient.toLowerCase()) ??
        (fieldsList.length === blocks.length ? fieldsList[index] : undefined);
      const reply = cleanedDiagnostic(block.reply.join(" "));
      const diagnostic = reply || fields?.diagnosticCode || null;
      recipients.push({
        recipient: block.recipient,
        originalRecipient: fields?.originalRecipient ?? null,
        action: fields?.action ?? "failed",
        status: refinedStatus(fields?.status ?? null, diagnostic ?? ""),
        diagnosticCode: diagnostic,
        command: block.command,
        remoteMta: block.remoteMta ?? hostOnly(fields?.remoteMta ?? null),
        lastAttemptDate: fields?.lastAttemptDate ?? null,
      });
    }
    return { recipients, reportingMta: dsn?.reportingMta ?? null };
  },
};

function readBlocks(text: string): Block[] {
  const lines = linesOf(text);
  const start = lines.findIndex((line) => LIST_OPENERS.some((opener) => line.includes(opener)));
  if (start < 0) return [];
  const blocks: Block[] = [];
  for (let i = start + 1; i < lines.length && i - start < 5000; i++) {
    const line = lines[i] as string;
    if (/^-{20,}\s*$/.test(line)) break;
    const head = /^<([^<>\s]{1,512})>:\s*$/.exec(line);
    if (head) {
      blocks.push({ recipient: head[1] as string, remoteMta: null, command: null, reply: [] });
      continue;
    }
    const block = blocks[blocks.length - 1];
    if (!block || line.trim() === "") continue;
    if (line.startsWith(">>> ")) {
      // The last command sent before the failing reply.
      const sent = line.slice(4).trim();
      block.command = sent.toUpperCase() === "DATA" ? "DATA" : commandNamed(sent);
      block.reply = [];
    } else if (line.startsWith("<<< ")) {
      if (block.reply.length < 100) block.reply.push(line.slice(4));
    } else {
      // "    mx.example.org [192.0.2.1]:" names the server that answered.
      const host = /^\s+([A-Za-z0-9.-]{1,255}) \[[^\]]{0,80}\]:\s*$/.exec(line);
      if (host) block.remoteMta = host[1] as string;
    }
  }
  return blocks;
}

/** "mx.example.org [192.0.2.1]" → "mx.example.org". */
function hostOnly(value: string | null): string | null {
  if (value === null) return null;
  return value.split(/\s+/)[0] || null;
}
