/**
 * Reading a whole regular file as a binary string (one character per byte, as parseBounce
 * and splitMbox take it) with as few system calls as possible: open, one read into a buffer
 * kept between calls, close. `readFileSync` also asks the file's size (fstat) and allocates
 * a fresh buffer per file; over a Maildir of small bounces those were a tenth of the time.
 */
import { closeSync, openSync, readSync } from "node:fs";

/** Buffers up to this size are kept for the next file; a bigger one is dropped after use. */
const KEEP_LIMIT = 1024 * 1024;
let kept = Buffer.allocUnsafe(64 * 1024);

/**
 * The bytes of the regular file at `path` as a binary string. `expectedSize` (from the
 * directory listing's stat) sizes the buffer so that one read usually returns the whole
 * file and none is needed to learn that it ended; a file that has grown since is still
 * read to its end.
 */
export function readBinaryFile(path: string, expectedSize = 0): string {
  let buffer = kept.length > expectedSize ? kept : Buffer.allocUnsafe(expectedSize + 1);
  let length = 0;
  const fd = openSync(path, "r");
  try {
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
      if (read === 0) break;
      // A short read that reaches the size the listing gave is the end of a regular file;
      // without a size (0: empty, or a file such as /proc's that does not know its own),
      // read on until the system says end of file.
      if (expectedSize > 0 && length >= expectedSize && length < buffer.length) break;
    }
  } finally {
    closeSync(fd);
  }
  if (buffer.length <= KEEP_LIMIT) kept = buffer;
  return buffer.toString("latin1", 0, length);
}
