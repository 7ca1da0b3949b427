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
import { mapArray } from "../../arrays.js";
import type { BounceFormat, RawRecipient } from "../types.js";
import { isAddress } from "./sendmail.js";
import { addressBlocks, bodyText, cleanedDiagnostic } from "./text.js";

const MARKER = "Your mail message to the following address(es) could not be delivered.";

export const x4: BounceFormat = {
  id: "x4",
  name: "Unknown MTA X4",
  detect: (message) => bodyText(message).slice(0, 20_000).includes(MARKER),
  parse: (message) => {
    const recipients: RawRecipient[] = mapArray(
      addressBlocks(bodyText(message), MARKER, isAddress),
      (block) => {
        const raw: RawRecipient = { recipient: block.recipient, action: "failed" };
        // "child status 100...": the exit status of qmail's local delivery program, then its words.
        const text = block.words.join(" ").replace(/^child status \d+\.\.\.\s*/i, "");
        if (text) raw.diagnosticCode = cleanedDiagnostic(text);
        return raw;
      },
    );
    return recipients.length > 0 ? { recipients } : null;
  },
};
