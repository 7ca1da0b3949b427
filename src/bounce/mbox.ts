/**
 * mbox: messages one after another, each starting with a "From " line (RFC 4155). Lines
 * of a body that begin with "From " are usually escaped as ">From "; a "From " line only
 * separates messages at the start of the file or after an empty line.
 */

/** Whether a text starts like an mbox (a "From " envelope line). */
export function isMbox(text: string): boolean {
  return text.startsWith("From ");
}

/** Split an mbox into messages (without their "From " lines). A plain message gives itself. */
export function splitMbox(input: string): string[] {
  if (!isMbox(input)) return [input];
  // Old Mac files end lines with CR alone.
  const text = input.indexOf("\r") >= 0 && input.indexOf("\n") < 0 ? input.replace(/\r/g, "\n") : input;
  const messages: string[] = [];
  let start = text.indexOf("\n") + 1;
  if (start === 0) return [];
  let search = start;
  while (true) {
    const at = findSeparator(text, search);
    if (at < 0) {
      messages.push(text.slice(start));
      break;
    }
    messages.push(text.slice(start, at));
    const lineEnd = text.indexOf("\n", at);
    if (lineEnd < 0) break;
    start = lineEnd + 1;
    search = start;
  }
  return messages.filter((message) => message.trim() !== "");
}

/**
 * Position of the next "From " separator line, or -1: a "From " line after an empty line,
 * or one that looks like an envelope line ("From sender Thu Jul  2 12:05:05 2020") even
 * without the empty line, as some tools write them.
 */
function findSeparator(text: string, from: number): number {
  let at = text.indexOf("\nFrom ", from - 1);
  while (at >= 0) {
    const before = text.charCodeAt(at - 1);
    const before2 = text.charCodeAt(at - 2);
    if (before === 10 || (before === 13 && before2 === 10)) return at + 1;
    if (isEnvelopeLine(text, at + 1)) return at + 1;
    at = text.indexOf("\nFrom ", at + 1);
  }
  return -1;
}

/** "From <token> <date with hh:mm:ss>" within the first 120 characters of the line. */
function isEnvelopeLine(text: string, start: number): boolean {
  let end = text.indexOf("\n", start);
  if (end < 0 || end - start > 120) end = Math.min(text.length, start + 120);
  const line = text.slice(start + 5, end);
  const space = line.indexOf(" ");
  if (space <= 0) return false;
  return /\d\d:\d\d(:\d\d)?/.test(line.slice(space)) && /\b(19|20)\d\d\b/.test(line.slice(space));
}
