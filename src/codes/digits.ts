/**
 * What each digit of a reply code (RFC 5321 §4.2.1) and of an enhanced status code
 * (RFC 3463 §2) tells, plus the rules that tie the two together (RFC 2034 §4).
 * Labels and meanings are our own words.
 */
import type { DigitInfo } from "./types.js";

/** A rule about a whole code rather than one digit value. */
export interface DigitRule {
  /** Stable identifier, e.g. "enhanced-class-vs-reply". */
  id: string;
  meaning: string;
  references: string[];
}

/**
 * Rules about codes as a whole: how clients read unknown codes, how enhanced codes are
 * written and placed in a reply, and how their class must agree with the reply code.
 *
 * @example
 * ```ts
 * DIGIT_RULES.map((rule) => rule.id);
 * // ["reply-client-rule", "enhanced-syntax", "enhanced-in-reply", "enhanced-class-vs-reply"]
 * ```
 */
export const DIGIT_RULES: readonly DigitRule[] = [
  {
    id: "reply-client-rule",
    meaning:
      "A client decides what to do from the first digit and must handle any code it does not know by that digit alone. A server sends exactly three digits, the first being 2, 3, 4 or 5.",
    references: ["RFC 5321 §4.2.1", "RFC 5321 §4.3.2"],
  },
  {
    id: "enhanced-syntax",
    meaning:
      "Written as class.subject.detail. The class is a single digit, 2, 4 or 5; subject and detail have one to three digits each, never with a leading zero.",
    references: ["RFC 3463 §2", "RFC 2034 §4"],
  },
  {
    id: "enhanced-in-reply",
    meaning:
      "Once a server advertises ENHANCEDSTATUSCODES, the text of each reply line opens with the enhanced code, directly after the three-digit code and its separator (as in '550 5.1.1 ...'); a multi-line reply repeats it on every line.",
    references: ["RFC 2034 §4"],
  },
  {
    id: "enhanced-class-vs-reply",
    meaning:
      "The class of the enhanced code has to agree with the reply's first digit: 2 with 2yz, 4 with 4yz, 5 with 5yz. No enhanced code is attached to 3yz replies, to the greeting, or to the answer to HELO or EHLO.",
    references: ["RFC 2034 §4"],
  },
];

function rule(id: string): DigitRule {
  const found = DIGIT_RULES.find((entry) => entry.id === id);
  if (!found) throw new Error(`unknown digit rule ${id}`);
  return found;
}

const REPLY = "RFC 5321 §4.2.1";
const ENHANCED = "RFC 3463 §2";
const REGISTRY = "IANA SMTP Enhanced Status Codes registry";

/**
 * Meaning of each digit value: reply-code first digit 1-5, second digit 0-5, third digit,
 * enhanced class 2/4/5 and subject 0-7. Value "*" marks a statement about the whole
 * position (for example: clients act on the first digit; the class must match the reply).
 *
 * @example
 * ```ts
 * DIGITS.find((d) => d.position === "reply-digit-2" && d.value === "1")?.label; // "Information"
 * ```
 */
