/**
 * The HTTP API and web page as a function of the browser-safe core: `createApp()` returns a
 * Hono app whose `fetch` runs in Node (see node.ts), Deno, Bun, workers or a test's
 * `app.request()`. No node: imports here.
 *
 * API (JSON; described exactly by /openapi.json):
 *   GET  /v1/health          POST /v1/explain     GET /v1/codes
 *   GET  /v1/codes/{code}    POST /v1/bounces     GET /openapi.json
 * Web page (HTML that works without JavaScript; /app.js and /app.css enhance it):
 *   GET  /   GET /explain   POST /bounce   GET /codes   GET /codes/{code}
 */
import { type Context, Hono } from "hono";
import { splitMbox } from "../bounce/mbox.js";
import { binaryString } from "../bounce/mime.js";
import { parseBounce } from "../bounce/parse.js";
import type { BounceReport } from "../bounce/types.js";
import { listBasicCodes, listEnhancedCodes, lookup } from "../codes/lookup.js";
import { diagnosisJson, lookupFields, recipientFields, reportFields } from "../present/json.js";
import { type ExplainOptions, explain } from "../reply/explain.js";
import { MAX_REPLY_LENGTH } from "../reply/parse.js";
import { escapeRegExp } from "../strings.js";
import { APP_CSS, APP_JS, fingerprint } from "./assets.js";
import { type CodeFilter, codeRows, filterCodes, MAX_SEARCH } from "./codes.js";
import { openApiDocument } from "./openapi.js";
import { type AssetUrls, codePage, codesPage, type ExplainInput, homePage, problemPage } from "./pages.js";

