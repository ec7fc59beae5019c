// What linting allocates: the bytes `lint` (every rule on) allocates per pass over a folder of Dockerfiles,
// garbage included, with the functions that allocate most. Allocation drives the garbage collector's work,
// which runs on helper threads and shows as CPU time above wall time in ../shared/bench.
//
//   node scripts/bundle.mjs && node bench/lint-alloc.mjs DIR [--module LINTER.mjs] [--top N]
//
// --module measures another build of the linter (e.g. one bundled from an older commit) in place of
// bench/dist/linter.mjs. Allocation is sampled by V8's heap profiler (one sample per 32 kB on average, objects
// later collected by either collector included) over the second pass, after a warm-up pass. Function names come
// from the bundle: build one with esbuild's --minify-whitespace --minify-syntax (no --minify-identifiers) to read
// them.
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { linterUrl, readFolder } from "./inputs.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { module: { type: "string" }, top: { type: "string", default: "20" } },
});
if (positionals.length !== 1) {
  process.stderr.write("usage: node bench/lint-alloc.mjs DIR [--module LINTER.mjs] [--top N]\n");
  process.exit(2);
}
const { lint } = await import(linterUrl(values.module));
const files = readFolder(positionals[0]);
const input = files.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
const pass = () => {
  for (const [filePath, text] of files) lint(text, { filePath, preset: "all" });
};

pass();
const session = new Session();
session.connect();
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 32768,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
pass();
const { profile } = await session.post("HeapProfiler.stopSampling");
session.disconnect();

const byFunction = new Map();
let total = 0;
const visit = (node) => {
  const { functionName, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) visit(child);
};
visit(profile.head);

const mb = (bytes) => (bytes / 1e6).toFixed(1);
console.log(`${files.length} files, ${mb(input)} MB of input; lint allocates ${mb(total)} MB per pass`);
for (const [key, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${mb(bytes).padStart(8)} MB ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${key}`);
