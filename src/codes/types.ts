import type { Reason, SmtpCommand } from "../types.js";

/**
 * How a code stands: defined by a standards-track or informational RFC, defined by an
 * extension, only named as an association in the IANA registry, experimental, or not a
 * standard code at all (seen in the wild, or copied from another protocol).
 */
export type CodeStatus =
  | "standard"
  | "extension"
  | "association-only"
  | "experimental"
  | "historic"
  | "non-standard"
  | "not-smtp";

/** A three-digit SMTP reply code. */
export interface BasicCodeInfo {
  code: number;
  /** Short name in our words, e.g. "Mailbox unavailable". */
  title: string;
  /** One or two sentences in our words. */
  meaning: string;
  status: CodeStatus;
  /** RFC sections that define it, e.g. ["RFC 5321 §4.2.2", "RFC 5321 §4.3.2"]. */
  references: string[];
  /** Commands that may draw this reply. */
  commands: SmtpCommand[];
  /** EHLO keyword of the extension that defines it, if any. */
  extension?: string;
  /** Enhanced codes this basic code usually travels with. */
  enhanced?: string[];
  /** Caveats, extension-specific meanings, practice. Our words. */
  notes?: string[];
  /** For non-standard codes: the code it most likely stands for ("5.1.2" for 512). */
  likelyMeant?: string;
}

/** Registry usage hint of RFC 3463: which classes the detail code makes sense with. */
export type EnhancedUsage = "permanent" | "transient" | "both" | "success";

/**
 * An entry of the IANA enhanced status code registry: a class ("5.XXX.YYY"), a subject
 * ("X.7.YYY") or a detail ("X.7.26"), or a code seen in the wild that the registry does
 * not list (status "non-standard", code written concretely, e.g. "5.7.509").
 */
export interface EnhancedCodeInfo {
  /** As the registry writes it ("X.7.26", "X.7.YYY", "5.XXX.YYY"), or concrete for wild codes. */
  code: string;
  kind: "class" | "subject" | "detail";
  /** The registry's short title (a fact, kept as written), or our title for wild codes. */
  title: string;
  /** Our words: what it means and when it is used. */
  meaning: string;
  status: CodeStatus;
  /** Basic codes the registry associates with it. */
  basicCodes: number[];
  /** The registry's basic-code field when it is not a plain list ("Any", "5XX", "Not given"). */
  basicCodesNote?: string;
  /** RFC sections, e.g. ["RFC 3463 §3.2"]. */
  references: string[];
  usage: EnhancedUsage;
  deprecated?: boolean;
  /** Registration date for newer entries (YYYY-MM-DD). */
  registered?: string;
  /** Who sends it, for non-standard codes (e.g. "microsoft"). */
  seenAt?: string[];
  /** Reason to use when nothing but this code is known. */
  reason?: Reason;
  notes?: string[];
}

/** Meaning of one digit position (reply digits, enhanced class or subject). */
export interface DigitInfo {
  position:
    | "reply-digit-1"
    | "reply-digit-2"
    | "reply-digit-3"
    | "enhanced-class"
    | "enhanced-subject"
    | "enhanced-detail";
  /** The digit ("5"), or "*" for a rule about the whole position. */
  value: string;
  /** Short label, e.g. "Permanent negative completion". */
  label: string;
  meaning: string;
  references: string[];
}

/** The replies one command may draw (RFC 5321 §4.3.2 and extensions). */
export interface CommandReplies {
  command: SmtpCommand | "* (auth required)";
  success: number[];
  intermediate: number[];
  error: number[];
  references: string[];
  notes?: string;
}

export type MythVerdict = "partly" | "wrong" | "non-standard" | "not-smtp";

/** A common wrong or half-right claim about a code, and the correction. */
export interface Myth {
  /** The code as web pages write it: "535", "500.0", "450 4.2.0", "x2x". */
  code: string;
  /** The claim, paraphrased in our words. */
  claim: string;
  verdict: MythVerdict;
  /** What is true, in our words. */
  correction: string;
  /** The code the claim most likely belongs to ("5.3.5" for the 535 myth), if any. */
  likelyFrom?: string;
  references: string[];
  /** Identifiers of the rows of the shared claim review this myth answers (traceability). */
  claims: string[];
}
