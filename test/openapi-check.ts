/**
 * Checks an HTTP response against an OpenAPI 3.1 document: the operation exists, the status
 * is documented, the content type is one the document lists, and a JSON body validates
 * against the schema. Used by every API test, so that each response seen is a conformance check.
 */
import assert from "node:assert/strict";
import { validate } from "./json-schema.js";

type Json = Record<string, unknown>;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

export interface Found {
  template: string;
  operation: Operation;
}

function templateMatcher(template: string): RegExp {
  const source = template
    .split("/")
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

/** The documented operation a request goes to, or null. */
export function findOperation(document: Json, method: string, path: string): Found | null {
  const pathname = path.split("?")[0] as string;
  const paths = document.paths as Record<string, Record<string, Operation>>;
  for (const [template, item] of Object.entries(paths)) {
    if (!templateMatcher(template).test(pathname)) continue;
    const operation = item[method.toLowerCase()];
    if (operation) return { template, operation };
  }
  return null;
}

export interface Checked {
  status: number;
  type: string | null;
  /** Parsed JSON for JSON responses, else the text. */
  body: unknown;
  headers: Headers;
}

/**
 * Read a response and assert it conforms. A request to no documented operation must get an
 * Error body (404 or 405) as the document's description says.
 */
export async function checkResponse(
  document: Json,
  method: string,
  path: string,
  response: Response,
): Promise<Checked> {
  const text = await response.text();
  const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? null;
  const isJson = type === "application/json";
  const body: unknown = isJson ? JSON.parse(text) : text;
  const where = `${method} ${path} → ${response.status}`;
  const found = findOperation(document, method, path);
  const schemas = (document.components as Json).schemas as Json;
  if (!found) {
    if (path.startsWith("/v1")) {
      assert.ok([404, 405].includes(response.status), `${where}: undocumented API route must be 404 or 405`);
      assert.equal(type, "application/json", where);
      assert.deepEqual(validate(schemas.Error as Json, body, document), [], where);
    }
    return { status: response.status, type, body, headers: response.headers };
  }
  const documented = found.operation.responses[String(response.status)];
  assert.ok(documented, `${where}: status not in the document for ${method} ${found.template}`);
  if (!documented.content) {
    assert.equal(text, "", `${where}: documented without a body`);
    return { status: response.status, type, body, headers: response.headers };
  }
  assert.ok(type !== null && type in documented.content, `${where}: content type ${type} not documented`);
  const schema = documented.content[type]?.schema;
  if (schema) {
    const errors = validate(schema, body, document);
    assert.deepEqual(errors.slice(0, 10), [], `${where}: body does not match the schema`);
  }
  return { status: response.status, type, body, headers: response.headers };
}
