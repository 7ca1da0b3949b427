/**
 * Lotus Notes and its successor HCL/IBM Domino.
 *
 * The old Lotus SMTP MTA ("Undeliverable message") writes the reason above each address:
 *
 *   ------- Failure Reasons  --------
 *
 *   User not listed in public Name & Address Book
 *   ann@example.org
 *
 *   ------- Returned Message --------
 *
 * Domino ("DELIVERY FAILURE: …"), with or without a DSN part:
 *
 *   Your message
 *
 *     Subject: Hello
 *
 *   was not delivered to:
 *
 *     ann@example.org
 *
 *   because:
 *
 *     User ann (ann@example.org) not listed in Domino Directory
 *
 * Domino's subject repeats the reason ("DELIVERY FAILURE: User ann (ann@example.org) not
 * listed in Domino Directory"), which is all that is left when the body was lost.
 *
 * Both are often localised (Japanese in ISO-2022-JP); the words come through the MIME
 * reader's charset decoding and are kept as they are.
 */
import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, bodyText, cleanedDiagnostic, linesOf } from "./text.js";

const NOTES_REASONS = "------- Failure Reasons";
const NOTES_RETURNED = "------- Returned Message";
const DOMINO_SUBJECT = "DELIVERY FAILURE: ";

export const notes: BounceFormat = {
  id: "notes",
  name: "Lotus Notes / Domino",
  detect: (message) => {
    const text = bodyText(message).slice(0, 20_000);
    if (text.includes(NOTES_REASONS)) return true;
    if (text.includes("was not delivered to:") && text.includes("because:")) return true;
    // A Domino report whose body was lost on the way (re-encoded by a mail library): the
    // subject still carries the reason and the address.
    return message.subject.startsWith(DOMINO_SUBJECT) && addressesIn(message.subject).length > 0;
  },
  parse: (message) => {
    const lines = linesOf(bodyText(message));
    const result = lines.some((line) => line.startsWith(NOTES_REASONS))
      ? readNotes(lines)
      : readDomino(message, lines);
    return result && result.recipients.length > 0 ? result : null;
  },
};

/** Lotus Notes: reason lines, then the address they apply to. */
function readNotes(lines: readonly string[]): FormatResult {
  const recipients: RawRecipient[] = [];
  let inside = false;
  let reason: string[] = [];
  let lastReason = "";
  for (const line of lines.length > 5000 ? lines.slice(0, 5000) : lines) {
    if (line.startsWith(NOTES_REASONS)) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (line.startsWith(NOTES_RETURNED)) break;
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (isBareAddress(trimmed)) {
      if (reason.length > 0) lastReason = reason.join(" ");
      reason = [];
      recipients.push({
        recipient: trimmed.replace(/^<|>$/g, ""),
        action: "failed",
        diagnosticCode: lastReason ? cleanedDiagnostic(lastReason) : null,
      });
      if (recipients.length >= 500) break;
      continue;
    }
    if (reason.length < 20) reason.push(trimmed);
  }
  return { recipients };
}

/** Domino: the addresses after "was not delivered to:", the reason after "because:". */
function readDomino(message: BounceMessage, lines: readonly string[]): FormatResult | null {
  const addresses: string[] = [];
  const because: string[] = [];
  let section: "none" | "to" | "because" = "none";
  for (const line of lines.length > 5000 ? lines.slice(0, 5000) : lines) {
    const trimmed = line.trim();
    const lower = trimmed.toLowerCase();
    if (lower === "was not delivered to:") {
      section = "to";
      continue;
    }
    if (lower === "because:") {
      section = "because";
      continue;
    }
    if (section === "to") {
      if (trimmed !== "") for (const address of addressesIn(trimmed)) addresses.push(address);
    } else if (section === "because") {
      // The reason ends at the first blank line after it.
      if (trimmed === "") {
        if (because.length > 0) section = "none";
      } else if (because.length < 20) because.push(trimmed);
    }
  }
  const reason = because.length > 0 ? cleanedDiagnostic(because.join(" ")) : null;
  const dsn = readDeliveryStatus(message);
  if (dsn && dsn.recipients.length > 0) {
    // The DSN part has the fields; its "X-Notes;" diagnostic is the same reason, but
    // undecoded (the part declares no charset) and folded mid-word, so the text's is better.
    const recipients = mapArray(dsn.recipients, (raw) => ({
      ...raw,
      diagnosticCode: reason ?? raw.diagnosticCode ?? null,
      command: raw.command ?? null,
    }));
    return { recipients, reportingMta: dsn.reportingMta ?? null };
  }
  if (addresses.length === 0 && message.subject.startsWith(DOMINO_SUBJECT)) {
    const words = message.subject.slice(DOMINO_SUBJECT.length);
    return {
      recipients: mapArray(addressesIn(words, 100), (recipient) => ({
        recipient,
        action: "failed",
        diagnosticCode: cleanedDiagnostic(words),
      })),
    };
  }
  if (addresses.length === 0) return null;
  return {
    recipients: mapArray(addresses.slice(0, 500), (recipient) => ({
      recipient,
      action: "failed",
      diagnosticCode: reason,
    })),
  };
}

/** A line that is one address and nothing else. */
function isBareAddress(line: string): boolean {
  const value = line.replace(/^<|>$/g, "");
  if (/\s/.test(value)) return false;
  const at = value.indexOf("@");
  return at > 0 && at === value.lastIndexOf("@") && value.indexOf(".", at) > at + 1;
}
