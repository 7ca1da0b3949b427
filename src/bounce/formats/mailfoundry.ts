import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, linesOf } from "./text.js";

/**
 * MailFoundry (a spam and virus gateway): "Message delivery has failed" with "Unable to
 * deliver message to: <address>", then under "Delivery failed for the following reason:"
 * the remote reply wrapped as "Server host[ip] failed with: 550 …" or
 * "host[ip] responded with failure: 552 …".
 */
const TO_LINE = "Unable to deliver message to:";
const REASON_LINE = "Delivery failed for the following reason:";

function looksLikeMailFoundry(message: BounceMessage): boolean {
  if (message.subject !== "Message delivery has failed") return false;
  const text = message.text().slice(0, 2000);
  return text.includes(TO_LINE) && text.includes(REASON_LINE);
}

/** "Server mx[192.0.2.1] failed with: 550 …" → host and reply. */
function unwrap(line: string): { host: string | null; reply: string } {
  const match =
    /^(?:Server\s+)?([A-Za-z0-9.:-]{1,255})\[[^\]\s]{0,100}\]\s+(?:failed with|responded with failure):\s*/.exec(
      line,
    );
  if (!match) return { host: null, reply: line };
  return { host: match[1] as string, reply: line.slice(match[0].length) };
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients: RawRecipient[] = [];
  let current: RawRecipient | null = null;
  let reading = false;
  const reason: string[] = [];
  const finish = () => {
    if (current === null) return;
    const joined = reason.join(" ");
    const { host, reply } = unwrap(joined);
    current.diagnosticCode = reply || null;
    current.remoteMta = host;
    reason.length = 0;
    current = null;
  };
  for (const line of linesOf(bodyText(message), 5000)) {
    const trimmed = line.trim();
    if (trimmed.startsWith(TO_LINE)) {
      finish();
      const recipient = addressesIn(trimmed.slice(TO_LINE.length))[0];
      if (recipient && recipients.length < 500) {
        current = { recipient, action: "failed" };
        recipients.push(current);
      }
      reading = false;
    } else if (trimmed === REASON_LINE) reading = true;
    else if (reading && trimmed === "") {
      reading = false;
      finish();
    } else if (reading && reason.length < 50) reason.push(trimmed);
  }
  finish();
  return recipients.length > 0 ? { recipients } : null;
}

export const mailfoundry: BounceFormat = {
  id: "mailfoundry",
  name: "MailFoundry",
  gate: (facts) => facts.subject === "Message delivery has failed",
  detect: looksLikeMailFoundry,
  parse,
};
