import { parseEnhanced } from "../codes/enhanced-lookup.js";
import { basicEntry, enhancedEntry } from "../codes/index-core.js";
import { RULE_SETS } from "../rules/index.js";
import { detached } from "../strings.js";
import type { Diagnosis, Finding, Reason, Reply, RetryAdvice, SmtpCommand } from "../types.js";
import {
  type CompiledRule,
  type CompiledRules,
  codeMatches,
  compileRules,
  enhancedMatches,
  HINT,
} from "./compile.js";
import { codeFindings } from "./findings.js";
import { parseReply } from "./parse.js";
import { espCategories, REASON_INFO } from "./reasons.js";

/** Context that helps to read a reply: who wrote it and what it answered. */
export interface ExplainOptions {
  /** Provider id ("gmail", "microsoft") or a domain or host name of the receiving side. */
  provider?: string;
  /** The recipient address the reply was about; its domain hints at the provider. */
  recipient?: string;
  /** Host name of the server that replied (a DSN's Remote-MTA); hints at the provider. */
  remoteMta?: string;
  /** The command the reply answered, when known. */
  command?: SmtpCommand;
  /** Enhanced status from a DSN's Status field, used when the text carries none. */
  status?: string;
  /**
   * A DSN's Action field. "failed" with a temporary (4.x.x) status means the sending MTA
   * gave up after retrying: the reason becomes `expired`, whatever the last error said.
   */
  action?: string;
}

/** The shape of a nodemailer error (or any object with a reply in it). */
export interface ReplyLike {
  response?: unknown;
  responseCode?: unknown;
  command?: unknown;
  code?: unknown;
  message?: unknown;
  reply?: unknown;
}

let compiled: CompiledRules | null = null;

/** The rule with this id, or null (for code fallbacks and derived ids). */
export function ruleById(id: string): CompiledRule["rule"] | null {
  const compiledRules = rules();
  if (ruleIndex === null) ruleIndex = new Map(compiledRules.rules.map((r) => [r.rule.id, r.rule]));
  const inner = /\(([^()]*)\)$/.exec(id);
  return ruleIndex.get(id) ?? (inner ? (ruleIndex.get(inner[1] as string) ?? null) : null);
}

let ruleIndex: Map<string, CompiledRule["rule"]> | null = null;

/** Compiled rules, built on first use so that importing the package costs nothing. */
export function rules(): CompiledRules {
  if (compiled === null) compiled = compileRules(RULE_SETS);
  return compiled;
}

const MATCH_LIMIT = 4096;
let matchBuffer = new Int32Array(256);
let candidateStamp = new Uint32Array(0);
let candidateEpoch = 0;

const NODEMAILER_COMMANDS: Record<string, SmtpCommand> = {
  "RCPT TO": "RCPT",
  "MAIL FROM": "MAIL",
  DATA: "DATA-END",
  EHLO: "EHLO",
  HELO: "HELO",
  CONN: "CONNECT",
  STARTTLS: "STARTTLS",
  "AUTH PLAIN": "AUTH",
  "AUTH LOGIN": "AUTH",
  "AUTH XOAUTH2": "AUTH",
  "AUTH CRAM-MD5": "AUTH",
  API: "DATA-END",
};

/** Nodemailer error codes that carry no reply but still say what happened. */
const NODEMAILER_CODES: Record<string, { reason: Reason; permanent: boolean; meaning: string }> = {
  ETIMEDOUT: { reason: "networkerror", permanent: false, meaning: "The connection to the server timed out." },
  ECONNECTION: {
    reason: "networkerror",
    permanent: false,
    meaning: "The connection to the server failed or was closed.",
  },
  ESOCKET: { reason: "networkerror", permanent: false, meaning: "A network error broke the connection." },
  EDNS: {
    reason: "networkerror",
    permanent: false,
    meaning: "The server's host name could not be resolved.",
  },
  ETLS: {
    reason: "failedstarttls",
    permanent: false,
    meaning: "The TLS handshake or STARTTLS upgrade failed.",
  },
  EAUTH: { reason: "securityerror", permanent: true, meaning: "The server refused the login (SMTP AUTH)." },
  ENOAUTH: {
    reason: "securityerror",
    permanent: true,
    meaning: "The server requires authentication but none was configured.",
  },
};

interface Input {
  text: string;
  code: number | null;
  command: SmtpCommand | null;
  errorCode: string | null;
  message: string | null;
}

