/**
 * The page's style sheet and script, served by the app itself as /app.css and /app.js (no
 * CDN, no inline code, so the Content-Security-Policy can forbid both). Kept as strings so
 * that the app is one module graph that runs from src/ and dist/ alike, in any runtime.
 *
 * The script is progressive enhancement: every form works without it (the server renders
 * the result); with it, results appear in place from the JSON API.
 */
import { REASON_INFO } from "../reply/reasons.js";
import type { Reason } from "../types.js";

export const APP_CSS = `:root {
  --fg: #1b1f23; --muted: #57606a; --bg: #fff; --card: #f6f8fa; --line: #d0d7de;
  --link: #0550ae; --good-bg: #dafbe1; --good-fg: #116329; --bad-bg: #ffebe9; --bad-fg: #a40e26;
  --warn-bg: #fff8c5; --warn-fg: #7d4e00; --neutral-bg: #eaeef2; --neutral-fg: #24292f; --focus: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --card: #161b22; --line: #30363d;
    --link: #79c0ff; --good-bg: #12361f; --good-fg: #7ee2a8; --bad-bg: #4a1419; --bad-fg: #ffb1ad;
    --warn-bg: #3d2e00; --warn-fg: #f2cc60; --neutral-bg: #262c36; --neutral-fg: #d0d7de; --focus: #58a6ff;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
main, .top nav, footer p { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
main { padding-bottom: 2rem; }
main:focus { outline: none; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.skip { position: absolute; left: -9999px; top: 0; background: var(--bg); padding: .5rem 1rem; z-index: 1; }
.skip:focus { left: 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
.top nav { display: flex; gap: 1.25rem; padding-top: .75rem; padding-bottom: .75rem; flex-wrap: wrap; }
.top a { font-weight: 600; text-decoration: none; }
.top a[aria-current="page"] { text-decoration: underline; text-underline-offset: .3em; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0 .75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .5rem; overflow-wrap: anywhere; }
h4 { font-size: 1rem; margin: .5rem 0; overflow-wrap: anywhere; }
.lead { font-size: 1.05rem; }
.muted { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .25rem 1rem 1rem; margin: 1rem 0; }
.card > h2 { margin-top: .75rem; }
label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
textarea, input, select, button { font: inherit; color: inherit; }
textarea, input[type="search"], input:not([type]), select {
  width: 100%; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg);
}
textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .95rem; resize: vertical; }
button {
  padding: .5rem 1.1rem; border-radius: 6px; border: 1px solid var(--focus); background: var(--focus);
  color: #fff; font-weight: 600; cursor: pointer; min-height: 2.75rem;
}
button:hover { filter: brightness(1.1); }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }
.row p { margin: 0; }
.inline { display: flex; gap: .5rem; }
.inline input { flex: 1; }
details { margin: .5rem 0; }
summary { cursor: pointer; }
.drop { border: 2px dashed var(--line); border-radius: 8px; padding: .75rem 1rem; margin: .5rem 0; }
.drop.over { border-color: var(--focus); background: var(--neutral-bg); }
.drop input { width: 100%; }
.badges { display: flex; flex-wrap: wrap; gap: .4rem; margin: .25rem 0 .5rem; }
.badge { display: inline-block; padding: .1rem .55rem; border-radius: 999px; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.badge-good { background: var(--good-bg); color: var(--good-fg); }
.badge-bad { background: var(--bad-bg); color: var(--bad-fg); }
.badge-warn { background: var(--warn-bg); color: var(--warn-fg); }
.badge-neutral { background: var(--neutral-bg); color: var(--neutral-fg); }
dl { margin: .5rem 0; }
dt { font-weight: 600; margin-top: .6rem; }
dd { margin: 0 0 0 1rem; overflow-wrap: anywhere; }
.diagnosis, .bounce { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: .25rem 1rem .75rem; margin-top: 1rem; }
.recipients { list-style: none; padding: 0; margin: 0; }
.recipient { border-top: 1px solid var(--line); padding-top: .25rem; }
.reply { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9rem; white-space: pre-wrap; }
.refs { margin: 0; padding-left: 1.2rem; }
.error { background: var(--bad-bg); color: var(--bad-fg); padding: .5rem 1rem; border-radius: 6px; }
.note { color: var(--muted); font-size: .9rem; }
.filters { display: grid; grid-template-columns: 2fr 1fr 1fr auto; gap: 0 1rem; align-items: end; }
.filters p { margin: 0 0 .5rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--line); }
tbody th { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
tr[hidden] { display: none; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.crumbs { margin: 0; }
.myths { padding-left: 1.2rem; }
.myths > li { margin-bottom: 1rem; }
.myths p { margin: .25rem 0; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; padding: .5rem 0 1rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.4rem; }
  .row, .filters { grid-template-columns: 1fr; }
  .wide { display: none; }
  dd { margin-left: 0; }
  .card { padding: .25rem .75rem .75rem; }
}
`;

