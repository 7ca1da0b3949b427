import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trimmedSlice } from "./strings.js";

describe("trimmedSlice", () => {
  it("cuts what slice(start, end).trim() cuts, for every UTF-16 code unit around a value", () => {
    for (let c = 0; c < 0x10000; c++) {
      const char = String.fromCharCode(c);
      const text = `x:${char}${char}value${char}y`;
      for (const [start, end] of [
        [2, text.length - 1],
        [2, text.length],
        [0, text.length],
        [3, 9],
      ] as const) {
        assert.equal(trimmedSlice(text, start, end), text.slice(start, end).trim(), `U+${c.toString(16)}`);
      }
    }
  });

  it("gives the empty string for a range of white space only, or an empty range", () => {
    assert.equal(trimmedSlice("a: \t \r\n", 2, 7), "");
    assert.equal(trimmedSlice("abc", 1, 1), "");
  });
});
