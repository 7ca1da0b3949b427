/**
 * HTML by tagged template where every interpolated value is escaped unless it is itself
 * the result of `html`: markup injection needs a deliberate `raw`, never a forgotten call.
 */

const SAFE: unique symbol = Symbol("safe-html");

/** A piece of markup that is already safe to send. */
export interface SafeHtml {
  readonly [SAFE]: string;
}

/** Text as HTML, safe inside element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entity: string;
    if (c === 38) entity = "&amp;";
    else if (c === 60) entity = "&lt;";
    else if (c === 62) entity = "&gt;";
    else if (c === 34) entity = "&quot;";
    else if (c === 39) entity = "&#39;";
    else continue;
    out += text.slice(last, i) + entity;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

function piece(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(piece).join("");
  if (typeof value === "object" && SAFE in value) return (value as SafeHtml)[SAFE];
  return escapeHtml(String(value));
}

/**
 * Markup with escaped values. Arrays are joined; null, undefined and false render nothing.
 *
 * @example
 * ```ts
 * import { html, toText } from "./html.js";
 * toText(html`<b>${"<i>"}</b>`); // "<b>&lt;i&gt;</b>"
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + (strings[i + 1] ?? "");
  return { [SAFE]: out };
}

/** Markup the program wrote itself (never input). */
export function raw(markup: string): SafeHtml {
  return { [SAFE]: markup };
}

export function toText(markup: SafeHtml): string {
  return markup[SAFE];
}