const REASON_LABELS: Record<string, string> = Object.fromEntries(
  (Object.keys(REASON_INFO) as Reason[]).map((reason) => [reason, REASON_INFO[reason].label]),
);

// Plain ES2017 for any current browser; DOM built with textContent only (no innerHTML),
// so nothing from a reply or a bounce can become markup.
export const APP_JS = String.raw`(function () {
"use strict";
var LABELS = ${JSON.stringify(REASON_LABELS)};

function el(tag, attrs) {
  var node = document.createElement(tag);
  if (attrs) for (var key in attrs) if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]);
  for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
  return node;
}
function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
  node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
}
function badge(text, tone) { return el("span", { "class": "badge badge-" + tone }, text); }
function codeLink(code) { return el("a", { href: "/codes/" + encodeURIComponent(code) }, code); }
function codeLinks(code, enhanced) {
  var parts = [];
  if (code !== null && code !== undefined) parts.push(codeLink(String(code)));
  if (enhanced) { if (parts.length) parts.push(" "); parts.push(codeLink(enhanced)); }
  return parts;
}
var RFC = /^RFC (\d{1,5})(?: §(\d{1,3}(?:\.\d{1,3}){0,6}))?$/;
function reference(text) {
  var m = RFC.exec(text);
  if (m) return el("a", { href: "https://www.rfc-editor.org/rfc/rfc" + m[1] + (m[2] ? "#section-" + m[2] : ""), rel: "noopener noreferrer" }, text);
  if (text.indexOf("https://") === 0) return el("a", { href: text, rel: "noopener noreferrer" }, text);
  return text;
}
function item(term, value) { return [el("dt", null, term), el("dd", null, value)]; }
function label(reason) { return LABELS[reason] || reason; }
function problem(box, message) { box.replaceChildren(el("p", { "class": "error", role: "alert" }, message)); }

async function call(url, init) {
  var response = await fetch(url, init);
  var body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) throw new Error(body && body.message ? body.message : "The server answered " + response.status + ".");
  return body;
}

function diagnosisView(d) {
  var codes = [d.code, d.enhanced].filter(function (x) { return x !== null && x !== ""; }).join(" ");
  var list = el("dl", null,
    item("Reason", [el("code", null, d.reason), d.recognised ? "" : " (nothing in the reply was recognised)"]),
    item("Meaning", d.meaning),
    item("What the sender should do", d.senderAction),
    item("What the receiving admin should look at", d.recipientAdminAction),
    codes ? item("Code", [codeLinks(d.code, d.enhanced), d.codeMeaning ? ": " + d.codeMeaning : ""]) : null,
    item("Decided by", ["rule ", el("code", null, d.ruleId), d.provider ? " · provider " + d.provider : "", " · confidence " + d.confidence.toFixed(2)]),
    d.references.length ? item("References", el("ul", { "class": "refs" }, d.references.map(function (r) { return el("li", null, reference(r)); }))) : null,
    d.findings.length ? item("Findings", el("ul", null, d.findings.map(function (f) { return el("li", null, f.message); }))) : null,
    item("Sending services", "Amazon SES " + d.categories.ses + " · SendGrid " + d.categories.sendgrid + " · Mailgun " + d.categories.mailgun + " · Postmark " + d.categories.postmark));
  return el("article", { "class": "diagnosis", "aria-labelledby": "diagnosis-title" },
    el("h3", { id: "diagnosis-title" }, (codes || "(no code)") + " · " + (d.recognised ? label(d.reason) : "Not recognised")),
    el("p", { "class": "badges" },
      d.permanent ? badge("permanent", "bad") : badge("temporary", "warn"), " ",
      d.suppressRecipient ? badge("suppress the recipient", "bad") : badge("keep the recipient", "good"), " ",
      badge("retry: " + d.retry, "neutral")),
    list);
}

function recipientView(r) {
  return el("li", { "class": "recipient" },
    el("h4", null, r.recipient),
    el("p", { "class": "badges" }, badge(r.action, "neutral"), " ",
      r.permanent ? badge("permanent", "bad") : badge("temporary", "warn"), " ",
      r.suppressRecipient ? badge("suppress", "bad") : badge("keep", "good")),
    el("dl", null,
      item("Reason", [el("code", null, r.reason), " · " + label(r.reason)]),
      r.status || r.replyCode ? item("Code", codeLinks(r.replyCode, r.status)) : null,
      r.diagnosticCode ? [el("dt", null, "Diagnostic"), el("dd", { "class": "reply" }, r.diagnosticCode)] : null,
      item("Meaning", r.meaning),
      item("What the sender should do", r.senderAction),
      item("Decided by", ["rule ", el("code", null, r.ruleId), " · format " + r.format, r.provider ? " · provider " + r.provider : ""])));
}

function bouncesView(result) {
  var many = result.messages.length > 1;
  return result.messages.map(function (m) {
    var rows = result.recipients.filter(function (r) { return r.message === m.message; });
    return el("article", { "class": "bounce" },
      el("h3", null, (many ? "Message " + (m.message + 1) + ": " : "") + (m.subject || "(no subject)")),
      el("p", { "class": "badges" }, badge(m.kind, m.kind === "failed" ? "bad" : "neutral"), m.format ? [" ", badge("format " + m.format, "neutral")] : null),
      rows.length ? el("ul", { "class": "recipients" }, rows.map(recipientView)) : el("p", null, "No failed recipient found: this does not look like a bounce."),
      m.errors.length ? el("p", { "class": "note" }, "While reading: " + m.errors.join("; ")) : null);
  });
}

function setUpExplain() {
  var form = document.getElementById("explain-form");
  var box = document.getElementById("explain-result");
  if (!form || !box) return;
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var request = { reply: String(data.get("reply") || "") };
    var provider = String(data.get("provider") || "").trim();
    var recipient = String(data.get("recipient") || "").trim();
    if (provider) request.provider = provider;
    if (recipient) request.recipient = recipient;
    box.setAttribute("aria-busy", "true");
    try {
      var d = await call("/v1/explain", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
      box.replaceChildren(diagnosisView(d));
      var query = new URLSearchParams(request);
      history.replaceState(null, "", "/explain?" + query.toString());
    } catch (error) {
      problem(box, error.message);
    } finally {
      box.removeAttribute("aria-busy");
    }
  });
}

function setUpBounce() {
  var form = document.getElementById("bounce-form");
  var input = document.getElementById("bounce-file");
  var drop = document.getElementById("drop");
  var box = document.getElementById("bounce-result");
  if (!form || !input || !drop || !box) return;
  async function send(file) {
    if (!file) { problem(box, "Choose a file first."); return; }
    box.setAttribute("aria-busy", "true");
    box.replaceChildren(el("p", null, "Reading " + file.name + "…"));
    try {
      var result = await call("/v1/bounces", { method: "POST", headers: { "content-type": "application/octet-stream" }, body: file });
      box.replaceChildren.apply(box, bouncesView(result));
    } catch (error) {
      problem(box, error.message);
    } finally {
      box.removeAttribute("aria-busy");
    }
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); send(input.files && input.files[0]); });
  input.addEventListener("change", function () { if (input.files && input.files[0]) send(input.files[0]); });
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "dragend"].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("over");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files[0]) send(files[0]);
  });
}

function setUpCodes() {
  var form = document.getElementById("codes-form");
  var table = document.getElementById("codes-table");
  var count = document.getElementById("codes-count");
  var empty = document.getElementById("codes-empty");
  if (!form || !table || !count || !empty) return;
  var q = form.elements.namedItem("q");
  var kind = form.elements.namedItem("kind");
  var status = form.elements.namedItem("status");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var total = rows.length;
  var timer = 0;
  function words() {
    return q.value.slice(0, 200).toLowerCase().split(/\s+/).filter(Boolean).map(function (w) {
      return /^[245]\.\d{1,3}\.\d{1,3}$/.test(w) ? [w, "x" + w.slice(1)] : [w];
    });
  }
  function apply() {
    var list = words();
    var shown = 0;
    rows.forEach(function (row) {
      var hay = row.getAttribute("data-search") || "";
      var ok = (!kind.value || row.getAttribute("data-kind") === kind.value) &&
        (!status.value || row.getAttribute("data-standard") === status.value) &&
        list.every(function (alts) { return alts.some(function (w) { return hay.indexOf(w) >= 0; }); });
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown === total ? total + " codes" : shown + " of " + total + " codes";
    empty.hidden = shown > 0;
    var params = new URLSearchParams();
    if (q.value) params.set("q", q.value);
    if (kind.value) params.set("kind", kind.value);
    if (status.value) params.set("status", status.value);
    var query = params.toString();
    history.replaceState(null, "", "/codes" + (query ? "?" + query : ""));
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(apply, 60); }
  q.addEventListener("input", schedule);
  kind.addEventListener("change", apply);
  status.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
}

setUpExplain();
setUpBounce();
setUpCodes();
})();
`;

/** A short content hash for cache-busting asset URLs (FNV-1a, 32 bits). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
