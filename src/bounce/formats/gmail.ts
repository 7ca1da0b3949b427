/**
 * Gmail (Mail Delivery Subsystem <mailer-daemon@googlemail.com>). Two layouts:
 *
 * - until about 2016, plain text only:
 *
 *     Delivery to the following recipient failed permanently:
 *          kijitora@example.jp
 *     Technical details of permanent failure:
 *     Google tried to deliver your message, but it was rejected by the server for the
 *     recipient domain example.jp by mx.example.jp. [192.0.2.153].
 *     The error that the other server returned was:
 *     550 5.1.1 <kijitora@example.jp>... User Unknown
 *
 *   ("has been delayed:" and "Technical details of temporary failure:" for warnings; the
 *   reply is sometimes on the same line, its code doubled: "550 550 5.7.1 … (state 13).");
 *
 * - since then, a multipart/report with an RFC 3464 part, whose text says
 *   "** Address not found **", "Your message wasn't delivered to …", "The response was: …".
 *
 * Google Groups and the "Send mail as" failures of Google Workspace come from the same
 * address and have their own modules (`googlegroups`, `googleworkspace`), tried after this
 * one: this module leaves them alone.
 */
import { mapArray } from "../../arrays.js";
import { collapseWhiteSpace } from "../../strings.js";
import type { BounceFormat, BounceMessage, FormatResult, MessageFacts, RawRecipient } from "../types.js";
import { readDeliveryStatus } from "./rfc3464.js";
import { addressesIn, commandIn, linesOf } from "./text.js";

/**
 * The gate of the Google modules: what `fromGoogleDaemon` needs, on the facts alone (a
 * mailer-daemon@ sender, and Google in it or Google's report subject).
 */
export function fromGoogleGate(facts: MessageFacts): boolean {
  return (
    facts.from.includes("mailer-daemon@") &&
    (facts.from.includes("google") ||
      facts.from.includes("gmail") ||
      facts.subjectLower.startsWith("delivery status notification"))
  );
}

/** Is the message from Gmail's (or Google Workspace's) delivery subsystem? */
export function fromGoogleDaemon(message: BounceMessage): boolean {
  const from = message.from;
  if (
    from.includes("mailer-daemon@googlemail.com") ||
    from.includes("mailer-daemon@google.com") ||
    from.includes("mailer-daemon@gmail.com")
  )
    return true;
  // Forwarded copies keep the Message-ID Google gives its reports.
  return (
    from.includes("mailer-daemon@") &&
    /@mx\.google\.com>?\s*$/i.test(message.header("message-id") ?? "") &&
    message.subject.toLowerCase().startsWith("delivery status notification")
  );
}

/** A Google Groups refusal ("the group you tried to contact … may not exist"). */
export function isGoogleGroupsReport(message: BounceMessage): boolean {
  const failed = (message.header("x-failed-recipients") ?? "").toLowerCase();
  const text = message.text().slice(0, 20_000);
  return (
    text.includes("groups.google.com/support") ||
    (failed.includes("@googlegroups.com") && text.includes("Google Groups"))
  );
}

/** A "Send mail as" failure: Gmail could not relay through the user's own SMTP server. */
export function isSendMailAsReport(message: BounceMessage): boolean {
  const text = message.text().slice(0, 20_000);
  return text.includes("p=CustomFromDenied") || text.includes("'Send mail as'");
}

/** Where the quoted original starts: the report's text ends there. */
function isEndOfReport(line: string): boolean {
  return /^-{3,}\s*(Original message|Message header follows|End of message)/i.test(line.trim());
}

/**
 * Gmail's wrapping off the reply: "554 554 5.7.0 Header error (state 18)." → "554 5.7.0
 * Header error"; "PERM_FAILURE: SMTP Error (state 9): 550 …" → "550 …".
 */
