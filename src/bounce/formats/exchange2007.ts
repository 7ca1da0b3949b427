/**
 * Microsoft Exchange 2007 and later (on-premises), whose non-delivery reports Office 365
 * and Outlook.com also send. The report has a human part (in the sender's language) with
 * a "Diagnostic information for administrators" section, usually followed by an RFC 3464
 * delivery-status part. In that section every failed recipient is an address alone on a
 * line, followed by what the server said, in English whatever the language around it:
 *
 *   kijitora@example.jp
 *   Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
 *
 *   kijitora@example.jp
 *   #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##
 *
 *   kijitora@example.jp
 *   mx.example.jp
 *   3/09/2016 8:05:56 PM - Remote Server at mx.example.jp (192.0.2.3) returned '550 4.4.7 QUEUE.Expired; message expired'
 *   3/09/2016 7:58:27 PM - Server at mx.example.jp returned '441 4.4.1 …'
 *
 * The newest attempt comes first. Newer Office 365 reports put the reply after
 * "Reported error:" instead.
 */
import { mapArray } from "../../arrays.js";
import { collapseWhiteSpace } from "../../strings.js";
import { htmlToText } from "../message.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, commandIn, linesOf, perMessage } from "./text.js";

/** What the administrators' section says about one recipient. */
interface NdrEntry {
  recipient: string;
  diagnosticCode: string | null;
  remoteMta: string | null;
}

const MAX_BLOCK_LINES = 60;
const MAX_DIAGNOSTIC = 8000;

/** A line that holds one address and nothing else (not "Name<mailto:…>", not a header). */
function bareAddress(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length < 3 || trimmed.length > 320 || /[\s<>:;,()]/.test(trimmed)) return null;
  const at = trimmed.indexOf("@");
  if (at <= 0 || at !== trimmed.lastIndexOf("@")) return null;
  const found = addressesIn(trimmed, 1)[0];
  return found !== undefined && found.length === trimmed.length ? found : null;
}

/** A line that names only a host ("msmx.example.com"): the server that answered. */
function bareHost(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length < 4 || trimmed.length > 255) return null;
  return /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+\.?$/.test(trimmed) ? trimmed.replace(/\.$/, "") : null;
}

/**
 * "… Remote Server at mx.example.jp (192.0.2.3) returned '…'" → "mx.example.jp". A plain
 * "Server at" names one of the reporting side's own hosts (it gave up on the message).
 */
