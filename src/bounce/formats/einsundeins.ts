import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { failedRecipients, ORIGINAL_HEADER_MARKERS } from "./gmx.js";
import { bodyText } from "./text.js";

/**
 * 1&1 / IONOS (kundenserver.de, "EinsUndEins"): an Exim-style "Mail delivery failed:
 * returning message to sender" from mailer-daemon@…kundenserver…, listing each failed
 * address, then either "For the following reason:" and 1&1's own words ("Mail size limit
 * exceeded. For explanation visit http://postmaster.1and1.com/…") or "SMTP error from remote
 * server for TEXT command, host: … reason: 550 …".
 */
function looksLikeEinsUndEins(message: BounceMessage): boolean {
  const from = message.from;
  if (!from.includes("mailer-daemon@")) return false;
  if (
    !/@(?:[a-z0-9.-]{1,60}\.)?(?:kundenserver\.(?:[a-z.]{2,20})|1and1\.[a-z.]{2,10}|ionos\.[a-z.]{2,10})\b/.test(
      from,
    )
  )
    return false;
  return message.subject.toLowerCase().startsWith("mail delivery failed");
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients = failedRecipients(bodyText(message), ORIGINAL_HEADER_MARKERS);
  return recipients.length > 0 ? { recipients } : null;
}

export const einsundeins: BounceFormat = {
  id: "einsundeins",
  name: "1&1 (IONOS)",
  gate: (facts) =>
    facts.from.includes("mailer-daemon@") && facts.subjectLower.startsWith("mail delivery failed"),
  detect: looksLikeEinsUndEins,
  parse,
};
