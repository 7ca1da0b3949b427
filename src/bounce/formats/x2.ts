/**
 * Unnamed MTA "X2" (old Yahoo! Mail and its Japanese sibling), qmail-like:
 *
 *   Message from example.com.
 *   Unable to deliver message to the following address(es).
 *
 *   <ann@example.com>:
 *   This user doesn't have a example.com account (ann@example.com) [0]
 *
 *   --- Original message follows.
 *
 * "I'm not going to try again; this message has been in the queue too long." closes the
 * reason when the queue lifetime ran out. A newer version writes
 *
 *   NOTICE: Delivery Failure.
 *
 *   This Delivery Status Notification is sent from MTA...
 *   …
 *   Delivery failed: ann@example.com
 *   192.0.2.1 failed after I sent the message.
 *   Remote host said[Response Message]: 554 5.4.14 Hop count exceeded - possible mail loop
 *   STEP: DATA SEND
 */
import { mapArray } from "../../arrays.js";
import type { BounceFormat, FormatResult, RawRecipient } from "../types.js";
import { isAddress } from "./sendmail.js";
import { addressBlocks, bodyText, cleanedDiagnostic, commandNamed, linesOf } from "./text.js";

const MARKER = "Unable to deliver message to the following address(es).";
const NOTICE = "This Delivery Status Notification is sent from MTA";
const QUEUE_TOO_LONG = "this message has been in the queue too long";

export const x2: BounceFormat = {
  id: "x2",
  name: "Unknown MTA X2",
  detect: (message) => {
    const text = bodyText(message).slice(0, 20_000);
    return text.includes(MARKER) || (text.includes(NOTICE) && text.includes("Delivery failed: "));
  },
  parse: (message) => {
    if (!bodyText(message).slice(0, 20_000).includes(MARKER))
      return readNotice(linesOf(bodyText(message), 5000));
    const recipients = mapArray(addressBlocks(bodyText(message), MARKER, isAddress), (block) => {
      const raw: RawRecipient = { recipient: block.recipient, action: "failed" };
      const text = block.words.join(" ");
      const lower = text.toLowerCase();
      const queue = lower.indexOf(QUEUE_TOO_LONG);
      // The closing sentence is the MTA's, not the remote server's: keep the reason before it.
      const reason =
        queue >= 0 ? text.slice(0, lower.lastIndexOf("i'm not going to try again", queue)) : text;
      raw.diagnosticCode = cleanedDiagnostic(reason.replace(/\/$/, "").trim() || text);
      if (queue >= 0) raw.reason = "expired";
      return raw;
    });
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The newer notice: "Delivery failed: <address>" and the lines under it. */
function readNotice(lines: readonly string[]): FormatResult | null {
  const recipients: RawRecipient[] = [];
  let current: RawRecipient | null = null;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith("Delivery failed: ")) {
      const address = trimmed.slice(17).trim().replace(/^<|>$/g, "");
      if (!isAddress(address)) continue;
      current = { recipient: address, action: "failed" };
      recipients.push(current);
      if (recipients.length >= 500) break;
      continue;
    }
    if (current === null) continue;
    if (trimmed === "") {
      current = null;
      continue;
    }
    const said = /^Remote host said(?:\[[^\]]*\])?:\s*(.*)$/.exec(trimmed);
    if (said) {
      current.diagnosticCode = cleanedDiagnostic(said[1] as string);
      continue;
    }
    // qmail's wording: "192.0.2.1 failed after I sent the message." is the end-of-data reply.
    const after = /^(\S+) failed after I sent the message\.?$/.exec(trimmed);
    if (after) {
      current.remoteMta = after[1] as string;
      current.command = "DATA-END";
      continue;
    }
    const step = /^STEP:\s*(.+)$/.exec(trimmed);
    if (step && !current.command) current.command = commandNamed(step[1] as string);
  }
  return recipients.length > 0 ? { recipients } : null;
}