function readInput(input: unknown): Input {
  if (typeof input === "string")
    return { text: input, code: null, command: null, errorCode: null, message: null };
  if (input !== null && typeof input === "object") {
    const o = input as ReplyLike;
    const text = typeof o.response === "string" ? o.response : typeof o.reply === "string" ? o.reply : "";
    const code =
      typeof o.responseCode === "number" && o.responseCode >= 200 && o.responseCode < 600
        ? o.responseCode
        : null;
    const command =
      typeof o.command === "string" ? (NODEMAILER_COMMANDS[o.command.toUpperCase()] ?? null) : null;
    return {
      text,
      code,
      command,
      errorCode: typeof o.code === "string" ? o.code : null,
      message: typeof o.message === "string" ? o.message : null,
    };
  }
  return {
    text: input === undefined || input === null ? "" : String(input),
    code: null,
    command: null,
    errorCode: null,
    message: null,
  };
}

/**
 * Explain an SMTP reply: what it means, whether it is permanent, whether to stop mailing the
 * recipient, when to retry and what each side should do. Takes the reply text (one or many
 * lines), a nodemailer error object as it comes (`response`, `responseCode`, `command`), or
 * `{ reply }`. Never throws.
 *
 * Text beats code: providers misuse codes (Gmail's "550 5.2.1 ... receiving mail at a rate
 * that prevents additional messages" is a rate limit, not a disabled mailbox), so rules
 * read the words first; the registry meaning of the enhanced code, then the basic code,
 * decide only when no rule recognises the text.
 *
 * @example
 * ```ts
 * import { explain } from "smtpcodes";
 * const d = explain("550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.");
 * d.reason;            // "authfailure"
 * d.permanent;         // true
 * d.suppressRecipient; // false
 * ```
 */
export function explain(input: unknown, options: ExplainOptions = {}): Diagnosis {
  const source = readInput(input);
  const reply = parseReply(source.text);
  if (reply.code === null && source.code !== null) reply.code = source.code;
  if (reply.command === null) reply.command = options.command ?? source.command;
  if (reply.enhanced === null && options.status) reply.enhanced = parseEnhanced(options.status);
  return diagnose(reply, options, source);
}

/** Classify an already parsed reply. */
export function diagnoseReply(reply: Reply, options: ExplainOptions = {}): Diagnosis {
  return diagnose(reply, options, null);
}

