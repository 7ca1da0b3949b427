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
    const lines = linesOf(bodyText(message), 5000);
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
    // "SMTP:RCPT host 192.0.2.8: 553 5.3.0 …", "Routing: Could not find a gateway for …".
    let command: RawRecipient["command"] = null;
    let remoteMta: string | null = null;
    let diagnostic = details;
    const smtp = /^SMTP:(\S+) host (\S+): (.*)$/.exec(details);
    if (smtp) {
      command = commandNamed(smtp[1] as string);
      remoteMta = smtp[2] as string;
      diagnostic = smtp[3] as string;
    }
    const hasReply = /^[2-5]\d\d\b/.test(diagnostic);
    const fromText = (recipient: string): RawRecipient => {
      const raw: RawRecipient = { recipient, action: "failed" };
      if (diagnostic) raw.diagnosticCode = cleanedDiagnostic(diagnostic);
      if (command) raw.command = command;
      if (remoteMta) raw.remoteMta = remoteMta;
      // Given up after hours of retrying, with no refusal by a server: the queue timed out.
      if (aborted && !hasReply) raw.reason = "expired";
      return raw;
    };
    const dsn = readDeliveryStatus(message);
    if (dsn && dsn.recipients.length > 0) {
      const recipients = mapArray(dsn.recipients, (raw) => {
        const text = fromText(raw.recipient);
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
      });
      return { recipients, reportingMta: dsn.reportingMta ?? null };
    }
    const recipients = mapArray(listed, fromText);
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** "   * ann@example.com" → "ann@example.com". */
function bullet(line: string): string | null {
  const trimmed = line.trim();
  return trimmed.startsWith("* ") ? trimmed.slice(2).trim().replace(/^<|>$/g, "") : null;
}
