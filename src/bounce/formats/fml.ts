import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, linesOf } from "./text.js";

/**
 * fml, the Japanese mailing list manager (X-MLServer: fml [fml 4.0.3 …]): notices that a
 * post was not distributed, e.g. "You are not a member of this mailing list <list@…>." or,
 * with "Loop Alert:" subjects, "Duplicated Message-ID in <list@…>.". The address named in
 * the first paragraph (the list) is the recipient that refused the message.
 */
function looksLikeFml(message: BounceMessage): boolean {
  if (/^\s*fml\b/i.test(message.header("x-mlserver") ?? "")) return true;
  return (
    /\.FML[A-Z0-9]{0,20}\./.test(message.header("message-id") ?? "") && message.deliveryStatus() === null
  );
}

function parse(message: BounceMessage): FormatResult | null {
  const paragraph: string[] = [];
  for (const line of linesOf(bodyText(message), 200)) {
    const trimmed = line.trim();
    if (trimmed === "") {
      if (paragraph.length > 0) break;
      continue;
    }
    if (paragraph.length < 20) paragraph.push(trimmed);
  }
  const diagnostic = paragraph.join(" ");
  const recipient = addressesIn(diagnostic)[0];
  if (!recipient) return null;
  const entry: RawRecipient = { recipient, action: "failed", diagnosticCode: diagnostic || null };
  // fml's own notices: a poster who is not a member, and a loop caught by a repeated Message-ID.
  if (/not a member of this mailing list/i.test(diagnostic)) entry.reason = "rejected";
  else if (/Duplicated Message-ID/i.test(diagnostic) || message.subject.startsWith("Loop Alert:"))
    entry.reason = "systemerror";
  return { recipients: [entry] };
}

export const fml: BounceFormat = {
  id: "fml",
  name: "fml mailing list manager",
  // looksLikeFml: X-MLServer, or an fml Message-ID.
  gate: (facts) =>
    facts.message.hasHeader("x-mlserver") || (facts.message.header("message-id") ?? "").includes(".FML"),
  detect: looksLikeFml,
  parse,
};
