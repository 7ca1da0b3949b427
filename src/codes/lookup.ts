import type { Finding, SmtpCommand } from "../types.js";
import { BASIC_CODES, basicCodeInfo } from "./basic.js";
import { commandsForCode } from "./commands.js";
import { DIGIT_RULES, DIGITS, describeBasicDigits, describeEnhancedDigits } from "./digits.js";
import { ENHANCED_CODES } from "./enhanced.js";
import { findEnhanced, parseEnhanced } from "./enhanced-lookup.js";
import { mythsFor } from "./myths.js";
import type { BasicCodeInfo, CodeStatus, DigitInfo, EnhancedCodeInfo, Myth } from "./types.js";

/** What kind of thing a lookup query named. */
export type LookupKind = "basic" | "enhanced" | "combined" | "digits" | "unknown";

/** Whether a code means a permanent failure, a temporary one, either, or no failure at all. */
export type Permanence = "permanent" | "temporary" | "either" | "not-a-failure" | "unknown";

/** Everything smtpcodes knows about a code, a pair of codes or a digit pattern. */
export interface LookupResult {
  /** The query as given. */
  query: string;
  kind: LookupKind;
  /** False when nothing is known about the query (not a code of any kind). */
  found: boolean;
  /** Normalised code(s): "535", "5.7.26", "450 4.2.0", "4xx". */
  code: string;
  title: string;
  meaning: string;
  status: CodeStatus | "pattern" | "unknown";
  permanence: Permanence;
  references: string[];
  /** Commands that may draw a basic code. */
  commands: SmtpCommand[];
  /** Basic codes paired with an enhanced code, or enhanced codes typical for a basic code. */
  related: string[];
  /** For non-standard codes: the code it most likely stands for. */
  likelyMeant: string | null;
  notes: string[];
  /** What common web pages claim about this code and what they get wrong. */
  myths: Myth[];
  /** Meaning of each digit. */
  digits: DigitInfo[];
  /** Inconsistencies in the query itself (e.g. a 450 paired with a 5.x.x code). */
  findings: Finding[];
  basic: BasicCodeInfo | null;
  enhanced: EnhancedCodeInfo | null;
  /** Registry meaning when `enhanced` is a provider's own use of the code. */
  registry: EnhancedCodeInfo | null;
}

const MAX_QUERY = 64;

function empty(query: string, code: string): LookupResult {
  return {
    query,
    kind: "unknown",
    found: false,
    code,
    title: "",
    meaning: "",
    status: "unknown",
    permanence: "unknown",
    references: [],
    commands: [],
    related: [],
    likelyMeant: null,
    notes: [],
    myths: [],
    digits: [],
    findings: [],
    basic: null,
    enhanced: null,
    registry: null,
  };
}

function permanenceOfBasic(code: number): Permanence {
  const first = Math.floor(code / 100);
  if (first === 5) return "permanent";
  if (first === 4) return "temporary";
  if (first === 2 || first === 3) return "not-a-failure";
  return "unknown";
}

function digitList(parts: { [key: string]: DigitInfo | undefined }): DigitInfo[] {
  return Object.values(parts).filter((d): d is DigitInfo => d !== undefined);
}

function lookupBasic(query: string, code: number): LookupResult {
  const result = empty(query, String(code));
  const entry = basicCodeInfo(code) ?? null;
  result.kind = "basic";
  result.digits = digitList(describeBasicDigits(code));
  result.myths = mythsFor(String(code));
  result.permanence = permanenceOfBasic(code);
  if (entry) {
    result.found = true;
    result.basic = entry;
    result.title = entry.title;
    result.meaning = entry.meaning;
    result.status = entry.status;
    result.references = [...entry.references];
    result.commands = entry.status === "not-smtp" ? [] : commandsForCode(code);
    result.related = [...(entry.enhanced ?? [])];
    result.likelyMeant = entry.likelyMeant ?? null;
    result.notes = [...(entry.notes ?? [])];
    if (entry.status === "not-smtp") result.permanence = "unknown";
  } else {
    const first = Math.floor(code / 100);
    result.found = first >= 2 && first <= 5;
    result.status = "non-standard";
    result.title = "Not defined by any RFC";
    result.meaning =
      first >= 2 && first <= 5
        ? `No RFC defines ${code}. A client reads an unknown code by its first digit alone (RFC 5321 §4.2.1): ${first === 5 ? "a permanent failure" : first === 4 ? "a temporary failure" : first === 3 ? "an intermediate reply" : "success"}.`
        : `${code} is not an SMTP reply code: the first digit of a reply is always 2, 3, 4 or 5 (RFC 5321 §4.2.1).`;
    result.references = ["RFC 5321 §4.2.1"];
    if (result.myths.length > 0) result.found = true;
  }
  return result;
}