function serverNamed(line: string): string | null {
  const lower = line.toLowerCase();
  const at = lower.indexOf("remote server at ");
  if (at < 0) return null;
  const rest = line.slice(at + 17, at + 17 + 300).trim();
  const end = rest.search(/[\s(]/);
  const host = (end < 0 ? rest : rest.slice(0, end)).replace(/\.$/, "");
  return host === "" ? null : host;
}

/**
 * The reply quoted after "returned '" on the line at `start` (continued on the next lines
 * when the quote is not closed there), or null.
 */
function quotedReply(lines: string[], start: number, end: number): string | null {
  const first = lines[start] as string;
  const open = first.toLowerCase().indexOf("returned '");
  if (open < 0) return null;
  let text = first.slice(open + 10);
  for (let i = start + 1; i < end && !text.trimEnd().endsWith("'"); i++) {
    const next = (lines[i] as string).trim();
    if (next === "" || / - (remote )?server at /i.test(next)) break;
    text += ` ${next}`;
  }
  text = text.trim();
  if (text.endsWith("'")) text = text.slice(0, -1);
  return unwrapped(text.trim()) || null;
}

/**
 * Exchange quotes some replies in its own envelope, "<mx.example.jp #5.1.1 smtp;550 5.1.1
 * User unknown>" or "< #5.1.1 X-Notes; User … not listed>": keep what the server said.
 */
function unwrapped(text: string): string {
  if (!text.startsWith("<") || !text.endsWith(">")) return text;
  const inner = text.slice(1, -1).trim();
  const hash = inner.search(/#[245]\.\d{1,3}\.\d{1,3}/);
  if (hash < 0 || hash > 260) return text;
  const rest = inner.slice(hash + 1);
  const smtp = rest.toLowerCase().indexOf("smtp;");
  if (smtp >= 0 && smtp < 20) return rest.slice(smtp + 5).trim();
  return rest.trim();
}

/** "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##rfc822;a@b" → "550 5.1.1 …; not found". */
function hashedReply(lines: string[], start: number, end: number): string | null {
  let text = (lines[start] as string).trim().slice(1);
  for (let i = start + 1; i < end && !text.includes("##"); i++) {
    const next = (lines[i] as string).trim();
    if (next === "") break;
    text += ` ${next}`;
  }
  const close = text.indexOf("##");
  if (close >= 0) text = text.slice(0, close);
  return text.trim() || null;
}

/**
 * The human part of the report. Some relays leave its text/plain alternative empty and
 * only the HTML one filled in: read that one then.
 */
export const ndrText: (message: BounceMessage) => string = perMessage((message) => {
  const text = message.text();
  const technical = (body: string) => {
    if (body.includes("returned '")) return true;
    // Both other marks hold a "#": one native search rules them out in most reports.
    if (!body.includes("#")) return false;
    return body.includes("#<") || /^[ \t]*#[245]\d\d /m.test(body.slice(0, 100_000));
  };
  if (technical(text)) return text;
  const html = message.parts().find((part) => part.type === "text/html" && part.children.length === 0);
  if (html === undefined) return text;
  const fromHtml = htmlToText(message.partText(html));
  return technical(fromHtml) || text.trim() === "" ? fromHtml : text;
});

/** Every recipient of the administrators' section, in order, with the reply it got. */
export function readNdrEntries(text: string): NdrEntry[] {
  const lines = linesOf(text);
  const entries: NdrEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const recipient = bareAddress(lines[i] as string);
    if (recipient === null) continue;
    // The reply follows within a few lines; text made from HTML leaves blank lines between.
    let end = i + 1;
    let filled = 0;
    while (end < lines.length && end - i <= MAX_BLOCK_LINES && filled < 8) {
      const line = lines[end] as string;
      if (line.trim() !== "") {
        if (bareAddress(line) !== null) break;
        filled++;
      }
      end++;
    }
    let diagnosticCode: string | null = null;
    let remoteMta: string | null = null;
    let first = true;
    for (let j = i + 1; j < end && diagnosticCode === null; j++) {
      const line = (lines[j] as string).trim();
      if (line === "") continue;
      if (line.startsWith("#") && /^#\s?[245]\d\d/.test(line)) diagnosticCode = hashedReply(lines, j, end);
      else if (line.includes("#<") && line.includes(">")) {
        // "mx.example.jp #<mx.example.jp #5.0.0 smtp; 554 rejected …> #SMTP#"
        const open = line.indexOf("#<");
        diagnosticCode = unwrapped(line.slice(open + 1, line.lastIndexOf(">") + 1)) || null;
        remoteMta ??= bareHost(line.slice(0, open));
      } else if (line.toLowerCase().includes("returned '")) {
        diagnosticCode = quotedReply(lines, j, end);
        remoteMta ??= serverNamed(line);
      } else if (first) remoteMta = bareHost(line);
      first = false;
    }
    if (diagnosticCode === null) continue;
    if (diagnosticCode.length > MAX_DIAGNOSTIC) diagnosticCode = diagnosticCode.slice(0, MAX_DIAGNOSTIC);
    const key = recipient.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ recipient, diagnosticCode, remoteMta });
    i = end - 1;
  }
  return entries;
}

/** "Reported error: 550 5.1.10 …" of the newer Office 365 layout (one recipient per report). */
function reportedError(lines: string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!/^reported error:/i.test(line)) continue;
    let text = line.slice(15).trim();
    for (let j = i + 1; j < lines.length && j - i < 10; j++) {
      const next = (lines[j] as string).trim();
      if (next === "" || /^dsn generated by:/i.test(next)) break;
      text += ` ${next}`;
    }
    return text || null;
  }
  return null;
}

/**
 * The newer Office 365 layout names its one recipient in "Your message to X couldn't be
 * delivered." and "Recipient Address: X", with a summary line under the first one
 * ("X wasn't found at example.org.", "Security or policy settings at … have rejected your
 * message") and the answering host in "Remote server: X".
 */
function newerLayout(lines: string[]): {
  recipient: string | null;
  summary: string | null;
  remoteMta: string | null;
} {
  let recipient: string | null = null;
  let summary: string | null = null;
  let remoteMta: string | null = null;
  for (let i = 0; i < lines.length && i < 2000; i++) {
    const line = (lines[i] as string).trim();
    const lower = line.toLowerCase();
    if (
      recipient === null &&
      lower.startsWith("your message to ") &&
      lower.includes("couldn't be delivered")
    ) {
      recipient = addressesIn(line, 1)[0] ?? null;
      summary =
        lines
          .slice(i + 1, i + 6)
          .find((next) => next.trim() !== "")
          ?.trim() ?? null;
    } else if (recipient === null && lower.startsWith("recipient address:")) {
      recipient = addressesIn(line, 1)[0] ?? null;
    } else if (lower.startsWith("remote server:")) {
      remoteMta = bareHost(line.slice(14)) ?? remoteMta;
    }
  }
  return { recipient, summary, remoteMta };
}

