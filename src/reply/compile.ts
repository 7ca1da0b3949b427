import type { ProviderInfo, Rule, RuleSet } from "../rules/types.js";
import { PhraseMatcher } from "./matcher.js";

/** Words that turn a permanent-looking code into a temporary condition, and back. */
export const TEMPORARY_WORDS = [
  "|4.x.",
  "temporarily",
  "temporary",
  "try again later",
  "try later",
  "retry later",
  "please retry",
  "try again in",
  "currently unavailable",
  "busy",
  "essayer plus tard",
  "for the day",
  "this hour",
  "per hour",
  "hourly",
  "daily quota",
  "daily limit",
  "quota exceeded for today",
  "deferred",
  "greylist",
  "graylist",
] as const;

/** Words that put a retry days away (a daily quota, a block "for the day"). */
export const DAYS_WORDS = ["for the day", "daily", "24 hours", "per day", "today"] as const;
/** Words that put a retry minutes away (greylisting). */
export const MINUTES_WORDS = ["greylist", "graylist", "try again in", "minutes"] as const;

/** Bits of `CompiledRules.hints`. */
export const HINT = { temporary: 1, permanent: 2, days: 4, minutes: 8 } as const;

export const PERMANENT_WORDS = [
  // A status written by class only, as RFC 3463 writes classes ("5.X.X") and some MTAs
  // write their codes ("The reason for the problem: 5.x.0 - Message bounced by administrator").
  "|5.x.",
  "permanently",
  "will not succeed",
  "not going to try again",
  "permanent failure",
  "never accepts",
] as const;

interface CompiledCondition {
  groups: Int32Array[];
  not: Int32Array;
  codes: readonly string[] | null;
  enhanced: readonly string[] | null;
}

export interface CompiledRule {
  rule: Rule;
  index: number;
  condition: CompiledCondition;
  specificity: number;
  priority: number;
}

export interface CompiledRules {
  matcher: PhraseMatcher;
  rules: CompiledRule[];
  /** For each phrase id: the rules that use it in a positive group. */
  rulesByPhrase: Int32Array[];
  /** For each phrase id: providers it fingerprints. */
  providerByPhrase: (string | null)[];
  /** Per phrase id: HINT bits for words that shape permanence and retry timing. */
  hints: Uint8Array;
  providers: Map<string, ProviderInfo>;
  /** Position of each provider's set in the list: a lower rank wins when fingerprints of several match. */
  providerRank: Map<string, number>;
  /** Domain suffix → provider id, for hints (the first set to list a domain wins). */
  providerByDomain: Map<string, string>;
  /** Rules with no phrase at all: decided by codes only. */
  codeOnly: CompiledRule[];
}

