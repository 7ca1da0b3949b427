/**
 * Line reading for batch input that stays safe on hostile data: a line longer than the
 * limit is cut (the rest is skipped without being kept in memory), so a 1 GB line costs
 * no more memory than a short one. Accepts LF, CRLF and CR line ends.
 */
export interface InputLine {
  /** 1-based line number in the input. */
  number: number;
  text: string;
  /** True when the line was longer than the limit and was cut. */
  truncated: boolean;
}

export async function* readLines(
  stream: AsyncIterable<Buffer | string>,
  maxLength: number,
): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder("utf-8");
  let current = "";
  let truncated = false;
  let number = 0;
  let lastWasCR = false;
  const push = (piece: string) => {
    if (truncated) return;
    const room = maxLength - current.length;
    if (piece.length > room) {
      current += piece.slice(0, Math.max(0, room));
      truncated = true;
    } else current += piece;
  };
  for await (const chunk of stream) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 10 && lastWasCR) {
          // The LF of a CRLF pair split across two chunks: the CR already ended the line.
          lastWasCR = false;
          start = i + 1;
          continue;
        }
        push(text.slice(start, i));
        number++;
        yield { number, text: current, truncated };
        current = "";
        truncated = false;
        lastWasCR = c === 13;
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          i++;
          lastWasCR = false;
        }
        start = i + 1;
      } else lastWasCR = false;
    }
    push(text.slice(start));
  }
  const tail = decoder.decode();
  if (tail) push(tail);
  if (current !== "" || truncated) {
    number++;
    yield { number, text: current, truncated };
  }
}