function cleanReply(text: string): string {
  let reply = collapseWhiteSpace(text);
  reply = reply.replace(/^(PERM|TEMP)_FAILURE: ?/, "").replace(/^SMTP Error \(state \d{1,3}\): ?/, "");
  reply = reply.replace(/ ?\(state \d{1,3}\)\.?$/, "");
  const doubled = /^([245]\d\d) \1(?=[ -])/.exec(reply);
  if (doubled) reply = reply.slice(4);
  return reply.trim();
}

/** "… by mx.example.jp. [192.0.2.153]." or "[(0) mx.example.jp. [192.0.2.1]:25: socket error]" → the host. */
function remoteHostIn(text: string): string | null {
  const by = /\bby ([A-Za-z0-9][A-Za-z0-9.-]{0,250})\.? \[[0-9a-fA-F.:]{3,45}\]/.exec(text);
  if (by) return (by[1] as string).replace(/\.$/, "");
  const socket =
    /\[(?:\(\d+\) )?([A-Za-z0-9][A-Za-z0-9.-]{0,250}?)\.? \[?[0-9a-fA-F.:]{3,45}\]?(?::\d+)?: /.exec(text);
  if (socket) return (socket[1] as string).replace(/\.$/, "");
  const counted = /\[([A-Za-z0-9][A-Za-z0-9.-]{0,250}?)\.? \(\d{1,3}\): /.exec(text);
  return counted ? (counted[1] as string) : null;
}

/** What the technical details say: the remote server's reply when there is one, else Gmail's words. */
function technicalDiagnostic(details: string[]): { diagnosticCode: string | null; remoteMta: string | null } {
  const text = details.join("\n").slice(0, 8000).trim();
  if (text === "") return { diagnosticCode: null, remoteMta: null };
  const remoteMta = remoteHostIn(text);
  const marker = "the error that the other server returned was:";
  const at = text.toLowerCase().indexOf(marker);
  if (at >= 0) {
    const reply = cleanReply(text.slice(at + marker.length));
    if (reply !== "") return { diagnosticCode: reply, remoteMta };
  }
  return { diagnosticCode: cleanReply(text), remoteMta };
}

/**
 * Words of Gmail's for a temporary failure: when the report says the delivery failed
 * permanently all the same, Gmail stopped retrying (its queue time ran out).
 */
const TEMPORARY = [
  "temp_failure:",
  "did not accept our requests to connect",
  "could not initiate smtp conversation",
  "connection was dropped by remote host",
];

function gaveUp(recipient: RawRecipient, details: string): boolean {
  const lower = details.slice(0, 2000).toLowerCase();
  return recipient.action === "failed" && TEMPORARY.some((words) => lower.includes(words));
}

/**
 * Gmail writes "Status: 5.0.0" (or 4.0.0) whatever the remote server said; the server's
 * own enhanced code ("550 #5.1.0 Address rejected") is the better status when it has one.
 */
function refinedStatus(
  status: string | null | undefined,
  diagnostic: string | null | undefined,
): string | null {
  if (!diagnostic || (status && !/^[45]\.0\.0$/.test(status))) return status ?? null;
  const found = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d])/.exec(diagnostic.slice(0, 1000));
  if (!found || found[0] === status || (status && found[1] !== status[0])) return status ?? null;
  return found[0];
}

function finish(recipient: RawRecipient, details = recipient.diagnosticCode ?? ""): RawRecipient {
  if (recipient.status) recipient.status = refinedStatus(recipient.status, recipient.diagnosticCode);
  if (gaveUp(recipient, details)) recipient.reason = "expired";
  // Gmail's Remote-MTA: "mx.example.jp. (192.0.2.1, the server for the domain example.jp.)".
  if (recipient.remoteMta) {
    const paren = recipient.remoteMta.indexOf("(");
    const host = (paren >= 0 ? recipient.remoteMta.slice(0, paren) : recipient.remoteMta).trim();
    recipient.remoteMta = host.replace(/\.$/, "") || null;
  }
  if (!recipient.command && recipient.diagnosticCode) recipient.command = commandIn(recipient.diagnosticCode);
  return recipient;
}

