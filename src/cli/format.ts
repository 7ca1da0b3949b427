import type { LookupResult } from "../codes/lookup.js";
import type { Diagnosis } from "../types.js";

/** ANSI styling, off unless the output is a terminal (or forced). */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function makeStyle(colour: boolean): Style {
  if (!colour) {
    const same = (text: string) => text;
    return { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };
  }
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

/** Control characters from the input must not reach a terminal (escape-sequence injection). */
export function safe(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 32 || c === 127 || (c >= 0x80 && c < 0xa0) ? (c === 10 ? "⏎" : "·") : text[i];
  }
  return out;
}

/** The longest label ("their admin", "basic codes"): every value starts in the same column. */
const LABEL_WIDTH = 11;

/** A line's label, indented and padded so that the values of a block line up. */
function label(s: Style, name: string, style: (text: string) => string = s.dim): string {
  return `  ${style(name.padEnd(LABEL_WIDTH))} `;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatDiagnosis(d: Diagnosis, s: Style): string {
  const lines: string[] = [];
  const codes = [d.code ?? "", d.enhanced ?? ""].filter(Boolean).join(" ");
  const verdict = d.permanent ? s.red("permanent") : s.yellow("temporary");
  const recipient = d.suppressRecipient ? s.red("suppress the recipient") : s.green("keep the recipient");
  const reason = d.recognised ? s.bold(d.reason) : s.bold("unknown");
  lines.push(`${s.bold(codes || "(no code)")}  ${reason} · ${verdict} · ${recipient} · retry: ${d.retry}`);
  lines.push(`${label(s, "reply")}${safe(shorten(d.reply.text || d.reply.raw, 300))}`);
  lines.push(`${label(s, "meaning")}${d.meaning}`);
  lines.push(`${label(s, "sender")}${d.senderAction}`);
  lines.push(`${label(s, "their admin")}${d.recipientAdminAction}`);
  if (d.codeMeaning) lines.push(`${label(s, "code")}${codes}: ${d.codeMeaning}`);
  const who = [
    d.provider ? `provider ${d.provider}` : "",
    `rule ${d.ruleId}`,
    `confidence ${d.confidence.toFixed(2)}`,
  ]
    .filter(Boolean)
    .join(" · ");
  lines.push(`${label(s, "decided by")}${who}`);
  if (d.reply.tags.length > 0) lines.push(`${label(s, "tags")}${safe(d.reply.tags.join(", "))}`);
  for (const finding of d.findings) {
    const mark = finding.severity === "warning" ? s.yellow("!") : s.cyan("i");
    lines.push(`  ${mark} ${safe(finding.message)}`);
  }
  if (d.references.length > 0) lines.push(`${label(s, "references")}${d.references.join("; ")}`);
  lines.push(
    `${label(s, "dashboards")}SES ${d.categories.ses} · SendGrid ${d.categories.sendgrid} · Mailgun ${d.categories.mailgun} · Postmark ${d.categories.postmark}`,
  );
  return lines.join("\n");
}

const STATUS_LABEL: Record<string, string> = {
  standard: "standard",
  extension: "extension",
  "association-only": "registry association only",
  experimental: "experimental",
  historic: "historic",
  "non-standard": "NOT STANDARD",
  "not-smtp": "NOT SMTP",
  pattern: "digit pattern",
  unknown: "unknown",
};

export function formatLookup(r: LookupResult, s: Style): string {
  const lines: string[] = [];
  if (!r.found) {
    lines.push(`${s.bold(safe(r.query))}  ${s.red("not found")}`);
    lines.push(`  ${r.meaning}`);
    return lines.join("\n");
  }
  const status = STATUS_LABEL[r.status] ?? r.status;
  const badge = r.status === "non-standard" || r.status === "not-smtp" ? s.red(status) : s.green(status);
  lines.push(`${s.bold(safe(r.code))}  ${r.title} · ${badge} · ${r.permanence}`);
  if (r.meaning) lines.push(`  ${r.meaning}`);
  if (r.registry) lines.push(`${label(s, "registry")}${r.registry.code}: ${r.registry.title}`);
  if (r.likelyMeant) lines.push(`${label(s, "likely")}stands for ${r.likelyMeant}`);
  if (r.commands.length > 0) lines.push(`${label(s, "commands")}${r.commands.join(", ")}`);
  if (r.related.length > 0)
    lines.push(`${label(s, r.kind === "basic" ? "enhanced" : "basic codes")}${r.related.join(", ")}`);
  for (const note of r.notes) lines.push(`${label(s, "note")}${note}`);
  for (const digit of r.kind === "digits" ? [] : r.digits)
    lines.push(`${label(s, "digit")}${digit.value}: ${digit.label}`);
  for (const finding of r.findings) lines.push(`  ${s.yellow("!")} ${finding.message}`);
  for (const myth of r.myths) {
    lines.push(`${label(s, "myth", s.yellow)}"${myth.code}" ${myth.claim} (${myth.verdict})`);
    lines.push(
      `${" ".repeat(LABEL_WIDTH + 3)}${myth.correction}${myth.likelyFrom ? ` Likely taken from ${myth.likelyFrom}.` : ""}`,
    );
  }
  if (r.references.length > 0) lines.push(`${label(s, "references")}${r.references.join("; ")}`);
  return lines.join("\n");
}
