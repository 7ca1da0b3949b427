/**
 * Unnamed MTA "X5": a gateway that re-wraps the bounce of the MTA behind it. Its own text
 * says only
 *
 *   The original message was received at Thu Oct 13 15:22:22 2015
 *
 *   ----- The following addresses had permanent delivery errors -----
 *
 * and the real report (with its DSN part) travels as an attached message/rfc822.
 */
import { bounceMessage } from "../message.js";
import { parseMessage } from "../mime.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { isAddress } from "./sendmail.js";
import { bodyText, linesOf } from "./text.js";

const MARKER = "----- The following addresses had permanent delivery errors -----";

export const x5: BounceFormat = {
  id: "x5",
  name: "Unknown MTA X5",
  detect: (message) => bodyText(message).slice(0, 20_000).includes(MARKER),
  parse: (message) => {
    const own = readDeliveryStatus(message);
    if (own && own.recipients.length > 0) return own;
    const inner = attachedReport(message);
    if (inner && inner.recipients.length > 0) return inner;
    // No DSN anywhere: the addresses listed under the marker.
    const recipients: RawRecipient[] = [];
    let inside = false;
    for (const line of linesOf(bodyText(message), 5000)) {
      const trimmed = line.trim();
      if (trimmed.includes(MARKER)) {
        inside = true;
        continue;
      }
      if (!inside || trimmed === "") continue;
      if (trimmed.startsWith("--")) break;
      const address = trimmed.replace(/^<|>$/g, "");
      if (isAddress(address)) recipients.push({ recipient: address, action: "failed" });
      if (recipients.length >= 500) break;
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The DSN of the bounce attached as message/rfc822 (the MIME reader does not descend into it). */
function attachedReport(message: BounceMessage): FormatResult | null {
  const part = message.parts().find((p) => p.type === "message/rfc822" || p.type === "message/global");
  if (!part) return null;
  const inner = bounceMessage(parseMessage(message.parsed.source.slice(part.bodyStart, part.bodyEnd)));
  return readDeliveryStatus(inner);
}
