import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, enhancedStatusIn, linesOf } from "./text.js";

/**
 * Active!hunter (a Japanese mail gateway): "FAILURE NOTICE : subject" with an X-AHMAILID
 * header and a Sendmail-like text, ">>> address <address>" under "----- The following
 * addresses had permanent fatal errors -----" and the remote reply under "----- Transcript of
 * session follows -----". The report is multipart/report but carries no delivery-status part.
 */
function looksLikeActiveHunter(message: BounceMessage): boolean {
  if (message.header("x-ahmailid") !== null) return true;
  const type = message.header("content-type") ?? "";
  return type.includes("Active!Hunter") && message.subject.startsWith("FAILURE NOTICE");
}

function parse(message: BounceMessage): FormatResult | null {
  const lines = linesOf(bodyText(message), 5000);
  const addresses: string[] = [];
  const transcript: string[] = [];
  let section: "none" | "addresses" | "transcript" = "none";
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith("-----") && trimmed.includes("addresses had")) {
      section = "addresses";
      continue;
    }
    if (trimmed.startsWith("-----") && trimmed.includes("Transcript of session")) {
      section = "transcript";
      continue;
    }
    if (section === "addresses" && trimmed.startsWith(">>> ")) {
      const found = addressesIn(trimmed.slice(4));
      const recipient = found[found.length - 1];
      if (recipient && addresses.length < 500) addresses.push(recipient);
    } else if (section === "transcript") {
      if (trimmed === "") {
        if (transcript.length > 0) break;
        continue;
      }
      if (transcript.length < 50) transcript.push(trimmed);
    }
  }
  if (addresses.length === 0) return null;
  const diagnostic = transcript.join(" ") || null;
  const status = diagnostic ? enhancedStatusIn(diagnostic) : null;
  const recipients: RawRecipient[] = mapArray(addresses, (recipient) => ({
    recipient,
    action: "failed",
    status,
    diagnosticCode: diagnostic,
  }));
  return { recipients };
}

export const activehunter: BounceFormat = {
  id: "activehunter",
  name: "Active!hunter",
  // looksLikeActiveHunter: X-AHMAILID, or its subject.
  gate: (facts) => facts.message.hasHeader("x-ahmailid") || facts.subject.startsWith("FAILURE NOTICE"),
  detect: looksLikeActiveHunter,
  parse,
};
