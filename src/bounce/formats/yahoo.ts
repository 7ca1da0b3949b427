/**
 * Yahoo! Mail (and Yahoo! JAPAN, AOL after the merger): a plain-text "Failure Notice"
 * without a delivery-status part. Each failed address stands alone on a line as
 * "<address>:", followed by the remote reply ("Remote host said: 550 5.1.1 ... [RCPT_TO]")
 * or Yahoo's own words ("No mx record found for domain=...", "Unable to deliver message
 * after multiple retries, giving up."), until "--- Below this line is a copy of the message.".
 */
import { collapseWhiteSpace } from "../../strings.js";
import type { SmtpCommand } from "../../types.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { bodyText, enhancedStatusIn, linesOf, lowerBodyText } from "./text.js";

const MARKER = "sorry, we were unable to deliver your message to the following address";
const END = "--- below this line is a copy of the message";

/** Yahoo's tag of the SMTP stage at the end of a reply: "[RCPT_TO]". */
const STAGES: Record<string, SmtpCommand> = {
  CONNECT: "CONNECT",
  EHLO: "EHLO",
  HELO: "HELO",
  MAIL_FROM: "MAIL",
  RCPT_TO: "RCPT",
  DATA: "DATA",
  DATA_END: "DATA-END",
  END_OF_DATA: "DATA-END",
};

function detect(message: BounceMessage): boolean {
  return lowerBodyText(message, 4000).includes(MARKER);
}

/** "<user@example.org>:" alone on a line → "user@example.org". */
function addressLine(line: string): string | null {
  if (!line.startsWith("<") || !line.endsWith(">:") || line.length > 320) return null;
  const address = line.slice(1, -2).trim();
  return address.includes("@") && !/\s/.test(address) ? address : null;
}

function parse(message: BounceMessage): FormatResult | null {
  const lines = linesOf(bodyText(message));
  const start = lines.findIndex((line) => line.toLowerCase().includes(MARKER));
  if (start < 0) return null;
  const recipients: RawRecipient[] = [];
  let current: { recipient: string; text: string[] } | null = null;
  const flush = () => {
    if (current) recipients.push(readRecipient(current.recipient, current.text));
    current = null;
  };
  for (let i = start + 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line.toLowerCase().startsWith(END)) break;
    const address = addressLine(line);
    if (address) {
      flush();
      current = { recipient: address, text: [] };
    } else if (current && line !== "" && current.text.length < 40) current.text.push(line);
  }
  flush();
  return recipients.length > 0 ? { recipients } : null;
}

function readRecipient(recipient: string, lines: string[]): RawRecipient {
  let text = collapseWhiteSpace(lines.join(" "));
  if (text.toLowerCase().startsWith("remote host said:")) text = text.slice(17).trim();
  let command: SmtpCommand | null = null;
  // The stage tag closes the reply: "... User Unknown [RCPT_TO]".
  if (text.endsWith("]")) {
    const open = text.lastIndexOf("[");
    const tag = open >= 0 ? text.slice(open + 1, -1).toUpperCase() : "";
    if (tag in STAGES) {
      command = STAGES[tag] as SmtpCommand;
      text = text.slice(0, open).trim();
    }
  }
  // Newer notices write the reply code with a colon: "550: 5.2.2 <a@b>... Mailbox Full".
  if (/^[245]\d\d: /.test(text)) text = `${text.slice(0, 3)} ${text.slice(5)}`;
  const lower = text.toLowerCase();
  const raw: RawRecipient = {
    recipient,
    action: "failed",
    status: enhancedStatusIn(text),
    diagnosticCode: text || null,
    command,
  };
  // Yahoo's own words for a message it stopped retrying.
  if (lower.includes("after multiple retries") && lower.includes("giving up")) raw.reason = "expired";
  return raw;
}

/** Yahoo! Mail "Failure Notice". */
export const yahoo: BounceFormat = {
  id: "yahoo",
  name: "Yahoo! Mail",
  detect,
  parse,
};
