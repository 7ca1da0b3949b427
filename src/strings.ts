/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a slice
 * of a long string as a pointer into its parent, so a long-lived cache keyed by slices of
 * messages would keep whole messages alive; keys go through this before they are stored.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
