import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { projectRoot, sourceFiles } from "./shared.js";

describe("package", () => {
  it("keeps the core browser-safe: no node: imports outside cli/ and http/", () => {
    const src = join(projectRoot, "src");
    for (const file of sourceFiles(src)) {
      const rel = relative(src, file);
      if (rel.startsWith("cli/") || rel.startsWith("http/") || rel.endsWith("/node.ts")) continue;
      const text = readFileSync(file, "utf8");
      assert.doesNotMatch(
        text,
        /from\s+["']node:|require\(|from\s+["'](fs|path|os|child_process|stream)["']/,
        rel,
      );
      assert.doesNotMatch(text, /\bprocess\.|\bBuffer\b/, `${rel} uses a Node global`);
    }
  });

  it("declares an ESM package with a bin and a browser-safe root export", () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));
    assert.equal(pkg.type, "module");
    assert.equal(pkg.bin.smtpcodes, "./bin/smtpcodes.js");
    assert.equal(pkg.exports["."].types, "./dist/index.d.ts");
    assert.ok(pkg.engines.node.includes("20"));
  });
});
