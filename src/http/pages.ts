/**
 * The web page, rendered on the server so that it reads without JavaScript: the explain
 * and bounce forms (with their results when submitted without a script), the table of
 * every code, and one page per code. /app.js only makes the same forms answer in place.
 */
import type { BounceReport, RecipientResult } from "../bounce/types.js";
import type { LookupResult } from "../codes/lookup.js";
import { REASON_INFO } from "../reply/reasons.js";
import type { Diagnosis, Reason } from "../types.js";
import { type CodeFilter, type CodeRow, isStandard } from "./codes.js";
import { html, type SafeHtml, toText } from "./html.js";

/** Where the page's own script and style sheet live (versioned URLs: cached for good). */
export interface AssetUrls {
  script: string;
  style: string;
}

const STATUS_LABEL: Record<string, string> = {
  standard: "standard",
  extension: "standard (extension)",
  "association-only": "standard (registry association only)",
  experimental: "experimental",
  historic: "historic",
  "non-standard": "non-standard",
  "not-smtp": "not SMTP",
  pattern: "digit pattern",
  unknown: "unknown",
};

/** The page path of a code. */
export function codePath(code: string): string {
  return `/codes/${encodeURIComponent(code)}`;
}

function badge(text: string, tone: "good" | "bad" | "warn" | "neutral"): SafeHtml {
  return html`<span class="badge badge-${tone}">${text}</span>`;
}

export function statusBadge(status: string): SafeHtml {
  const tone = status === "pattern" || status === "unknown" ? "neutral" : isStandard(status) ? "good" : "bad";
  return badge(STATUS_LABEL[status] ?? status, tone);
}

const RFC_REFERENCE = /^RFC (\d{1,5})(?: §(\d{1,3}(?:\.\d{1,3}){0,6}))?$/;

/** A reference as a link when it names an RFC (section) or is a web address. */
export function reference(text: string): SafeHtml {
  const rfc = RFC_REFERENCE.exec(text);
  if (rfc) {
    const href = `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${rfc[2] ? `#section-${rfc[2]}` : ""}`;
    return html`<a href="${href}" rel="noopener noreferrer">${text}</a>`;
  }
  if (text.startsWith("https://")) return html`<a href="${text}" rel="noopener noreferrer">${text}</a>`;
  return html`${text}`;
}

function references(list: readonly string[]): SafeHtml {
  return html`<ul class="refs">${list.map((r) => html`<li>${reference(r)}</li>`)}</ul>`;
}

export function reasonLabel(reason: Reason | string): string {
  return REASON_INFO[reason as Reason]?.label ?? reason;
}

function layout(title: string, assets: AssetUrls, body: SafeHtml, active = ""): string {
  const nav = (href: string, label: string) =>
    html`<a href="${href}"${active === href ? html` aria-current="page"` : ""}>${label}</a>`;
  return `<!doctype html>\n${toText(html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.style}">
<script src="${assets.script}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><nav aria-label="Main">${nav("/", "Explain")} ${nav("/codes", "All codes")} ${nav("/openapi.json", "API")}</nav></header>
<main id="main" tabindex="-1">
${body}
</main>
<footer><p>smtpcodes: what an SMTP failure really means and what to do about it. Works offline; nothing you paste leaves this server.</p></footer>
</body>
</html>
`)}`;
}

/** What the explain form held, to fill it in again. */
export interface ExplainInput {
  reply: string;
  provider: string;
  recipient: string;
}

export interface HomeView {
  input: ExplainInput;
  diagnosis?: Diagnosis | undefined;
  bounces?: BounceReport[] | undefined;
  error?: string | undefined;
}

export function homePage(view: HomeView, assets: AssetUrls): string {
  const { input } = view;
  const hints = input.provider !== "" || input.recipient !== "";
  const body = html`<h1>What does this SMTP error mean?</h1>
