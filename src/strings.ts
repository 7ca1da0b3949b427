/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a slice
 * of a long string as a pointer into its parent, so a long-lived cache keyed by slices of
 * messages would keep whole messages alive; keys go through this before they are stored.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * `text` without the characters at its end that `drop` accepts. A loop, because the regular
 * expression for it (a character class, "+", "$") backtracks into quadratic time on a long
 * run of those characters followed by another one.
 */
export function trimEndWhere(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters at its start that `drop` accepts. */
export function trimStartWhere(text: string, drop: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && drop(text.charAt(start))) start++;
  return start === 0 ? text : text.slice(start);
}

/**
 * `text` cut where the pattern "a character `isStart` accepts, then the rest of the text"
 * first matches (`text.replace(/[>\s].*$/, "")` for "[>\s]"), in linear time: "." stops at
 * line ends, so only a start after the last line end, or that line end itself, can match.
 */
export function cutAtFirst(text: string, isStart: (char: string) => boolean): string {
  // Native searches for the last line end: host names are short, but this runs often.
  const from = Math.max(
    0,
    text.lastIndexOf("\n"),
    text.lastIndexOf("\r"),
    text.lastIndexOf("\u2028"),
    text.lastIndexOf("\u2029"),
  );
  for (let i = from; i < text.length; i++) if (isStart(text.charAt(i))) return text.slice(0, i);
  return text;
}

/**
 * Runs of white space made one space, ends trimmed (`text.replace(/\s+/g, " ").trim()`),
 * without copying a text that has nothing to fold: most diagnostics have single spaces only.
 */
export function collapseWhiteSpace(text: string): string {
  return (FOLDABLE.test(text) ? text.replace(WHITE_RUNS, " ") : text).trim();
}

/** White space other than a single space: a tab, a line end, a no-break space, two spaces. */
const FOLDABLE = /[^\S ]| {2}/;
const WHITE_RUNS = /\s+/g;

/** White space as "\s" means it in a pattern; ASCII first, the rest (no-break and other spaces) by pattern. */
export function isWhiteSpace(char: string): boolean {
  const c = char.charCodeAt(0);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && WHITE.test(char);
}

const WHITE = /\s/;

/**
 * `text.slice(start, end).trim()` with one string made instead of two, and no call out of
 * optimized code: header and DSN field values are cut out of the message with their leading
 * space, and the readers do that for every field of every message.
 */
export function trimmedSlice(text: string, start: number, end: number): string {
  while (start < end && isTrimmedCode(text.charCodeAt(start))) start++;
  while (end > start && isTrimmedCode(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Whether String.prototype.trim removes this UTF-16 code unit (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimmedCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ">" or white space: where a host name written after "@" ends. */
export function isHostEnd(char: string): boolean {
  return char === ">" || isWhiteSpace(char);
}

/**
 * The text with each "(…)" comment replaced by `by`, as a global replace of the pattern
 * "(", any run of characters but ")", ")" would give it; with `spaces`, the white space
 * around each comment goes too. Linear time, where that regular expression takes quadratic
 * time over many "(" with no ")" after them.
 */
export function withoutComments(text: string, by: string, spaces = false): string {
  let open = text.indexOf("(");
  if (open < 0) return text;
  let out = "";
  let from = 0;
  while (open >= 0) {
    const close = text.indexOf(")", open + 1);
    // No ")" after this "(": none after any later one either.
    if (close < 0) break;
    const before = text.slice(from, open);
    out += (spaces ? before.trimEnd() : before) + by;
    from = close + 1;
    if (spaces) while (from < text.length && isWhiteSpace(text.charAt(from))) from++;
    open = text.indexOf("(", from);
  }
  return out + text.slice(from);
}

/** The text without a "(…)" comment at its end (and the white space around it), in linear time. */
export function withoutTrailingComment(text: string): string {
  const end = text.trimEnd().length - 1;
  if (end < 0 || text.charCodeAt(end) !== 41) return text;
  const open = text.indexOf("(", text.lastIndexOf(")", end - 1) + 1);
  return open < 0 || open > end ? text : text.slice(0, open).trimEnd();
}

/**
 * An empty table of strings keyed by names read from input (a DSN's fields, a Content-Type's
 * parameters): an object without prototype, which V8 keeps as a hash table. Every input has
 * its own names in its own order; as ordinary objects such tables took dozens of shapes and
 * made every read slow (megamorphic), and a name such as "constructor" or "__proto__" met
 * Object.prototype's.
 */
export function stringTable(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/**
 * A test for "the text contains one of these words" (literal, case as given): one regular
 * expression of the words as alternatives. Over a text that contains none of sixty words it
 * is several times faster than sixty `includes` (V8 scans once, skipping positions where no
 * word can start); it stays linear, with no quantifier to backtrack on.
 */
export function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map(escapeRegExp).join("|"));
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
