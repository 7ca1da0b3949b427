/**
 * End to end, as a user runs it: `smtpcodes bounce --json` over ../shared/corpora/
 * set-of-emails/maildir/bsd (631 emails) and over the same directory given 20 times (12,620
 * emails), against Debian's Perl Sisimai through ../shared/peers/sisimai-perl.pl writing its
 * JSON lines, in the same run. Each command is a fresh process, start-up and the JIT's
 * warm-up included; everything is pinned to one CPU (taskset) when it exists. Also our CLI
 * with V8's default tiering (SMTPCODES_V8_DEFAULTS=1), to show what bin/smtpcodes.js's V8
 * setting is worth.
 *
 *   npm run bench:cli
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot, sharedPath } from "../test/shared.js";
import { median } from "./median.js";

const DIR = sharedPath("corpora/set-of-emails/maildir/bsd");
if (!existsSync(DIR)) {
  console.log("bench:cli: ../shared/corpora/set-of-emails/maildir/bsd not found; nothing to measure");
  process.exit(0);
}
const pinned = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const ROUNDS = 5;

interface Command {
  label: string;
  argv: string[];
  env?: Record<string, string>;
}

/** Wall time of one run in seconds (null when the command failed). */
function time({ argv, env }: Command): number | null {
  const [program, ...args] = pinned ? ["taskset", "-c", "0", ...argv] : argv;
  const start = performance.now();
  const run = spawnSync(program as string, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const seconds = (performance.now() - start) / 1000;
  // Ours exits 1 when the batch holds something that is not a bounce, as this one does.
  return run.error || (run.status !== 0 && run.status !== 1) ? null : seconds;
}

const cli = join(projectRoot, "bin", "smtpcodes.js");
const peer = sharedPath("peers/sisimai-perl.pl");
const perl = spawnSync("perl", ["-MSisimai", "-e", "1"]).status === 0;
console.log(
  `bench:cli: end to end, ${pinned ? "pinned to CPU 0 with taskset" : "not pinned"}, Node ${process.version}, median of ${ROUNDS} runs each (interleaved)`,
);
for (const copies of [1, 20]) {
  const dirs = Array.from({ length: copies }, () => DIR);
  const commands: Command[] = [
    { label: "smtpcodes bounce --json", argv: [process.execPath, cli, "bounce", "--json", ...dirs] },
    {
      label: "  (V8 defaults)",
      argv: [process.execPath, cli, "bounce", "--json", ...dirs],
      env: { SMTPCODES_V8_DEFAULTS: "1" },
    },
  ];
  if (perl) commands.push({ label: "Sisimai (Perl), JSON lines", argv: ["perl", peer, ...dirs] });
  const times = new Map<string, number[]>(commands.map((c) => [c.label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const command of commands) {
      const seconds = time(command);
      if (seconds !== null) times.get(command.label)?.push(seconds);
    }
  }
  console.log(`  ${(631 * copies).toLocaleString("en-US")} emails (maildir/bsd × ${copies}):`);
  const ours = median(times.get(commands[0]?.label as string) ?? []);
  for (const command of commands) {
    const runs = times.get(command.label) ?? [];
    if (runs.length === 0) {
      console.log(`    ${command.label.padEnd(28)} failed`);
      continue;
    }
    const m = median(runs);
    const versus = command === commands[0] ? "" : `  (ours takes ${(ours / m).toFixed(2)}× its time)`;
    console.log(
      `    ${command.label.padEnd(28)} ${m.toFixed(2)} s; runs ${runs.map((t) => t.toFixed(2)).join(" / ")}${versus}`,
    );
  }
}
if (!perl) console.log("  Sisimai (Perl) not available (apt-get install libsisimai-perl)");
