import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, linesOf, senderAddress } from "./text.js";

/**
 * BIGLOBE (biglobe.ne.jp): "Returned mail: …" from postmaster@biglobe.ne.jp, the addresses
 * under "----- The following addresses had delivery problems -----" and BIGLOBE's own
 * sentence under "----- Non-delivered information -----".
 */
function looksLikeBiglobe(message: BounceMessage): boolean {
  if (!/^postmaster@(?:[a-z0-9.-]{1,60}\.)?biglobe\.ne\.jp$/.test(senderAddress(message))) return false;
  return message.subject.startsWith("Returned mail:");
}

function parse(message: BounceMessage): FormatResult | null {
  const addresses: string[] = [];
  const information: string[] = [];
  let section: "none" | "addresses" | "information" = "none";
  for (const line of linesOf(bodyText(message), 5000)) {
    const trimmed = line.trim();
    if (trimmed.startsWith("-----")) {
      if (trimmed.includes("addresses had delivery problems")) section = "addresses";
      else if (trimmed.includes("Non-delivered information")) section = "information";
      else section = "none";
      continue;
    }
    if (trimmed === "") {
      if (section === "information" && information.length > 0) section = "none";
      continue;
    }
    if (section === "addresses") {
      for (const address of addressesIn(trimmed)) if (addresses.length < 500) addresses.push(address);
    } else if (section === "information" && information.length < 20) information.push(trimmed);
  }
  if (addresses.length === 0) return null;
  const diagnostic = information.join(" ") || null;
  const recipients = mapArray(addresses, (recipient) => {
    const entry: RawRecipient = { recipient, action: "failed", diagnosticCode: diagnostic };
    // BIGLOBE's words for a mailbox holding as many messages as it may.
    if (diagnostic && /recipient's mailbox exceeded/i.test(diagnostic)) entry.reason = "mailboxfull";
    return entry;
  });
  return { recipients };
}

export const biglobe: BounceFormat = {
  id: "biglobe",
  name: "BIGLOBE",
  // looksLikeBiglobe: postmaster@…biglobe.ne.jp and a "Returned mail:" subject.
  gate: (facts) => facts.from.includes("biglobe.ne.jp") && facts.subject.startsWith("Returned mail:"),
  detect: looksLikeBiglobe,
  parse,
};
