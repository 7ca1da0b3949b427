/**
 * Rule priorities. When several rules match one reply, the higher priority wins; equal
 * priorities go to the more specific rule (longer phrases, code conditions). The bands
 * encode which words outweigh which: a blocklist name outweighs "service unavailable",
 * "sender address rejected" outweighs "domain not found", and a provider's own rule
 * outweighs a generic one of the same band.
 */
export const PRIORITY = {
  /** Vague system words: "service unavailable", "try again later". */
  system: 0,
  /** Words about the recipient mailbox: unknown user, full, disabled. */
  recipient: 10,
  /** Stronger recipient statements that must beat vague ones ("recipient address rejected: access denied"). */
  recipientStrong: 15,
  /** Content verdicts: spam, virus, policy, format. */
  content: 20,
  /** Specific content statements that beat other content words. */
  contentStrong: 25,
  /** Reputation and rate limits. */
  reputation: 30,
  /** Named blocklists and explicit IP blocks. */
  blocklist: 33,
  /** Reverse DNS, TLS: specific technical demands. */
  technical: 35,
  /** Authentication of the client (SMTP AUTH). */
  security: 38,
  /** The envelope sender or relaying. */
  sender: 40,
  /** SPF, DKIM, DMARC results. */
  authentication: 42,
  /** Facts that override everything else (the sending MTA gave up, the receiver's own DNS failed). */
  override: 50,
} as const;
