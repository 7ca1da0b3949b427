import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mapArray } from "./arrays.js";

describe("mapArray", () => {
  it("gives what Array.prototype.map gives, in order, with each item's index", () => {
    const items = ["a", "b", "", "d"];
    assert.deepEqual(
      mapArray(items, (item, index) => `${index}:${item}`),
      items.map((item, index) => `${index}:${item}`),
    );
    assert.deepEqual(
      mapArray([], (item: string) => item),
      [],
    );
  });

  it("leaves its input as it was and returns a new array", () => {
    const items = [1, 2, 3];
    const out = mapArray(items, (n) => n * 2);
    assert.deepEqual(items, [1, 2, 3]);
    assert.deepEqual(out, [2, 4, 6]);
    assert.notEqual(out, items);
  });
});
