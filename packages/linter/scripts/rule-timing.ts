// Lints every file of a directory with every rule on and prints where the time goes, per rule.
// Usage: pnpm tsx --conditions=@hull/source packages/linter/scripts/rule-timing.ts DIR [--top N]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, type Run } from "@hull/parser";
import { defineRule, lint, rules } from "../src/index.js";
import { runCommands, runShell, scriptCommands, type ShellScope } from "../src/shell/run.js";

const [dir, ...flags] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: rule-timing.ts DIR [--top N]\n");
  process.exit(2);
}
const top = flags.includes("--top") ? Number(flags[flags.indexOf("--top") + 1]) : 20;
const texts = readdirSync(dir)
  .map((name) => join(dir, name))
  .filter((path) => statSync(path).isFile())
  .map((path) => readFileSync(path, "utf8"));

for (const text of texts) lint(text, { preset: "all" });
const timing = new Map<string, number>();
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
// The first rule to read a RUN pays for splitting it, which every later rule then shares: two pseudo-rules that
// run first take that cost, so that it is shown once, on its own line, and not charged to whichever rule came first.
// They read with the rule context, as rules do, so that their split is the one the rules then find in the cache; the
// split includes a PowerShell or cmd script's commands, read once for all rules.
const shared = (id: string, read: (node: Run, scope: ShellScope) => unknown) =>
  defineRule({
    id,
    title: "Measure shared work",
    severity: "info",
    fixable: false,
    docs: { rationale: "Timing only.", bad: [], good: [] },
    messages: {},
    create: (ctx) => ({ Run: (node) => void read(node, ctx) }),
  });
const registry = [
  shared("(shared) shell split", (node, scope) => scriptCommands(runShell(node, scope))),
  shared("(shared) command substitutions", runCommands),
  ...rules,
];
for (const text of texts) lint(text, { preset: "all", timing, registry });
process.stdout.write(
  `files ${texts.length}; lint with every rule ${total.toFixed(0)} ms; parse ${parsing.toFixed(0)} ms; engine with no rule ${engine.toFixed(0)} ms\n` +
    "time in each rule (create and handlers; the measuring itself adds some), and its share of the time in all rules:\n",
);
const sum = [...timing.values()].reduce((a, b) => a + b, 0);
for (const [id, ms] of [...timing].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const share = ((100 * ms) / sum).toFixed(1).padStart(5);
  process.stdout.write(`${ms.toFixed(0).padStart(7)} ms ${share}%  ${id}\n`);
}
