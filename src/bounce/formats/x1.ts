/**
 * Unnamed MTA "X1" (Received: "By OpenMail Mailer", "Mail2000 ESMTP Server"), seen at
 * Japanese providers: one line per recipient with the reason in brackets.
 *
 *   The original message was received at Thu, 29 Apr 2010 23:34:45 +0900 (JST)
 *   from sender@example.jp
 *
 *   ---The following addresses had delivery errors---
 *
 *   ann@example.org [User unknown]
 *
 * "Warning--Could not send mail for past 8.5 hours" reports a delay.
 */
import type { BounceFormat, BounceMessage, RawRecipient } from "../types.js";
import { isAddress } from "./sendmail.js";
import { bodyText, cleanedDiagnostic, linesOf } from "./text.js";

const MARKER = "---The following addresses had delivery errors---";

export const x1: BounceFormat = {
  id: "x1",
  name: "Unknown MTA X1",
  detect: (message) => noticeText(message) !== null,
  parse: (message) => {
    const delayed = /^warning--could not send mail/i.test(message.subject.trim());
    const recipients: RawRecipient[] = [];
    let inside = false;
    for (const line of linesOf(noticeText(message) ?? "", 5000)) {
      const trimmed = line.trim();
      if (trimmed.includes(MARKER)) {
        inside = true;
        continue;
      }
      if (!inside || trimmed === "") continue;
      if (trimmed.startsWith("--")) break;
      // "ann@example.org [User unknown]"
      const open = trimmed.indexOf(" [");
      const address = (open > 0 ? trimmed.slice(0, open) : trimmed).replace(/^<|>$/g, "");
      if (!isAddress(address)) continue;
      const reason = open > 0 ? trimmed.slice(open + 2).replace(/\]$/, "") : "";
      recipients.push({
        recipient: address,
        action: delayed ? "delayed" : "failed",
        diagnosticCode: reason ? cleanedDiagnostic(reason) : null,
      });
      if (recipients.length >= 500) break;
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

/**
 * The part with the notice. Some versions write "Content-Type: text/plain" and its
 * charset without the ";" between them, so the notice is not the first text/plain part.
 */
function noticeText(message: BounceMessage): string | null {
  const text = bodyText(message);
  if (text.slice(0, 20_000).includes(MARKER)) return text;
  for (const part of message.parts().slice(0, 50)) {
    if (part.children.length > 0 || !part.type.startsWith("text/")) continue;
    const partBody = message.partText(part);
    // The body text is most often one of these parts, and was searched above.
    if (partBody !== text && partBody.slice(0, 20_000).includes(MARKER)) return partBody;
  }
  return null;
}
