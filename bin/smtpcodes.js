#!/usr/bin/env node
// Entry point of the smtpcodes command. The code lives in dist/ (built by `npm run build`,
// which `npm ci` / `npm install` run through the "prepare" script).
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
