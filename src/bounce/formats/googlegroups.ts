/**
 * Google Groups: Gmail's delivery subsystem answers a post the group refused. The text is
 * in the poster's language and says, on purpose, no more than "the group you tried to
 * contact (name) may not exist, or you may not have permission to post messages to the
 * group"; the group address is in X-Failed-Recipients. Either way the group turned the
 * sender away, so the reason is `rejected` whatever words the text uses.
 */
import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { fromGoogleDaemon, fromGoogleGate, isGoogleGroupsReport } from "./gmail.js";
import { addressesIn, linesOf } from "./text.js";

/** The paragraph that explains the refusal: the first long line after the greeting. */
function explanation(text: string): string | null {
  const lines = mapArray(linesOf(text, 200), (line) => line.trim());
  const end = lines.findIndex((line) => /^-{3,}\s*Original message/i.test(line));
  const body = end >= 0 ? lines.slice(0, end) : lines;
  const paragraph = body.find((line) => line.length > 60 && !line.startsWith("*"));
  return paragraph ? paragraph.slice(0, 2000) : null;
}

export function readGoogleGroups(message: BounceMessage): FormatResult | null {
  const groups = addressesIn(message.header("x-failed-recipients") ?? "", 50);
  if (groups.length === 0) return null;
  const diagnosticCode = explanation(message.text());
  const recipients: RawRecipient[] = mapArray(groups, (recipient) => ({
    recipient,
    action: "failed",
    diagnosticCode,
    reason: "rejected",
    reasonIsFinal: true,
  }));
  return { recipients };
}

export const googlegroups: BounceFormat = {
  id: "googlegroups",
  name: "Google Groups",
  gate: fromGoogleGate,
  detect: (message) => fromGoogleDaemon(message) && isGoogleGroupsReport(message),
  parse: readGoogleGroups,
};
