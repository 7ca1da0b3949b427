import { mapArray } from "../../arrays.js";
import { addressAround } from "../../reply/address.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { bodyText, commandNamed, linesOf } from "./text.js";

/** One recipient of an Exim-style failure list, with what the lines below it say. */
export interface FailedAddress {
  recipient: string;
  diagnostic: string | null;
  command: SmtpCommand | null;
  remoteMta: string | null;
}

/**
 * The address a line starts with ("<a@b>: 550 …", "\"a@b\":", "a@b"), with what follows it,
 * or null when the line does not start with an address.
 */
function leadingAddress(line: string): { address: string; rest: string; colon: boolean } | null {
  let i = 0;
  const open = line.charAt(0);
  if (open === "<" || open === '"') i = 1;
  const at = line.indexOf("@", i);
  if (at <= i || at > i + 64) return null;
  for (let k = i; k < at; k++) {
    const c = line.charCodeAt(k);
    if (c === 32 || c === 9 || c === 60 || c === 62 || c === 34 || c === 58) return null;
  }
  const address = addressAround(line, at);
  if (address === null || line.indexOf(address, i) !== i) return null;
  let end = i + address.length;
  if (open === "<" && line.charAt(end) === ">") end++;
  else if (open === '"' && line.charAt(end) === '"') end++;
  else if (open === "<" || open === '"') return null;
  let rest = line.slice(end);
  const colon = rest.startsWith(":");
  if (colon) rest = rest.slice(1);
  else if (rest !== "" && !/^\s/.test(rest)) return null;
  return { address, rest: rest.trim(), colon };
}

/** "SMTP error from remote server after RCPT command:" / "… for TEXT command, host: …". */
function smtpErrorLine(line: string): { command: SmtpCommand | null; rest: string } | null {
  const match =
    /^SMTP error from remote (?:mail )?server (?:after|for) ([A-Za-z -]{1,30}?) command\b[:,]?/i.exec(line);
  if (!match) return null;
  return { command: commandNamed(match[1] as string), rest: line.slice(match[0].length).trim() };
}

/** Read the reason lines of one recipient into a diagnostic, a command and a remote host. */
function readBlock(recipient: string, lines: string[]): FailedAddress {
  const out: FailedAddress = { recipient, diagnostic: null, command: null, remoteMta: null };
  const text: string[] = [];
  for (const raw of lines) {
    let line = raw.trim();
    const error = smtpErrorLine(line);
    if (error) {
      out.command = error.command;
      line = error.rest;
    }
    if (/^host:\s/i.test(line)) {
      const value = line.slice(5).trim();
      const space = value.search(/\s/);
      out.remoteMta = (space < 0 ? value : value.slice(0, space)) || null;
      line = space < 0 ? "" : value.slice(space).trim();
      if (line.startsWith("(")) line = line.slice(line.indexOf(")") + 1).trim();
    }
    if (/^(?:for the following )?reason:/i.test(line)) line = line.slice(line.indexOf(":") + 1).trim();
    if (line !== "") text.push(line);
  }
  out.diagnostic = text.join(" ") || null;
  return out;
}

/**
 * Exim-style failure lists (GMX, 1&1, MXLogic): after "The following address(es) failed:",
 * each recipient starts a block ("<a@b>: 550 …", "\"a@b\":", or an address alone after an
 * empty line) and the lines below it, up to the next block or one of `ends`, give the reason.
 */
export function failedAddresses(text: string, ends: readonly string[]): FailedAddress[] {
  const lines = linesOf(text, 5000);
  let start = -1;
  for (let i = 0; i < lines.length && i < 200; i++) {
    if ((lines[i] as string).trim().toLowerCase().endsWith("failed:")) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) return [];
  const blocks: { recipient: string; lines: string[] }[] = [];
  let afterBlank = true;
  for (let i = start; i < lines.length && blocks.length < 500; i++) {
    const line = (lines[i] as string).trim();
    if (ends.some((end) => line.startsWith(end))) break;
    if (line === "") {
      afterBlank = true;
      continue;
    }
    const leading = leadingAddress(line);
    const current = blocks[blocks.length - 1];
    if (leading && (leading.colon || afterBlank || current === undefined)) {
      blocks.push({ recipient: leading.address, lines: leading.rest ? [leading.rest] : [] });
    } else if (current && current.lines.length < 100) {
      current.lines.push(line);
    }
    afterBlank = false;
  }
  return mapArray(blocks, (block) => readBlock(block.recipient, block.lines));
}

/** The failures of an Exim-style text as raw recipients. */
export function failedRecipients(text: string, ends: readonly string[]): RawRecipient[] {
  return mapArray(failedAddresses(text, ends), (failure) => {
    const entry: RawRecipient = {
      recipient: failure.recipient,
      action: "failed",
      diagnosticCode: failure.diagnostic,
      command: failure.command,
      remoteMta: failure.remoteMta,
    };
    // Exim's own words when the queue gave up on a recipient.
    if (
      failure.diagnostic &&
      /retry time(?:out)? (?:not reached for any host|exceeded)/i.test(failure.diagnostic)
    )
      entry.reason = "expired";
    return entry;
  });
}

/** Where the returned headers start in GMX and 1&1 bounces. */
export const ORIGINAL_HEADER_MARKERS = ["--- The header of the original message", "------ This is a copy of"];

/**
 * GMX (gmx.net, gmx.com, mail.com): an Exim-based "Mail delivery failed: returning message
 * to sender" from MAILER-DAEMON@…gmx…, with each failed address on its own line followed by
 * "SMTP error from remote server after RCPT command:", "host: …" and the reply, or by
 * "Reason:" and the MTA's own words.
 */
function looksLikeGmx(message: BounceMessage): boolean {
  const from = message.from;
  if (!from.includes("mailer-daemon@")) return false;
  if (!/@(?:[a-z0-9.-]{1,60}\.)?gmx\.(?:net|com|de|at|ch|fr|es|co\.uk)\b/.test(from)) return false;
  return message.subject.toLowerCase().startsWith("mail delivery failed");
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients = failedRecipients(bodyText(message), ORIGINAL_HEADER_MARKERS);
  return recipients.length > 0 ? { recipients } : null;
}

export const gmx: BounceFormat = {
  id: "gmx",
  name: "GMX",
  gate: (facts) =>
    facts.from.includes("mailer-daemon@") && facts.subjectLower.startsWith("mail delivery failed"),
  detect: looksLikeGmx,
  parse,
};
