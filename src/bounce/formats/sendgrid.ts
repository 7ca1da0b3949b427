/**
 * SendGrid's own bounces ("This is an automatically generated message from SendGrid."):
 * a delivery-status part without a Reporting-MTA and with bare Diagnostic-Codes, and a
 * text line per recipient that also names the remote server and the SMTP stage:
 *
 *     kijitora:000000:<kijitora@example.jp> : 192.0.2.250 : mx.example.jp:[192.0.2.153] : 550 5.1.1 ... in RCPT TO
 *     kijitora:00000:<kijitora@example.org> : Connection timed out in connect
 *
 * A message SendGrid gave up retrying has "Action: expired" and an empty Status.
 */
import { mapArray } from "../../arrays.js";
import { collapseWhiteSpace } from "../../strings.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { bodyText, commandNamed, enhancedStatusIn, linesOf, lowerBodyText } from "./text.js";

const MARKER = "this is an automatically generated message from sendgrid";

function detect(message: BounceMessage): boolean {
  return lowerBodyText(message, 2000).includes(MARKER);
}

interface TextLine {
  remoteMta: string | null;
  diagnostic: string;
  command: SmtpCommand | null;
}

/** The stage SendGrid appends to a reply: "... in RCPT TO", "... in connect". */
function stageOf(text: string): { text: string; command: SmtpCommand | null } {
  const at = text.toLowerCase().lastIndexOf(" in ");
  if (at < 0) return { text, command: null };
  const words = text.slice(at + 4).trim();
  const command = words.toLowerCase() === "connect" ? "CONNECT" : commandNamed(words);
  return command ? { text: text.slice(0, at).trim(), command } : { text, command: null };
}

/** Text lines "local:id:<address> : field : field : reply", keyed by lower-case address. */
function textLines(message: BounceMessage): Map<string, TextLine> {
  const out = new Map<string, TextLine>();
  for (const line of linesOf(bodyText(message))) {
    const open = line.indexOf(":<");
    const close = line.indexOf("> : ", open);
    if (open < 0 || close < 0 || close - open > 320) continue;
    const address = line.slice(open + 2, close).toLowerCase();
    const fields = line.slice(close + 4).split(" : ");
    const last = stageOf((fields.pop() ?? "").trim());
    // "mx.example.jp:[192.0.2.153]": the server that replied.
    const server = fields.find((field) => field.includes(":["));
    out.set(address, {
      remoteMta: server ? server.slice(0, server.indexOf(":[")).trim() || null : null,
      diagnostic: last.text,
      command: last.command,
    });
  }
  return out;
}

function parse(message: BounceMessage): FormatResult | null {
  const result = readDeliveryStatus(message);
  const lines = textLines(message);
  let recipients: RawRecipient[] = result?.recipients ?? [];
  if (recipients.length === 0) {
    recipients = mapArray([...lines.keys()], (recipient) => ({ recipient, action: "failed" }));
  }
  for (const raw of recipients) {
    const line = lines.get(raw.recipient.toLowerCase());
    if (line) {
      raw.command = line.command ?? raw.command ?? null;
      raw.remoteMta = raw.remoteMta ?? line.remoteMta;
      if (!raw.diagnosticCode) raw.diagnosticCode = line.diagnostic || null;
    }
    if (raw.diagnosticCode) raw.diagnosticCode = collapseWhiteSpace(raw.diagnosticCode);
    if (!raw.status && raw.diagnosticCode) raw.status = enhancedStatusIn(raw.diagnosticCode);
    // "Action: expired": SendGrid stopped retrying.
    if (raw.action === "expired") {
      raw.action = "failed";
      raw.reason = "expired";
    }
  }
  return recipients.length > 0 ? { recipients, reportingMta: result?.reportingMta ?? null } : null;
}

/** SendGrid bounces. */
export const sendgrid: BounceFormat = {
  id: "sendgrid",
  name: "SendGrid",
  detect,
  parse,
};
