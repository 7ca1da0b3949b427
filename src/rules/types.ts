import type { Reason, RetryAdvice } from "../types.js";

/**
 * What a rule looks for. Phrases are matched case-insensitively on the reply text with
 * runs of white space folded to one space and typographic quotes made plain; they are
 * plain substrings, never regular expressions, so matching stays linear.
 */
export interface RuleMatch {
  /** At least one of these phrases must occur. */
  any?: readonly string[];
  /** Every group must be satisfied by at least one of its phrases (an AND of ORs). */
  all?: readonly (readonly string[])[];
  /** None of these phrases may occur. */
  not?: readonly string[];
  /** Basic reply codes: "550", "55x", "5xx". */
  code?: readonly string[];
  /** Enhanced codes: "5.7.26", "x.7.26" (any class), "x.7.*" (any detail). */
  enhanced?: readonly string[];
}

/**
 * One piece of knowledge about what a reply means. A rule is data: what it matches, the
 * verdict, the advice, where the knowledge comes from, and examples that must classify
 * as declared (a generic test checks every example).
 */
export interface Rule {
  /** Unique id, "<file>.<name>", e.g. "gmail.dmarc-reject". */
  id: string;
  /** Provider or MTA family the rule belongs to ("gmail"), or "generic". */
  provider: string;
  /** Only consider this rule when the reply was recognised as coming from `provider`. */
  requiresProvider?: boolean;
  match: RuleMatch;
  reason: Reason;
  /**
   * Whether retrying unchanged can succeed. "code" (the default) follows the reply code,
   * corrected by words such as "temporarily" or "permanently" in the text.
   */
  permanent?: boolean | "code";
  /** Override for suppressing the recipient; by default only dead-address reasons do, when permanent. */
  suppress?: boolean;
  retry?: RetryAdvice;
  /**
   * The words are vague ("Recipient address rejected", "Access denied"): when the reply also
   * carries a specific enhanced code, the code's meaning wins.
   */
  weak?: boolean;
  /**
   * The words identify the condition beyond doubt (a provider's own wording for an unknown
   * user): the SMTP command or a vague DSN status does not turn it into something else.
   */
  definite?: boolean;
  /** Higher wins when several rules match; ties go to the more specific (longer phrases). */
  priority?: number;
  /** Overrides of the reason's general meaning and advice, in our words. */
  meaning?: string;
  senderAction?: string;
  adminAction?: string;
  references?: readonly string[];
  /** Where the knowledge comes from (provider documentation URL, RFC, observation). */
  source?: string;
  /** Replies (our own wording in the provider's style) that this rule must decide. */
  examples: readonly string[];
}

/** A provider or MTA family and how to recognise its replies. */
export interface ProviderInfo {
  id: string;
  name: string;
  /** Phrases that only this provider's replies contain ("gsmtp", "protection.outlook.com"). */
  fingerprints: readonly string[];
  /** Recipient domains it hosts, and MX host suffixes, for hints from a bounce or log. */
  domains?: readonly string[];
  /** Where the provider documents its replies. */
  documentation?: string;
}

/** A rule file: one provider or family, its fingerprints and rules. */
export interface RuleSet {
  provider: ProviderInfo;
  rules: readonly Rule[];
}
