// What a full garbage collection between passes costs lint: ../shared/bench forces one before each timed pass,
// and after it V8 compiles again much of the code it had optimized (the code of closures made per file, and code
// that checked for hidden classes no live object had). This runs passes over a folder, with and without a forced
// full GC before each, and prints per pass the wall and CPU time and how many functions V8 optimized in it.
//
//   node scripts/bundle.mjs && node bench/lint-reopt.mjs DIR [--module LINTER.mjs] [--passes N]
//
// --module measures another build of the linter in place of bench/dist/linter.mjs. Each mode runs in a child
// process of its own, started with --trace-opt (and --expose-gc for the forced mode); the counts come from that
// trace. Wall times depend on the machine's load; compare the two modes in one run.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { linterUrl, readFolder } from "./inputs.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    module: { type: "string" },
    passes: { type: "string", default: "6" },
    child: { type: "boolean", default: false },
  },
});
if (positionals.length !== 1) {
  process.stderr.write("usage: node bench/lint-reopt.mjs DIR [--module LINTER.mjs] [--passes N]\n");
  process.exit(2);
}
const passes = Number(values.passes);

if (values.child) {
  // One line per pass on stdout; V8's trace lines go to stdout too, in order, and the parent counts them.
  const { lint } = await import(linterUrl(values.module));
  const files = readFolder(positionals[0]);
  for (let pass = 0; pass < passes; pass++) {
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const [filePath, text] of files) lint(text, { filePath, preset: "all" });
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    console.log(`@pass ${pass} ${wall.toFixed(0)} ${((used.user + used.system) / 1000).toFixed(0)}`);
  }
} else {
  const self = fileURLToPath(import.meta.url);
  const args = [positionals[0], "--passes", String(passes), "--child"];
  if (values.module) args.push("--module", values.module);
  console.log(`| mode | pass | wall ms | CPU ms | functions optimized in the pass |\n|---|--:|--:|--:|--:|`);
  for (const [mode, flags] of [
    ["full GC before each pass", ["--expose-gc"]],
    ["no forced GC", []],
  ]) {
    const child = spawnSync(process.execPath, [...flags, "--trace-opt", self, ...args], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      process.exit(1);
    }
    let optimized = 0;
    for (const line of child.stdout.split("\n")) {
      if (line.startsWith("[completed optimizing")) optimized++;
      const pass = /^@pass (\d+) (\d+) (\d+)$/.exec(line);
      if (pass) {
        console.log(`| ${mode} | ${pass[1]} | ${pass[2]} | ${pass[3]} | ${optimized} |`);
        optimized = 0;
      }
    }
  }
}
