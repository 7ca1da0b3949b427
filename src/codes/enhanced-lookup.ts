/**
 * Lookups over the enhanced status code data in `enhanced.ts`: strict parsing of a code and
 * finding the entries that explain it. Indexes are built once, at module load.
 */
import type { EnhancedStatus } from "../types.js";
import { ENHANCED_CODE_RANGES, ENHANCED_CODES, PARSER_PSEUDO_CODES } from "./enhanced.js";
import type { EnhancedCodeInfo } from "./types.js";

/** Longest canonical code: "5.123.456". Anything longer is rejected before any work. */
const MAX_CODE_LENGTH = 9;

/**
 * Reads one part of a code: 1 to 3 digits, no leading zero unless the part is "0".
 * Returns the number, or -1 when the part is not canonical.
 */
function readPart(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 1 || length > 3) return -1;
  if (length > 1 && text.charCodeAt(start) === 48) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses a whole string as an enhanced status code, strictly as RFC 3463 §2 writes it:
 * class 2, 4 or 5, then subject and detail of one to three digits without leading zeros.
 * Surrounding white space is ignored; anything else (a prefix like "#", a trailing dot,
 * "5.01.1") gives null. Never throws.
 *
 * @example
 * ```ts
 * parseEnhanced("5.7.26"); // { code: "5.7.26", class: 5, subject: 7, detail: 26 }
 * parseEnhanced("5.01.1"); // null
 * parseEnhanced("3.1.1"); // null
 * ```
 */
export function parseEnhanced(text: string): EnhancedStatus | null {
  if (typeof text !== "string") return null;
  // Cheap bound first, so that hostile input costs nothing.
  if (text.length > 64) return null;
  const code = text.trim();
  if (code.length < 5 || code.length > MAX_CODE_LENGTH) return null;
  const cls = code.charCodeAt(0) - 48;
  if ((cls !== 2 && cls !== 4 && cls !== 5) || code.charCodeAt(1) !== 46) return null;
  const secondDot = code.indexOf(".", 2);
  if (secondDot < 0) return null;
  const subject = readPart(code, 2, secondDot);
  const detail = readPart(code, secondDot + 1, code.length);
  if (subject < 0 || detail < 0) return null;
  return { code, class: cls, subject, detail };
}

/** What `findEnhanced` knows about a code. */
export interface EnhancedLookup {
  /**
   * The most specific entry: a non-standard entry for this exact code (or for the provider
   * range it falls in, or a bounce-parser pseudo code), else the registry detail. Null when
   * neither exists (e.g. "5.7.999" outside any range).
   */
  entry: EnhancedCodeInfo | null;
  /** The registry detail for the same subject and detail ("X.7.26"), even when `entry` is a wild one. */
  registryEntry: EnhancedCodeInfo | null;
  /** The class entry ("5.XXX.YYY"); null for codes written with "X". */
  classEntry: EnhancedCodeInfo | null;
  /** The subject entry ("X.7.YYY"); null for subjects the registry does not define. */
  subjectEntry: EnhancedCodeInfo | null;
}

const byCode = new Map<string, EnhancedCodeInfo>();
for (const entry of ENHANCED_CODES) byCode.set(entry.code.toUpperCase(), entry);
const pseudoByCode = new Map<string, EnhancedCodeInfo>(
  PARSER_PSEUDO_CODES.map((entry) => [entry.code, entry]),
);

const NOTHING: EnhancedLookup = { entry: null, registryEntry: null, classEntry: null, subjectEntry: null };

function inRange(status: EnhancedStatus): EnhancedCodeInfo | null {
  for (const range of ENHANCED_CODE_RANGES) {
    if (
      range.class === status.class &&
      range.subject === status.subject &&
      status.detail >= range.first &&
      status.detail <= range.last
    ) {
      return byCode.get(range.code) ?? null;
    }
  }
  return null;
}

/** Looks up a registry-form code: "X.7.26", "x.7.26", "X.7.YYY" or "5.XXX.YYY". */
function findRegistryForm(code: string): EnhancedLookup {
  const upper = code.toUpperCase();
  const entry = byCode.get(upper) ?? null;
  if (upper.endsWith(".XXX.YYY")) {
    return entry ? { entry, registryEntry: entry, classEntry: entry, subjectEntry: null } : NOTHING;
  }
  const parts = upper.split(".");
  if (parts.length !== 3 || parts[0] !== "X") return NOTHING;
  const subjectEntry = byCode.get(`X.${parts[1]}.YYY`) ?? null;
  if (parts[2] === "YYY") return { entry: subjectEntry, registryEntry: null, classEntry: null, subjectEntry };
  // Only registry entries are written with "X"; check the detail part is canonical too.
  if (readPart(parts[2] ?? "", 0, (parts[2] ?? "").length) < 0) return NOTHING;
  return { entry, registryEntry: entry, classEntry: null, subjectEntry };
}

/**
 * Finds the entries that explain an enhanced status code. For a concrete code ("5.7.26")
 * a non-standard entry of that exact code wins over the registry meaning; the registry
 * detail is returned beside it. Registry notation ("X.7.26", "x.7.26") is accepted too.
 * Unknown details still get their class and subject entries. Never throws.
 *
 * @example
 * ```ts
 * findEnhanced("5.7.26").entry?.title; // "Multiple authentication checks failed"
 * findEnhanced("5.7.509").entry?.status; // "non-standard"
 * findEnhanced("5.7.999").subjectEntry?.code; // "X.7.YYY"
 * ```
 */
export function findEnhanced(code: string): EnhancedLookup {
  if (typeof code !== "string" || code.length > 64) return NOTHING;
  const trimmed = code.trim();
  const first = trimmed.charCodeAt(0);
  if (first === 88 || first === 120 || trimmed.toUpperCase().endsWith(".XXX.YYY")) {
    return findRegistryForm(trimmed);
  }
  const status = parseEnhanced(trimmed);
  if (status === null) return NOTHING;
  const registryEntry = byCode.get(`X.${status.subject}.${status.detail}`) ?? null;
  const entry = byCode.get(status.code) ?? inRange(status) ?? pseudoByCode.get(status.code) ?? registryEntry;
  return {
    entry,
    registryEntry,
    classEntry: byCode.get(`${status.class}.XXX.YYY`) ?? null,
    subjectEntry: byCode.get(`X.${status.subject}.YYY`) ?? null,
  };
}