export const DIGITS: readonly DigitInfo[] = [
  {
    position: "reply-digit-1",
    value: "1",
    label: "Positive preliminary (unused in SMTP)",
    meaning:
      "Inherited from FTP: accepted, but waiting for a confirmation before anything happens. No SMTP command uses it, so a server must never begin a reply with 1.",
    references: [REPLY, "RFC 5321 §4.3.2"],
  },
  {
    position: "reply-digit-1",
    value: "2",
    label: "Positive completion",
    meaning: "Done: the request succeeded and the client may go on with its next command.",
    references: [REPLY],
  },
  {
    position: "reply-digit-1",
    value: "3",
    label: "Positive intermediate",
    meaning:
      "Accepted so far; the server needs more input before it can finish, such as the message text after DATA (354) or an answer during AUTH (334).",
    references: [REPLY, "RFC 4954 §4"],
  },
  {
    position: "reply-digit-1",
    value: "4",
    label: "Transient negative completion",
    meaning:
      "Not done this time, but the cause is expected to pass: keep the message and try the same request again later.",
    references: [REPLY],
  },
  {
    position: "reply-digit-1",
    value: "5",
    label: "Permanent negative completion",
    meaning:
      "Not done, and repeating exactly the same request will fail the same way; something must change before trying again.",
    references: [REPLY],
  },
  {
    position: "reply-digit-1",
    value: "*",
    label: "Clients act on the first digit",
    meaning: rule("reply-client-rule").meaning,
    references: rule("reply-client-rule").references,
  },
  {
    position: "reply-digit-2",
    value: "0",
    label: "Syntax",
    meaning:
      "Syntax problems, commands that belong to no other group, and commands that are not implemented or not needed.",
    references: [REPLY],
  },
  {
    position: "reply-digit-2",
    value: "1",
    label: "Information",
    meaning: "Answers to requests for information, such as status reports or help.",
    references: [REPLY],
  },
  {
    position: "reply-digit-2",
    value: "2",
    label: "Connections",
    meaning:
      "About the transmission channel itself: the greeting, closing, or the service being unavailable.",
    references: [REPLY],
  },
  {
    position: "reply-digit-2",
    value: "3",
    label: "Unspecified (used by extensions)",
    meaning: "RFC 5321 gives this value no category; extensions put it to use, e.g. AUTH's 334, 235 and 535.",
    references: [REPLY],
  },
  {
    position: "reply-digit-2",
    value: "4",
    label: "Unspecified",
    meaning: "RFC 5321 assigns no category to this second digit.",
    references: [REPLY],
  },
  {
    position: "reply-digit-2",
    value: "5",
    label: "Mail system",
    meaning:
      "Reports on the receiving mail system: whether it can carry out the transfer or other mail action asked for.",
    references: [REPLY],
  },
  {
    position: "reply-digit-3",
    value: "*",
    label: "Finer distinction",
    meaning: "Separates replies within the group set by the second digit; on its own it means nothing.",
    references: [REPLY],
  },
  {
    position: "enhanced-class",
    value: "2",
    label: "Success",
    meaning: "A positive report; the detail may mention something changed on the way, such as a conversion.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-class",
    value: "4",
    label: "Persistent transient failure",
    meaning:
      "The message itself is fine, but a temporary condition that has lasted has delayed or stopped delivery; a later attempt may get through.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-class",
    value: "5",
    label: "Permanent failure",
    meaning:
      "Sending the same message the same way again will not work; the message or the destination must change.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-class",
    value: "*",
    label: "Class agrees with the reply code",
    meaning: rule("enhanced-class-vs-reply").meaning,
    references: rule("enhanced-class-vs-reply").references,
  },
  {
    position: "enhanced-subject",
    value: "0",
    label: "Other or undefined",
    meaning: "No information about which part of the system the status concerns.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-subject",
    value: "1",
    label: "Addressing",
    meaning:
      "About the sender or recipient address: its syntax or whether it is valid. The sender can usually fix it.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-subject",
    value: "2",
    label: "Mailbox",
    meaning:
      "About the recipient's mailbox, something under the recipient's control (full, disabled, too small).",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-subject",
    value: "3",
    label: "Mail system",
    meaning:
      "About the receiving system as a whole, something its administrator controls (storage, size limits, features).",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-subject",
    value: "4",
    label: "Network and routing",
    meaning: "About the delivery path: connections, routing, and directory look-ups such as DNS.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-subject",
    value: "5",
    label: "Mail delivery protocol",
    meaning: "About the SMTP conversation itself: invalid commands, syntax, arguments, sequence.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-subject",
    value: "6",
    label: "Message content or media",
    meaning: "About the content: media types, conversions and encodings.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-subject",
    value: "7",
    label: "Security or policy",
    meaning:
      "About security and policy: spam and content filters, sender authentication, permissions, encryption.",
    references: [ENHANCED, REGISTRY],
  },
  {
    position: "enhanced-detail",
    value: "*",
    label: "Detail",
    meaning:
      "Numbers a particular condition within the subject (X.1.1 is a bad mailbox address) and only means something together with it. A detail a program does not know should be reported by its subject alone.",
    references: [ENHANCED],
  },
];

function digitInfo(position: DigitInfo["position"], value: string): DigitInfo | undefined {
  return DIGITS.find((entry) => entry.position === position && entry.value === value);
}

/**
 * The meaning of each digit of a three-digit reply code. A digit without a defined meaning
 * (first digit 0 or 6-9, second digit 6-9) is left out; a value that is not a three-digit
 * integer gives an empty object.
 *
 * @example
 * ```ts
 * const digits = describeBasicDigits(452);
 * digits.first?.label; // "Transient negative completion"
 * digits.second?.label; // "Mail system"
 * ```
 */
export function describeBasicDigits(code: number): {
  first?: DigitInfo;
  second?: DigitInfo;
  third?: DigitInfo;
} {
  if (!Number.isInteger(code) || code < 100 || code > 999) return {};
  const text = String(code);
  const result: { first?: DigitInfo; second?: DigitInfo; third?: DigitInfo } = {};
  const first = digitInfo("reply-digit-1", text.charAt(0));
  const second = digitInfo("reply-digit-2", text.charAt(1));
  const third = digitInfo("reply-digit-3", "*");
  if (first) result.first = first;
  if (second) result.second = second;
  if (third) result.third = third;
  return result;
}

/**
 * The meaning of the class and subject of an enhanced status code (RFC 3463 §2). Unknown
 * values are left out.
 *
 * @example
 * ```ts
 * const parts = describeEnhancedDigits(5, 7);
 * parts.class?.label; // "Permanent failure"
 * parts.subject?.label; // "Security or policy"
 * ```
 */
export function describeEnhancedDigits(
  cls: number,
  subject: number,
): { class?: DigitInfo; subject?: DigitInfo } {
  const result: { class?: DigitInfo; subject?: DigitInfo } = {};
  const classInfo = Number.isInteger(cls) ? digitInfo("enhanced-class", String(cls)) : undefined;
  const subjectInfo = Number.isInteger(subject) ? digitInfo("enhanced-subject", String(subject)) : undefined;
  if (classInfo) result.class = classInfo;
  if (subjectInfo) result.subject = subjectInfo;
  return result;
}
