// Runs the test files of Semgrep's Dockerfile rules through hull and lists where hull's answer differs from theirs.
//
//   pnpm exec tsx --conditions=@hull/source packages/linter/scripts/semgrep-cases.ts SEMGREP_RULES_CHECKOUT [--all]
//
// Each rule of semgrep-rules/dockerfile has a test file beside it, in which `# ruleid: <id>` above an instruction
// says the rule reports it and `# ok: <id>` says it does not (`todoruleid`/`todook` mark cases the rule itself gets
// wrong, and are left out). This lints each test file whole with every rule and asks, for each marked instruction,
// whether a hull rule that answers to that Semgrep id reports a finding that starts in it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "@hull/parser";
import { lint, rules } from "../src/index.js";

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error("usage: semgrep-cases.ts SEMGREP_RULES_CHECKOUT [--all]");
  process.exit(2);
}

/** The Semgrep ids each hull rule answers to. */
const idsOf = new Map<string, string[]>(rules.map((r) => [r.id, [r.aliases?.semgrep ?? []].flat()]));
const known = new Set([...idsOf.values()].flat());

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith(".dockerfile") && !name.endsWith(".fixed.dockerfile") ? [path] : [];
  });
}

const counts = { files: 0, marks: 0, noHullRule: 0, same: 0, different: 0 };
const different: string[] = [];
for (const file of files(join(root, "dockerfile")).sort()) {
  counts.files++;
  const text = readFileSync(file, "utf8");
  const { ast } = parse(text);
  const { diagnostics } = lint(text, { preset: "all", filePath: "Dockerfile" });
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const mark = /^\s*#\s*(ruleid|ok)\s*:\s*([\w.-]+)/.exec(line);
    if (!mark) return;
    counts.marks++;
    const [, kind, id] = mark;
    if (!known.has(id!)) {
      counts.noHullRule++;
      return;
    }
    // The instruction the mark stands above: the one on the first line below it that is no comment. A mark with a
    // blank line below it marks no instruction (the test file's own note), and is not counted.
    let below = i + 1;
    while (below < lines.length && /^\s*#/.test(lines[below]!)) below++;
    const target = ast.instructions.find((ins) => ins.range.start.line === below + 1);
    if (!target) {
      counts.marks--;
      return;
    }
    const found = diagnostics.filter(
      (d) =>
        idsOf.get(d.ruleId)?.includes(id!) &&
        d.range.start.line >= target.range.start.line &&
        d.range.start.line <= target.range.end.line,
    ).length;
    if ((kind === "ok") === (found === 0)) counts.same++;
    else {
      counts.different++;
      different.push(
        `${relative(root, file)}:${target.range.start.line} ${kind} ${id}, hull ${found} | ${lines.slice(target.range.start.line - 1, target.range.end.line).join("\\n")}`,
      );
    }
  });
}
console.log(JSON.stringify(counts));
if (args.includes("--all")) for (const line of different) console.log(line);
