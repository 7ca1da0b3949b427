/**
 * Automatic replies (RFC 3834): vacation and out-of-office notices, "this inbox is not
 * read" responders. They are ordinary messages from the recipient's own address, marked
 * by `Auto-Submitted: auto-replied`, by a responder's own header (X-Autoreply,
 * X-Apple-Action: VACATION) or by a subject such as "Automatic reply:". Some MTAs also
 * mark real bounces `auto-replied` (Gmail does), so anything that looks like a delivery
 * report is left to the bounce formats.
 */
import type { BounceFormat, BounceMessage, FormatResult, MessageFacts } from "../types.js";
import { addressesIn, linesOf, senderAddress } from "./text.js";

/** Subject beginnings of automatic replies, lower case, accents removed. */
const SUBJECT_PREFIXES = [
  "auto:",
  "auto reply",
  "auto-reply",
  "autoreply",
  "auto response",
  "auto-response",
  "autoresponse",
  "autorespons",
  "automatic reply",
  "automatic response",
  "automated reply",
  "automated response",
  "out of office",
  "out of the office",
  "[automatyczna odpowiedz]",
  "automatyczna odpowiedz",
  "abwesenheitsnotiz",
  "automatische antwort",
  "reponse automatique",
  "risposta automatica",
  "respuesta automatica",
  "resposta automatica",
  "automatisch antwoord",
  "automatiskt svar",
  "atvalinajums",
];

/** Words anywhere in a subject that mark an automatic reply. */
const SUBJECT_WORDS = [
  "(automatic response)",
  "(auto-reply)",
  "(autoreply)",
  "automatiska atbilde",
  "out of office",
];

/** Subject words of delivery reports: such a message is a bounce even when marked auto-replied. */
const BOUNCE_SUBJECT_WORDS = [
  "undeliver",
  "undelivered",
  "delivery status",
  "delivery failure",
  "delivery failed",
  "delivery notification",
  "delivery problem",
  "failure notice",
  "returned mail",
  "returned to sender",
  "non-delivery",
  "nondelivery",
  "non delivery",
  "could not be delivered",
  "mail delivery",
  "delayed mail",
  "warning: message",
];

const BOUNCE_SENDERS = ["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"];

/** Lower case without accents, for comparing subjects written in many languages. */
function fold(text: string): string {
  // Most subjects are US-ASCII: nothing to take accents off.
  if (!/[^\t -~]/.test(text)) return text.toLowerCase();
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function stripReplyPrefixes(subject: string): string {
  let text = subject.trim();
  for (let i = 0; i < 4 && text.indexOf(":") >= 0; i++) {
    const match = /^(re|aw|sv|fw|fwd|tr|wg|antw)\s?:\s*/i.exec(text);
    if (!match) break;
    text = text.slice(match[0].length);
  }
  return text;
}

function looksLikeBounce(message: BounceMessage): boolean {
  if (message.deliveryStatus() !== null) return true;
  if (message.parsed.root.type === "multipart/report") return true;
  const sender = senderAddress(message) || message.from;
  const local = sender.slice(0, Math.max(0, sender.indexOf("@")));
  if (BOUNCE_SENDERS.includes(local)) return true;
  const subject = fold(message.subject);
  return BOUNCE_SUBJECT_WORDS.some((words) => subject.includes(words));
}

/**
 * The gate: what `hasAutoReplyMark` needs, on the facts alone. One of its header marks, or
 * a subject holding a word that every entry of SUBJECT_PREFIXES and SUBJECT_WORDS holds
 * (before accents are taken off: "atvaļinājums" still holds "atva"). Bounces often carry
 * "Precedence: bulk" or "Auto-Submitted: auto-generated": the fields' values are read, not
 * only their presence.
 */
function autoReplyGate(facts: MessageFacts): boolean {
  const subject = facts.subjectLower;
  if (
    subject.includes("auto") ||
    subject.includes("out of") ||
    subject.includes("abwesenheit") ||
    subject.includes("atva")
  )
    return true;
  return hasHeaderMark(facts.message);
}

/** Marked by a header field: Auto-Submitted: auto-replied, X-Autoreply: yes, X-Apple-Action: VACATION … */
function hasHeaderMark(message: BounceMessage): boolean {
  const autoSubmitted = (message.header("auto-submitted") ?? "").trim().toLowerCase();
  if (autoSubmitted.startsWith("auto-replied")) return true;
  if ((message.header("x-autoreply") ?? "").trim().toLowerCase() === "yes") return true;
  if (message.hasHeader("x-autorespond") || message.hasHeader("x-autoresponder")) return true;
  if ((message.header("x-apple-action") ?? "").trim().toUpperCase() === "VACATION") return true;
  const precedence = (message.header("precedence") ?? "").trim().toLowerCase();
  return precedence === "auto_reply" || precedence === "auto-reply";
}

function hasAutoReplyMark(message: BounceMessage): boolean {
  if (hasHeaderMark(message)) return true;
  const subject = fold(stripReplyPrefixes(message.subject));
  if (SUBJECT_PREFIXES.some((prefix) => subject.startsWith(prefix))) return true;
  return SUBJECT_WORDS.some((words) => subject.includes(words));
}

/** The reply's own words: its text up to the quoted original or a signature, on one line. */
function replyText(message: BounceMessage): string | null {
  const kept: string[] = [];
  let length = 0;
  for (const line of linesOf(message.text(), 400)) {
    const trimmed = line.trim();
    if (
      trimmed.startsWith(">") ||
      trimmed === "--" ||
      /^-{2,}\s*original message\s*-{2,}/i.test(trimmed) ||
      /^_{10,}$/.test(trimmed) ||
      (/^on .{0,200} wrote:$/i.test(trimmed) && trimmed.length < 220)
    )
      break;
    if (trimmed === "") continue;
    kept.push(trimmed);
    length += trimmed.length + 1;
    if (length > 1000) break;
  }
  const text = kept.join(" ").slice(0, 1000).trim();
  return text === "" ? null : text;
}

function parseAutoReply(message: BounceMessage): FormatResult | null {
  // The responder writes from the address our message went to.
  const responder =
    addressesIn(message.header("from") ?? "", 1)[0] ?? addressesIn(message.header("reply-to") ?? "", 1)[0];
  if (!responder) return null;
  return {
    kind: "auto-reply",
    recipients: [
      {
        recipient: responder,
        diagnosticCode: replyText(message) ?? (message.subject.trim() || null),
        reason: "vacation",
        reasonIsFinal: true,
      },
    ],
  };
}

export const rfc3834: BounceFormat = {
  id: "rfc3834",
  name: "Automatic reply (RFC 3834)",
  gate: autoReplyGate,
  detect: (message) => hasAutoReplyMark(message) && !looksLikeBounce(message),
  parse: parseAutoReply,
};
