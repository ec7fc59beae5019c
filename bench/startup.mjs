// Cold start of the hull command, beside a bare `node -e 0`: how long one short run of each command takes.
//
//   node bench/startup.mjs [--runs N] [--warmup N] [--hull PATH] [FILE]
//
// Runs every command N times (default 30), round-robin so that a change in the machine's load hits them all
// alike, after --warmup rounds (default 3) that are not counted (the first run of a fresh bundle writes its
// V8 code cache). Prints a Markdown table: median and minimum wall time, each one's ratio to `node -e 0`, the
// mean CPU time (user + system, all threads; from /proc on Linux, which counts it in 10 ms ticks, so only the
// mean over many runs means something), which a busy machine inflates less than wall time, and the peak
// resident memory of one more run (GNU time's %M, where /usr/bin/time exists). FILE is the Dockerfile
// that `lint` and `fmt --check` read (default examples/node-app/Dockerfile), and that `lint` reads once more from a
// temporary folder with a `.hullrc.yaml`; --hull the CLI's bin (default packages/cli/bin/hull.js). ShellCheck is
// off in `lint` so that the figure is hull's own start-up. The load average is printed before and after: figures
// taken on a busy machine are not comparable.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: {
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "3" },
    hull: { type: "string", default: fileURLToPath(new URL("../packages/cli/bin/hull.js", import.meta.url)) },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) {
  process.stderr.write("startup: --runs must be a whole number from 1 and --warmup from 0\n");
  process.exit(2);
}
const file = positionals[0] ?? fileURLToPath(new URL("../examples/node-app/Dockerfile", import.meta.url));
for (const path of [values.hull, file]) {
  if (!existsSync(path)) {
    process.stderr.write(`startup: no such file: ${path}\n`);
    process.exit(2);
  }
}

const node = process.execPath;
// FILE again, in a folder with a config file: a run that finds one also reads YAML and validates it.
const configured = mkdtempSync(join(tmpdir(), "hull-startup-config-"));
process.on("exit", () => rmSync(configured, { recursive: true, force: true }));
const configuredFile = join(configured, "Dockerfile");
writeFileSync(configuredFile, readFileSync(file));
writeFileSync(join(configured, ".hullrc.yaml"), "rules:\n  no-latest-tag: off\n  pin-apt-versions: error\n");
const commands = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "hull --version", args: [values.hull, "--version"] },
  { name: "hull lint FILE", args: [values.hull, "lint", file, "--no-shellcheck"] },
  {
    name: "hull lint FILE, beside a .hullrc.yaml",
    args: [values.hull, "lint", configuredFile, "--no-shellcheck"],
  },
  { name: "hull fmt --check FILE", args: [values.hull, "fmt", "--check", file] },
];

/** CPU milliseconds of this process's waited-for children so far (Linux), else undefined. */
function childrenCpu() {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in ticks of 10 ms.
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Wall and CPU milliseconds of one run; the exit code must be one the command gives on success or on findings. */
function timeOnce(args) {
  const cpuBefore = childrenCpu();
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpu();
  if (result.error || result.status === null || result.status > 1) {
    process.stderr.write(
      `startup: node ${args.join(" ")} failed (${result.error ?? `exit ${result.status}`})\n`,
    );
    process.stderr.write(result.stderr ?? "");
    process.exit(2);
  }
  return { ms, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** Peak resident memory of one run in MB, through GNU time; undefined without it. */
function peakMemory(args) {
  if (!existsSync("/usr/bin/time")) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "hull-startup-"));
  try {
    const out = join(dir, "rss");
    spawnSync("/usr/bin/time", ["-f", "%M", "-o", out, node, ...args], { stdio: "ignore" });
    const kb = Number(readFileSync(out, "utf8").trim().split("\n").pop());
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const loadBefore = load();
for (let round = 0; round < warmup; round++) for (const c of commands) timeOnce(c.args);
const times = commands.map(() => []);
const cpu = commands.map(() => 0);
let cpuKnown = true;
for (let round = 0; round < runs; round++) {
  commands.forEach((c, i) => {
    const run = timeOnce(c.args);
    times[i].push(run.ms);
    if (run.cpu === undefined) cpuKnown = false;
    else cpu[i] += run.cpu;
  });
}
const loadAfter = load();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const stats = times.map((xs, i) => ({ median: median(xs), min: Math.min(...xs), cpu: cpu[i] / runs }));
const base = stats[0];
const lines = [
  `Node ${process.version}, ${runs} runs each (after ${warmup} warm-up rounds), load average ${loadBefore} before, ${loadAfter} after.`,
  "",
  "| command | median ms | min ms | median / node -e 0 | min / node -e 0 | CPU ms | CPU / node -e 0 | peak RSS MB |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];
commands.forEach((c, i) => {
  const s = stats[i];
  const rss = peakMemory(c.args);
  lines.push(
    `| \`${c.name}\` | ${s.median.toFixed(1)} | ${s.min.toFixed(1)} | ${(s.median / base.median).toFixed(2)} | ${(s.min / base.min).toFixed(2)} | ${cpuKnown ? s.cpu.toFixed(1) : "–"} | ${cpuKnown ? (s.cpu / base.cpu).toFixed(2) : "–"} | ${rss === undefined ? "–" : rss.toFixed(0)} |`,
  );
});
process.stdout.write(`${lines.join("\n")}\n`);
