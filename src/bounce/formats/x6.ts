/**
 * Unnamed MTA "X6" ("Subject: There was an error sending your mail"):
 *
 *   We had trouble delivering your message. Full details follow:
 *
 *   Subject: 'Hello'
 *   Date: 'Thu, 29 Apr 2012 23:34:45 +0000'
 *
 *   1 error(s):
 *
 *   SMTP Server <mx.example.org> rejected recipient <ann@example.org> (Error following RCPT
 *   command). It responded as follows: [550 5.1.1 User unknown]
 *
 * or "The following recipients returned permanent errors: ann@example.org. Reason: SMTP
 * Server <192.0.2.1> refused to accept your message (DATA), with the following error
 * message: [554 5.4.6 Hop count exceeded]".
 */
import { mapArray } from "../../arrays.js";
import type { BounceFormat, RawRecipient } from "../types.js";
import { isAddress } from "./sendmail.js";
import { addressesIn, bodyText, cleanedDiagnostic, commandNamed, linesOf } from "./text.js";

const MARKER = "We had trouble delivering your message. Full details follow:";

export const x6: BounceFormat = {
  id: "x6",
  name: "Unknown MTA X6",
  detect: (message) => bodyText(message).slice(0, 20_000).includes(MARKER),
  parse: (message) => {
    const recipients: RawRecipient[] = [];
    let inside = false;
    for (const line of linesOf(bodyText(message), 5000)) {
      const trimmed = line.trim();
      if (/^\d+ error\(s\):$/.test(trimmed)) {
        inside = true;
        continue;
      }
      if (!inside || trimmed === "") continue;
      if (trimmed.startsWith("The attachment contains")) break;
      const raw = readError(trimmed);
      if (raw) recipients.push(...raw);
      if (recipients.length >= 500) break;
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

function readError(line: string): RawRecipient[] | null {
  // The server's reply is the last bracketed part; it may be cut off without its "]".
  const open = line.lastIndexOf("[");
  const reply = open >= 0 ? line.slice(open + 1).replace(/\]\s*$/, "") : null;
  const head = open >= 0 ? line.slice(0, open) : line;
  const server = /SMTP Server <([^<>\s]+)>/.exec(head);
  let addresses: string[] = [];
  const rejected = /rejected recipient <([^<>\s]+)>/.exec(head);
  if (rejected && isAddress(rejected[1])) addresses = [rejected[1] as string];
  else {
    // "The following recipients returned permanent errors: a@b, c@d. Reason: …"
    const start = head.indexOf(" errors: ");
    const end = start >= 0 ? head.indexOf(". Reason:", start) : -1;
    if (end > start) addresses = addressesIn(head.slice(start + 9, end));
  }
  if (addresses.length === 0) return null;
  // "(Error following RCPT command)", "refused to accept your message (DATA)".
  const stage =
    /\(Error following (\S+) command\)/.exec(head) ?? /\((DATA|RCPT|MAIL FROM|RCPT TO)\)/.exec(head);
  const delayed = head.includes("returned temporary errors");
  return mapArray(addresses, (recipient) => ({
    recipient,
    action: delayed ? "delayed" : "failed",
    diagnosticCode: reply ? cleanedDiagnostic(reply) : cleanedDiagnostic(line),
    command: stage ? commandNamed(stage[1] as string) : null,
    remoteMta: server ? (server[1] as string) : null,
  }));
}