<p class="lead">Paste the reply a mail server gave, or a bounce email, and see the reason, whether the failure is permanent, whether to stop mailing the recipient, and what to do.</p>
${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ""}
<section aria-labelledby="explain-heading" class="card">
<h2 id="explain-heading">Explain a reply</h2>
<form id="explain-form" method="get" action="/explain">
<label for="reply">SMTP reply (one reply; multi-line replies are fine)</label>
<textarea id="reply" name="reply" rows="4" required spellcheck="false" autocomplete="off" placeholder="550 5.1.1 &lt;ann@example.org&gt;: Recipient address rejected: User unknown">${input.reply}</textarea>
<details${hints ? html` open` : ""}><summary>Hints (optional)</summary>
<div class="row">
<p><label for="provider">Provider or receiving domain</label><input id="provider" name="provider" value="${input.provider}" placeholder="gmail.com" autocomplete="off"></p>
<p><label for="recipient">Recipient address</label><input id="recipient" name="recipient" value="${input.recipient}" placeholder="ann@example.org" autocomplete="off"></p>
</div>
</details>
<p><button type="submit">Explain</button></p>
</form>
<div id="explain-result" aria-live="polite">${view.diagnosis ? diagnosisView(view.diagnosis) : ""}</div>
</section>
<section aria-labelledby="bounce-heading" class="card">
<h2 id="bounce-heading">Read a bounce email</h2>
<form id="bounce-form" method="post" action="/bounce" enctype="multipart/form-data">
<div id="drop" class="drop">
<label for="bounce-file">Choose a bounce email (.eml, or an mbox of several), or drop it here</label>
<input id="bounce-file" name="file" type="file" accept=".eml,.mbox,.txt,.msg,message/rfc822,text/plain">
</div>
<p><button type="submit" id="bounce-submit">Read bounce</button></p>
</form>
<div id="bounce-result" aria-live="polite">${view.bounces ? bouncesView(view.bounces) : ""}</div>
</section>
<section aria-labelledby="lookup-heading" class="card">
<h2 id="lookup-heading">Look up a code</h2>
<form method="get" action="/codes" role="search">
<label for="lookup-q">Code or words (550, 5.7.26, mailbox full)</label>
<div class="inline"><input id="lookup-q" name="q" type="search"><button type="submit">Search</button></div>
</form>
<p><a href="/codes">Browse every code</a>, standard and non-standard.</p>
</section>`;
  const title = view.diagnosis
    ? `${[view.diagnosis.code, view.diagnosis.enhanced].filter(Boolean).join(" ") || "Reply"}: ${view.diagnosis.reason} · smtpcodes`
    : "smtpcodes: explain SMTP errors and bounces";
  return layout(title, assets, body, "/");
}

function codeLinks(d: { code: number | null; enhanced: string | null }): SafeHtml {
  const parts: SafeHtml[] = [];
  if (d.code !== null) parts.push(html`<a href="${codePath(String(d.code))}">${d.code}</a>`);
  if (d.enhanced) parts.push(html`<a href="${codePath(d.enhanced)}">${d.enhanced}</a>`);
  return html`${parts.map((p, i) => html`${i > 0 ? " " : ""}${p}`)}`;
}

export function diagnosisView(d: Diagnosis): SafeHtml {
  const codes = [d.code, d.enhanced].filter((x) => x !== null && x !== "").join(" ");
  return html`<article class="diagnosis" aria-labelledby="diagnosis-title">
<h3 id="diagnosis-title">${codes || "(no code)"} · ${d.recognised ? reasonLabel(d.reason) : "Not recognised"}</h3>
<p class="badges">${d.permanent ? badge("permanent", "bad") : badge("temporary", "warn")} ${d.suppressRecipient ? badge("suppress the recipient", "bad") : badge("keep the recipient", "good")} ${badge(`retry: ${d.retry}`, "neutral")}</p>
<dl>
<dt>Reason</dt><dd><code>${d.reason}</code>${d.recognised ? "" : " (nothing in the reply was recognised)"}</dd>
<dt>Meaning</dt><dd>${d.meaning}</dd>
<dt>What the sender should do</dt><dd>${d.senderAction}</dd>
<dt>What the receiving admin should look at</dt><dd>${d.recipientAdminAction}</dd>
${codes ? html`<dt>Code</dt><dd>${codeLinks(d)}${d.codeMeaning ? html`: ${d.codeMeaning}` : ""}</dd>` : ""}
<dt>Decided by</dt><dd>rule <code>${d.ruleId}</code>${d.provider ? html` · provider ${d.provider}` : ""} · confidence ${d.confidence.toFixed(2)}</dd>
${d.references.length > 0 ? html`<dt>References</dt><dd>${references(d.references)}</dd>` : ""}
${d.findings.length > 0 ? html`<dt>Findings</dt><dd><ul>${d.findings.map((f) => html`<li>${f.message}</li>`)}</ul></dd>` : ""}
<dt>Sending services</dt><dd>Amazon SES ${d.categories.ses} · SendGrid ${d.categories.sendgrid} · Mailgun ${d.categories.mailgun} · Postmark ${d.categories.postmark}</dd>
</dl>
</article>`;
}

function recipientView(r: RecipientResult): SafeHtml {
  const d = r.diagnosis;
  return html`<li class="recipient">