function permanenceOfEnhanced(entry: EnhancedCodeInfo | null, cls: number | null): Permanence {
  if (cls === 2) return "not-a-failure";
  if (cls === 5) return "permanent";
  if (cls === 4) return "temporary";
  switch (entry?.usage) {
    case "permanent":
      return "permanent";
    case "transient":
      return "temporary";
    case "success":
      return "not-a-failure";
    case "both":
      return "either";
    default:
      return "unknown";
  }
}

function lookupEnhanced(query: string, code: string): LookupResult {
  const found = findEnhanced(code);
  const concrete = parseEnhanced(code);
  const entry = found.entry;
  const result = empty(query, concrete?.code ?? entry?.code ?? code.toUpperCase());
  result.kind = "enhanced";
  result.myths = mythsFor(code);
  const cls = concrete?.class ?? null;
  result.permanence = permanenceOfEnhanced(found.registryEntry ?? entry, cls);
  if (concrete) result.digits = digitList(describeEnhancedDigits(concrete.class, concrete.subject));
  else {
    const parts = code.toUpperCase().split(".");
    const subject = Number(parts[1]);
    if (Number.isInteger(subject)) result.digits = digitList(describeEnhancedDigits(Number.NaN, subject));
  }
  if (entry) {
    result.found = true;
    result.enhanced = entry;
    result.registry = found.registryEntry && found.registryEntry !== entry ? found.registryEntry : null;
    result.title = entry.title;
    result.meaning = entry.meaning;
    result.status = entry.status;
    result.references = [...entry.references];
    result.related = entry.basicCodes.map(String);
    result.notes = [...(entry.notes ?? [])];
    if (result.registry) {
      result.notes.push(`Registry meaning of ${result.registry.code}: ${result.registry.title}.`);
    }
    if (concrete && entry.kind === "detail" && entry.usage === "transient" && concrete.class === 5) {
      result.findings.push({
        id: "registry-expects-transient",
        severity: "info",
        message: `The registry describes ${entry.code} as useful only as a temporary failure; ${concrete.code} is sent as permanent.`,
      });
    }
  } else if (concrete) {
    result.found = true;
    result.status = "non-standard";
    const subject = found.subjectEntry;
    result.title = subject ? `Unregistered detail of ${subject.title.toLowerCase()}` : "Unregistered code";
    result.meaning = `${concrete.code} is not in the IANA registry. Its class says ${concrete.class === 5 ? "permanent failure" : concrete.class === 4 ? "temporary failure" : "success"}${subject ? `; its subject says: ${subject.meaning}` : "."}`;
    result.references = ["RFC 3463 §2"];
  } else if (result.myths.length > 0) {
    result.found = true;
  }
  return result;
}

