import type { RawRecipient } from "./types.js";

/**
 * A copy of a recipient with every field present (undefined where it has none), in one
 * order. Format modules build their recipients each its own way (fields in their own
 * order, some left out, some added later), and the code that reads them for every message
 * (merging a DSN with the text, explaining each recipient) saw dozens of object shapes, on
 * which V8 reads each field slowly (megamorphic); copied into one shape, those reads are
 * fast. Every field must be here (the type says so).
 */
export function fullRecipient(raw: RawRecipient): RawRecipient {
  return {
    recipient: raw.recipient,
    originalRecipient: raw.originalRecipient,
    action: raw.action,
    status: raw.status,
    remoteMta: raw.remoteMta,
    diagnosticCode: raw.diagnosticCode,
    command: raw.command,
    replyCode: raw.replyCode,
    lastAttemptDate: raw.lastAttemptDate,
    feedbackType: raw.feedbackType,
    reason: raw.reason,
    reasonIsFinal: raw.reasonIsFinal,
  } satisfies { [Field in keyof Required<RawRecipient>]: RawRecipient[Field] };
}