<h4>${r.recipient}</h4>
<p class="badges">${badge(r.action, "neutral")} ${r.permanent ? badge("permanent", "bad") : badge("temporary", "warn")} ${r.suppressRecipient ? badge("suppress", "bad") : badge("keep", "good")}</p>
<dl>
<dt>Reason</dt><dd><code>${r.reason}</code> · ${reasonLabel(r.reason)}</dd>
${r.status || r.replyCode ? html`<dt>Code</dt><dd>${codeLinks({ code: r.replyCode, enhanced: r.status })}</dd>` : ""}
${r.diagnosticCode ? html`<dt>Diagnostic</dt><dd class="reply">${r.diagnosticCode}</dd>` : ""}
<dt>Meaning</dt><dd>${d.meaning}</dd>
<dt>What the sender should do</dt><dd>${d.senderAction}</dd>
<dt>Decided by</dt><dd>rule <code>${d.ruleId}</code> · format ${r.format}${d.provider ? html` · provider ${d.provider}` : ""}</dd>
</dl>
</li>`;
}

export function bouncesView(reports: BounceReport[]): SafeHtml {
  return html`${reports.map(
    (report, i) => html`<article class="bounce">
<h3>${reports.length > 1 ? `Message ${i + 1}: ` : ""}${report.subject || "(no subject)"}</h3>
<p class="badges">${badge(report.kind, report.kind === "failed" ? "bad" : "neutral")}${report.format ? html` ${badge(`format ${report.format}`, "neutral")}` : ""}</p>
${report.recipients.length > 0 ? html`<ul class="recipients">${report.recipients.map(recipientView)}</ul>` : report.kind === "not-a-bounce" ? html`<p>No failed recipient found: this does not look like a bounce.</p>` : html`<p>A delivery report, but no recipient could be read from it.</p>`}
${report.errors.length > 0 ? html`<p class="note">While reading: ${report.errors.join("; ")}</p>` : ""}
</article>`,
  )}`;
}

/**
 * The table of every code. All rows are sent, those outside the filter `hidden`, so that
 * the filter works without a script and the script can widen it again without a request.
 */
export function codesPage(
  all: readonly CodeRow[],
  matching: ReadonlySet<CodeRow>,
  filter: CodeFilter,
  assets: AssetUrls,
): string {
  const shown = matching.size;
  const total = all.length;
  const option = (value: string, label: string, current: string | undefined) =>
    html`<option value="${value}"${(current ?? "") === value ? html` selected` : ""}>${label}</option>`;
  const body = html`<h1>Every SMTP code</h1>
<p class="lead">Basic reply codes (RFC 5321 and extensions), the IANA registry of enhanced status codes, and codes seen in the wild that no standard defines (marked non-standard).</p>
<form id="codes-form" method="get" action="/codes" role="search" class="filters">
<p><label for="q">Search</label><input id="q" name="q" type="search" value="${filter.q ?? ""}" placeholder="550, 5.7.26, mailbox full"></p>
<p><label for="kind">Kind</label><select id="kind" name="kind">${option("", "all", filter.kind)}${option("basic", "basic (550)", filter.kind)}${option("enhanced", "enhanced (5.7.26)", filter.kind)}</select></p>
<p><label for="status">Standing</label><select id="status" name="status">${option("", "all", filter.status)}${option("standard", "standard", filter.status)}${option("non-standard", "non-standard", filter.status)}</select></p>
<p><button type="submit">Filter</button></p>
</form>
<p id="codes-count" aria-live="polite">${shown === total ? `${total} codes` : `${shown} of ${total} codes`}</p>
<div class="table-wrap">
<table id="codes-table">
<caption class="visually-hidden">SMTP codes with their title and standing</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Title</th><th scope="col">Standing</th><th scope="col" class="wide">Kind</th></tr></thead>
<tbody>
${all.map(
  (row) =>
    html`<tr${matching.has(row) ? "" : html` hidden`} data-kind="${row.kind}" data-standard="${isStandard(row.status) ? "standard" : "non-standard"}" data-search="${row.haystack}"><th scope="row"><a href="${codePath(row.code)}">${row.code}</a></th><td>${row.title}</td><td>${statusBadge(row.status)}</td><td class="wide">${row.kind}</td></tr>\n`,
)}
</tbody>
</table>
</div>
<p id="codes-empty"${shown > 0 ? html` hidden` : ""}>No code matches. Try fewer words, or <a href="/codes">show every code</a>.</p>`;
  return layout("Every SMTP code · smtpcodes", assets, body, "/codes");
}

const PERMANENCE_LABEL: Record<string, string> = {
  permanent: "permanent failure",
  temporary: "temporary failure",
  either: "permanent or temporary",
  "not-a-failure": "not a failure",
  unknown: "unknown",
};

const VERDICT_LABEL: Record<string, string> = {
  partly: "partly true",
  wrong: "wrong",
  "non-standard": "non-standard code",
  "not-smtp": "not SMTP",
};

export function codePage(r: LookupResult, assets: AssetUrls): string {
  const relatedLabel = r.kind === "basic" ? "Enhanced codes it travels with" : "Basic codes it travels with";
  const body = html`<p class="crumbs"><a href="/codes">All codes</a></p>
