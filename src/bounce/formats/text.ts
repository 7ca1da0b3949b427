/**
 * Helpers shared by format modules that read the human-readable text of a bounce.
 */
import type { SmtpCommand } from "../../types.js";

/** The SMTP command a diagnostic names: "(in reply to RCPT TO command)", "after end of data", ">>> DATA". */
export function commandIn(text: string): SmtpCommand | null {
  const lower = text.toLowerCase();
  const patterns: [string, SmtpCommand][] = [
    ["end of data", "DATA-END"],
    ["after data", "DATA-END"],
    ["in reply to data", "DATA"],
    ["rcpt to", "RCPT"],
    ["rcpt", "RCPT"],
    ["mail from", "MAIL"],
    ["ehlo", "EHLO"],
    ["helo", "HELO"],
    ["starttls", "STARTTLS"],
    ["initial connection", "CONNECT"],
    ["greeting", "CONNECT"],
  ];
  const markers = ["in reply to ", "after ", ">>> ", "during "];
  for (const marker of markers) {
    let at = lower.indexOf(marker);
    while (at >= 0) {
      const rest = lower.slice(at + marker.length, at + marker.length + 40);
      for (const [words, command] of patterns) if (rest.startsWith(words)) return command;
      at = lower.indexOf(marker, at + 1);
    }
  }
  return null;
}

export { addressesIn } from "../../reply/address.js";

/** The lines of a text, without trailing white space. */
export function linesOf(text: string, limit = 20_000): string[] {
  const lines = text.split("\n");
  return (lines.length > limit ? lines.slice(0, limit) : lines).map((line) => line.trimEnd());
}
