/**
 * Oracle (Sun, iPlanet, Netscape) Communications Messaging Server and its ancestor PMDF.
 *
 * The text part lists one block per recipient, then a DSN part repeats the fields:
 *
 *   This report relates to a message you sent with the following header fields:
 *     …
 *   Your message cannot be delivered to the following recipients:
 *
 *     Recipient address: ann@example.org
 *     Original address: info@example.org
 *     Reason: Remote SMTP server has rejected address
 *     Diagnostic code: smtp;550 5.1.1 <ann@example.org>... User unknown
 *     Remote system: dns;mx.example.org (TCP|192.0.2.1|47323|192.0.2.2|25) (mx ESMTP)
 *
 * The blocks are read first (some of these reports lost their MIME structure); the DSN
 * part adds the action and status. The "Reason" names the stage of the SMTP transaction.
 */
import type { SmtpCommand } from "../../types.js";
import { recipientAddress } from "../dsn.js";
import { fullRecipient } from "../recipient.js";
import type { BounceFormat, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, cleanedDiagnostic, enhancedStatusIn, linesOf } from "./text.js";

const INTRO = "This report relates to a message you sent with the following header fields:";

export const messagingserver: BounceFormat = {
  id: "messagingserver",
  name: "Oracle Communications Messaging Server",
  detect: (message) => {
    const text = bodyText(message).slice(0, 20_000);
    if (!text.includes(INTRO)) return false;
    return (
      text.includes("Recipient address:") ||
      /Boundary_\(ID_/.test(message.header("content-type") ?? "") ||
      message.from.includes("pmdf")
    );
  },
  parse: (message) => {
    const blocks = readBlocks(linesOf(bodyText(message)));
    const dsn = readDeliveryStatus(message);
    const recipients: RawRecipient[] = [];
    const dsnRecipients = dsn?.recipients ?? [];
    if (dsnRecipients.length > 0) {
      for (const [index, raw] of dsnRecipients.entries()) {
        const block =
          blocks.find((b) => sameRecipient(b, raw.recipient, raw.originalRecipient ?? null)) ??
          (blocks.length === dsnRecipients.length ? blocks[index] : undefined);
        recipients.push(merge(raw, block));
      }
    } else {
      for (const block of blocks)
        recipients.push(merge({ recipient: block.recipient, action: "failed" }, block));
    }
    const out = recipients.filter((r) => r.recipient !== "");
    if (out.length === 0) return null;
    const result: FormatResult = { recipients: out };
    if (dsn?.reportingMta) result.reportingMta = dsn.reportingMta;
    return result;
  },
};

interface Block {
  recipient: string;
  original: string | null;
  reason: string | null;
  diagnostic: string | null;
  remote: string | null;
}

function readBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let field: keyof Block | null = null;
  for (const line of lines.length > 5000 ? lines.slice(0, 5000) : lines) {
    const trimmed = line.trim();
    const colon = trimmed.indexOf(": ");
    const name = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : "";
    const value = colon > 0 ? trimmed.slice(colon + 2).trim() : "";
    if (name === "recipient address") {
      current = { recipient: value, original: null, reason: null, diagnostic: null, remote: null };
      blocks.push(current);
      field = "recipient";
      if (blocks.length >= 500) break;
      continue;
    }
    if (current === null) continue;
    if (trimmed === "" || /^(Original-envelope-id|Reporting-MTA|Delivery attempt history)/i.test(trimmed)) {
      field = null;
      if (trimmed !== "") current = null;
      continue;
    }
    if (name === "original address") current.original = value;
    else if (name === "reason") current.reason = value;
    else if (name === "diagnostic code") current.diagnostic = value;
    else if (name === "remote system") current.remote = value;
    else if (field !== null && field !== "recipient" && /^\s/.test(line)) {
      // A folded value.
      const previous = current[field];
      if (typeof previous === "string") current[field] = `${previous} ${trimmed}`;
      continue;
    } else continue;
    field =
      name === "original address"
        ? "original"
        : name === "reason"
          ? "reason"
          : name === "diagnostic code"
            ? "diagnostic"
            : "remote";
  }
  return blocks;
}

function sameRecipient(block: Block, recipient: string, original: string | null): boolean {
  const wanted = [recipient.toLowerCase(), (original ?? "").toLowerCase()].filter((v) => v !== "");
  const address = cleanAddress(block.recipient).toLowerCase();
  const blockOriginal = block.original ? cleanAddress(block.original).toLowerCase() : "";
  return wanted.includes(address) || (blockOriginal !== "" && wanted.includes(blockOriginal));
}

/** "rfc822;ann@example.org" or "<ann@example.org>" → the address. */
function cleanAddress(value: string): string {
  return recipientAddress(value) ?? value.trim();
}

/** The stage a "Reason:" names. */
function commandOfReason(reason: string): SmtpCommand | null {
  const lower = reason.toLowerCase();
  if (lower.includes("mail from")) return "MAIL";
  if (lower.includes("rejected address")) return "RCPT";
  // Neither the sender nor the recipient was refused, yet the SMTP transaction failed:
  // the refusal came with the message data.
  if (lower.includes("smtp transmission failure")) return "DATA";
  return null;
}

/** "dns;mx.example.org (TCP|…) (…)" → "mx.example.org". */
function remoteHost(value: string | null | undefined): string | null {
  if (!value) return null;
  const rest = value.replace(/^[A-Za-z-]+;\s*/, "");
  const host = rest.split(/[\s(]/)[0] ?? "";
  return host === "" ? null : host;
}

/** Is this a mailbox address, not a source route ("@relay:ann@host") or a bare host? */
function isPlainAddress(value: string): boolean {
  if (value.startsWith("@") || value.includes(":")) return false;
  const at = value.lastIndexOf("@");
  return at > 0 && value.indexOf(".", at) > at + 1;
}

function merge(raw: RawRecipient, block: Block | undefined): RawRecipient {
  const out = fullRecipient(raw);
  if (block) {
    const address = cleanAddress(block.recipient);
    if (!isPlainAddress(out.recipient) && isPlainAddress(address)) out.recipient = address;
    const original = block.original ? cleanAddress(block.original) : null;
    if (!isPlainAddress(out.recipient) && original && isPlainAddress(original)) {
      // "Recipient address: @smtp.example.net:ann@server" is a route; the original is the address.
      out.recipient = original;
    }
    const diagnostic = block.diagnostic ? block.diagnostic.replace(/^[A-Za-z-]+;\s*/, "") : null;
    if (diagnostic) out.diagnosticCode = cleanedDiagnostic(diagnostic);
    else if (!out.diagnosticCode && block.reason) out.diagnosticCode = cleanedDiagnostic(block.reason);
    if (block.reason) out.command = commandOfReason(block.reason) ?? out.command ?? null;
    out.remoteMta = remoteHost(block.remote) ?? remoteHost(out.remoteMta);
  } else if (
    !isPlainAddress(out.recipient) &&
    out.originalRecipient &&
    isPlainAddress(out.originalRecipient)
  ) {
    out.recipient = out.originalRecipient;
  }
  if (out.originalRecipient && out.originalRecipient.toLowerCase() === out.recipient.toLowerCase()) {
    out.originalRecipient = null;
  }
  if (!out.status && out.diagnosticCode) out.status = enhancedStatusIn(out.diagnosticCode);
  if (out.remoteMta) out.remoteMta = remoteHost(out.remoteMta);
  return out;
}