/** Recipients listed at the top as "Name<mailto:address>". */
function mailtoRecipients(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines.slice(0, 400)) {
    const at = line.indexOf("<mailto:");
    if (at < 0) continue;
    const address = addressesIn(line.slice(at + 8, at + 8 + 330), 1)[0];
    if (address && !out.some((known) => known.toLowerCase() === address.toLowerCase())) out.push(address);
  }
  return out;
}

/** The reply extends the delivery-status one ("…failed(InfoNoRecords)" against "…failed"). */
function richer(text: string | null, dsn: string | null): boolean {
  if (text === null) return false;
  if (dsn === null) return true;
  const a = collapseWhiteSpace(text);
  const b = collapseWhiteSpace(dsn);
  return a.length > b.length && a.startsWith(b);
}

/** Exchange reports its own queue expiry: the message waited too long and was dropped. */
function exchangeExpired(diagnostic: string | null): boolean {
  if (diagnostic === null) return false;
  return /QUEUE\.Expired|\b[45]\.4\.7 .{0,40}message expired|\b[45]\.4\.31\d Message expired/i.test(
    diagnostic.slice(0, 300),
  );
}

function finish(recipient: RawRecipient): RawRecipient {
  if (exchangeExpired(recipient.diagnosticCode ?? null)) recipient.reason = "expired";
  if (!recipient.command && recipient.diagnosticCode) recipient.command = commandIn(recipient.diagnosticCode);
  return recipient;
}

/**
 * Read an Exchange 2007+ non-delivery report: the delivery-status part when there is one,
 * completed from the administrators' section of the text; the text alone otherwise.
 */
export function readExchangeNdr(message: BounceMessage): FormatResult | null {
  const text = ndrText(message);
  const lines = linesOf(text);
  const entries = readNdrEntries(text);
  const byAddress = new Map(mapArray(entries, (entry) => [entry.recipient.toLowerCase(), entry]));
  const dsn = readDeliveryStatus(message);
  const delayed = /delay/i.test(message.subject) && !/fail/i.test(message.subject);

  if (dsn !== null && dsn.recipients.length > 0) {
    const reported = dsn.recipients.length === 1 ? reportedError(lines) : null;
    for (const recipient of dsn.recipients) {
      const entry =
        byAddress.get(recipient.recipient.toLowerCase()) ??
        (recipient.originalRecipient ? byAddress.get(recipient.originalRecipient.toLowerCase()) : undefined);
      const fromText = entry?.diagnosticCode ?? reported;
      if (richer(fromText, recipient.diagnosticCode ?? null)) recipient.diagnosticCode = fromText;
      recipient.remoteMta ??= entry?.remoteMta ?? null;
      finish(recipient);
    }
    return dsn;
  }

  const recipients: RawRecipient[] = mapArray(entries, (entry) =>
    finish({
      recipient: entry.recipient,
      action: delayed ? "delayed" : "failed",
      diagnosticCode: entry.diagnosticCode,
      remoteMta: entry.remoteMta,
    }),
  );
  if (recipients.length === 0) {
    const reported = reportedError(lines);
    const listed = mailtoRecipients(lines);
    const newer = newerLayout(lines);
    const recipient = listed.length === 1 ? listed[0] : newer.recipient;
    if (reported !== null && recipient) {
      // "Reported error: Unable to deliver to <a@b>" says less than the summary above it.
      const diagnosticCode =
        /\b[245]\d\d\b|\b[245]\.\d{1,3}\.\d{1,3}\b|\.[A-Z][A-Za-z]+;/.test(reported) || newer.summary === null
          ? reported
          : `${newer.summary}: ${reported}`;
      recipients.push(finish({ recipient, action: "failed", diagnosticCode, remoteMta: newer.remoteMta }));
    }
  }
  // Newer reports without a DSN part name the status only in their help link: "For more
  // information, see Error code 5.7.1 in Exchange Online and Office 365".
  const helpStatus = recipients.length > 0 ? helpLinkStatus(text) : null;
  if (helpStatus !== null) for (const recipient of recipients) recipient.status ??= helpStatus;
  return recipients.length > 0 ? { recipients } : null;
}

const HELP_LINK_STATUS = /\b(?:Error|DSN|NDR Response) code ([245]\.\d{1,3}\.\d{1,3}) in Exchange Online\b/gi;

