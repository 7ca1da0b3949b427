import { mapArray } from "../../arrays.js";
import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, commandNamed, linesOf } from "./text.js";

/**
 * m-FILTER (Digital Arts), a Japanese mail gateway (X-Mailer: m-FILTER), and mail hubs that
 * copy its notice: Japanese text naming the failed addresses, then "-------server message"
 * with the remote reply and "-------SMTP command" with the command it answered, then the
 * original message or a summary of it.
 */
const SERVER_MESSAGE = "-------server message";
const SMTP_COMMAND = "-------SMTP command";

function looksLikeMFilter(message: BounceMessage): boolean {
  if (message.header("x-mailer") === "m-FILTER") return true;
  if (message.subject !== "failure notice") return false;
  const text = message.text().slice(0, 3000);
  return text.includes(SERVER_MESSAGE) && text.includes(SMTP_COMMAND);
}

function parse(message: BounceMessage): FormatResult | null {
  const addresses: string[] = [];
  const reply: string[] = [];
  let command: string | null = null;
  let section: "head" | "reply" | "command" | "rest" = "head";
  for (const line of linesOf(bodyText(message), 5000)) {
    const trimmed = line.trim();
    if (trimmed.startsWith("-------")) {
      if (trimmed === SERVER_MESSAGE) section = "reply";
      else if (trimmed === SMTP_COMMAND) section = "command";
      else section = "rest";
      if (section === "rest") break;
      continue;
    }
    if (trimmed === "") continue;
    if (section === "head") {
      // The addresses stand alone on their lines, under a Japanese sentence.
      const found = addressesIn(trimmed);
      if (found.length === 1 && trimmed.replace(/^<|>$/g, "") === found[0] && addresses.length < 500)
        addresses.push(found[0] as string);
    } else if (section === "reply" && reply.length < 50) reply.push(trimmed);
    else if (section === "command" && command === null) command = trimmed;
  }
  if (addresses.length === 0) return null;
  const diagnostic = reply.join(" ") || null;
  const smtpCommand = command ? commandNamed(command) : null;
  const recipients: RawRecipient[] = mapArray(addresses, (recipient) => ({
    recipient,
    action: "failed",
    diagnosticCode: diagnostic,
    command: smtpCommand,
  }));
  return { recipients };
}

export const mfilter: BounceFormat = {
  id: "mfilter",
  name: "m-FILTER",
  gate: (facts) => facts.message.hasHeader("x-mailer") || facts.subject === "failure notice",
  detect: looksLikeMFilter,
  parse,
};
