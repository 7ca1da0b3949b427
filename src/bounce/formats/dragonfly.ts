import type { BounceFormat, BounceMessage, FormatResult, RawRecipient } from "../types.js";
import { addressesIn, bodyText, commandNamed, linesOf } from "./text.js";

/**
 * DragonFly Mail Agent (dma), the small MTA of DragonFly BSD and some Linux systems. Its
 * bounce is plain text: "This is the DragonFly Mail Agent vX at host." then, per failure,
 * "There was an error delivering your mail to <address>." and the reason: the remote reply
 * after "host [ip] did not like our RCPT TO:", or its own words ("DNS lookup failure: …",
 * "Could not deliver for the last N seconds. Giving up."). Samples carry stray CR
 * characters, so a multi-line reply may come with empty lines between its lines.
 */

const GREETING = "This is the DragonFly Mail Agent";
const ERROR_LINE = "There was an error delivering your mail to ";
const TRAILERS = ["Message headers follow.", "Original message follows."];

function looksLikeDragonFly(message: BounceMessage): boolean {
  let seen = 0;
  for (const field of message.headers) {
    if (field.name !== "received") continue;
    if (field.value.includes("(DragonFly Mail Agent")) return true;
    if (++seen >= 20) break;
  }
  const text = message.text();
  return text.slice(0, 400).includes(GREETING) && text.includes(ERROR_LINE);
}

/** "mx.example.org [192.0.2.25] did not like our RCPT TO:" → host and command. */
function remoteLine(line: string): { host: string; command: string } | null {
  const marker = " did not like our ";
  const at = line.indexOf(marker);
  if (at <= 0 || !line.endsWith(":")) return null;
  const who = line.slice(0, at).trim();
  const command = line.slice(at + marker.length, -1).trim();
  const bracket = who.indexOf(" [");
  const host = bracket > 0 ? who.slice(0, bracket) : who;
  return { host, command };
}

function parse(message: BounceMessage): FormatResult | null {
  const lines = linesOf(bodyText(message));
  const recipients: RawRecipient[] = [];
  let reportingMta: string | null = null;
  const first = lines.find((line) => line.startsWith(GREETING));
  if (first) {
    const at = first.lastIndexOf(" at ");
    if (at > 0)
      reportingMta =
        first
          .slice(at + 4)
          .replace(/\.$/, "")
          .trim() || null;
  }
  for (let i = 0; i < lines.length && recipients.length < 1000; i++) {
    const line = lines[i] as string;
    if (!line.startsWith(ERROR_LINE)) continue;
    const recipient = addressesIn(line.slice(ERROR_LINE.length))[0];
    if (!recipient) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && j - i < 200; j++) {
      const next = lines[j] as string;
      if (TRAILERS.includes(next.trim()) || next.startsWith(ERROR_LINE)) break;
      if (next.trim() !== "") body.push(next.trim());
    }
    i = j - 1;
    const entry: RawRecipient = { recipient, action: "failed" };
    const remote = body.length > 0 ? remoteLine(body[0] as string) : null;
    if (remote) {
      body.shift();
      entry.remoteMta = remote.host || null;
      entry.command = commandNamed(remote.command);
    }
    const diagnostic = body.join("\n");
    entry.diagnosticCode = diagnostic || null;
    // dma's own words for a message that stayed in the queue until it gave up.
    if (/^Could not deliver for the last \d+ seconds/i.test(diagnostic)) entry.reason = "expired";
    // Its resolver found no such host: a domain that does not exist (used when no rule says more).
    else if (diagnostic.startsWith("DNS lookup failure: host ") && diagnostic.includes(" not found"))
      entry.reason = "hostunknown";
    recipients.push(entry);
  }
  return recipients.length > 0 ? { recipients, reportingMta } : null;
}

export const dragonfly: BounceFormat = {
  id: "dragonfly",
  name: "DragonFly Mail Agent",
  detect: looksLikeDragonFly,
  parse,
};
