// Lints every file of a directory with every rule on and prints where the time goes, per rule.
// Usage: pnpm tsx --conditions=@hull/source packages/linter/scripts/rule-timing.ts DIR [--top N]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@hull/parser";
import { lint, rules } from "../src/index.js";

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
for (const text of texts) lint(text, { preset: "all", timing });
process.stdout.write(
  `files ${texts.length}; lint with every rule ${total.toFixed(0)} ms; parse ${parsing.toFixed(0)} ms; engine with no rule ${engine.toFixed(0)} ms\n` +
    "time in each rule (create and handlers; the measuring itself adds some):\n",
);
for (const [id, ms] of [...timing].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  process.stdout.write(`${ms.toFixed(0).padStart(7)} ms  ${id}\n`);
}