function lookupCombined(query: string, basicCode: number, enhancedCode: string): LookupResult {
  const basic = lookupBasic(query, basicCode);
  const enhanced = lookupEnhanced(query, enhancedCode);
  const result: LookupResult = {
    ...enhanced,
    kind: "combined",
    code: `${basicCode} ${enhanced.code}`,
    found: basic.found || enhanced.found,
    commands: basic.commands,
    basic: basic.basic,
    digits: [...basic.digits, ...enhanced.digits],
    references: [...new Set([...enhanced.references, ...basic.references])],
    myths: [
      ...new Map(
        [...mythsFor(query), ...enhanced.myths, ...basic.myths].map((m) => [m.claims.join(), m]),
      ).values(),
    ],
    notes: [
      ...enhanced.notes,
      basic.basic
        ? `Basic code ${basicCode}: ${basic.basic.meaning}`
        : `Basic code ${basicCode}: ${basic.meaning}`,
    ],
  };
  const basicClass = Math.floor(basicCode / 100);
  const concrete = parseEnhanced(enhancedCode);
  if (concrete && concrete.class !== basicClass) {
    result.findings.push({
      id: "class-mismatch",
      severity: "warning",
      message: `${basicCode} and ${concrete.code} disagree: the enhanced class must match the reply's first digit (RFC 3463 §2, RFC 2034 §4).`,
      references: ["RFC 3463 §2", "RFC 2034 §4"],
    });
  }
  const associated = enhanced.enhanced?.basicCodes ?? [];
  if (
    associated.length > 0 &&
    !associated.includes(basicCode) &&
    enhanced.enhanced?.status !== "non-standard"
  ) {
    result.findings.push({
      id: "unusual-pairing",
      severity: "info",
      message: `The registry pairs ${enhanced.enhanced?.code} with ${associated.join(", ")}, not ${basicCode}.`,
    });
  }
  return result;
}

/** "4xx", "x1x", "x0z", "xyz", "3rd digit", "2.X.X", "X", "X.Y.Z": questions about digits. */
function lookupPattern(query: string, normalised: string): LookupResult | null {
  const result = empty(query, normalised);
  result.kind = "digits";
  result.status = "pattern";
  result.found = true;
  result.myths = mythsFor(query);
  const p = normalised.toLowerCase();
  let digits: DigitInfo[] = [];
  if (/^[1-5](?:xx|yz)$/.test(p)) {
    digits = DIGITS.filter((d) => d.position === "reply-digit-1" && d.value === p[0]);
    result.permanence = permanenceOfBasic(Number(p[0]) * 100);
  } else if (/^x[0-9][xz]$/.test(p)) {
    digits = DIGITS.filter((d) => d.position === "reply-digit-2" && d.value === p[1]);
    if (digits.length === 0) {
      result.meaning = `RFC 5321 §4.2.1 gives no meaning to second digit ${p[1]}.`;
      result.title = `Second digit ${p[1]}`;
    }
  } else if (p === "xyz" || p === "3rd digit" || p === "third digit" || p === "xxx") {
    digits = DIGITS.filter((d) => d.position.startsWith("reply-digit"));
    if (p !== "xyz" && p !== "xxx") digits = DIGITS.filter((d) => d.position === "reply-digit-3");
    const rule = DIGIT_RULES.find((r) => r.id === "reply-client-rule");
    if (rule && p !== "3rd digit" && p !== "third digit") result.notes.push(rule.meaning);
  } else if (/^[245]\.x\.x$/.test(p) || /^[245]\.xxx\.yyy$/.test(p)) {
    digits = DIGITS.filter((d) => d.position === "enhanced-class" && d.value === p[0]);
    result.permanence = p[0] === "5" ? "permanent" : p[0] === "4" ? "temporary" : "not-a-failure";
  } else if (p === "x" || p === "x.y.z" || p === "x.x.x") {
    digits = DIGITS.filter((d) => d.position.startsWith("enhanced"));
    for (const rule of DIGIT_RULES) if (rule.id.startsWith("enhanced")) result.notes.push(rule.meaning);
  } else if (/^x\.[0-7]\.(?:x|yyy)$/.test(p)) {
    digits = DIGITS.filter((d) => d.position === "enhanced-subject" && d.value === p[2]);
  } else {
    return null;
  }
  result.digits = digits;
  if (!result.title) result.title = digits.map((d) => d.label).join("; ");
  if (!result.meaning) result.meaning = digits.map((d) => d.meaning).join(" ");
  result.references = [...new Set(digits.flatMap((d) => d.references))];
  return result;
}

/**
 * Look up a code: a basic reply code ("535"), an enhanced status code ("5.7.26", "X.7.26"),
 * a pair ("450 4.2.0"), a digit pattern ("4xx", "x2x", "X.Y.Z"), or codes as web pages
 * write them ("500.0", "4xx/5xx"). Returns the RFC or registry meaning, the commands that
 * may draw it, its standing (standard, extension, non-standard, not SMTP) and the common
 * myths with their corrections. Never throws.
 *
 * @example
 * ```ts
 * import { lookup } from "smtpcodes";
 * const r = lookup("535");
 * r.title;                // "Authentication failed"
 * r.myths[0]?.likelyFrom; // "5.3.5": the "multiple servers using the same IP" myth
 * ```
 */