/** The plain-text layout: recipient lists, each followed by its technical details. */
function readPlainReport(text: string): RawRecipient[] {
  const recipients: RawRecipient[] = [];
  let group: RawRecipient[] = [];
  let details: string[] | null = null;
  let detailsLength = 0;
  let action: string | null = null;
  const closeGroup = () => {
    if (group.length === 0) return;
    const { diagnosticCode, remoteMta } = technicalDiagnostic(details ?? []);
    const raw = (details ?? []).join(" ").trim();
    for (const recipient of group) {
      recipient.diagnosticCode = diagnosticCode;
      recipient.remoteMta = remoteMta;
      recipients.push(finish(recipient, raw));
    }
    group = [];
    details = null;
  };
  for (const line of linesOf(text, 5000)) {
    if (isEndOfReport(line)) break;
    const lower = line.trim().toLowerCase();
    if (lower.startsWith("delivery to the following recipient")) {
      closeGroup();
      action = lower.includes("delayed") ? "delayed" : "failed";
      continue;
    }
    if (lower.startsWith("technical details of")) {
      details = [line.trim().slice(line.trim().indexOf(":") + 1)];
      detailsLength = (details[0] as string).length;
      continue;
    }
    if (details !== null) {
      // The length kept as lines are added: joining them again for every line was quadratic.
      if (detailsLength < 4000) {
        details.push(line);
        detailsLength += 1 + line.length;
      }
      continue;
    }
    if (action !== null && /^\s/.test(line)) {
      const address = addressesIn(line, 1)[0];
      if (address) group.push({ recipient: address, action });
    }
  }
  closeGroup();
  return recipients;
}

/**
 * What the newer human part says: the reply after "The response was:" (or "The response
 * from the remote server was:"), else the sentence under the heading.
 */
function humanDiagnostic(text: string): string | null {
  const lines = linesOf(text, 2000);
  for (let i = 0; i < lines.length; i++) {
    const lower = (lines[i] as string).trim().toLowerCase();
    if (!lower.startsWith("the response") || !lower.endsWith("was:")) continue;
    const reply: string[] = [];
    for (let j = i + 1; j < lines.length && j - i < 30; j++) {
      const line = (lines[j] as string).trim();
      if (line === "") {
        if (reply.length > 0) break;
        continue;
      }
      reply.push(line);
    }
    if (reply.length > 0) return reply.join(" ");
  }
  for (const line of lines) {
    const trimmed = line.trim();
    if (
      /^(Your message wasn't delivered|There was a temporary problem delivering|Message not delivered)/i.test(
        trimmed,
      )
    )
      return trimmed;
  }
  return null;
}

export function readGmail(message: BounceMessage): FormatResult | null {
  const text = message.text();
  const dsn = readDeliveryStatus(message);
  if (dsn !== null && dsn.recipients.length > 0) {
    const human = humanDiagnostic(text);
    for (const recipient of dsn.recipients) {
      if (!recipient.diagnosticCode && human) recipient.diagnosticCode = human;
      finish(recipient);
    }
    return dsn;
  }
  const recipients = readPlainReport(text);
  if (recipients.length > 0) return { recipients };

  // The newer layout without its delivery-status part (a relay dropped it).
  const failed = addressesIn(message.header("x-failed-recipients") ?? "", 50);
  const human = humanDiagnostic(text);
  if (failed.length === 0 || human === null) return null;
  const delayed = /delay/i.test(message.subject) || /\*\* Delivery incomplete \*\*/.test(text);
  return {
    recipients: mapArray(failed, (recipient) =>
      finish({ recipient, action: delayed ? "delayed" : "failed", diagnosticCode: human }),
    ),
  };
}

/** Gmail's delivery subsystem. */
export const gmail: BounceFormat = {
  id: "gmail",
  name: "Gmail",
  gate: fromGoogleGate,
  detect: (message) =>
    fromGoogleDaemon(message) && !isGoogleGroupsReport(message) && !isSendMailAsReport(message),
  parse: readGmail,
};
