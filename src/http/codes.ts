/**
 * The catalogue of every code for the list endpoint and the browsable table: one row per
 * knowledge-base entry, with its JSON (the same serialiser as `list --json`) computed once.
 */
import { listBasicCodes, listEnhancedCodes } from "../codes/lookup.js";
import type { CodeStatus } from "../codes/types.js";
import { basicCodeJson, enhancedCodeJson } from "../present/json.js";

export interface CodeRow {
  kind: "basic" | "enhanced";
  code: string;
  title: string;
  status: CodeStatus;
  meaning: string;
  /** Lower-cased code, title and meaning, for search. */
  haystack: string;
  json: Record<string, unknown>;
}

/** Statuses that mean "defined by an RFC or the IANA registry". */
const STANDARD_STATUSES: ReadonlySet<CodeStatus> = new Set([
  "standard",
  "extension",
  "association-only",
  "experimental",
  "historic",
]);

/** Whether a status gets the "standard" badge (defined somewhere official) or not. */
export function isStandard(status: string): boolean {
  return STANDARD_STATUSES.has(status as CodeStatus);
}

let rows: CodeRow[] | null = null;

/** Every code: basic codes in numeric order, then the enhanced registry, then codes from the wild. */
export function codeRows(): readonly CodeRow[] {
  if (rows === null) {
    rows = [
      ...listBasicCodes().map(
        (entry): CodeRow => ({
          kind: "basic",
          code: String(entry.code),
          title: entry.title,
          status: entry.status,
          meaning: entry.meaning,
          haystack: `${entry.code}\n${entry.title}\n${entry.meaning}`.toLowerCase(),
          json: basicCodeJson(entry),
        }),
      ),
      ...listEnhancedCodes().map(
        (entry): CodeRow => ({
          kind: "enhanced",
          code: entry.code,
          title: entry.title,
          status: entry.status,
          meaning: entry.meaning,
          haystack: `${entry.code}\n${entry.title}\n${entry.meaning}`.toLowerCase(),
          json: enhancedCodeJson(entry),
        }),
      ),
    ];
  }
  return rows;
}

export interface CodeFilter {
  kind?: "basic" | "enhanced" | undefined;
  /** "standard": defined by an RFC or the registry; "non-standard": seen in the wild or not SMTP. */
  status?: "standard" | "non-standard" | undefined;
  /** Words to find in the code, title or meaning (all of them, any case). */
  q?: string | undefined;
}

/** The longest search text taken into account. */
export const MAX_SEARCH = 200;

/**
 * Search terms: words of the query, lower-cased. A concrete enhanced code ("5.7.26") also
 * finds the registry entry, which the registry writes with an X ("X.7.26").
 */
function terms(q: string): string[][] {
  return q
    .slice(0, MAX_SEARCH)
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => (/^[245]\.\d{1,3}\.\d{1,3}$/.test(word) ? [word, `x${word.slice(1)}`] : [word]));
}

export function filterCodes(filter: CodeFilter): CodeRow[] {
  const words = terms(filter.q ?? "");
  return codeRows().filter((row) => {
    if (filter.kind && row.kind !== filter.kind) return false;
    if (filter.status && isStandard(row.status) !== (filter.status === "standard")) return false;
    return words.every((alternatives) => alternatives.some((word) => row.haystack.includes(word)));
  });
}
