/**
 * Yandex Mail: Postfix underneath, with a Russian preface and X-Yandex-* fields in the
 * delivery-status part. The delivery-status part gives the recipients; the Postfix text
 * ("<a@b>: host mx[ip] said: 550 ... (in reply to RCPT TO command)", "<a@b>: connect to
 * host[ip]:25: Connection timed out") gives the SMTP stage.
 */
import { collapseWhiteSpace } from "../../strings.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, commandIn, fromHost, linesOf } from "./text.js";

function detect(message: BounceMessage): boolean {
  const from = message.from;
  if (!/^(mailer-daemon|postmaster)\b/.test(from.slice(from.lastIndexOf("<") + 1))) return false;
  const host = fromHost(message);
  return /(^|\.)yandex\.[a-z]{2,4}$/.test(host) || host === "ya.ru";
}

/** Postfix text blocks: "<address>: text" up to the next blank line, keyed by lower-case address. */
export function postfixBlocks(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let key: string | null = null;
  let parts: string[] = [];
  const flush = () => {
    if (key !== null && !blocks.has(key)) blocks.set(key, collapseWhiteSpace(parts.join(" ")));
    key = null;
    parts = [];
  };
  for (const line of linesOf(text)) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (line.startsWith("<")) {
      const close = line.indexOf(">: ");
      if (close > 1 && close < 320 && line.slice(1, close).includes("@")) {
        flush();
        key = line.slice(1, close).toLowerCase();
        parts.push(line.slice(close + 3));
        continue;
      }
    }
    if (key !== null && parts.length < 40) parts.push(line.trim());
  }
  flush();
  return blocks;
}

/** The SMTP stage a Postfix text names. */
export function postfixCommand(text: string): SmtpCommand | null {
  const lower = text.toLowerCase();
  const found = commandIn(lower);
  if (found) return found;
  if (lower.startsWith("connect to ") || lower.includes("refused to talk to me")) return "CONNECT";
  return null;
}

/** The server a Postfix text names: "host mx.example.org[192.0.2.1] said:", "connect to mx.example.org[192.0.2.1]:25:". */
export function postfixRemoteHost(text: string): string | null {
  const lower = text.toLowerCase();
  const start = lower.startsWith("connect to ") ? 11 : lower.startsWith("host ") ? 5 : -1;
  if (start < 0) return null;
  const bracket = text.indexOf("[", start);
  const space = text.indexOf(" ", start);
  if (bracket <= start || (space >= 0 && space < bracket) || bracket - start > 255) return null;
  return text.slice(start, bracket);
}

function parse(message: BounceMessage): FormatResult | null {
  const result = readDeliveryStatus(message);
  if (result === null || result.recipients.length === 0) return null;
  const blocks = postfixBlocks(bodyText(message));
  for (const raw of result.recipients) {
    const block = blocks.get(raw.recipient.toLowerCase());
    if (block) {
      raw.command = postfixCommand(block) ?? raw.command ?? null;
      raw.remoteMta = raw.remoteMta ?? postfixRemoteHost(block);
    }
  }
  return result;
}

/** Yandex Mail bounces. */
export const yandex: BounceFormat = {
  id: "yandex",
  name: "Yandex Mail",
  // detect: a Yandex host (yandex.* or ya.ru) in From.
  gate: (facts) => facts.from.includes("yandex.") || facts.from.includes("ya.ru"),
  detect,
  parse,
};
