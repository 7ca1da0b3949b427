/**
 * /openapi.json matches the server exactly: the same routes both ways, and for every
 * documented operation a request for each documented status, whose response (status,
 * content type, body) the document describes.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { validate } from "../../test/json-schema.js";
import { checkResponse, findOperation } from "../../test/openapi-check.js";
import { createApp } from "./app.js";

const FIXTURE = readFileSync(new URL("./fixtures/bounce.eml", import.meta.url));
const app = createApp({ version: "9.9.9" });
const small = createApp({ version: "9.9.9", limits: { explainBytes: 100, bounceBytes: 100 } });
const document = (await (await app.request("/openapi.json")).json()) as Record<string, unknown>;
const paths = document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const raw = (body: RequestInit["body"], type: string) => ({
  method: "POST",
  headers: { "content-type": type },
  body,
});
const form = (content: string) => {
  const boundary = "b0undary";
  return raw(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.eml"\r\nContent-Type: message/rfc822\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    `multipart/form-data; boundary=${boundary}`,
  );
};

/** Requests that together reach every documented status of every operation. */
const CASES: { path: string; init?: RequestInit; status: number; limited?: boolean }[] = [
  { path: "/v1/health", status: 200 },
  { path: "/v1/explain", init: json({ reply: "550 5.1.1 User unknown" }), status: 200 },
  { path: "/v1/explain", init: json({ replies: ["550 5.1.1 x", { reply: "452 4.2.2 full" }] }), status: 200 },
  { path: "/v1/explain", init: json({ replies: [] }), status: 200 },
  {
    path: "/v1/explain",
    init: raw("reply=421+4.7.0+try+later", "application/x-www-form-urlencoded"),
    status: 200,
  },
  { path: "/v1/explain", init: raw("{", "application/json"), status: 400 },
  { path: "/v1/explain", init: json({ reply: "x".repeat(200) }), status: 413, limited: true },
  { path: "/v1/explain", init: raw("<a/>", "application/xml"), status: 415 },
  { path: "/v1/codes", status: 200 },
  { path: "/v1/codes?kind=enhanced&status=non-standard&q=microsoft", status: 200 },
  { path: "/v1/codes?kind=x", status: 400 },
  { path: "/v1/codes/550", status: 200 },
  { path: "/v1/codes/5.7.26", status: 200 },
  { path: "/v1/codes/X.7.26", status: 200 },
  { path: "/v1/codes/450%204.2.0", status: 200 },
  { path: "/v1/codes/4xx", status: 200 },
  { path: "/v1/codes/x.7.yyy", status: 200 },
  { path: "/v1/codes/500.0", status: 200 },
  { path: "/v1/codes/nothing", status: 404 },
  { path: "/v1/bounces", init: raw(FIXTURE, "message/rfc822"), status: 200 },
  { path: "/v1/bounces", init: raw("Subject: hi\r\n\r\nhello", "text/plain"), status: 200 },
  { path: "/v1/bounces", init: raw("", "message/rfc822"), status: 400 },
  { path: "/v1/bounces", init: raw(FIXTURE, "message/rfc822"), status: 413, limited: true },
  { path: "/v1/bounces", init: raw("x", "application/json"), status: 415 },
  { path: "/openapi.json", status: 200 },
  { path: "/", status: 200 },
  { path: "/explain?reply=550+5.1.1+x&provider=gmail.com&recipient=a%40b.c", status: 200 },
  { path: "/explain", status: 400 },
  { path: "/bounce", init: form(FIXTURE.toString("latin1")), status: 200 },
  { path: "/bounce", init: form(""), status: 400 },
  { path: "/bounce", init: form(FIXTURE.toString("latin1")), status: 413, limited: true },
  { path: "/bounce", init: raw("x", "text/plain"), status: 415 },
  { path: "/codes", status: 200 },
  { path: "/codes?q=full&kind=basic&status=standard", status: 200 },
  { path: "/codes/550", status: 200 },
  { path: "/codes/nothing", status: 404 },
  { path: "/app.js", status: 200 },
  { path: "/app.js", init: { headers: { "if-none-match": "*" } }, status: 304 },
  { path: "/app.css", status: 200 },
  { path: "/app.css", init: { headers: { "if-none-match": "*" } }, status: 304 },
];

/** The If-None-Match cases need the real ETag. */
async function withEtag(path: string, init: RequestInit | undefined): Promise<RequestInit | undefined> {
  const headers = init?.headers as Record<string, string> | undefined;
  if (headers?.["if-none-match"] !== "*") return init;
  const etag = (await app.request(path)).headers.get("etag") ?? "";
  return { ...init, headers: { "if-none-match": etag } };
}

function walkSchemas(node: unknown, visit: (schema: Record<string, unknown>) => void): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) walkSchemas(item, visit);
    return;
  }
  const object = node as Record<string, unknown>;
  if ("schema" in object && typeof object.schema === "object")
    visit(object.schema as Record<string, unknown>);
  for (const value of Object.values(object)) walkSchemas(value, visit);
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with the app's version", () => {
    assert.equal(document.openapi, "3.1.0");
    assert.equal((document.info as Record<string, unknown>).version, "9.9.9");
  });

  it("lists exactly the routes of the app", () => {
    const fromApp = new Set(
      app.routes
        .filter((route) => route.method !== "ALL")
        .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, "{$1}")}`),
    );
    const fromDocument = new Set(
      Object.entries(paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    assert.deepEqual([...fromApp].sort(), [...fromDocument].sort());
  });

  it("uses only schema keywords the checker knows, and every $ref resolves", () => {
    const schemas = (document.components as Record<string, Record<string, Record<string, unknown>>>).schemas;
    const all = [...Object.values(schemas ?? {})];
    walkSchemas(document.paths, (schema) => all.push(schema));
    for (const schema of all) {
      // Any value: only the keyword check and $ref resolution matter here.
      assert.doesNotThrow(() => validate(schema, {}, document));
      assert.doesNotThrow(() => validate(schema, [], document));
      assert.doesNotThrow(() => validate(schema, "x", document));
    }
  });

  it("describes every response: each documented status is reached and conforms", async () => {
    const reached = new Set<string>();
    for (const test of CASES) {
      const init = await withEtag(test.path, test.init);
      const method = init?.method ?? "GET";
      const response = await (test.limited ? small : app).request(test.path, init);
      const checked = await checkResponse(document, method, test.path, response);
      assert.equal(checked.status, test.status, `${method} ${test.path}`);
      const found = findOperation(document, method, test.path);
      assert.ok(found);
      reached.add(`${method} ${found.template} ${checked.status}`);
    }
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.keys(operation.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    assert.deepEqual(
      documented.filter((key) => !reached.has(key)),
      [],
      "documented responses no test reaches",
    );
  });

  it("describes the errors of undocumented API paths and methods", async () => {
    for (const [path, method] of [
      ["/v1/unknown", "GET"],
      ["/v1/explain", "GET"],
      ["/v1/health", "POST"],
    ] as const) {
      const checked = await checkResponse(document, method, path, await app.request(path, { method }));
      assert.ok([404, 405].includes(checked.status));
    }
  });
});
