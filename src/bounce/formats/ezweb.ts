import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, bodyText, commandNamed, linesOf, senderAddress } from "./text.js";

/**
 * EZweb (au by KDDI mobile mail, ezweb.ne.jp): "Mail System Error - Returned Mail" from
 * Postmaster@ezweb.ne.jp. A Japanese paragraph is followed by an English one that says what
 * happened ("The user(s) account is disabled.", "Your message was not delivered within 0
 * days and 1 hours.", "Each of the following recipients was rejected by a remote mail
 * server.") and by the recipients: "<address>", "<address>: 550 reply", or "Recipient:
 * <address>" with the SMTP exchange (">>> RCPT TO:<…>", "<<< 550 …"). Some carry a
 * delivery-status part without a diagnostic.
 */
function looksLikeEzweb(message: BounceMessage): boolean {
  const from = senderAddress(message);
  if (from === "postmaster@ezweb.ne.jp") return message.subject.startsWith("Mail System Error");
  return (
    (message.header("received") ?? "").includes("(EZweb Mail)") &&
    message.subject.startsWith("Mail System Error")
  );
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 126) return false;
  return true;
}

interface Listed {
  recipient: string;
  reply: string | null;
  command: string | null;
}

function parse(message: BounceMessage): FormatResult | null {
  const notice: string[] = [];
  const listed: Listed[] = [];
  let current: Listed | null = null;
  for (const line of linesOf(bodyText(message), 5000)) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (/^-{5,}/.test(trimmed)) break;
    if (listed.length >= 500) break;
    if (trimmed.startsWith("Recipient:")) {
      const recipient = addressesIn(trimmed.slice(10))[0];
      if (recipient) {
        current = { recipient, reply: null, command: null };
        listed.push(current);
      }
      continue;
    }
    if (trimmed.startsWith(">>> ")) {
      if (current) current.command = trimmed.slice(4);
      continue;
    }
    if (trimmed.startsWith("<<< ")) {
      if (current && (current.reply?.length ?? 0) < 4096)
        current.reply = current.reply ? `${current.reply} ${trimmed.slice(4)}` : trimmed.slice(4);
      continue;
    }
    if (trimmed.startsWith("<")) {
      const close = trimmed.indexOf(">");
      const recipient = close > 0 ? addressesIn(trimmed.slice(0, close + 1))[0] : undefined;
      if (recipient) {
        const rest = trimmed
          .slice(close + 1)
          .replace(/^:\s*/, "")
          .trim();
        current = { recipient, reply: rest || null, command: null };
        listed.push(current);
        continue;
      }
    }
    // The English notice; a line ending in ":" only announces the list of recipients.
    if (isAscii(trimmed) && !trimmed.endsWith(":") && notice.length < 20) notice.push(trimmed);
  }
  const sentence = notice.join(" ");
  const fromStatus = new Map<string, RawRecipient>();
  for (const entry of readDeliveryStatus(message)?.recipients ?? []) {
    if (fromStatus.size >= 500) break;
    const key = entry.recipient.toLowerCase();
    if (!fromStatus.has(key)) fromStatus.set(key, entry);
  }
  const recipients: RawRecipient[] = [];
  const seen = new Set<string>();
  const all: Listed[] = [
    ...listed,
    ...mapArray([...fromStatus.values()], (entry) => ({
      recipient: entry.recipient,
      reply: null,
      command: null,
    })),
  ];
  for (const item of all) {
    const key = item.recipient.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const fromDsn = fromStatus.get(key);
    const entry: RawRecipient = {
      recipient: item.recipient,
      action: fromDsn?.action ?? "failed",
      status: fromDsn?.status ?? null,
      remoteMta: fromDsn?.remoteMta ?? null,
    };
    let reply = item.reply;
    // Postfix-style "(in reply to RCPT TO command)" after the reply names the command.
    const inReply = reply ? reply.lastIndexOf("(in reply to ") : -1;
    if (reply && inReply >= 0 && reply.trimEnd().endsWith(" command)")) {
      item.command ??= reply.slice(inReply + 13, reply.trimEnd().length - 9);
      reply = reply.slice(0, inReply).trim();
    }
    entry.command = item.command ? commandNamed(item.command) : null;
    if (/account is disabled/i.test(sentence)) {
      // EZweb says so in its own words, whatever the reply line says.
      entry.reason = "suspend";
      entry.reasonIsFinal = true;
      entry.diagnosticCode = reply ? `${sentence} ${reply}` : sentence || null;
      const code = reply ? /^[245]\d\d\b/.exec(reply) : null;
      if (code) entry.replyCode = Number(code[0]);
    } else if (/was not delivered within \d+ days? and \d+ hours?/i.test(sentence)) {
      entry.reason = "expired";
      entry.diagnosticCode = sentence;
    } else if (reply) {
      entry.diagnosticCode = reply;
    } else {
      entry.diagnosticCode = sentence || fromDsn?.diagnosticCode || null;
      // Refused by EZweb itself, with no reply to show: the recipient's reception filter.
      if (/rejected by a remote mail server/i.test(sentence)) entry.reason = "filtered";
    }
    recipients.push(entry);
  }
  return recipients.length > 0 ? { recipients } : null;
}

export const ezweb: BounceFormat = {
  id: "ezweb",
  name: "EZweb (au by KDDI)",
  gate: (facts) => facts.subject.startsWith("Mail System Error"),
  detect: looksLikeEzweb,
  parse,
};
