#!/usr/bin/env node
// Entry point of the smtpcodes command. The code lives in dist/ (built by `npm run build`,
// which `npm ci` / `npm install` run through the "prepare" script).
import { setFlagsFromString } from "node:v8";

// V8 compiles a function with its optimising compiler once it has run a certain amount of
// bytecode. A bounce batch runs ~50 format modules, most of them on a few messages only: at
// V8's default threshold (67,584) it keeps compiling rarely used functions for thousands of
// messages, on the same core as the work. Sixteen times that leaves them in the baseline
// tier and compiles only what is hot. npm run bench:cli (pinned to one CPU, end to end):
// `bounce --json` over 631 emails 0.72-0.73 s → 0.53-0.55 s, over 12,620 emails
// 3.1-3.7 s → 2.5-2.8 s. Set before any of our code is loaded; only on the Node
// versions known to have the flag (V8 writes an unknown flag's error to standard output).
// SMTPCODES_V8_DEFAULTS=1 leaves V8 as it is (npm run bench:cli compares both).
const nodeMajor = Number(process.versions.node.split(".")[0]);
if (nodeMajor >= 18 && nodeMajor <= 24 && !process.env.SMTPCODES_V8_DEFAULTS)
  setFlagsFromString("--interrupt-budget=1048576");

let main;
try {
  ({ main } = await import("../dist/cli/main.js"));
} catch (error) {
  if (error && error.code === "ERR_MODULE_NOT_FOUND") {
    process.stderr.write("smtpcodes: not built yet; run `npm run build` in the package folder.\n");
    process.exit(2);
  }
  throw error;
}
// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
