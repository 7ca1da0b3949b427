import type { EnhancedStatus } from "../types.js";

const DOT = 46;
const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * Reads an enhanced status code (RFC 3463 §2: class "." subject "." detail, class 2, 4 or 5,
 * subject and detail one to three digits) starting at `start`. The code must not be glued
 * to other digits or dots on either side, so IP addresses and version numbers are not
 * taken for codes. Returns the code and the index after it, or null.
 */
export function readEnhancedAt(text: string, start: number): { status: EnhancedStatus; end: number } | null {
  const c0 = text.charCodeAt(start);
  if (c0 !== 50 && c0 !== 52 && c0 !== 53) return null;
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    if (isDigit(before) || before === DOT) return null;
  }
  if (text.charCodeAt(start + 1) !== DOT) return null;
  let i = start + 2;
  let subject = 0;
  let digits = 0;
  while (digits < 4 && isDigit(text.charCodeAt(i))) {
    subject = subject * 10 + (text.charCodeAt(i) - ZERO);
    i++;
    digits++;
  }
  if (digits === 0 || digits > 3 || text.charCodeAt(i) !== DOT) return null;
  i++;
  let detail = 0;
  digits = 0;
  while (digits < 4 && isDigit(text.charCodeAt(i))) {
    detail = detail * 10 + (text.charCodeAt(i) - ZERO);
    i++;
    digits++;
  }
  if (digits === 0 || digits > 3) return null;
  const after = text.charCodeAt(i);
  // "5.1.1." followed by a digit is part of a longer dotted number (an IP address).
  if (after === DOT && isDigit(text.charCodeAt(i + 1))) return null;
  const cls = c0 - ZERO;
  return { status: { code: `${cls}.${subject}.${detail}`, class: cls, subject, detail }, end: i };
}
