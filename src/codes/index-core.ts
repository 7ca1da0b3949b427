import { basicCodeInfo } from "./basic.js";
import { findEnhanced } from "./enhanced-lookup.js";
import type { BasicCodeInfo, EnhancedCodeInfo } from "./types.js";

/** The knowledge base entry of a basic reply code, standard or seen in the wild. */
export function basicEntry(code: number): BasicCodeInfo | null {
  return basicCodeInfo(code) ?? null;
}

/**
 * The most specific entry for a concrete enhanced code: a code seen in the wild with its
 * own meaning ("5.7.509"), a provider range, else the registry detail ("X.7.26").
 */
export function enhancedEntry(code: string): EnhancedCodeInfo | null {
  let entry = memo.get(code);
  if (entry === undefined) {
    entry = findEnhanced(code).entry;
    // Real replies use a few hundred distinct codes; bound the memo anyway.
    if (memo.size > 4096) memo.clear();
    memo.set(code, entry);
  }
  return entry;
}

const memo = new Map<string, EnhancedCodeInfo | null>();