/** The one status code the report's help links name (null when none, or when they differ). */
function helpLinkStatus(text: string): string | null {
  let found: string | null = null;
  HELP_LINK_STATUS.lastIndex = 0;
  for (let match = HELP_LINK_STATUS.exec(text); match !== null; match = HELP_LINK_STATUS.exec(text)) {
    const code = match[1] as string;
    if (found !== null && found !== code) return null;
    found = code;
  }
  return found;
}

/** Subject prefixes Exchange writes on its reports, in the languages seen in the wild. */
const NDR_SUBJECTS = [
  "undeliverable:",
  "undeliverable mail:",
  "non remis :",
  "non remis:",
  "non recapitabile:",
  "unzustellbar:",
  "onbestelbaar:",
  "no se puede entregar:",
  "não é possível entregar:",
  "olevererbart:",
  "kan ikke leveres:",
  "ei voitu toimittaa:",
  "nie można dostarczyć:",
  "nedoručitelné:",
  "配信不能:",
  "配達不能:",
  "无法送达:",
  "無法傳遞:",
  "배달 못 함:",
];

/** Phrases of the human part that only Exchange's reports carry. */
const NDR_MARKERS = [
  "diagnostic information for administrators",
  "reported error:",
  "dsn generated by:",
  "generating server:",
  "delivery has failed to these recipients",
  "sent by microsoft exchange server",
  "remote server returned '",
];

/** Does the message look like a non-delivery report written by Exchange 2007 or later? */
const MICROSOFT_WORDS =
  /Microsoft|MICROSOFT|microsoft|Exchange|[Oo]utlook|Diagnostic information for administrators|Remote Server returned|Delivery has failed/;

export const isExchangeNdr: (message: BounceMessage) => boolean = perMessage((message) => {
  if (message.header("x-ms-exchange-message-is-ndr") !== null) return true;
  const subject = message.subject.trim().toLowerCase();
  const ndrSubject = NDR_SUBJECTS.some((prefix) => subject.startsWith(prefix));
  if (!ndrSubject && !subject.startsWith("delivery status notification")) return false;
  if (ndrSubject && message.header("content-language") !== null && message.deliveryStatus() !== null)
    return true;
  // The plain text first; the HTML part (costly to decode) only when the plain text has none.
  const plain = message.lowerText();
  if (NDR_MARKERS.some((marker) => plain.includes(marker))) return true;
  if (!message.parts().some((part) => part.type === "text/html")) return false;
  // Decoding the HTML is worth it only for a message that names Microsoft or Exchange wording.
  if (!MICROSOFT_WORDS.test(message.parsed.source.slice(0, 200_000))) return false;
  const head = ndrText(message).slice(0, 20_000).toLowerCase();
  return NDR_MARKERS.some((marker) => head.includes(marker));
});

/** Headers only Microsoft's hosted service (Office 365, Outlook.com) adds. */
export const isMicrosoftHosted: (message: BounceMessage) => boolean = perMessage((message) => {
  for (const field of message.headers) {
    const name = field.name.toLowerCase();
    if (
      name.startsWith("x-ms-exchange-crosstenant-") ||
      name === "x-ms-office365-filtering-correlation-id" ||
      name === "x-ms-exchange-transport-crosstenantheadersstamped" ||
      name === "x-ms-publictraffictype"
    )
      return true;
  }
  const from = message.from;
  if (from.includes("@outlook.com") || from.includes(".onmicrosoft.com")) return true;
  const id = (message.header("message-id") ?? "").toLowerCase();
  if (HOSTED_ID.test(id)) return true;
  // The server that wrote the report, when a relay dropped the cloud's headers.
  for (const line of linesOf(message.text().slice(0, 50_000), 2000)) {
    const lower = line.trim().toLowerCase();
    if (!lower.startsWith("generating server:") && !lower.startsWith("dsn generated by:")) continue;
    const host = lower.slice(lower.indexOf(":") + 1).trim();
    if (host.endsWith(".outlook.com") || host.endsWith(".exchangelabs.com")) return true;
  }
  return false;
});

const HOSTED_ID = /\.(prod\.outlook\.com|protection\.outlook\.com|exchangelabs\.com)>?\s*$/;

/** Microsoft Exchange 2007 and later, on-premises (the hosted service is `office365`). */
export const exchange2007: BounceFormat = {
  id: "exchange2007",
  name: "Microsoft Exchange 2007 and later",
  detect: (message) => isExchangeNdr(message) && !isMicrosoftHosted(message),
  parse: readExchangeNdr,
};
