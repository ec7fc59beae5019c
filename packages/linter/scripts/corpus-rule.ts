// Runs rules over every file of a directory and prints their findings, to review them against real Dockerfiles.
// Usage: pnpm tsx --conditions=@hull/source packages/linter/scripts/corpus-rule.ts DIR [ruleId…] [--counts] [--sample=N]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { lint, type RuleSetting } from "../src/engine.js";
import { rules } from "../src/rules/index.js";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--"));
const ids = args.filter((a) => !a.startsWith("--") && a !== dir);
const countsOnly = args.includes("--counts");
const sample = Number(args.find((a) => a.startsWith("--sample="))?.slice(9) ?? Infinity);
if (!dir) {
  process.stderr.write("usage: corpus-rule.ts DIR [ruleId…] [--counts] [--sample=N]\n");
  process.exit(2);
}
const wanted = ids.length > 0 ? ids : rules.map((r) => r.id);
const settings: Record<string, RuleSetting> = {};
for (const rule of rules) settings[rule.id] = wanted.includes(rule.id) ? rule.severity : "off";

const files = readdirSync(dir)
  .map((name) => join(dir, name))
  .filter((path) => statSync(path).isFile())
  .sort();
const counts = new Map<string, { findings: number; files: number }>(
  wanted.map((id) => [id, { findings: 0, files: 0 }]),
);
const shown = new Map<string, number>();
for (const path of files) {
  const source = readFileSync(path, "utf8");
  const { diagnostics } = lint(source, {
    filePath: path,
    rules: settings,
    preset: "all",
    inlineIgnores: false,
  });
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!wanted.includes(d.ruleId)) continue;
    const count = counts.get(d.ruleId)!;
    count.findings++;
    if (!seen.has(d.ruleId)) count.files++;
    seen.add(d.ruleId);
    const n = shown.get(d.ruleId) ?? 0;
    if (countsOnly || n >= sample) continue;
    shown.set(d.ruleId, n + 1);
    const line = source.split("\n")[d.range.start.line - 1] ?? "";
    const text = source.slice(d.range.start.offset, d.range.end.offset);
    process.stdout.write(
      `${path}:${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}\n    ${line.trim()}\n    at: ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}\n`,
    );
  }
}
process.stdout.write(`\n${files.length} files\n`);
for (const [id, c] of [...counts].sort((a, b) => b[1].findings - a[1].findings)) {
  process.stdout.write(
    `${id.padEnd(32)} ${String(c.findings).padStart(6)} findings in ${String(c.files).padStart(5)} files\n`,
  );
}
