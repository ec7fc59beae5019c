// Lints every file of a directory with every rule on and prints where the time goes, per rule.
// Usage: node scripts/bundle.mjs && node bench/dist/rule-timing.mjs DIR [--top N] [--passes N]
// It times the bundle, the code as hull ships it. Run from the sources (`pnpm tsx --conditions=@hull/source
// packages/linter/scripts/rule-timing.ts`) it works too, but tsx's loader reaches each import of another module
// through a getter: on the corpus that made linting 1.6x and parsing 2.7x slower, and a rule that calls many helpers
// of other modules (undefined-var: 5.2% there, 4.1% bundled) looked costlier than it is.
// With --passes N the timed lint runs N times and each rule shows its median time over the passes: the machine's
// noise, and the garbage collections charged to whichever rule happens to allocate when one starts, move single
// passes by a percent or more.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@hull/parser";
import { defineRule, lint, rules } from "../src/index.js";
import type { Rule } from "../src/rule.js";
import { runCommands, runShell, scriptCommands } from "../src/shell/run.js";

const [dir, ...flags] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: rule-timing.mjs DIR [--top N] [--passes N]\n");
  process.exit(2);
}
if (import.meta.url.endsWith(".ts"))
  process.stderr.write(
    "timing the sources: calls between modules cost more than in the bundle (node bench/dist/rule-timing.mjs)\n",
  );
const option = (name: string, fallback: number) =>
  flags.includes(name) ? Number(flags[flags.indexOf(name) + 1]) : fallback;
const top = option("--top", 20);
const passes = option("--passes", 1);
if (!Number.isInteger(passes) || passes < 1) {
  process.stderr.write("--passes takes a whole number of at least 1\n");
  process.exit(2);
}
const texts = readdirSync(dir)
  .map((name) => join(dir, name))
  .filter((path) => statSync(path).isFile())
  .map((path) => readFileSync(path, "utf8"));

for (const text of texts) lint(text, { preset: "all" });
let start = performance.now();
for (const text of texts) parse(text);
const parsing = performance.now() - start;
start = performance.now();
for (const text of texts) lint(text, { preset: "all" });
const total = performance.now() - start;
start = performance.now();
for (const text of texts)
  lint(text, { preset: "all", rules: { ...Object.fromEntries(rules.map((r) => [r.id, "off"])) } });
const engine = performance.now() - start - parsing;
// The first rule to read a RUN pays for splitting it, and the first rule to read a position pays for the file's
// line table; every later rule then shares them. Pseudo-rules that run first take those costs, so that each is
// shown once, on its own line, and not charged to whichever rule came first. They read with the rule context, as
// rules do, so that their split is the one the rules then find in the cache; the split includes a PowerShell or
// cmd script's commands, read once for all rules.
const shared = (id: string, visitor: Rule["visitor"]) =>
  defineRule({
    id,
    title: "Measure shared work",
    severity: "info",
    fixable: false,
    docs: { rationale: "Timing only.", bad: [], good: [] },
    messages: {},
    visitor,
  });
const registry = [
  // Any position builds the whole table; the end of the file is one every file has.
  shared("(shared) line table", { Dockerfile: (ast) => void ast.range.end }),
  shared("(shared) shell split", { Run: (node, ctx) => void scriptCommands(runShell(node, ctx)) }),
  shared("(shared) command substitutions", { Run: (node, ctx) => void runCommands(node, ctx) }),
  ...rules,
];
const timings: Map<string, number>[] = [];
for (let pass = 0; pass < passes; pass++) {
  const timing = new Map<string, number>();
  for (const text of texts) lint(text, { preset: "all", timing, registry });
  timings.push(timing);
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const timing = new Map([...timings[0]!.keys()].map((id) => [id, median(timings.map((t) => t.get(id) ?? 0))]));
process.stdout.write(
  `files ${texts.length}; lint with every rule ${total.toFixed(0)} ms; parse ${parsing.toFixed(0)} ms; engine with no rule ${engine.toFixed(0)} ms\n` +
    `time in each rule (state and handlers; the measuring itself adds some)${passes > 1 ? `, median of ${passes} passes` : ""}, and its share of the time in all rules:\n`,
);
const sum = [...timing.values()].reduce((a, b) => a + b, 0);
for (const [id, ms] of [...timing].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const share = ((100 * ms) / sum).toFixed(1).padStart(5);
  process.stdout.write(`${ms.toFixed(0).padStart(7)} ms ${share}%  ${id}\n`);
}
