// Draws a reproducible sample of findings over a directory of Dockerfiles, to judge each by hand and measure the
// linter's precision. The sample is stratified by rule: every rule with findings gets one, the rest of the sample
// is shared in proportion to each rule's number of findings. With `--judged=FILE` (one line per sampled finding:
// its number, then `ok` or `fa` for a false alarm, then an optional note) it prints the precision instead.
// Usage: pnpm tsx --conditions=@hull/source packages/linter/scripts/precision-sample.ts DIR
//          [--n=150] [--seed=1] [--preset=recommended|all] [--judged=FILE]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { lint, type Preset } from "../src/engine.js";

interface Finding {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  message: string;
  context: string;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dir = args.find((a) => !a.startsWith("--"));
if (!dir) {
  process.stderr.write(
    "usage: precision-sample.ts DIR [--n=150] [--seed=1] [--preset=recommended|all] [--judged=FILE]\n",
  );
  process.exit(2);
}
const size = Number(option("n", "150"));
const seed = Number(option("seed", "1"));
const preset = option("preset", "recommended") as Preset;
const judgedFile = option("judged", "");

/** mulberry32: a small seeded generator, so the same seed draws the same sample on every machine. */
function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The instruction around a line: back to its first line and on over its continuations, at most 12 lines. */
function contextOf(lines: readonly string[], line: number): string {
  let first = line - 1;
  while (first > 0 && /\\\s*$/.test(lines[first - 1]!)) first--;
  let last = line - 1;
  while (last < lines.length - 1 && /\\\s*$/.test(lines[last]!) && last - first < 11) last++;
  return lines
    .slice(first, last + 1)
    .map((text, i) => `    ${String(first + i + 1).padStart(4)}| ${text}`)
    .join("\n");
}

const files = readdirSync(dir)
  .map((name) => join(dir, name))
  .filter((path) => statSync(path).isFile())
  .sort();
const byRule = new Map<string, Finding[]>();
for (const path of files) {
  const source = readFileSync(path, "utf8");
  const lines = source.split("\n");
  for (const d of lint(source, { filePath: path, preset }).diagnostics) {
    const list = byRule.get(d.ruleId) ?? [];
    list.push({
      file: path.slice(dir.length).replace(/^\/+/, ""),
      ruleId: d.ruleId,
      line: d.range.start.line,
      column: d.range.start.column,
      message: d.message,
      context: contextOf(lines, d.range.start.line),
    });
    byRule.set(d.ruleId, list);
  }
}

// One finding per rule, then the rest in proportion to the rule's findings (largest remainders first).
const rules = [...byRule.keys()].sort();
const total = rules.reduce((sum, id) => sum + byRule.get(id)!.length, 0);
const quota = new Map(rules.map((id) => [id, Math.min(1, byRule.get(id)!.length)]));
const rest = Math.max(0, size - rules.length);
const shares = rules.map((id) => {
  const exact = (rest * byRule.get(id)!.length) / total;
  return { id, whole: Math.floor(exact), fraction: exact - Math.floor(exact) };
});
let left = rest;
for (const { id, whole } of shares) {
  const add = Math.min(whole, byRule.get(id)!.length - quota.get(id)!);
  quota.set(id, quota.get(id)! + add);
  left -= add;
}
for (const { id } of [...shares].sort((a, b) => b.fraction - a.fraction || (a.id < b.id ? -1 : 1))) {
  if (left <= 0) break;
  if (quota.get(id)! < byRule.get(id)!.length) {
    quota.set(id, quota.get(id)! + 1);
    left--;
  }
}

const next = random(seed);
const sample: Finding[] = [];
for (const id of rules) {
  const pool = [...byRule.get(id)!];
  // A partial Fisher-Yates shuffle draws `quota` findings without replacement.
  for (let i = 0; i < quota.get(id)!; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    sample.push(pool[i]!);
  }
}

if (judgedFile === "") {
  process.stdout.write(
    `# ${sample.length} of ${total} findings (${preset} preset) in ${files.length} files; seed ${seed}\n\n`,
  );
  sample.forEach((f, i) => {
    process.stdout.write(
      `#${i + 1} ${f.ruleId} ${f.file}:${f.line}:${f.column}\n  ${f.message}\n${f.context}\n\n`,
    );
  });
} else {
  const verdicts = new Map<number, { ok: boolean; note: string }>();
  for (const line of readFileSync(judgedFile, "utf8").split("\n")) {
    const match = /^#?(\d+)\s+(ok|fa)\b\s*(.*)$/.exec(line.trim());
    if (match) verdicts.set(Number(match[1]), { ok: match[2] === "ok", note: match[3]! });
  }
  const judged = sample.map((f, i) => ({ f, v: verdicts.get(i + 1) })).filter((x) => x.v !== undefined);
  const n = judged.length;
  const good = judged.filter((x) => x.v!.ok).length;
  // Wilson score interval at 95%: honest for proportions near 1, unlike the normal approximation.
  const z = 1.96;
  const p = n === 0 ? 0 : good / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  // The sample over-represents rules with few findings; weighting each rule's precision by its share of all
  // findings estimates the precision of the findings a user sees.
  let weighted = 0;
  for (const id of rules) {
    const mine = judged.filter((x) => x.f.ruleId === id);
    if (mine.length === 0) continue;
    weighted += (byRule.get(id)!.length / total) * (mine.filter((x) => x.v!.ok).length / mine.length);
  }
  const covered = rules
    .filter((id) => judged.some((x) => x.f.ruleId === id))
    .reduce((sum, id) => sum + byRule.get(id)!.length, 0);
  process.stdout.write(
    `judged ${n} of ${sample.length}; false alarms ${n - good}; precision ${(100 * p).toFixed(1)}% ` +
      `(95% Wilson ${(100 * (centre - half)).toFixed(1)}–${(100 * (centre + half)).toFixed(1)}%); ` +
      `weighted by findings per rule ${((100 * weighted) / (covered / total)).toFixed(1)}%\n`,
  );
  for (const { f, v } of judged.filter((x) => !x.v!.ok))
    process.stdout.write(`  fa ${f.ruleId} ${f.file}:${f.line} ${v!.note}\n`);
}