function diagnose(reply: Reply, options: ExplainOptions, source: Input | null): Diagnosis {
  const compiledRules = rules();
  const { matcher } = compiledRules;
  if (matchBuffer.length < 256) matchBuffer = new Int32Array(256);
  const count = matcher.scan(reply.text, matchBuffer, MATCH_LIMIT);
  const matched = matchBuffer.subarray(0, count);

  const provider = detectProvider(compiledRules, matched, options);
  let hints = 0;
  for (const id of matched) hints |= compiledRules.hints[id] as number;
  const temporaryWords = (hints & HINT.temporary) !== 0;
  const permanentWords = (hints & HINT.permanent) !== 0;

  const enhancedCode = reply.enhanced?.code ?? null;
  let best = bestRule(compiledRules, matched, reply.code, enhancedCode, provider);
  const fromCodes = codeFindings(reply);
  const findings: Finding[] =
    reply.findings.length === 0
      ? fromCodes
      : fromCodes.length === 0
        ? [...reply.findings]
        : [...reply.findings, ...fromCodes];

  let reason: Reason;
  let ruleId: string;
  let confidence: number;
  let permanentSetting: boolean | "code" = "code";
  let meaning: string | undefined;
  let senderAction: string | undefined;
  let adminAction: string | undefined;
  let references: string[] = [];
  let suppressSetting: boolean | undefined;
  let retrySetting: RetryAdvice | undefined;
  let ruleProvider: string | null = null;

  const enhancedInfo = enhancedCode ? enhancedEntry(enhancedCode) : null;
  const basicInfo = reply.code !== null ? basicEntry(reply.code) : null;
  const codeReason = enhancedCodeReason(reply, enhancedInfo);
  // Vague words ("Recipient address rejected", "Access denied") yield to a specific code.
  if (best?.rule.weak && codeReason !== null && codeReason !== best.rule.reason) best = null;

  if (best) {
    const rule = best.rule;
    reason = rule.reason;
    ruleId = rule.id;
    permanentSetting = rule.permanent ?? "code";
    meaning = rule.meaning;
    senderAction = rule.senderAction;
    adminAction = rule.adminAction;
    if (rule.references) references = rule.references.slice();
    suppressSetting = rule.suppress;
    retrySetting = rule.retry;
    if (rule.provider !== "generic") ruleProvider = rule.provider;
    confidence =
      rule.provider !== "generic" && provider === rule.provider
        ? 0.95
        : rule.provider !== "generic"
          ? 0.9
          : 0.85;
  } else if (source?.errorCode && !reply.code && NODEMAILER_CODES[source.errorCode]) {
    const known = NODEMAILER_CODES[source.errorCode] as (typeof NODEMAILER_CODES)[string];
    reason = known.reason;
    ruleId = `nodemailer.${source.errorCode}`;
    permanentSetting = known.permanent;
    meaning = known.meaning;
    confidence = 0.6;
  } else if (codeReason !== null && reply.enhanced) {
    reason = codeReason;
    ruleId =
      enhancedInfo?.reason === codeReason
        ? `code.enhanced.${enhancedInfo.code}`
        : `code.subject.X.${reply.enhanced.subject}`;
    confidence = enhancedInfo?.status === "non-standard" ? 0.7 : 0.6;
  } else if (reply.code !== null) {
    reason = basicCodeReason(reply.code);
    ruleId = `code.basic.${reply.code}`;
    confidence = reason === "undefined" ? 0.2 : 0.4;
  } else {
    reason = "undefined";
    ruleId = "none";
    confidence = 0;
  }

  if (
    reason === "userunknown" &&
    (reply.command === "DATA-END" || reply.command === "DATA") &&
    !best?.rule.definite &&
    !(reply.enhanced?.subject === 1 && reply.enhanced.detail === 1)
  ) {
    // The server accepted the recipient at RCPT TO and refused only after seeing the
    // message, so the mailbox exists: this is a filter at the recipient's side. Japanese
    // mobile carriers answer "550 User unknown" after DATA when the user's own filter
    // refuses the sender.
    reason = "filtered";
    ruleId = `command.after-data(${ruleId})`;
    meaning =
      "The server accepted this recipient at RCPT TO and refused the message only after DATA, so the mailbox exists: a filter on the recipient's side (their own block or allow list) refused it, even though the text says the user is unknown.";
    senderAction =
      "Do not remove the address for this; the recipient has to allow your sender address or domain.";
    suppressSetting = false;
  }
  let permanent = decidePermanence(permanentSetting, reply, reason, temporaryWords, permanentWords);
  if (
    options.action?.toLowerCase() === "failed" &&
    codeClass(reply) === 4 &&
    reason !== "expired" &&
    (WEAK_FOR_EXPIRY.has(reason) || !ruleDecidedByText(ruleId))
  ) {
    // The sending MTA retried a temporary failure until its queue lifetime ran out. A
    // specific cause named by the text (an unknown domain, a failed SPF check) stays the
    // reason: some reporters write a 4.x.x status on failures that never expired.
    meaning = `The sending system gave up after retrying; the last attempt failed with: ${REASON_INFO[reason].label.toLowerCase()}.`;
    reason = "expired";
    ruleId = `dsn.expired(${ruleId})`;
    permanent = false;
    suppressSetting = false;
    retrySetting = undefined;
  }
  const info = REASON_INFO[reason];
  const suppressRecipient = suppressSetting ?? (permanent && info.deadAddress);
  const retry = retrySetting ?? decideRetry(reason, permanent, suppressRecipient, hints);
  if (enhancedInfo?.references) references.push(...enhancedInfo.references);
  // The basic code's defining sections; extension notes would drown the useful ones.
  if (basicInfo?.references) references.push(...basicInfo.references.slice(0, 2));
  const recognised =
    best !== null || reply.code !== null || reply.enhanced !== null || ruleId.startsWith("nodemailer.");

  return {
    reason,
    permanent,
    suppressRecipient,
    retry,
    recognised,
    meaning:
      meaning ??
      (recognised
        ? info.meaning
        : "Nothing in this text was recognised as an SMTP reply: it has no reply code and no known wording."),
    senderAction: senderAction ?? info.senderAction,
    recipientAdminAction: adminAction ?? info.adminAction,
    references: dedupe(references),
    provider: provider ?? ruleProvider,
    ruleId,
    confidence,
    categories: espCategories(reason, permanent),
    code: reply.code,
    enhanced: enhancedCode,
    codeMeaning: enhancedInfo?.title ?? basicInfo?.title ?? null,
    findings,
    reply,
  };
}

