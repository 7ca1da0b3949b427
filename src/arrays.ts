/**
 * `items.map(fn)`, always built as a packed array. V8's own `map` (and `split`) return a
 * packed array when they run as builtins but a holey one when the optimizing compiler
 * inlines them, and code optimized for one kind is thrown away when it meets the other.
 * That happened to format modules' functions the first time they ran optimized: their
 * own `map`'s result had changed kind under them, so they were compiled twice.
 */
export function mapArray<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i] as T, i));
  return out;
}