/** Size and count limits; each has a default and can be lowered (or raised) per app. */
export interface Limits {
  /** Largest body of POST /v1/explain, in bytes. */
  explainBytes: number;
  /** Most replies in one explain batch. */
  batchReplies: number;
  /** Largest body of POST /v1/bounces and POST /bounce, in bytes. */
  bounceBytes: number;
  /** Most messages in one uploaded mbox. */
  bounceMessages: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = {
  // 10,000 replies of a few hundred characters each, with their JSON quoting.
  explainBytes: 4 * MiB,
  batchReplies: 10_000,
  bounceBytes: 25 * MiB,
  bounceMessages: 10_000,
};

export interface AppOptions {
  /** Version reported by /v1/health and /openapi.json (the package version). */
  version?: string;
  limits?: Partial<Limits>;
}

/** Where scripts, styles, requests and forms may go: this server only, nothing inline. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Longest hint (provider, recipient, remote MTA, status) taken by explain. */
const MAX_HINT = 1000;

/** Error names of the API's error bodies, by status. */
const ERROR_NAMES: Record<number, string> = {
  400: "bad-request",
  404: "not-found",
  405: "method-not-allowed",
  413: "payload-too-large",
  415: "unsupported-media-type",
  500: "internal-error",
};

type ErrorStatus = 400 | 404 | 405 | 413 | 415 | 500;

function apiError(c: Context, status: ErrorStatus, message: string): Response {
  if (status === 413) c.header("connection", "close");
  return c.json({ error: ERROR_NAMES[status] ?? "error", message, status }, status);
}

/** The media type of a Content-Type header, lower-cased, without parameters; null when absent. */
function mediaType(header: string | undefined): string | null {
  if (header === undefined) return null;
  const semicolon = header.indexOf(";");
  return (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

const TOO_LARGE = Symbol("too-large");

/** "25 MiB" or "1,000 bytes", for messages about limits. */
function size(bytes: number): string {
  return bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes.toLocaleString("en-US")} bytes`;
}

/**
 * The request body, or TOO_LARGE as soon as it passes `limit` bytes. A declared length
 * over the limit is refused before reading anything; a chunked body is counted as it comes.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array | typeof TOO_LARGE> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length > limit) return TOO_LARGE;
    // The HTTP layer delivers exactly Content-Length bytes, so this read is bounded.
    return new Uint8Array(await request.arrayBuffer());
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const utf8 = new TextDecoder("utf-8");

const HINTS = ["provider", "recipient", "remoteMta", "status"] as const;

/** Explain options from an object's hint fields, or an error message. */
function readHints(object: Record<string, unknown>, where: string): ExplainOptions | string {
  const options: ExplainOptions = {};
  for (const name of HINTS) {
    const value = object[name];
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") return `${where}"${name}" must be a string`;
    if (value.length > MAX_HINT) return `${where}"${name}" is longer than ${MAX_HINT} characters`;
    options[name] = value;
  }
  return options;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

type ExplainOutcome = { status: 200; body: unknown } | { status: 400 | 413; message: string };

/** The answer to an explain request body (already parsed). */
function explainBody(value: unknown, limits: Limits): ExplainOutcome {
  const shape = 'the body must be a JSON object with "reply" (a string) or "replies" (an array)';
  if (!isObject(value)) return { status: 400, message: shape };
  const base = readHints(value, "");
  if (typeof base === "string") return { status: 400, message: base };
  const hasReply = value.reply !== undefined;
  const hasReplies = value.replies !== undefined;
  if (hasReply === hasReplies)
    return { status: 400, message: hasReply ? 'give "reply" or "replies", not both' : shape };
  if (hasReply) {
    if (typeof value.reply !== "string") return { status: 400, message: '"reply" must be a string' };
    return { status: 200, body: diagnosisJson(explain(value.reply, base), 1) };
  }
  const replies = value.replies;
  if (!Array.isArray(replies)) return { status: 400, message: '"replies" must be an array' };
  if (replies.length > limits.batchReplies)
    return {
      status: 413,
      message: `a batch holds at most ${limits.batchReplies.toLocaleString("en-US")} replies; this one has ${replies.length.toLocaleString("en-US")}`,
    };
  // Check the whole batch before explaining any of it: one bad item fails the request.
  const inputs: { reply: string; options: ExplainOptions }[] = [];
  for (let i = 0; i < replies.length; i++) {
    const item = replies[i];
    if (typeof item === "string") {
      inputs.push({ reply: item, options: base });
      continue;
    }
    if (!isObject(item) || typeof item.reply !== "string")
      return {
        status: 400,
        message: `replies[${i}] must be a string or an object with a "reply" string`,
      };
    const own = readHints(item, `replies[${i}]: `);
    if (typeof own === "string") return { status: 400, message: own };
    inputs.push({ reply: item.reply, options: { ...base, ...own } });
  }
  const results = inputs.map((input, i) => diagnosisJson(explain(input.reply, input.options), i + 1));
  return { status: 200, body: { count: results.length, results } };
}

/** Every message of an upload (one message or an mbox), parsed. */
function readBounces(bytes: Uint8Array, limits: Limits): BounceReport[] | string {
  const messages = splitMbox(binaryString(bytes));
  if (messages.length > limits.bounceMessages)
    return `an upload holds at most ${limits.bounceMessages.toLocaleString("en-US")} messages; this one has ${messages.length.toLocaleString("en-US")}`;
  return messages.length === 0 ? [parseBounce("")] : messages.map((message) => parseBounce(message));
}

function bouncesJson(reports: BounceReport[]): { messages: unknown[]; recipients: unknown[] } {
  const messages: unknown[] = [];
  const recipients: unknown[] = [];
  for (const [message, report] of reports.entries()) {
    messages.push({ message, ...reportFields(report) });
    for (const r of report.recipients) recipients.push(recipientFields(report, r, { message }));
  }
  return { messages, recipients };
}

const BOUNCE_TYPES = new Set([
  "message/rfc822",
  "message/global",
  "application/mbox",
  "application/octet-stream",
  "text/plain",
]);

function codeFilter(query: (name: string) => string | undefined): CodeFilter | string {
  const kind = query("kind") || undefined;
  const status = query("status") || undefined;
  const q = query("q") || undefined;
  if (kind !== undefined && kind !== "basic" && kind !== "enhanced")
    return '"kind" must be "basic" or "enhanced"';
  if (status !== undefined && status !== "standard" && status !== "non-standard")
    return '"status" must be "standard" or "non-standard"';
  if (q !== undefined && q.length > MAX_SEARCH) return `"q" is longer than ${MAX_SEARCH} characters`;
  return { kind, status, q };
}

/** A route pattern of the app ("/v1/codes/:code") as a matcher of concrete paths. */
function pathMatcher(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : escapeRegExp(part)))
    .join("/");
  return new RegExp(`^${source}$`);
}

/**
 * The smtpcodes HTTP app: JSON API, OpenAPI document and web page.
 *
 * @example
 * ```ts
 * import { createApp } from "./app.js";
 * const app = createApp();
 * const response = await app.request("/v1/explain", {
 *   method: "POST",
 *   headers: { "content-type": "application/json" },
 *   body: JSON.stringify({ reply: "550 5.1.1 <ann@example.org>: User unknown" }),
 * });
 * response.status;                      // 200
 * (await response.json()).reason;       // "userunknown"
 * ```
 */
export function createApp(options: AppOptions = {}): Hono {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const version = options.version ?? "unknown";
  const scriptVersion = fingerprint(APP_JS);
  const styleVersion = fingerprint(APP_CSS);
  const assets: AssetUrls = { script: `/app.js?v=${scriptVersion}`, style: `/app.css?v=${styleVersion}` };
  const health = {
    status: "ok",
    name: "smtpcodes",
    version,
    codes: { basic: listBasicCodes().length, enhanced: listEnhancedCodes().length },
  };
  const document = openApiDocument({ version, limits });

  const app = new Hono();

  app.use(async (c, next) => {
    c.header("content-security-policy", CONTENT_SECURITY_POLICY);
    c.header("x-content-type-options", "nosniff");
    c.header("x-frame-options", "DENY");
    c.header("referrer-policy", "no-referrer");
    c.header("cross-origin-opener-policy", "same-origin");
    c.header("cross-origin-resource-policy", "same-origin");
    await next();
  });

  // ---- API ----

  app.get("/v1/health", (c) => c.json(health));

  app.post("/v1/explain", async (c) => {
    const type = mediaType(c.req.header("content-type"));
    const form = type === "application/x-www-form-urlencoded";
    if (type !== null && type !== "application/json" && !type.endsWith("+json") && !form)
      return apiError(
        c,
        415,
        `send JSON (content-type application/json), not ${type.slice(0, 100)}; form fields reply, provider and recipient are taken too`,
      );
    const bytes = await readBody(c.req.raw, limits.explainBytes);
    if (bytes === TOO_LARGE) return apiError(c, 413, `the body is larger than ${size(limits.explainBytes)}`);
    const text = utf8.decode(bytes);
    let value: unknown;
    // `curl -d '{"reply": ...}'` sends JSON labelled as a form; a real form starts otherwise.
    if (form && !text.trimStart().startsWith("{")) {
      const fields = new URLSearchParams(text);
      const object: Record<string, string> = {};
      for (const name of ["reply", ...HINTS]) {
        const field = fields.get(name);
        if (field !== null) object[name] = field;
      }
      value = object;
    } else {
      if (text.trim() === "") return apiError(c, 400, 'the body is empty: send {"reply": "..."}');
      try {
        value = JSON.parse(text);
      } catch (error) {
        return apiError(c, 400, `malformed JSON: ${(error as Error).message.slice(0, 200)}`);
      }
    }
    const outcome = explainBody(value, limits);
    if (outcome.status !== 200) return apiError(c, outcome.status, outcome.message);
    return c.json(outcome.body);
  });

  app.get("/v1/codes", (c) => {
    const filter = codeFilter((name) => c.req.query(name));
    if (typeof filter === "string") return apiError(c, 400, filter);
    const rows = filterCodes(filter);
    return c.json({ count: rows.length, codes: rows.map((row) => row.json) });
  });

  app.get("/v1/codes/:code", (c) => {
    const query = c.req.param("code");
    const result = lookup(query);
    if (!result.found)
      return apiError(
        c,
        404,
        `no code "${query.slice(0, 64)}": ${result.meaning || "nothing is known about it"}`,
      );
    return c.json(lookupFields(result));
  });

  app.post("/v1/bounces", async (c) => {
    const type = mediaType(c.req.header("content-type"));
    if (type === null || !BOUNCE_TYPES.has(type))
      return apiError(
        c,
        415,
        `send the raw email with content-type ${[...BOUNCE_TYPES].join(", ")}${type === null ? "" : `, not ${type.slice(0, 100)}`}`,
      );
    const bytes = await readBody(c.req.raw, limits.bounceBytes);
    if (bytes === TOO_LARGE) return apiError(c, 413, `the body is larger than ${size(limits.bounceBytes)}`);
    if (bytes.byteLength === 0) return apiError(c, 400, "the body is empty: send the raw bounce email");
    const reports = readBounces(bytes, limits);
    if (typeof reports === "string") return apiError(c, 413, reports);
    return c.json(bouncesJson(reports));
  });

  app.get("/openapi.json", (c) => c.json(document));

  // ---- Web page ----

  const page = (c: Context, body: string, status: 200 | 400 | 404 | 405 | 413 | 415 | 500 = 200) => {
    if (status === 413) c.header("connection", "close");
    return c.html(body, status);
  };
  const emptyInput: ExplainInput = { reply: "", provider: "", recipient: "" };

  app.get("/", (c) => page(c, homePage({ input: emptyInput }, assets)));

  app.get("/explain", (c) => {
    const field = (name: string) => (c.req.query(name) ?? "").slice(0, MAX_REPLY_LENGTH);
    const input: ExplainInput = {
      reply: field("reply"),
      provider: field("provider").slice(0, MAX_HINT),
      recipient: field("recipient").slice(0, MAX_HINT),
    };
    if (input.reply.trim() === "")
      return page(c, homePage({ input, error: "Paste a reply first." }, assets), 400);
    const hints: ExplainOptions = {};
    if (input.provider.trim()) hints.provider = input.provider.trim();
    if (input.recipient.trim()) hints.recipient = input.recipient.trim();
    return page(c, homePage({ input, diagnosis: explain(input.reply, hints) }, assets));
  });

  app.post("/bounce", async (c) => {
    const problem = (status: 400 | 413 | 415, error: string) =>
      page(c, homePage({ input: emptyInput, error }, assets), status);
    const header = c.req.header("content-type") ?? "";
    if (mediaType(header) !== "multipart/form-data")
      return problem(415, "Send the bounce file from the form (multipart/form-data).");
    // Room for the multipart framing around a file of the largest size.
    const bytes = await readBody(c.req.raw, limits.bounceBytes + 64 * 1024);
    if (bytes === TOO_LARGE) return problem(413, `The file is larger than ${size(limits.bounceBytes)}.`);
    let file: unknown;
    try {
      const form = await new Request("http://form.invalid/", {
        method: "POST",
        headers: { "content-type": header },
        body: bytes,
      }).formData();
      file = form.get("file");
    } catch {
      return problem(400, "The form could not be read.");
    }
    if (file === null || typeof file === "string" || (file as Blob).size === 0)
      return problem(400, "Choose a bounce file first.");
    if ((file as Blob).size > limits.bounceBytes)
      return problem(413, `The file is larger than ${size(limits.bounceBytes)}.`);
    const reports = readBounces(new Uint8Array(await (file as Blob).arrayBuffer()), limits);
    if (typeof reports === "string") return problem(413, reports);
    return page(c, homePage({ input: emptyInput, bounces: reports }, assets));
  });

  app.get("/codes", (c) => {
    // The page forgives odd filter values (a hand-edited URL): they mean "all".
    const valid: CodeFilter = {};
    for (const name of ["kind", "status", "q"] as const) {
      const one = codeFilter((asked) =>
        asked === name ? c.req.query(name)?.slice(0, MAX_SEARCH) : undefined,
      );
      if (typeof one !== "string") Object.assign(valid, { [name]: one[name] });
    }
    const matching = new Set(filterCodes(valid));
    return page(c, codesPage(codeRows(), matching, valid, assets));
  });

  app.get("/codes/:code", (c) => {
    const query = c.req.param("code");
    const result = lookup(query);
    if (!result.found)
      return page(
        c,
        problemPage(
          404,
          "Unknown code",
          `smtpcodes knows nothing about “${query.slice(0, 64)}”. ${result.meaning}`,
          assets,
        ),
        404,
      );
    return page(c, codePage(result, assets));
  });

  const asset = (body: string, type: string, current: string) => (c: Context) => {
    const etag = `"${current}"`;
    c.header("etag", etag);
    c.header(
      "cache-control",
      c.req.query("v") === current ? "public, max-age=31536000, immutable" : "no-cache",
    );
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    return c.body(body, 200, { "content-type": type });
  };
  app.get("/app.js", asset(APP_JS, "text/javascript; charset=utf-8", scriptVersion));
  app.get("/app.css", asset(APP_CSS, "text/css; charset=utf-8", styleVersion));

  // ---- Everything else ----

  let matchers: { pattern: RegExp; methods: string[] }[] | null = null;
  const allowedMethods = (path: string): string[] => {
    if (matchers === null) {
      const byPath = new Map<string, Set<string>>();
      for (const route of app.routes) {
        if (route.method === "ALL") continue;
        const methods = byPath.get(route.path) ?? new Set<string>();
        methods.add(route.method);
        if (route.method === "GET") methods.add("HEAD");
        byPath.set(route.path, methods);
      }
      matchers = [...byPath].map(([path, methods]) => ({
        pattern: pathMatcher(path),
        methods: [...methods],
      }));
    }
    return matchers.find((m) => m.pattern.test(path))?.methods ?? [];
  };

  app.notFound((c) => {
    const path = c.req.path;
    const api = path === "/v1" || path.startsWith("/v1/");
    const allowed = allowedMethods(path);
    if (allowed.length > 0) {
      c.header("allow", allowed.join(", "));
      if (api) return apiError(c, 405, `${path} takes ${allowed.join(" or ")}, not ${c.req.method}`);
      return page(
        c,
        problemPage(405, "Method not allowed", `This page takes ${allowed.join(" or ")}.`, assets),
        405,
      );
    }
    if (api) return apiError(c, 404, `no API route ${path.slice(0, 200)}; see /openapi.json`);
    return page(c, problemPage(404, "Page not found", "There is no page at this address.", assets), 404);
  });

  app.onError((error, c) => {
    console.error("smtpcodes serve:", error);
    const path = c.req.path;
    if (path === "/v1" || path.startsWith("/v1/")) return apiError(c, 500, "internal error");
    return page(
      c,
      problemPage(500, "Something went wrong", "The server met an error; try again.", assets),
      500,
    );
  });

  return app;
}