function dedupe(list: string[]): string[] {
  const out: string[] = [];
  for (const item of list) if (!out.includes(item)) out.push(item);
  return out;
}

function detectProvider(
  compiledRules: CompiledRules,
  matched: Int32Array,
  options: ExplainOptions,
): string | null {
  const hinted = providerFromHint(compiledRules, options);
  if (hinted) return hinted;
  let best: string | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const id of matched) {
    const owner = compiledRules.providerByPhrase[id];
    if (!owner) continue;
    const rank = compiledRules.providerRank.get(owner) ?? Number.POSITIVE_INFINITY;
    if (rank < bestRank) {
      best = owner;
      bestRank = rank;
    }
  }
  return best;
}

function providerFromHint(compiledRules: CompiledRules, options: ExplainOptions): string | null {
  if (options.provider) {
    const id = options.provider.toLowerCase();
    if (compiledRules.providers.has(id)) return id;
    const found = providerOfHost(compiledRules, id);
    if (found !== null) return found;
  }
  if (options.remoteMta) {
    // "dns; mx.example.org" as DSNs write it; most are already bare lower-case names.
    let host = options.remoteMta;
    if (NOT_BARE_HOST.test(host)) host = host.toLowerCase().replace(/^dns;\s*/, "");
    const found = providerOfHost(compiledRules, host);
    if (found !== null) return found;
  }
  if (options.recipient) {
    const at = options.recipient.lastIndexOf("@");
    if (at >= 0) {
      let domain = options.recipient.slice(at + 1);
      if (NOT_BARE_HOST.test(domain)) domain = domain.toLowerCase().replace(/>$/, "");
      return providerOfHost(compiledRules, domain);
    }
  }
  return null;
}

/** Upper-case letters, white space, ";" or ">": a host name that needs cleaning first. */
const NOT_BARE_HOST = /[A-Z\s;>]/;

/** Hosts already looked up: a batch of bounces names the same few domains again and again. */
const hostProviders = new Map<string, string | null>();

function providerOfHost(compiledRules: CompiledRules, host: string): string | null {
  const known = hostProviders.get(host);
  if (known !== undefined) return known;
  // Try the host, then each parent domain: "mx1.mail.protection.outlook.com" finds
  // "protection.outlook.com" (the longest listed suffix wins).
  let found: string | null = null;
  let name = host;
  for (let guard = 0; guard < 20 && name !== ""; guard++) {
    const id = compiledRules.providerByDomain.get(name);
    if (id !== undefined) {
      found = id;
      break;
    }
    const dot = name.indexOf(".");
    if (dot < 0) break;
    name = name.slice(dot + 1);
  }
  if (hostProviders.size >= 10_000) hostProviders.clear();
  if (host.length <= 255) hostProviders.set(detached(host), found);
  return found;
}

