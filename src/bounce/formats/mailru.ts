/**
 * Mail.Ru (corp.mail.ru): an Exim bounce without a delivery-status part, with a Russian
 * preface ("Это письмо создано автоматически сервером Mail.Ru") before Exim's English
 * text. Each failed address is indented by two spaces under "The following address(es)
 * failed:", followed by lines indented further:
 *
 *     kijitora@example.jp
 *       SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:
 *       host mx.example.jp [192.0.2.222]: 550 5.1.1 <kijitora@example.jp>... User Unknown
 *
 * or Exim's own words ("Unrouteable address", "retry timeout exceeded").
 */
import { mapArray } from "../../arrays.js";
import { collapseWhiteSpace } from "../../strings.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import {
  bodyText,
  commandIn,
  commandNamed,
  enhancedStatusIn,
  fromHost,
  linesOf,
  lowerBodyText,
} from "./text.js";

const RUSSIAN_MARKER = "сервером mail.ru";
const FAILED_MARKERS = ["the following address(es) failed:", "the following address(es) have not yet been"];
const RUSSIAN_LIST = "одному или нескольким получателям:";
const COPY_MARKER = "------ this is a copy of the message";

function detect(message: BounceMessage): boolean {
  const host = fromHost(message);
  if (host === "mail.ru" || host.endsWith(".mail.ru")) return true;
  return lowerBodyText(message, 2000).includes(RUSSIAN_MARKER);
}

/**
 * Read Exim's list of failed addresses starting after `start`: address lines indented
 * by one to three spaces, details indented further, the list ending at a line that is
 * not indented.
 */
export function readEximList(lines: string[], start: number): { recipient: string; details: string[] }[] {
  const out: { recipient: string; details: string[] }[] = [];
  let current: { recipient: string; details: string[] } | null = null;
  let seenEntry = false;
  for (let i = start; i < lines.length && out.length < 1000; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") {
      if (seenEntry && current === null) break;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      if (seenEntry) break;
      continue;
    }
    const text = line.trim();
    if (indent <= 3 && !text.startsWith("(")) {
      // "  user@example.org" or "  user@example.org: reason" or "  pipe to |/bin/x".
      const colon = text.indexOf(": ");
      const head = colon > 0 ? text.slice(0, colon) : text.replace(/:$/, "");
      if (head.includes("@") && !/\s/.test(head)) {
        current = { recipient: head.replace(/^<|>$/g, ""), details: [] };
        if (colon > 0) current.details.push(text.slice(colon + 2));
        out.push(current);
        seenEntry = true;
        continue;
      }
    }
    if (current && current.details.length < 40) current.details.push(text);
  }
  return out;
}

interface Detail {
  diagnosticCode: string | null;
  command: SmtpCommand | null;
  remoteMta: string | null;
}

/** Remove Exim's wrapper lines from the details of one address. */
export function readEximDetails(details: string[]): Detail {
  let command: SmtpCommand | null = null;
  let remoteMta: string | null = null;
  const kept: string[] = [];
  for (const raw of details) {
    let line = raw;
    // "(generated from x@y)": the address an alias was expanded from.
    if (line.startsWith("(generated from") || line.startsWith("(ultimately generated from")) continue;
    const lower = line.toLowerCase();
    const error = lower.indexOf("smtp error from remote mail");
    if (error >= 0) {
      const after = lower.indexOf(" after ", error);
      if (after >= 0) {
        let stage = lower.slice(after + 7).replace(/^pipelined /, "");
        if (stage.startsWith("initial connection")) command = "CONNECT";
        else {
          const cut = stage.search(/[:<]/);
          if (cut >= 0) stage = stage.slice(0, cut);
          command = commandNamed(stage) ?? commandIn(lower.slice(after));
        }
      }
      // The wrapper ends at the first ": " after the stage; what follows is the reply.
      const end = after >= 0 ? line.indexOf(": ", after) : -1;
      if (end < 0 || line.slice(end + 2).trim() === "") continue;
      line = line.slice(end + 2);
    }
    // "host mx.example.jp [192.0.2.1]: 550 ..." names the server that replied.
    if (line.startsWith("host ")) {
      const close = line.indexOf("]: ");
      const space = line.indexOf(" ", 5);
      if (space > 5 && close > space) {
        remoteMta = line.slice(5, space);
        line = line.slice(close + 3);
      }
    }
    kept.push(line);
  }
  const text = collapseWhiteSpace(kept.join(" "));
  return { diagnosticCode: text || null, command, remoteMta };
}

/** Exim's own words for an address it stopped retrying. */
export function eximGaveUp(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes("retry timeout exceeded") || lower.includes("retry time not reached for any host");
}

function parse(message: BounceMessage): FormatResult | null {
  const lines = linesOf(bodyText(message));
  const lower = mapArray(lines, (line) => line.toLowerCase());
  let start = -1;
  let delayed = false;
  for (let i = 0; i < lower.length && start < 0; i++) {
    const line = lower[i] as string;
    if (line.startsWith(COPY_MARKER)) break;
    for (const marker of FAILED_MARKERS) {
      if (line.includes(marker)) {
        start = i + 1;
        delayed = marker !== FAILED_MARKERS[0];
      }
    }
  }
  // Only the Russian preface: its list has the same shape.
  if (start < 0) start = lower.findIndex((line) => line.includes(RUSSIAN_LIST)) + 1;
  const entries = start > 0 ? readEximList(lines, start) : [];
  if (entries.length === 0) {
    const failed = message.header("x-failed-recipients");
    if (failed)
      for (const address of failed.split(",")) entries.push({ recipient: address.trim(), details: [] });
  }
  const recipients: RawRecipient[] = [];
  for (const entry of entries) {
    if (!entry.recipient.includes("@")) continue;
    const detail = readEximDetails(entry.details);
    const raw: RawRecipient = {
      recipient: entry.recipient,
      action: delayed ? "delayed" : "failed",
      status: detail.diagnosticCode ? enhancedStatusIn(detail.diagnosticCode) : null,
      remoteMta: detail.remoteMta,
      diagnosticCode: detail.diagnosticCode,
      command: detail.command,
    };
    if (detail.diagnosticCode && eximGaveUp(detail.diagnosticCode)) raw.reason = "expired";
    recipients.push(raw);
  }
  return recipients.length > 0 ? { recipients } : null;
}

/** Mail.Ru's Exim bounces. */
export const mailru: BounceFormat = {
  id: "mailru",
  name: "Mail.Ru",
  detect,
  parse,
};
