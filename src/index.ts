/**
 * smtpcodes: what an SMTP failure really means and what to do about it.
 *
 * The browser-safe core: no node: imports anywhere under src/ except cli/ and http/.
 */

export { isMbox, splitMbox } from "./bounce/mbox.js";
export { explainRecipient, MAX_MESSAGE_BYTES, parseBounce, parseBounces } from "./bounce/parse.js";
export type * from "./bounce/types.js";
export { BASIC_CODES } from "./codes/basic.js";
export { COMMAND_REPLIES, commandsForCode, isExpectedReply } from "./codes/commands.js";
export { DIGIT_RULES, DIGITS, describeBasicDigits, describeEnhancedDigits } from "./codes/digits.js";
export { ENHANCED_CODES } from "./codes/enhanced.js";
export { type EnhancedLookup, findEnhanced, parseEnhanced } from "./codes/enhanced-lookup.js";
export {
  type LookupKind,
  type LookupResult,
  listBasicCodes,
  listEnhancedCodes,
  lookup,
  type Permanence,
} from "./codes/lookup.js";
export { MYTHS, mythsFor } from "./codes/myths.js";
export type * from "./codes/types.js";
export { diagnoseReply, type ExplainOptions, explain, type ReplyLike } from "./reply/explain.js";
export { MAX_REPLY_LENGTH, parseReply } from "./reply/parse.js";
export { espCategories, REASON_INFO, type ReasonInfo } from "./reply/reasons.js";
export type { ProviderInfo, Rule, RuleMatch, RuleSet } from "./rules/types.js";
export type * from "./types.js";
export { REASONS, SMTP_COMMANDS } from "./types.js";