function conditionHolds(
  rule: CompiledRule,
  code: number | null,
  enhanced: string | null,
  isMatched: (id: number) => boolean,
): boolean {
  const condition = rule.condition;
  if (condition.codes && !codeMatches(code, condition.codes)) return false;
  if (condition.enhanced && !enhancedMatches(enhanced, condition.enhanced)) return false;
  for (const group of condition.groups) {
    let any = false;
    for (const id of group) {
      if (isMatched(id)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  for (const id of condition.not) if (isMatched(id)) return false;
  return true;
}

function bestRule(
  compiledRules: CompiledRules,
  matched: Int32Array,
  code: number | null,
  enhanced: string | null,
  provider: string | null,
): CompiledRule | null {
  const total = compiledRules.rules.length;
  if (candidateStamp.length < total) candidateStamp = new Uint32Array(total);
  candidateEpoch++;
  if (candidateEpoch === 0xffffffff) {
    candidateStamp.fill(0);
    candidateEpoch = 1;
  }
  const epoch = candidateEpoch;
  const matcher = compiledRules.matcher;
  const isMatched = (id: number) => matcher.has(id);

  let best: CompiledRule | null = null;
  let bestScore = -Infinity;
  const consider = (rule: CompiledRule) => {
    if (rule.rule.requiresProvider && rule.rule.provider !== provider) return;
    if (!conditionHolds(rule, code, enhanced, isMatched)) return;
    const own = provider !== null && rule.rule.provider === provider ? 1 : 0;
    const score = rule.priority * 1_000_000 + own * 100_000 + rule.specificity * 100 - rule.index / 100_000;
    if (score > bestScore) {
      bestScore = score;
      best = rule;
    }
  };
  for (const id of matched) {
    for (const index of compiledRules.rulesByPhrase[id] as Int32Array) {
      if (candidateStamp[index] === epoch) continue;
      candidateStamp[index] = epoch;
      consider(compiledRules.rules[index] as CompiledRule);
    }
  }
  for (const rule of compiledRules.codeOnly) consider(rule);
  return best;
}

/** Subjects whose "other or undefined" detail (X.n.0) still names a reason. */
const SUBJECT_REASONS: Readonly<Record<number, Reason>> = {
  3: "systemerror",
  4: "networkerror",
  6: "contenterror",
};

/**
 * What the enhanced code alone says: the entry's reason for a specific detail (or a
 * server's own code), else the subject's reason for the few subjects where "other" still
 * means something. Null when the code says too little.
 */
function enhancedCodeReason(reply: Reply, entry: ReturnType<typeof enhancedEntry>): Reason | null {
  const status = reply.enhanced;
  if (status === null) return null;
  if (entry?.reason && (status.detail !== 0 || entry.status === "non-standard")) return entry.reason;
  if (status.detail === 0) return SUBJECT_REASONS[status.subject] ?? null;
  return null;
}

/** What a basic code alone suggests, when neither text nor enhanced code says more. */
function basicCodeReason(code: number): Reason {
  switch (code) {
    case 250:
    case 251:
    case 252:
      return "delivered";
    case 421:
    case 451:
      return "systemerror";
    case 452:
      return "systemfull";
    case 500:
    case 501:
    case 502:
    case 503:
    case 504:
    case 555:
      return "syntaxerror";
    case 521:
    case 556:
      return "notaccept";
    case 530:
    case 534:
    case 535:
    case 538:
    case 454:
    case 432:
      return "securityerror";
    case 551:
      return "hasmoved";
    case 552:
      return "mailboxfull";
    case 553:
      return "userunknown";
    default:
      return "undefined";
  }
}

function codeClass(reply: Reply): number | null {
  const basic = reply.code === null ? null : Math.floor(reply.code / 100);
  const enhanced = reply.enhanced?.class ?? null;
  if (basic !== null && enhanced !== null && basic !== enhanced && basic >= 4 && enhanced >= 4) {
    // One of them says temporary: the safe reading is temporary (and never suppress).
    return 4;
  }
  return basic ?? enhanced;
}

/** Reasons that say no more than "it did not work this time": a give-up turns them into `expired`. */
const WEAK_FOR_EXPIRY = new Set<Reason>(["undefined", "onhold"]);

function ruleDecidedByText(ruleId: string): boolean {
  return !(ruleId === "none" || ruleId.startsWith("code.") || ruleId.startsWith("nodemailer."));
}

/** Reasons that are permanent or temporary by nature when no code says otherwise. */
const PERMANENT_BY_NATURE = new Set<Reason>([
  "userunknown",
  "hostunknown",
  "hasmoved",
  "notaccept",
  "suspend",
  "norelaying",
]);

function decidePermanence(
  setting: boolean | "code",
  reply: Reply,
  reason: Reason,
  temporaryWords: boolean,
  permanentWords: boolean,
): boolean {
  if (setting !== "code") return setting;
  const cls = codeClass(reply);
  if (cls === 5) return !(temporaryWords && !permanentWords);
  if (cls === 4) return permanentWords;
  if (cls === 2) return false;
  if (permanentWords) return true;
  if (temporaryWords) return false;
  return PERMANENT_BY_NATURE.has(reason);
}

function decideRetry(reason: Reason, permanent: boolean, suppress: boolean, hints: number): RetryAdvice {
  if (suppress || reason === "filtered") return "never";
  if (reason === "delivered" || reason === "vacation" || reason === "feedback") return "never";
  if (permanent) return reason === "mailboxfull" ? "days" : "fix-then-retry";
  if ((hints & HINT.days) !== 0) return "days";
  if (
    (hints & HINT.minutes) !== 0 &&
    (reason === "ratelimited" || reason === "systemerror" || reason === "networkerror")
  ) {
    return "minutes";
  }
  if (reason === "mailboxfull" || reason === "suspend") return "days";
  if (
    reason === "authfailure" ||
    reason === "failedstarttls" ||
    reason === "requireptr" ||
    reason === "securityerror"
  ) {
    return "fix-then-retry";
  }
  return "hours";
}
