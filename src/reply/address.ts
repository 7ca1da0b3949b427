/**
 * Mail addresses inside free text, found from their "@" outwards, so that the cost stays
 * linear whatever the text (no regular expression backtracking over long runs of letters).
 */

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLocalChar(c: number): boolean {
  return (
    isAlnum(c) ||
    c === 46 ||
    c === 95 ||
    c === 45 ||
    c === 43 ||
    c === 37 ||
    c === 61 ||
    c === 42 ||
    isInternationalChar(c)
  );
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45 || isInternationalChar(c);
}

/**
 * A character beyond ASCII that may be part of an internationalised address (RFC 6531):
 * not the Latin-1 controls and symbols (U+0080-U+00BF), the spaces and punctuation of
 * U+2000-U+206F, the ideographic space, or U+FFFD, which stands for bytes that were not
 * text: binary junk must not read as an address.
 */
function isInternationalChar(c: number): boolean {
  return c > 0xbf && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000 && c !== 0xfffd;
}

/** The address around the "@" at index `at`, or null when there is none. */
export function addressAround(text: string, at: number): string | null {
  let start = at;
  while (start > 0 && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
  while (start < at && text.charCodeAt(start) === 46) start++;
  let end = at + 1;
  while (end < text.length && end - at < 255 && isDomainChar(text.charCodeAt(end))) end++;
  while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
  if (start === at || end <= at + 2) return null;
  const domain = text.slice(at + 1, end);
  if (domain.indexOf(".") < 0 ? domain.toLowerCase() !== "localhost" : !isHostName(domain)) return null;
  return text.slice(start, end);
}

/**
 * Whether a dotted domain is a host name (RFC 1035 §2.3.1, also for the Unicode labels of
 * RFC 5890): no empty label, and none that starts or ends with "-". "user@.x4x" and
 * "a@b.-c" in binary junk are not addresses. (One-letter last labels are kept: anonymised
 * bounces write "a.b.c".)
 */
function isHostName(domain: string): boolean {
  let labelStart = 0;
  for (let i = 0; i <= domain.length; i++) {
    if (i < domain.length && domain.charCodeAt(i) !== 46) continue;
    if (i === labelStart || domain.charCodeAt(labelStart) === 45 || domain.charCodeAt(i - 1) === 45)
      return false;
    if (i === domain.length) return true;
    labelStart = i + 1;
  }
  return false;
}

/** Addresses in a text, in order of appearance, without duplicates (compared lower-cased). */
export function addressesIn(text: string, limit = 100): string[] {
  const out: string[] = [];
  // Lower-cased keys of `out`: most texts name one or two addresses, so a list is enough
  // until there are many.
  const keys: string[] = [];
  let seen: Set<string> | null = null;
  for (let at = text.indexOf("@"); at >= 0 && out.length < limit; at = text.indexOf("@", at + 1)) {
    const address = addressAround(text, at);
    if (address === null) continue;
    const key = address.toLowerCase();
    if (seen !== null ? seen.has(key) : keys.includes(key)) continue;
    out.push(address);
    if (seen !== null) seen.add(key);
    else {
      keys.push(key);
      if (keys.length === 16) seen = new Set(keys);
    }
  }
  return out;
}
