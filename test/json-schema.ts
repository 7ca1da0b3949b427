/**
 * A small JSON Schema (2020-12 subset) checker for the OpenAPI conformance tests. It knows
 * the keywords src/http/openapi.ts uses and refuses any other, so that the document cannot
 * rely on a keyword this checker would silently skip.
 */

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(["description", "title", "format", "examples", "default", "contentMediaType"]);
const KEYWORDS = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "oneOf",
  "anyOf",
  "allOf",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

function resolve(root: Schema, pointer: string): Schema {
  if (!pointer.startsWith("#/")) throw new Error(`only local $ref are supported: ${pointer}`);
  let node: unknown = root;
  for (const part of pointer.slice(2).split("/")) node = (node as Record<string, unknown>)?.[part];
  if (node === undefined || node === null || typeof node !== "object")
    throw new Error(`dangling $ref ${pointer}`);
  return node as Schema;
}

/** Every way `value` breaks `schema` (empty when it conforms). `root` resolves $ref. */
export function validate(schema: Schema, value: unknown, root: Schema, path = "$"): string[] {
  for (const key of Object.keys(schema))
    if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key))
      throw new Error(`unsupported schema keyword "${key}" at ${path}`);
  const errors: string[] = [];
  if (typeof schema.$ref === "string")
    errors.push(...validate(resolve(root, schema.$ref), value, root, path));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(value, type)))
      return [...errors, `${path}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ("const" in schema && schema.const !== value)
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum)
      errors.push(`${path}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum)
      errors.push(`${path}: ${value} > ${schema.maximum}`);
  }
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength)
      errors.push(`${path}: longer than ${schema.maxLength}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems)
      errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === "object")
      value.forEach((item, i) => {
        errors.push(...validate(schema.items as Schema, item, root, `${path}[${i}]`));
      });
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in object)) errors.push(`${path}: missing "${name}"`);
    for (const [name, item] of Object.entries(object)) {
      const own = properties[name];
      if (own) errors.push(...validate(own, item, root, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property "${name}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object")
        errors.push(...validate(schema.additionalProperties as Schema, item, root, `${path}.${name}`));
    }
  }
  if (Array.isArray(schema.allOf))
    for (const part of schema.allOf as Schema[]) errors.push(...validate(part, value, root, path));
  if (Array.isArray(schema.anyOf)) {
    const all = (schema.anyOf as Schema[]).map((part) => validate(part, value, root, path));
    if (!all.some((e) => e.length === 0))
      errors.push(`${path}: matches none of anyOf (${all.map((e) => e[0]).join(" | ")})`);
  }
  if (Array.isArray(schema.oneOf)) {
    const all = (schema.oneOf as Schema[]).map((part) => validate(part, value, root, path));
    const matches = all.filter((e) => e.length === 0).length;
    if (matches !== 1)
      errors.push(
        matches === 0
          ? `${path}: matches none of oneOf (${all.map((e) => e[0]).join(" | ")})`
          : `${path}: matches ${matches} schemas of oneOf`,
      );
  }
  return errors;
}