/** Compile rule sets into one matcher and indexes. Throws on malformed rules (a programmer error). */
export function compileRules(sets: readonly RuleSet[]): CompiledRules {
  const phraseIds = new Map<string, number>();
  const phrases: string[] = [];
  const idOf = (phrase: string): number => {
    let id = phraseIds.get(phrase);
    if (id === undefined) {
      id = phrases.length;
      phrases.push(phrase);
      phraseIds.set(phrase, id);
    }
    return id;
  };

  const providers = new Map<string, ProviderInfo>();
  const providerRank = new Map<string, number>();
  const fingerprintOwners = new Map<number, string>();
  const domainProviders: [string, string][] = [];
  for (const set of sets) {
    if (providers.has(set.provider.id) && set.provider.fingerprints.length > 0) {
      throw new Error(`provider ${set.provider.id} declared twice`);
    }
    if (!providers.has(set.provider.id)) {
      providers.set(set.provider.id, set.provider);
      providerRank.set(set.provider.id, providerRank.size);
    }
    for (const fingerprint of set.provider.fingerprints)
      fingerprintOwners.set(idOf(fingerprint), set.provider.id);
    for (const domain of set.provider.domains ?? [])
      domainProviders.push([domain.toLowerCase(), set.provider.id]);
  }
  const hintIds: [number, number][] = [
    ...TEMPORARY_WORDS.map((w): [number, number] => [idOf(w), HINT.temporary]),
    ...PERMANENT_WORDS.map((w): [number, number] => [idOf(w), HINT.permanent]),
    ...DAYS_WORDS.map((w): [number, number] => [idOf(w), HINT.days]),
    ...MINUTES_WORDS.map((w): [number, number] => [idOf(w), HINT.minutes]),
  ];

  const seenIds = new Set<string>();
  const compiled: CompiledRule[] = [];
  for (const set of sets) {
    for (const rule of set.rules) {
      if (seenIds.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
      seenIds.add(rule.id);
      const groups: Int32Array[] = [];
      let specificity = 0;
      const addGroup = (group: readonly string[]) => {
        if (group.length === 0) throw new Error(`rule ${rule.id}: empty phrase group`);
        groups.push(Int32Array.from(group, idOf));
        specificity += Math.min(...group.map((p) => p.length));
      };
      if (rule.match.any) addGroup(rule.match.any);
      for (const group of rule.match.all ?? []) addGroup(group);
      if (rule.match.code) specificity += 3;
      if (rule.match.enhanced) specificity += 4;
      compiled.push({
        rule: sameShape(rule),
        index: compiled.length,
        condition: {
          groups,
          not: Int32Array.from(rule.match.not ?? [], idOf),
          codes: rule.match.code ?? null,
          enhanced: rule.match.enhanced ?? null,
        },
        specificity,
        priority: rule.priority ?? 0,
      });
    }
  }

  const matcher = new PhraseMatcher(phrases);
  const byPhrase: number[][] = phrases.map(() => []);
  const codeOnly: CompiledRule[] = [];
  for (const rule of compiled) {
    if (rule.condition.groups.length === 0) {
      codeOnly.push(rule);
      continue;
    }
    for (const group of rule.condition.groups) {
      for (const id of group) {
        const list = byPhrase[id] as number[];
        if (list[list.length - 1] !== rule.index) list.push(rule.index);
      }
    }
  }
  const hints = new Uint8Array(phrases.length);
  for (const [id, bit] of hintIds) hints[id] = (hints[id] as number) | bit;
  const providerByPhrase = phrases.map((_, id) => fingerprintOwners.get(id) ?? null);
  const providerByDomain = new Map<string, string>();
  for (const [domain, id] of domainProviders)
    if (!providerByDomain.has(domain)) providerByDomain.set(domain, id);
  return {
    matcher,
    rules: compiled,
    rulesByPhrase: byPhrase.map((list) => Int32Array.from(list)),
    providerByPhrase,
    hints,
    providers,
    providerRank,
    providerByDomain,
    codeOnly,
  };
}

/** Does a basic code match a pattern such as "550", "55x" or "5xx"? */
export function codeMatches(code: number | null, patterns: readonly string[]): boolean {
  if (code === null) return false;
  const text = String(code);
  for (const pattern of patterns) {
    let ok = pattern.length === 3;
    for (let i = 0; ok && i < 3; i++) {
      const p = pattern[i];
      if (p !== "x" && p !== text[i]) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

/** Does an enhanced code match "5.7.26", "x.7.26" or "x.7.*"? */
export function enhancedMatches(code: string | null, patterns: readonly string[]): boolean {
  if (code === null) return false;
  const [cls, subject, detail] = code.split(".");
  for (const pattern of patterns) {
    const [pc, ps, pd] = pattern.split(".");
    if ((pc === "x" || pc === cls) && (ps === "*" || ps === subject) && (pd === "*" || pd === detail))
      return true;
  }
  return false;
}

/**
 * The rule with every field present (undefined where the rule file leaves it out), in one
 * order: rules are written with whichever optional fields they need, and the explainer
 * reads a dozen fields of whichever rule won; on objects of hundreds of shapes each read
 * was a slow, megamorphic one.
 */
function sameShape(rule: Rule): Rule {
  return {
    id: rule.id,
    provider: rule.provider,
    requiresProvider: rule.requiresProvider,
    match: rule.match,
    reason: rule.reason,
    permanent: rule.permanent,
    suppress: rule.suppress,
    retry: rule.retry,
    weak: rule.weak,
    definite: rule.definite,
    priority: rule.priority,
    meaning: rule.meaning,
    senderAction: rule.senderAction,
    adminAction: rule.adminAction,
    references: rule.references,
    source: rule.source,
    examples: rule.examples,
  } satisfies { [Field in keyof Required<Rule>]: Rule[Field] };
}
