/**
 * Runs the examples in doc comments (```ts blocks inside /** *\/ comments of src/), so that
 * every documented example stays true. A line `expression; // value` becomes an assertion
 * when `value` is a JavaScript literal; other comments are left alone.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { projectRoot, sourceFiles } from "./shared.js";

const SRC = join(projectRoot, "src");
const OUT = join(projectRoot, ".tmp", "doc-examples");

interface Example {
  file: string;
  line: number;
  code: string[];
}

function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const found: Example[] = [];
  let current: Example | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as string).replace(/^\s*\*\s?/, "");
    if (current === null && /^```(ts|typescript)\s*$/.test(text.trim()))
      current = { file, line: i + 1, code: [] };
    else if (current !== null && text.trim() === "```") {
      found.push(current);
      current = null;
    } else if (current !== null) current.code.push(text);
  }
  return found;
}

function literal(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!/^["'[{0-9tfnu-]/.test(text)) return { ok: false };
  try {
    return { ok: true, value: new Function(`return (${text});`)() };
  } catch {
    return { ok: false };
  }
}

function toModule(example: Example, names: Set<string>): string {
  const index = pathToFileURL(join(SRC, "index.ts")).href;
  const here = pathToFileURL(example.file).href;
  const body: string[] = [];
  const used = new Set<string>();
  for (const raw of example.code) {
    let line = raw
      .replace(/from\s+"smtpcodes"/, `from "${index}"`)
      .replace(/from\s+"(\.\.?\/[^"]+)"/, (_, path: string) => `from "${new URL(path, here).href}"`);
    if (/^\s*import\s/.test(line)) {
      body.push(line);
      for (const name of line.match(/\b[A-Za-z_]\w*\b/g) ?? []) used.add(`import:${name}`);
      continue;
    }
    for (const name of line.match(/\b[A-Za-z_]\w*\b/g) ?? []) if (names.has(name)) used.add(name);
    const assertion = /^(.*?);\s*\/\/\s*(.+)$/.exec(line);
    if (assertion) {
      const value = literal((assertion[2] as string).trim());
      if (value.ok) line = `__assert.deepStrictEqual(${assertion[1]}, ${(assertion[2] as string).trim()});`;
    }
    body.push(line);
  }
  const declared = [...used].filter((n) => !n.startsWith("import:") && !used.has(`import:${n}`));
  return [
    'import __assert from "node:assert/strict";',
    `import * as __index from "${index}";`,
    `import * as __here from "${here}";`,
    `const { ${declared.join(", ")} } = { ...__index, ...__here } as Record<string, any>;`,
    ...body,
    "export {};",
  ].join("\n");
}

describe("doc comment examples", async () => {
  const index = (await import(pathToFileURL(join(SRC, "index.ts")).href)) as Record<string, unknown>;
  mkdirSync(OUT, { recursive: true });
  const files = sourceFiles(SRC).filter((f) => !f.includes(`${join("src", "cli")}`));
  let count = 0;
  for (const file of files) {
    const here = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const names = new Set([...Object.keys(index), ...Object.keys(here)]);
    for (const example of examplesOf(file)) {
      count++;
      const name = `${relative(projectRoot, file)}:${example.line}`;
      it(name, async () => {
        const target = join(OUT, `${name.replace(/[^A-Za-z0-9]/g, "_")}.ts`);
        writeFileSync(target, toModule(example, names));
        await import(pathToFileURL(target).href);
      });
    }
  }
  it("there are examples to run", () => assert.ok(count >= 5, `only ${count} examples found`));
});
