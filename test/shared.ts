/**
 * Access to the read-only reference data beside the project (../shared). Tests that need
 * it skip with a clear message where it is absent, as on a user's machine.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const sharedRoot = process.env.SMTPCODES_SHARED ?? resolve(projectRoot, "..", "shared");

/** The TypeScript source files under `dir` (tests left out), depth first. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Absolute path of a file under ../shared. */
export function sharedPath(relative: string): string {
  return join(sharedRoot, relative);
}

/** Options for node:test: `{ skip: "why" }` when the file is missing, `{}` otherwise. */
export function needsShared(relative: string): { skip?: string } {
  return existsSync(sharedPath(relative))
    ? {}
    : {
        skip: `../shared/${relative} not found (reference data sits beside the project in development only)`,
      };
}

/** Parse an RFC 4180 CSV file (quoted fields, doubled quotes, CRLF or LF) into records. */
export function readCsv(relative: string): Record<string, string>[] {
  const text = readFileSync(sharedPath(relative), "utf8");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

/** Read a JSON-lines file under ../shared. */
export function readJsonl<T = Record<string, unknown>>(relative: string): T[] {
  return readFileSync(sharedPath(relative), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
