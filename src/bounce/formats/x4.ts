/**
 * Unnamed MTA "X4", a qmail derivative with its own preamble:
 *
 *   Your mail message to the following address(es) could not be delivered. This
 *   is a permanent error. …
 *
 *   <ann@example.com>:
 *   child status 100...The e-mail message could not be delivered because the user's mailfolder is full.
 *
 *   --- Below this line is a copy of the message.
 */
import type { BounceFormat, RawRecipient } from "../types.js";
import { isAddress } from "./sendmail.js";
import { bodyText, cleanedDiagnostic, linesOf } from "./text.js";

const MARKER = "Your mail message to the following address(es) could not be delivered.";

export const x4: BounceFormat = {
  id: "x4",
  name: "Unknown MTA X4",
  detect: (message) => bodyText(message).slice(0, 20_000).includes(MARKER),
  parse: (message) => {
    const recipients: RawRecipient[] = [];
    let inside = false;
    let current: { raw: RawRecipient; words: string[] } | null = null;
    const finish = () => {
      if (current === null) return;
      // "child status 100...": the exit status of qmail's local delivery program, then its words.
      const text = current.words.join(" ").replace(/^child status \d+\.\.\.\s*/i, "");
      if (text) current.raw.diagnosticCode = cleanedDiagnostic(text);
      recipients.push(current.raw);
      current = null;
    };
    for (const line of linesOf(bodyText(message), 5000)) {
      const trimmed = line.trim();
      if (trimmed.includes(MARKER)) {
        inside = true;
        continue;
      }
      if (!inside) continue;
      if (trimmed.startsWith("--- ")) break;
      const head = /^<([^<>\s]+)>:$/.exec(trimmed);
      if (head && isAddress(head[1])) {
        finish();
        if (recipients.length >= 500) break;
        current = { raw: { recipient: head[1] as string, action: "failed" }, words: [] };
        continue;
      }
      if (current && trimmed !== "" && current.words.length < 50) current.words.push(trimmed);
    }
    finish();
    return recipients.length > 0 ? { recipients } : null;
  },
};
