/**
 * Google Workspace / Gmail "Send mail as": the user sends through their own SMTP server
 * from Gmail, and that server refused or could not be used. The report is Gmail's newer
 * layout ("** Message not delivered **", "You're sending this from a different address or
 * alias using the 'Send mail as' feature…", "The response was: …") with an empty
 * delivery-status part; the failed address is in X-Failed-Recipients.
 *
 * Whatever the server said, the mail was refused on the sending side (the account's
 * relay settings), not by the recipient, so the reason is `rejected`.
 */
import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { fromGoogleDaemon, fromGoogleGate, isSendMailAsReport } from "./gmail.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, linesOf } from "./text.js";

/** "The response was:" and what follows, else the explanation under the heading. */
function response(text: string): string | null {
  const lines = mapArray(linesOf(text, 500), (line) => line.trim());
  const at = lines.findIndex((line) => /^the response (from the remote server )?was:$/i.test(line));
  if (at >= 0) {
    const reply: string[] = [];
    for (const line of lines.slice(at + 1, at + 30)) {
      if (line === "") {
        if (reply.length > 0) break;
        continue;
      }
      reply.push(line);
    }
    if (reply.length > 0) return reply.join(" ").slice(0, 4000);
  }
  return lines.find((line) => line.includes("'Send mail as'"))?.slice(0, 2000) ?? null;
}

export function readGoogleWorkspace(message: BounceMessage): FormatResult | null {
  const diagnosticCode = response(message.text());
  const dsn = readDeliveryStatus(message);
  const listed =
    dsn !== null && dsn.recipients.length > 0
      ? mapArray(dsn.recipients, (recipient) => recipient.recipient)
      : addressesIn(message.header("x-failed-recipients") ?? "", 50);
  if (listed.length === 0) return null;
  return {
    recipients: mapArray(listed, (recipient) => ({
      recipient,
      action: "failed",
      diagnosticCode,
      reason: "rejected",
      reasonIsFinal: true,
    })),
  };
}

export const googleworkspace: BounceFormat = {
  id: "googleworkspace",
  name: "Google Workspace",
  gate: fromGoogleGate,
  detect: (message) => fromGoogleDaemon(message) && isSendMailAsReport(message),
  parse: readGoogleWorkspace,
};
