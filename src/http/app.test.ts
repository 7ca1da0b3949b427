/**
 * The HTTP app through app.request() (no network): every route, the limits, the errors,
 * escaping and headers. Every response is also checked against /openapi.json.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkResponse } from "../../test/openapi-check.js";
import { parseBounce } from "../bounce/parse.js";
import { listBasicCodes, listEnhancedCodes, lookup } from "../codes/lookup.js";
import { diagnosisJson, lookupFields, recipientFields } from "../present/json.js";
import { explain } from "../reply/explain.js";
import { type AppOptions, CONTENT_SECURITY_POLICY, createApp, DEFAULT_LIMITS } from "./app.js";
import { APP_CSS, APP_JS } from "./assets.js";

const FIXTURE = readFileSync(new URL("./fixtures/bounce.eml", import.meta.url));

function client(options: AppOptions = { version: "test" }) {
  const app = createApp(options);
  let document: Record<string, unknown> | null = null;
  const call = async (path: string, init: RequestInit = {}) => {
    if (document === null)
      document = (await (await app.request("/openapi.json")).json()) as Record<string, unknown>;
    const response = await app.request(path, init);
    return checkResponse(document, init.method ?? "GET", path, response);
  };
  const post = (
    path: string,
    body: RequestInit["body"],
    type?: string,
    headers: Record<string, string> = {},
  ) =>
    call(path, {
      method: "POST",
      body,
      headers: type === undefined ? headers : { "content-type": type, ...headers },
    });
  const postJson = (body: unknown) =>
    post("/v1/explain", typeof body === "string" ? body : JSON.stringify(body), "application/json");
  return { app, call, post, postJson };
}

const api = client();
type Row = Record<string, unknown>;

function multipart(
  fields: { name: string; filename?: string; type?: string; content: string | Uint8Array }[],
) {
  const boundary = "----smtpcodes-test-boundary";
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const field of fields) {
    parts.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field.name}"${field.filename ? `; filename="${field.filename}"` : ""}\r\n${field.type ? `Content-Type: ${field.type}\r\n` : ""}\r\n`,
      ),
    );
    parts.push(typeof field.content === "string" ? encoder.encode(field.content) : field.content);
    parts.push(encoder.encode("\r\n"));
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

describe("browser safety", () => {
  it("keeps node: imports in node.ts alone: the app runs in any runtime", () => {
    const dir = new URL("./", import.meta.url);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".ts") || name.endsWith(".test.ts") || name === "node.ts") continue;
      const text = readFileSync(new URL(name, dir), "utf8");
      assert.doesNotMatch(text, /from\s+["']node:|from\s+["']@hono\/node-server/, name);
      assert.doesNotMatch(text, /\bprocess\.|\bBuffer\b/, `${name} uses a Node global`);
    }
  });
});

describe("GET /v1/health", () => {
  it("answers ok with the version and the size of the knowledge base", async () => {
    const r = await api.call("/v1/health");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      status: "ok",
      name: "smtpcodes",
      version: "test",
      codes: { basic: listBasicCodes().length, enhanced: listEnhancedCodes().length },
    });
  });
});

describe("POST /v1/explain", () => {
  it("explains one reply with the same fields as explain --json", async () => {
    const reply = "550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown";
    const r = await api.postJson({ reply });
    assert.equal(r.status, 200);
    const body = r.body as Row;
    assert.equal(body.reason, "userunknown");
    assert.equal(body.permanent, true);
    assert.equal(body.suppressRecipient, true);
    assert.deepEqual(body, JSON.parse(JSON.stringify(diagnosisJson(explain(reply), 1))));
  });

  it("takes the issue's curl example (JSON sent as a form by curl -d)", async () => {
    const reply = "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred";
    const r = await api.post("/v1/explain", JSON.stringify({ reply }), "application/x-www-form-urlencoded");
    assert.equal(r.status, 200);
    assert.equal((r.body as Row).reason, explain(reply).reason);
    assert.equal((r.body as Row).permanent, false);
  });

  it("takes form fields and JSON with a charset or a +json type", async () => {
    const form = await api.post(
      "/v1/explain",
      "reply=550%205.1.1%20User%20unknown&recipient=ann%40gmail.com",
      "application/x-www-form-urlencoded",
    );
    assert.equal(form.status, 200);
    assert.equal((form.body as Row).reason, "userunknown");
    assert.equal(
      (form.body as Row).provider,
      explain("550 5.1.1 User unknown", { recipient: "ann@gmail.com" }).provider,
    );
    const charset = await api.post(
      "/v1/explain",
      JSON.stringify({ reply: "550 5.1.1 x" }),
      "application/json; charset=utf-8",
    );
    assert.equal(charset.status, 200);
    const plusJson = await api.post(
      "/v1/explain",
      JSON.stringify({ reply: "550 5.1.1 x" }),
      "application/vnd.x+json",
    );
    assert.equal(plusJson.status, 200);
    const noType = await api.post(
      "/v1/explain",
      new TextEncoder().encode(JSON.stringify({ reply: "550 5.1.1 x" })),
    );
    assert.equal(noType.status, 200);
  });

  it("passes the provider and recipient hints to explain", async () => {
    const r = await api.postJson({ reply: "550 5.7.1 blocked", provider: "gmail" });
    assert.deepEqual(
      r.body,
      JSON.parse(JSON.stringify(diagnosisJson(explain("550 5.7.1 blocked", { provider: "gmail" }), 1))),
    );
    assert.equal((r.body as Row).provider, "gmail");
  });

  it("explains a batch in input order, with top-level hints and per-item hints", async () => {
    const r = await api.postJson({
      replies: ["550 5.1.1 User unknown", { reply: "550 5.7.1 blocked", provider: "yahoo" }, "hello"],
      provider: "gmail",
    });
    assert.equal(r.status, 200);
    const body = r.body as { count: number; results: Row[] };
    assert.equal(body.count, 3);
    assert.deepEqual(
      body.results.map((x) => x.input),
      [1, 2, 3],
    );
    assert.equal(body.results[0]?.provider, "gmail");
    assert.deepEqual(
      body.results[1],
      JSON.parse(JSON.stringify(diagnosisJson(explain("550 5.7.1 blocked", { provider: "yahoo" }), 2))),
    );
    assert.equal(body.results[2]?.recognised, false);
  });

  it("takes a batch of 10,000 replies and refuses 10,001 with 413", async () => {
    const full = await api.postJson({
      replies: Array.from({ length: 10_000 }, (_, i) => `550 5.1.1 user${i}`),
    });
    assert.equal(full.status, 200);
    assert.equal((full.body as { count: number }).count, 10_000);
    const over = await api.postJson({ replies: Array.from({ length: 10_001 }, () => "x") });
    assert.equal(over.status, 413);
    assert.match((over.body as Row).message as string, /at most 10,000 replies/);
  });

  it("answers 400 with a message for malformed JSON and wrong shapes", async () => {
    const cases: [unknown, RegExp][] = [
      ['{"reply": "550', /^malformed JSON/],
      ["", /empty/],
      ["   ", /empty/],
      ["[]", /JSON object/],
      ["null", /JSON object/],
      ['"550 5.1.1"', /JSON object/],
      [{}, /JSON object/],
      [{ reply: 550 }, /"reply" must be a string/],
      [{ reply: "x", replies: [] }, /not both/],
      [{ replies: "x" }, /"replies" must be an array/],
      [{ replies: ["ok", null] }, /replies\[1\]/],
      [{ replies: [{ reply: 1 }] }, /replies\[0\]/],
      [{ replies: [{ reply: "x", provider: 3 }] }, /replies\[0\]: "provider" must be a string/],
      [{ reply: "x", provider: ["gmail"] }, /"provider" must be a string/],
      [{ reply: "x", recipient: "a".repeat(1001) }, /longer than 1000/],
    ];
    for (const [body, message] of cases) {
      const r = await api.postJson(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal((r.body as Row).error, "bad-request");
      assert.match((r.body as Row).message as string, message, JSON.stringify(body));
    }
  });

  it("answers 415 for a content type that is not JSON or a form", async () => {
    for (const type of [
      "text/xml",
      "application/xml",
      "multipart/form-data; boundary=x",
      "text/plain",
      "image/png",
    ]) {
      const r = await api.post("/v1/explain", '{"reply": "550"}', type);
      assert.equal(r.status, 415, type);
      assert.equal((r.body as Row).error, "unsupported-media-type");
    }
  });

  it("answers 413 for a body over the limit, declared or streamed, and closes the connection", async () => {
    const big = "x".repeat(DEFAULT_LIMITS.explainBytes + 1);
    const declared = await api.post("/v1/explain", big, "application/json", {
      "content-length": String(big.length),
    });
    assert.equal(declared.status, 413);
    assert.equal(declared.headers.get("connection"), "close");
    const small = client({ limits: { explainBytes: 1000 } });
    const chunk = new TextEncoder().encode("x".repeat(400));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunk);
      },
    });
    const streamed = await small.call("/v1/explain", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.match((streamed.body as Row).message as string, /larger than 1,000 bytes/);
  });
});

describe("GET /v1/codes", () => {
  const total = listBasicCodes().length + listEnhancedCodes().length;

  it("lists every code with the list --json objects, basic first", async () => {
    const r = await api.call("/v1/codes");
    const body = r.body as { count: number; codes: Row[] };
    assert.equal(body.count, total);
    assert.equal(body.codes.length, total);
    assert.equal(body.codes[0]?.kind, "basic");
    assert.equal(body.codes.at(-1)?.kind, "enhanced");
  });

  it("filters by kind, standing and words", async () => {
    const basic = (await api.call("/v1/codes?kind=basic")).body as { codes: Row[] };
    assert.equal(basic.codes.length, listBasicCodes().length);
    const standard = (await api.call("/v1/codes?status=standard")).body as { codes: Row[] };
    const nonStandard = (await api.call("/v1/codes?status=non-standard")).body as { codes: Row[] };
    assert.equal(standard.codes.length + nonStandard.codes.length, total);
    assert.ok(nonStandard.codes.every((c) => c.status === "non-standard" || c.status === "not-smtp"));
    assert.ok(standard.codes.every((c) => c.status !== "non-standard" && c.status !== "not-smtp"));
    const dmarc = (await api.call("/v1/codes?q=5.7.26")).body as { codes: Row[] };
    assert.ok(dmarc.codes.some((c) => c.code === "X.7.26"));
    const words = (await api.call("/v1/codes?q=MAILBOX%20full&kind=enhanced")).body as { codes: Row[] };
    assert.ok(words.codes.length > 0);
    assert.ok(words.codes.every((c) => c.kind === "enhanced"));
    const none = (await api.call("/v1/codes?q=no-such-words-anywhere")).body as { count: number };
    assert.equal(none.count, 0);
  });

  it("answers 400 for an unknown filter value", async () => {
    for (const query of ["kind=other", "status=standardish", `q=${"a".repeat(201)}`]) {
      const r = await api.call(`/v1/codes?${query}`);
      assert.equal(r.status, 400, query);
    }
  });
});

describe("GET /v1/codes/{code}", () => {
  it("looks up basic, enhanced, registry, paired and pattern codes like lookup --json", async () => {
    for (const code of ["550", "535", "5.7.26", "X.7.26", "450 4.2.0", "4xx", "5.7.509", "599"]) {
      const r = await api.call(`/v1/codes/${encodeURIComponent(code)}`);
      assert.equal(r.status, 200, code);
      assert.deepEqual(r.body, JSON.parse(JSON.stringify(lookupFields(lookup(code)))), code);
    }
    const myths = (await api.call("/v1/codes/535")).body as { myths: Row[] };
    assert.ok(myths.myths.length > 0, "535 carries its myth");
  });

  it("finds every code of the list", async () => {
    const list = (await api.call("/v1/codes")).body as { codes: Row[] };
    for (const entry of list.codes) {
      const r = await api.app.request(`/v1/codes/${encodeURIComponent(entry.code as string)}`);
      assert.equal(r.status, 200, entry.code as string);
    }
  });

  it("answers 404 JSON for what is not a code", async () => {
    for (const code of ["zzz", "999", "<script>alert(1)</script>", "x".repeat(500)]) {
      const r = await api.call(`/v1/codes/${encodeURIComponent(code)}`);
      assert.equal(r.status, 404, code);
      assert.equal((r.body as Row).error, "not-found");
      assert.equal(r.type, "application/json");
    }
  });
});

describe("POST /v1/bounces", () => {
  it("reads a bounce into per-recipient rows shaped like bounce --json", async () => {
    const r = await api.post("/v1/bounces", FIXTURE, "message/rfc822");
    assert.equal(r.status, 200);
    const body = r.body as { messages: Row[]; recipients: Row[] };
    assert.equal(body.messages.length, 1);
    assert.equal(body.messages[0]?.kind, "failed");
    assert.equal(body.messages[0]?.recipients, 2);
    assert.deepEqual(
      body.recipients.map((x) => [x.recipient, x.reason, x.permanent, x.suppressRecipient]),
      [
        ["ann@example.org", "userunknown", true, true],
        ["bob@example.org", "mailboxfull", true, false],
      ],
    );
    const report = parseBounce(FIXTURE);
    assert.deepEqual(
      body.recipients,
      report.recipients.map((x) => JSON.parse(JSON.stringify({ message: 0, ...recipientFields(report, x) }))),
    );
  });

  it("takes the raw types and an mbox of several messages", async () => {
    for (const type of [
      "application/octet-stream",
      "text/plain; charset=utf-8",
      "application/mbox",
      "message/global",
    ]) {
      const r = await api.post("/v1/bounces", FIXTURE, type);
      assert.equal(r.status, 200, type);
    }
    const text = FIXTURE.toString("latin1");
    const mbox = `From MAILER-DAEMON Mon Nov  3 09:12:44 2025\n${text}\nFrom someone@example.com Mon Nov  3 09:13:00 2025\nFrom: someone@example.com\nSubject: hello\n\nnot a bounce\n`;
    const r = await api.post("/v1/bounces", mbox, "application/mbox");
    const body = r.body as { messages: Row[]; recipients: Row[] };
    assert.deepEqual(
      body.messages.map((m) => [m.message, m.kind, m.recipients]),
      [
        [0, "failed", 2],
        [1, "not-a-bounce", 0],
      ],
    );
    assert.ok(body.recipients.every((x) => x.message === 0));
  });

  it("answers 415 without a raw email type, 400 for an empty body, 413 over the limit", async () => {
    for (const type of [undefined, "application/json", "multipart/form-data; boundary=x"]) {
      const r = await api.post("/v1/bounces", FIXTURE, type);
      assert.equal(r.status, 415, String(type));
    }
    assert.equal((await api.post("/v1/bounces", "", "message/rfc822")).status, 400);
    const small = client({ limits: { bounceBytes: 1000 } });
    const over = await small.post("/v1/bounces", FIXTURE, "message/rfc822");
    assert.equal(over.status, 413);
    const few = client({ limits: { bounceMessages: 1 } });
    const many = `From a Mon Nov  3 09:12:44 2025\nSubject: 1\n\nx\n\nFrom b Mon Nov  3 09:12:44 2025\nSubject: 2\n\ny\n`;
    assert.equal((await few.post("/v1/bounces", many, "application/mbox")).status, 413);
  });
});

describe("errors and headers", () => {
  it("answers 404 JSON for unknown API routes and 405 with Allow for a wrong method", async () => {
    for (const path of ["/v1", "/v1/", "/v1/nope", "/v1/codes/550/extra", "/v1/explain/x"]) {
      const r = await api.call(path);
      assert.equal(r.status, 404, path);
      assert.equal(r.type, "application/json", path);
    }
    const get = await api.call("/v1/explain");
    assert.equal(get.status, 405);
    assert.equal(get.headers.get("allow"), "POST");
    const put = await api.call("/v1/codes/550", { method: "PUT" });
    assert.equal(put.status, 405);
    assert.equal(put.headers.get("allow"), "GET, HEAD");
  });

  it("answers a human page for unknown pages", async () => {
    const r = await api.call("/no/such/page");
    assert.equal(r.status, 404);
    assert.equal(r.type, "text/html");
    assert.match(r.body as string, /Page not found/);
    const post = await api.call("/codes", { method: "POST" });
    assert.equal(post.status, 405);
    assert.equal(post.type, "text/html");
  });

  it("sends a strict Content-Security-Policy and nosniff on every response", async () => {
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
    for (const [path, init] of [
      ["/", {}],
      ["/codes/550", {}],
      ["/nope", {}],
      ["/v1/health", {}],
      ["/v1/nope", {}],
      ["/v1/explain", { method: "POST", body: "{", headers: { "content-type": "application/json" } }],
      ["/app.js", {}],
    ] as [string, RequestInit][]) {
      const r = await api.app.request(path, init);
      assert.equal(r.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY, path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(r.headers.get("x-frame-options"), "DENY", path);
    }
  });
});

describe("web page", () => {
  const pages = [
    "/",
    "/codes",
    "/codes/550",
    "/codes/5.7.26",
    "/codes/535",
    "/explain?reply=550%205.1.1%20x",
  ];

  it("has no inline script, no inline style, no event-handler attributes", async () => {
    for (const path of pages) {
      const r = await api.call(path);
      assert.equal(r.status, 200, path);
      const text = r.body as string;
      for (const tag of text.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /src="\/app\.js\?v=/, path);
      assert.doesNotMatch(text, /<script\b[^>]*>[^<]/, `${path}: inline script`);
      assert.doesNotMatch(text, /<style\b/, `${path}: inline style`);
      assert.doesNotMatch(text, /\sstyle=/, `${path}: style attribute`);
      assert.doesNotMatch(text, /\son[a-z]+=/, `${path}: event handler attribute`);
      assert.match(text, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
      assert.match(text, /<html lang="en">/);
    }
  });

  it("renders the diagnosis of /explain without JavaScript", async () => {
    const r = await api.call(
      "/explain?reply=550+5.1.1+%3Cann%40example.org%3E%3A+User+unknown&provider=gmail",
    );
    const text = r.body as string;
    assert.match(text, /<code>userunknown<\/code>/);
    assert.match(text, /suppress the recipient/);
    assert.match(text, /What the receiving admin should look at/);
    assert.match(text, /rule <code>/);
    assert.match(text, /href="\/codes\/5\.1\.1"/);
    assert.match(text, /&lt;ann@example\.org&gt;/);
    assert.equal((await api.call("/explain?reply=")).status, 400);
  });

  it("renders every code in the table with badges, and filters it without JavaScript", async () => {
    const total = listBasicCodes().length + listEnhancedCodes().length;
    const all = (await api.call("/codes")).body as string;
    assert.equal((all.match(/<tr /g) ?? []).length, total);
    assert.match(all, new RegExp(`${total} codes`));
    assert.match(all, /badge-bad">non-standard</);
    assert.match(all, /badge-good">standard</);
    const some = (await api.call("/codes?q=mailbox+full")).body as string;
    const hidden = (some.match(/<tr hidden /g) ?? []).length;
    assert.ok(hidden > 0 && hidden < total);
    assert.match(some, new RegExp(`${total - hidden} of ${total} codes`));
    assert.match(some, /value="mailbox full"/);
    const odd = (await api.call("/codes?kind=%3Cx%3E&q=mailbox+full")).body as string;
    assert.match(odd, new RegExp(`${total - hidden} of ${total} codes`), "a bad kind keeps the words");
  });

  it("renders a page per code with its myths, and a 404 page for no code", async () => {
    const page = (await api.call("/codes/535")).body as string;
    assert.match(page, /Myths and corrections/);
    assert.match(page, /Correction/);
    const first = lookup("535").myths[0];
    assert.ok(first);
    assert.ok(
      page.includes(
        first.correction.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").slice(0, 40),
      ),
    );
    const pair = await api.call(`/codes/${encodeURIComponent("450 4.2.0")}`);
    assert.equal(pair.status, 200);
    const missing = await api.call("/codes/zzz");
    assert.equal(missing.status, 404);
    assert.match(missing.body as string, /Unknown code/);
  });

  it("serves every code of the table on its own page", async () => {
    const list = (await api.call("/v1/codes")).body as { codes: Row[] };
    for (const entry of list.codes) {
      const r = await api.app.request(`/codes/${encodeURIComponent(entry.code as string)}`);
      assert.equal(r.status, 200, entry.code as string);
    }
  });

  it("reads a bounce posted by the form without JavaScript", async () => {
    const form = multipart([
      { name: "file", filename: "bounce.eml", type: "message/rfc822", content: FIXTURE },
    ]);
    const r = await api.post("/bounce", form.body, form.type);
    assert.equal(r.status, 200);
    assert.match(r.body as string, /ann@example\.org/);
    assert.match(r.body as string, /<code>mailboxfull<\/code>/);
    const empty = multipart([{ name: "file", filename: "", type: "application/octet-stream", content: "" }]);
    assert.equal((await api.post("/bounce", empty.body, empty.type)).status, 400);
    const noFile = multipart([{ name: "other", content: "x" }]);
    assert.equal((await api.post("/bounce", noFile.body, noFile.type)).status, 400);
    assert.equal((await api.post("/bounce", "x", "text/plain")).status, 415);
    assert.equal((await api.post("/bounce", "--x\r\n", "multipart/form-data; boundary=y")).status, 400);
    const small = client({ limits: { bounceBytes: 10 } });
    const big = multipart([{ name: "file", filename: "big.eml", content: "x".repeat(70_000) }]);
    assert.equal((await small.post("/bounce", big.body, big.type)).status, 413);
  });

  it("serves its script and style sheet, cached by version", async () => {
    const home = (await api.call("/")).body as string;
    const script = /src="(\/app\.js\?v=[^"]+)"/.exec(home)?.[1] as string;
    const style = /href="(\/app\.css\?v=[^"]+)"/.exec(home)?.[1] as string;
    const js = await api.call(script);
    assert.equal(js.type, "text/javascript");
    assert.equal(js.body, APP_JS);
    assert.match(js.headers.get("cache-control") ?? "", /immutable/);
    const css = await api.call(style);
    assert.equal(css.type, "text/css");
    assert.equal(css.body, APP_CSS);
    const stale = await api.call("/app.js?v=old");
    assert.equal(stale.headers.get("cache-control"), "no-cache");
    const again = await api.call("/app.js", { headers: { "if-none-match": js.headers.get("etag") ?? "" } });
    assert.equal(again.status, 304);
    // The script parses (a syntax error would only show in a browser).
    assert.doesNotThrow(() => new Function(APP_JS));
    assert.doesNotMatch(APP_JS, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});

describe("hostile input", () => {
  const attack = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;

  it("escapes whatever it echoes into a page", async () => {
    const pages = [
      `/explain?reply=${encodeURIComponent(`550 5.1.1 ${attack}`)}&provider=${encodeURIComponent(attack)}&recipient=${encodeURIComponent(attack)}`,
      `/codes?q=${encodeURIComponent(attack)}`,
      `/codes/${encodeURIComponent(attack)}`,
      `/nope/${encodeURIComponent(attack)}`,
    ];
    for (const path of pages) {
      const r = await api.call(path);
      const text = r.body as string;
      assert.doesNotMatch(text, /<script>alert|<img src=x/, path);
    }
    const explained = (await api.call(pages[0] as string)).body as string;
    assert.match(explained, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  });

  it("escapes a hostile bounce in the page", async () => {
    const text = FIXTURE.toString("latin1")
      .replace("Subject: Undelivered Mail Returned to Sender", `Subject: ${attack}`)
      .replace(/ann@example\.org/g, `"<img src=x onerror=alert(1)>"@example.org`);
    const form = multipart([{ name: "file", filename: "x.eml", content: Buffer.from(text, "latin1") }]);
    const r = await api.post("/bounce", form.body, form.type);
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.body as string, /<script>alert|<img src=x/);
    assert.match(r.body as string, /&lt;script&gt;alert/);
  });

  it("answers JSON, never HTML, for hostile API input", async () => {
    const r = await api.postJson({ reply: attack });
    assert.equal(r.type, "application/json");
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    assert.equal((r.body as Row).reply, attack);
  });

  it("keeps serving under a flood of bad requests", async () => {
    const bad: [string, RequestInit][] = [
      ["/v1/explain", { method: "POST", body: "{", headers: { "content-type": "application/json" } }],
      ["/v1/explain", { method: "POST", body: "x", headers: { "content-type": "text/xml" } }],
      [
        "/v1/explain",
        { method: "POST", body: '{"replies": [1]}', headers: { "content-type": "application/json" } },
      ],
      [
        "/v1/explain",
        { method: "POST", body: "\u0000".repeat(10_000), headers: { "content-type": "application/json" } },
      ],
      [
        "/v1/bounces",
        { method: "POST", body: "\u0000\u00ff".repeat(5000), headers: { "content-type": "message/rfc822" } },
      ],
      ["/v1/bounces", { method: "POST", body: "x", headers: { "content-type": "application/json" } }],
      ["/v1/codes/%E0%A4%A", {}],
      ["/v1/codes?kind=%00", {}],
      [`/codes/${"%".repeat(50)}`, {}],
      [
        "/bounce",
        {
          method: "POST",
          body: "--a\r\n\r\n",
          headers: { "content-type": "multipart/form-data; boundary=a" },
        },
      ],
      ["/../../etc/passwd", {}],
      ["/v1/explain", { method: "DELETE" }],
    ];
    const statuses = new Map<number, number>();
    for (let round = 0; round < 100; round++) {
      const responses = await Promise.all(
        bad.map(([path, init]) => api.app.request(path, { ...init, body: init.body ?? null })),
      );
      for (const response of responses) {
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        await response.arrayBuffer();
      }
    }
    assert.equal(statuses.get(500), undefined, `no internal errors: ${JSON.stringify([...statuses])}`);
    const ok = await api.postJson({ reply: "550 5.1.1 User unknown" });
    assert.equal(ok.status, 200);
    assert.equal((await api.call("/v1/health")).status, 200);
  });
});
