import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, linesOf } from "./text.js";

/**
 * KDDI au one net (dion.ne.jp, auone-net.jp): a notice from no-reply@….dion.ne.jp (Reply-To
 * no-reply@app.auone-net.jp) with a Japanese paragraph, then "Your mail sent on: date",
 * "Could not be delivered to: <address>" and KDDI's reason ("As their mailbox is full.").
 */
const DELIVERED_TO = "Could not be delivered to:";

function looksLikeKddi(message: BounceMessage): boolean {
  const from = message.from;
  const kddiSender =
    /@(?:[a-z0-9.-]{1,60}\.)?(?:dion\.ne\.jp|auone-net\.jp|au\.com)\b/.test(from) ||
    (message.header("reply-to") ?? "").toLowerCase().includes("@app.auone-net.jp");
  if (!kddiSender) return false;
  return message.text().includes(DELIVERED_TO);
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients: RawRecipient[] = [];
  const lines = linesOf(bodyText(message), 5000);
  for (let i = 0; i < lines.length && recipients.length < 500; i++) {
    const trimmed = (lines[i] as string).trim();
    if (!trimmed.startsWith(DELIVERED_TO)) continue;
    const recipient = addressesIn(trimmed.slice(DELIVERED_TO.length))[0];
    if (!recipient) continue;
    const reason: string[] = [];
    for (let j = i + 1; j < lines.length && j - i < 20; j++) {
      const next = (lines[j] as string).trim();
      if (next === "" || next.startsWith(DELIVERED_TO) || next.startsWith("Your mail sent on:")) break;
      reason.push(next);
    }
    const diagnostic = reason.join(" ") || null;
    const entry: RawRecipient = { recipient, action: "failed", diagnosticCode: diagnostic };
    // KDDI's own sentence for a full mailbox.
    if (diagnostic && /mailbox is full/i.test(diagnostic)) entry.reason = "mailboxfull";
    recipients.push(entry);
  }
  return recipients.length > 0 ? { recipients } : null;
}

export const kddi: BounceFormat = {
  id: "kddi",
  name: "KDDI au one net",
  // looksLikeKddi: a KDDI domain in From, or a Reply-To at app.auone-net.jp.
  gate: (facts) =>
    facts.from.includes("dion.ne.jp") ||
    facts.from.includes("auone-net.jp") ||
    facts.from.includes("au.com") ||
    facts.message.hasHeader("reply-to"),
  detect: looksLikeKddi,
  parse,
};
