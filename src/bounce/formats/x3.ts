/**
 * Unnamed MTA "X3" ("Mail Delivery System <Mail.Delivery.System@…>", "Delivery status
 * notification"), a bordered notice:
 *
 *         This is an automatically generated Delivery Status Notification.
 *
 *   Delivery to the following recipients failed permanently:
 *
 *      * ann@example.com
 *
 *   ==========================================================================
 *                                Technical details:
 *   SMTP:RCPT host 192.0.2.8: 553 5.3.0 <ann@example.com>... No such user here
 *
 * "Delivery to the following recipients was aborted after 5.0 hour(s):" reports that the
 * MTA gave up retrying. A DSN part follows in newer versions.
 */
import { mapArray } from "../../arrays.js";
import type { BounceFormat, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { isAddress, preciseStatus } from "./sendmail.js";
import { bodyText, cleanedDiagnostic, commandNamed, linesOf } from "./text.js";

const BANNER = "This is an automatically generated Delivery Status Notification.";

export const x3: BounceFormat = {
  id: "x3",
  name: "Unknown MTA X3",
  detect: (message) => {
    const text = bodyText(message).slice(0, 20_000);
    if (!text.includes(BANNER)) return false;
    if (
      !text.includes("following recipients failed permanently") &&
      !text.includes("following recipients was aborted after")
    )
      return false;
    return linesOf(text, 400).some((line) => isAddress(bullet(line)));
  },
  parse: (message) => {
    const { listed, details, aborted } = readNotice(linesOf(bodyText(message), 5000));
    const facts = technicalDetails(details, aborted);
    const dsn = readDeliveryStatus(message);
    if (dsn && dsn.recipients.length > 0) {
      const recipients = mapArray(dsn.recipients, (raw) => withText(raw, fromText(raw.recipient, facts)));
      return { recipients, reportingMta: dsn.reportingMta ?? null };
    }
    const recipients = mapArray(listed, (recipient) => fromText(recipient, facts));
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The bulleted addresses, the "Technical details:" on one line, and whether delivery was aborted. */
function readNotice(lines: readonly string[]): { listed: string[]; details: string; aborted: boolean } {
  const listed: string[] = [];
  let aborted = false;
  let details = "";
  let inDetails = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.includes("following recipients was aborted after")) aborted = true;
    const address = bullet(line);
    if (isAddress(address) && listed.length < 500) listed.push(address);
    if (trimmed === "Technical details:") {
      inDetails = true;
      continue;
    }
    if (inDetails) {
      if (trimmed.startsWith("====") || trimmed.startsWith("--")) inDetails = false;
      else if (trimmed !== "" && details.length < 4000) details = `${details} ${trimmed}`.trim();
    }
  }
  return { listed, details, aborted };
}

/** What the technical details say, for every recipient alike. */
interface TextFacts {
  diagnostic: string;
  command: RawRecipient["command"];
  remoteMta: string | null;
  /** Given up after hours of retrying, with no refusal by a server: the queue timed out. */
  expired: boolean;
}

/** "SMTP:RCPT host 192.0.2.8: 553 5.3.0 …", "Routing: Could not find a gateway for …". */
function technicalDetails(details: string, aborted: boolean): TextFacts {
  const smtp = /^SMTP:(\S+) host (\S+): (.*)$/.exec(details);
  const diagnostic = smtp ? (smtp[3] as string) : details;
  return {
    diagnostic,
    command: smtp ? commandNamed(smtp[1] as string) : null,
    remoteMta: smtp ? (smtp[2] as string) : null,
    expired: aborted && !/^[2-5]\d\d\b/.test(diagnostic),
  };
}

function fromText(recipient: string, facts: TextFacts): RawRecipient {
  const raw: RawRecipient = { recipient, action: "failed" };
  if (facts.diagnostic) raw.diagnosticCode = cleanedDiagnostic(facts.diagnostic);
  if (facts.command) raw.command = facts.command;
  if (facts.remoteMta) raw.remoteMta = facts.remoteMta;
  if (facts.expired) raw.reason = "expired";
  return raw;
}

/** A DSN recipient completed from the text: the DSN's fields first. */
function withText(raw: RawRecipient, text: RawRecipient): RawRecipient {
  const diagnosticCode = raw.diagnosticCode ?? text.diagnosticCode ?? null;
  return {
    ...text,
    ...raw,
    status: preciseStatus(raw.status ?? null, diagnosticCode),
    diagnosticCode,
    command: raw.command ?? text.command ?? null,
    remoteMta: raw.remoteMta ?? text.remoteMta ?? null,
    reason: raw.diagnosticCode ? null : (text.reason ?? null),
  };
}

/** "   * ann@example.com" → "ann@example.com". */
function bullet(line: string): string | null {
  const trimmed = line.trim();
  return trimmed.startsWith("* ") ? trimmed.slice(2).trim().replace(/^<|>$/g, "") : null;
}
