import type { BounceFormat, BounceMessage, FormatResult } from "../types.js";
import { failedRecipients } from "./gmx.js";
import { bodyText } from "./text.js";

/**
 * MXLogic (McAfee SaaS Email Protection): an Exim-style "Mail delivery failed" with
 * "<address>: 550 …" under "The following address failed:" and the returned headers after
 * "Included is a copy of the message header:". Its own headers (X-MX-Bounce,
 * X-MXL-NoteHash, a Message-Id starting "mxl~") or a mxlogic.net sender mark it.
 */
function looksLikeMxLogic(message: BounceMessage): boolean {
  if (message.header("x-mx-bounce") !== null || message.header("x-mxl-notehash") !== null) return true;
  if ((message.header("message-id") ?? "").trimStart().startsWith("<mxl~")) return true;
  return message.from.includes("mailer-daemon@") && /[@.]mxlogic\.net\b/.test(message.from);
}

function parse(message: BounceMessage): FormatResult | null {
  const recipients = failedRecipients(bodyText(message), [
    "Included is a copy of the message header",
    "------ This is a copy of",
  ]);
  return recipients.length > 0 ? { recipients } : null;
}

export const mxlogic: BounceFormat = {
  id: "mxlogic",
  name: "MXLogic",
  // looksLikeMxLogic: its own fields, an "<mxl~" Message-ID, or mxlogic.net in From.
  gate: (facts) =>
    facts.message.hasHeader("x-mx-bounce") ||
    facts.message.hasHeader("x-mxl-notehash") ||
    facts.from.includes("mxlogic.net") ||
    (facts.message.header("message-id") ?? "").includes("<mxl~"),
  detect: looksLikeMxLogic,
  parse,
};