<h1><span class="code">${r.code}</span> ${r.title}</h1>
<p class="badges">${statusBadge(r.status)} ${badge(PERMANENCE_LABEL[r.permanence] ?? r.permanence, r.permanence === "permanent" ? "bad" : r.permanence === "temporary" ? "warn" : "neutral")}</p>
${r.meaning ? html`<p class="lead">${r.meaning}</p>` : ""}
<dl>
${r.registry ? html`<dt>Registry meaning</dt><dd><a href="${codePath(r.registry.code)}">${r.registry.code}</a>: ${r.registry.title}</dd>` : ""}
${r.likelyMeant ? html`<dt>Likely stands for</dt><dd><a href="${codePath(r.likelyMeant)}">${r.likelyMeant}</a></dd>` : ""}
${r.commands.length > 0 ? html`<dt>Commands that may draw it</dt><dd>${r.commands.join(", ")}</dd>` : ""}
${r.related.length > 0 ? html`<dt>${relatedLabel}</dt><dd>${r.related.map((code, i) => html`${i > 0 ? ", " : ""}<a href="${codePath(code)}">${code}</a>`)}</dd>` : ""}
</dl>
${r.notes.length > 0 ? html`<h2>Notes</h2><ul>${r.notes.map((note) => html`<li>${note}</li>`)}</ul>` : ""}
${r.findings.length > 0 ? html`<h2>Findings</h2><ul>${r.findings.map((f) => html`<li>${f.message}</li>`)}</ul>` : ""}
${
  r.myths.length > 0
    ? html`<section aria-labelledby="myths-heading"><h2 id="myths-heading">Myths and corrections</h2>
<ul class="myths">${r.myths.map(
        (
          m,
        ) => html`<li><p><strong>Claim</strong> (about “${m.code}”): ${m.claim} ${badge(VERDICT_LABEL[m.verdict] ?? m.verdict, m.verdict === "partly" ? "warn" : "bad")}</p>
<p><strong>Correction</strong>: ${m.correction}${m.likelyFrom ? html` Likely taken from <a href="${codePath(m.likelyFrom)}">${m.likelyFrom}</a>.` : ""}</p>
${m.references.length > 0 ? references(m.references) : ""}</li>`,
      )}</ul></section>`
    : ""
}
${
  r.digits.length > 0
    ? html`<h2>What each digit says</h2><dl class="digits">${r.digits.map(
        (d) =>
          html`<dt>${d.value} <span class="muted">(${d.position.replace(/-/g, " ")})</span></dt><dd><strong>${d.label}</strong>. ${d.meaning}</dd>`,
      )}</dl>`
    : ""
}
${r.references.length > 0 ? html`<h2>References</h2>${references(r.references)}` : ""}
<p class="muted">JSON: <a href="/v1/codes/${encodeURIComponent(r.code)}">/v1/codes/${r.code}</a></p>`;
  return layout(`${r.code} ${r.title} · smtpcodes`, assets, body, "/codes");
}

/** The page for a status that is not 200: not found, too large, bad input. */
export function problemPage(status: number, heading: string, message: string, assets: AssetUrls): string {
  const body = html`<h1>${heading}</h1>
<p class="lead">${message}</p>
<p>Status ${status}. <a href="/">Explain a reply</a> or <a href="/codes">browse every code</a>.</p>`;
  return layout(`${heading} · smtpcodes`, assets, body);
}