export function lookup(query: string): LookupResult {
  const raw = typeof query === "string" ? query : String(query ?? "");
  if (raw.length > MAX_QUERY) {
    const result = empty(raw.slice(0, MAX_QUERY), "");
    result.meaning = `Not a code: queries are at most ${MAX_QUERY} characters.`;
    return result;
  }
  const text = raw.trim().replace(/\s+/g, " ");
  // Several codes as pages write them: "4xx/5xx", "x3x/x4x".
  if (text.includes("/")) {
    const parts = text.split("/").map((part) => lookup(part));
    const result = empty(raw, text);
    result.kind = parts.every((part) => part.kind === "digits") ? "digits" : (parts[0]?.kind ?? "unknown");
    result.status = parts.every((part) => part.kind === "digits")
      ? "pattern"
      : (parts[0]?.status ?? "unknown");
    result.found = parts.some((part) => part.found);
    result.title = parts.map((part) => `${part.code}: ${part.title}`).join(" / ");
    result.meaning = parts.map((part) => `${part.code}: ${part.meaning}`).join(" ");
    result.digits = parts.flatMap((part) => part.digits);
    result.references = [...new Set(parts.flatMap((part) => part.references))];
    result.myths = mythsFor(text);
    return result;
  }
  const pair = /^([1-9][0-9]{2})[ -]#?([245x]\.[0-9]{1,3}\.[0-9]{1,3})$/i.exec(text);
  if (pair)
    return lookupCombined(
      raw,
      Number(pair[1]),
      (pair[2] as string).toLowerCase().startsWith("x")
        ? (pair[2] as string).toUpperCase()
        : (pair[2] as string),
    );
  if (/^[0-9]{3}$/.test(text)) return lookupBasic(raw, Number(text));
  // IIS sub-status style ("500.0") is HTTP, not SMTP.
  const iis = /^([0-9]{3})\.([0-9]{1,2})$/.exec(text);
  if (iis) {
    const result = lookupBasic(raw, Number(iis[1]));
    result.code = text;
    result.status = "not-smtp";
    result.myths = mythsFor(text);
    result.title = `Not an SMTP code (${result.code} is an HTTP/IIS sub-status form)`;
    result.meaning = `SMTP has no sub-status codes like ${text}; that notation belongs to HTTP servers (IIS). The SMTP reply ${iis[1]} means: ${result.basic?.meaning ?? "see the basic code"}`;
    result.found = true;
    return result;
  }
  const enhancedText = text.startsWith("#") ? text.slice(1) : text;
  if (
    parseEnhanced(enhancedText) ||
    /^x\.[0-9]{1,3}\.(?:[0-9]{1,3}|yyy)$/i.test(enhancedText) ||
    /^[245]\.xxx\.yyy$/i.test(enhancedText)
  ) {
    const concrete = parseEnhanced(enhancedText);
    if (concrete || /^x\.[0-9]{1,3}\.[0-9]{1,3}$/i.test(enhancedText))
      return lookupEnhanced(raw, enhancedText);
  }
  const pattern = lookupPattern(raw, text);
  if (pattern) return pattern;
  const result = empty(raw, text);
  result.myths = mythsFor(text);
  result.found = result.myths.length > 0;
  result.meaning = result.found
    ? "Not a code in itself; see the claims below."
    : "Not a reply code (three digits), an enhanced status code (class.subject.detail) or a digit pattern.";
  return result;
}

/** Every basic reply code smtpcodes knows, standard and non-standard, in numeric order. */
export function listBasicCodes(): readonly BasicCodeInfo[] {
  return BASIC_LIST;
}

/** Every enhanced status code entry: the IANA registry, then codes seen in the wild. */
export function listEnhancedCodes(): readonly EnhancedCodeInfo[] {
  return ENHANCED_CODES;
}

const BASIC_LIST = BASIC_CODES;
