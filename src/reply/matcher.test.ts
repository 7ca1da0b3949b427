import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldText, PhraseMatcher } from "./matcher.js";

/** Letters and digits, after folding, for "|" word boundaries. */
function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const c = char.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c > 127;
}

/** What the matcher should find, the slow way: substring search in the folded text. */
function reference(phrases: readonly string[], text: string): number[] {
  const folded = ` ${foldText(text)} `;
  const found: number[] = [];
  phrases.forEach((phrase, id) => {
    const before = phrase.startsWith("|");
    const after = phrase.endsWith("|") && phrase.length > 1;
    const core = foldText(phrase.slice(before ? 1 : 0, after ? -1 : undefined));
    for (let at = folded.indexOf(core); at >= 0; at = folded.indexOf(core, at + 1)) {
      if (before && isWordChar(folded[at - 1])) continue;
      if (after && isWordChar(folded[at + core.length])) continue;
      found.push(id);
      return;
    }
  });
  return found;
}

describe("PhraseMatcher", () => {
  // ASCII phrases use the dense table; Cyrillic, CJK, Korean and "ł" take the sparse path.
  const phrases = [
    "user unknown",
    "unknown",
    "mailbox full",
    "|spam|",
    "|rbl",
    "ab",
    "a b",
    "b",
    "ящик переполнен",
    "пользователь не найден",
    "переполнен",
    "用户不存在",
    "不存在",
    "존재하지 않는 사용자",
    "skrzynka pełna",
    "|pełna|",
    "über",
    "nieznany użytkownik",
  ];
  const matcher = new PhraseMatcher(phrases);
  // All but the first state, or the first three, take the deep states' path (edges and
  // failure links instead of a full row): the same answers.
  const narrow = [1, 3].map((shallowStates) => new PhraseMatcher(phrases, { shallowStates }));
  const out = new Int32Array(64);
  const scanWith = (m: PhraseMatcher, text: string) =>
    [...out.subarray(0, m.scan(text, out))].sort((a, b) => a - b);
  const scan = (text: string) => scanWith(matcher, text);

  it("finds what a plain substring search of the folded text finds", () => {
    const pieces = [
      ...phrases.map((phrase) => phrase.replace(/\|/g, "")),
      " ",
      "  ",
      "x",
      "Ü",
      "ы",
      "用",
      "ł",
      "SPAM",
      "RBL",
      "\u00a0",
      "-",
      "5",
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let k = random(8); k >= 0; k--) {
        const piece = pieces[random(pieces.length)] as string;
        // Whole pieces, and cut ones, so that matches start and stop anywhere.
        text += random(3) === 0 ? piece.slice(random(piece.length + 1)) : piece;
      }
      const expected = reference(phrases, text);
      assert.deepEqual(scan(text), expected, JSON.stringify(text));
      for (const m of narrow) assert.deepEqual(scanWith(m, text), expected, JSON.stringify(text));
    }
  });

  it("does not step along a phrase on a character no phrase holds", () => {
    // "5" is in no phrase: after any phrase, or in the middle of one, it sends the scan back.
    const plain = phrases.map((phrase) => phrase.replace(/\|/g, ""));
    for (const m of [matcher, ...narrow]) {
      for (const p of plain) {
        for (const q of plain) {
          const text = `${p}5${q.slice(1)}5${q}`;
          assert.deepEqual(scanWith(m, text), reference(phrases, text), text);
        }
      }
    }
  });

  it("reads accents, case and runs of white space the way the phrases are written", () => {
    const names = (text: string) => scan(text).map((id) => phrases[id]);
    assert.deepEqual(names("552 Почтовый ЯЩИК  переполнен"), ["ящик переполнен", "переполнен"]);
    assert.deepEqual(names("550 用户不存在"), ["用户不存在", "不存在"]);
    assert.deepEqual(names("Skrzynka PEŁNA!"), ["skrzynka pełna", "|pełna|"]);
    assert.deepEqual(names("anti-spam: Über"), ["|spam|", "b", "über"]);
    assert.deepEqual(names("antispam"), []);
  });
});
