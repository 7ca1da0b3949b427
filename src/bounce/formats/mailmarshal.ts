import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, linesOf } from "./text.js";

/**
 * Trustwave (Marshal) MailMarshal SMTP: "Undeliverable Mail: \"subject\"" whose text says
 * "Could not be delivered because of" and the remote reply, then "The following recipients
 * were affected:" and the addresses, and an "Additional Information" block with Remote-MTA
 * and Reporting-MTA in angle brackets.
 */
const BECAUSE = "Could not be delivered because of";
const AFFECTED = "The following recipients were affected:";

function looksLikeMailMarshal(message: BounceMessage): boolean {
  if (!message.subject.startsWith("Undeliverable Mail: ")) return false;
  const received = message.header("received") ?? "";
  if (received.includes("MailMarshal")) return true;
  return message.text().includes(BECAUSE);
}

function parse(message: BounceMessage): FormatResult | null {
  const reply: string[] = [];
  const addresses: string[] = [];
  const info = new Map<string, string>();
  let section: "none" | "reply" | "affected" | "info" = "none";
  for (const line of linesOf(bodyText(message), 5000)) {
    const trimmed = line.trim();
    if (trimmed.startsWith(BECAUSE)) {
      section = "reply";
      const rest = trimmed.slice(BECAUSE.length).trim();
      if (rest) reply.push(rest);
      continue;
    }
    if (trimmed === AFFECTED) {
      section = "affected";
      continue;
    }
    if (trimmed === "Additional Information") {
      section = "info";
      continue;
    }
    if (section === "reply" && trimmed !== "" && reply.length < 50) reply.push(trimmed);
    else if (section === "affected") {
      if (trimmed === "") {
        if (addresses.length > 0) section = "none";
        continue;
      }
      for (const address of addressesIn(trimmed)) if (addresses.length < 500) addresses.push(address);
    } else if (section === "info") {
      const colon = trimmed.indexOf(":");
      if (colon > 0) info.set(trimmed.slice(0, colon).trim().toLowerCase(), trimmed.slice(colon + 1).trim());
    }
  }
  if (addresses.length === 0) return null;
  const bracketed = (value: string | undefined) =>
    value ? value.replace(/^<|>$/g, "").trim() || null : null;
  const remoteMta = bracketed(info.get("remote-mta"));
  const diagnostic = reply.join(" ") || null;
  const recipients: RawRecipient[] = mapArray(addresses, (recipient) => ({
    recipient,
    action: "failed",
    diagnosticCode: diagnostic,
    remoteMta,
  }));
  return { recipients, reportingMta: bracketed(info.get("reporting-mta")) };
}

export const mailmarshal: BounceFormat = {
  id: "mailmarshal",
  name: "MailMarshal SMTP",
  gate: (facts) => facts.subject.startsWith("Undeliverable Mail: "),
  detect: looksLikeMailMarshal,
  parse,
};
