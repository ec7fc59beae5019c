// Runs the test Dockerfiles of Checkov's Dockerfile checks through hull and lists where hull's answer differs.
//
//   pnpm exec tsx --conditions=@hull/source packages/linter/scripts/checkov-cases.ts CHECKOV_CHECKOUT [--all]
//
// Checkov states its expectations as resources, `<case dir>/<file name>.<INSTRUCTION>`: the file's instructions of
// that kind fail (or pass) the check, and an empty kind (`Dockerfile.`) stands for the whole file. Its Python checks
// (tests/dockerfile/checks/test_<Check>.py) list them in `passing_resources` and `failing_resources`, a set (the kind
// fails at least once) or a list (once per failing instruction); its graph checks
// (tests/dockerfile/graph_builder/checks/resources/<Check>/expected.yaml) list them under `pass:` and `fail:`, once
// per instruction. For each file and check this lints the file with every rule, keeps the findings of the hull rules
// whose `aliases.checkov` name the check, counts the instructions they start in by kind, and compares: a kind that
// fails must have as many flagged instructions (at least one, for a set or the whole file), and no other kind may
// have any. A file that only passes must have no finding at all. Files the test does not name are left out.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "@hull/parser";
import { lint, rules, aliasList } from "../src/index.js";

type Expectation = {
  check: string;
  id: string;
  file: string;
  /** Failing instructions by kind ("" for the whole file); null where only "at least one" is known. */
  fails: Map<string, number | null>;
};

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error("usage: checkov-cases.ts CHECKOV_CHECKOUT [--all]");
  process.exit(2);
}

/** The hull rules that answer to each Checkov id. */
const rulesOf = new Map<string, string[]>();
for (const r of rules)
  for (const id of aliasList(r, "checkov")) rulesOf.set(id, [...(rulesOf.get(id) ?? []), r.id]);

/** Splits `/case/Dockerfile.simple.RUN` into the file path and the instruction kind. */
function resource(text: string): { file: string; kind: string } {
  const dot = text.lastIndexOf(".");
  return { file: text.slice(0, dot).replace(/^\//, ""), kind: text.slice(dot + 1) };
}

function expectation(
  check: string,
  id: string,
  dir: string,
  passing: string[],
  failing: string[],
  exact: boolean,
): Expectation[] {
  const byFile = new Map<string, Expectation>();
  const entry = (file: string) => {
    let e = byFile.get(file);
    if (!e) byFile.set(file, (e = { check, id, file: join(dir, file), fails: new Map() }));
    return e;
  };
  for (const r of passing) entry(resource(r).file);
  for (const r of failing) {
    const { file, kind } = resource(r);
    const fails = entry(file).fails;
    fails.set(kind, exact && kind !== "" ? (fails.get(kind) ?? 0) + 1 : null);
  }
  return [...byFile.values()];
}

/** The string literals of the Python set or list assigned to `name`. */
function pythonStrings(src: string, name: string): { strings: string[]; list: boolean } {
  const m = new RegExp(`\\b${name}\\s*=\\s*([[{])`).exec(src);
  if (!m) return { strings: [], list: false };
  const close = m[1] === "[" ? "]" : "}";
  const body = src.slice(m.index + m[0].length, src.indexOf(close, m.index + m[0].length));
  return { strings: [...body.matchAll(/(["'])(.*?)\1/g)].map((s) => s[2]!), list: m[1] === "[" };
}

function pythonChecks(): { cases: Expectation[]; unread: string[] } {
  const testDir = join(root!, "tests/dockerfile/checks");
  const cases: Expectation[] = [];
  const unread: string[] = [];
  for (const name of readdirSync(testDir)
    .filter((n) => /^test_\w+\.py$/.test(n))
    .sort()) {
    const src = readFileSync(join(testDir, name), "utf8");
    const check = /from checkov\.dockerfile\.checks\.(\w+) import check/.exec(src)?.[1];
    const example = /["']\/?(example_\w+)["']/.exec(src)?.[1];
    const checkFile = check && join(root!, "checkov/dockerfile/checks", `${check}.py`);
    const id =
      checkFile && existsSync(checkFile)
        ? /\bid = "([\w-]+)"/.exec(readFileSync(checkFile, "utf8"))?.[1]
        : undefined;
    const passing = pythonStrings(src, "passing_resources");
    const failing = pythonStrings(src, "failing_resources");
    if (!check || !example || !id || passing.strings.length + failing.strings.length === 0) {
      unread.push(name);
      continue;
    }
    cases.push(
      ...expectation(check, id, join(testDir, example), passing.strings, failing.strings, failing.list),
    );
  }
  return { cases, unread };
}

function graphChecks(): { cases: Expectation[]; unread: string[] } {
  const resources = join(root!, "tests/dockerfile/graph_builder/checks/resources");
  const policies = join(root!, "checkov/dockerfile/checks/graph_checks");
  const cases: Expectation[] = [];
  const unread: string[] = [];
  for (const check of readdirSync(resources).sort()) {
    const expected = join(resources, check, "expected.yaml");
    const policy = join(policies, `${check}.yaml`);
    const id = existsSync(policy)
      ? /\bid:\s*["']?([\w-]+)/.exec(readFileSync(policy, "utf8"))?.[1]
      : undefined;
    if (!existsSync(expected) || !id) {
      unread.push(check);
      continue;
    }
    const lists: Record<string, string[]> = {};
    let key = "";
    for (const line of readFileSync(expected, "utf8").split("\n")) {
      const head = /^(\w+):\s*$/.exec(line);
      if (head) key = head[1]!;
      const item = /^\s*-\s*["']?(.*?)["']?\s*$/.exec(line);
      if (item && key) (lists[key] ??= []).push(item[1]!);
    }
    cases.push(...expectation(check, id, join(resources, check), lists.pass ?? [], lists.fail ?? [], true));
  }
  return { cases, unread };
}

const python = pythonChecks();
const graph = graphChecks();
const counts = {
  files: 0,
  noHullRule: 0,
  same: 0,
  different: 0,
  unread: python.unread.length + graph.unread.length,
};
const different: string[] = [];
const unmapped = new Set<string>();
const show = (m: Map<string, number | null>) =>
  [...m].map(([kind, n]) => `${kind || "file"}${n === null ? "" : `×${n}`}`).join(", ");
for (const c of [...python.cases, ...graph.cases]) {
  counts.files++;
  const hullRules = rulesOf.get(c.id);
  if (!hullRules) {
    counts.noHullRule++;
    unmapped.add(`${c.id} (${c.check})`);
    continue;
  }
  const text = readFileSync(c.file, "utf8");
  const { ast } = parse(text);
  const { diagnostics } = lint(text, { preset: "all", filePath: "Dockerfile" });
  // The instructions hull flags, by kind; a finding outside every instruction counts for the whole file.
  const flagged = new Map<string, Set<number>>();
  const lines: number[] = [];
  for (const d of diagnostics) {
    if (!hullRules.includes(d.ruleId)) continue;
    lines.push(d.range.start.line);
    const ins = ast.instructions.find(
      (i) => i.range.start.line <= d.range.start.line && d.range.start.line <= i.range.end.line,
    );
    const kind = ins ? ins.type.toUpperCase() : "";
    flagged.set(kind, (flagged.get(kind) ?? new Set()).add(ins?.range.start.line ?? 0));
  }
  const got = new Map([...flagged].map(([kind, at]) => [kind, at.size] as [string, number]));
  const total = [...got.values()].reduce((a, b) => a + b, 0);
  let agree: boolean;
  if (c.fails.size === 0) agree = total === 0;
  else if (c.fails.has("")) agree = total > 0 && [...c.fails.keys()].every((k) => k === "" || got.has(k));
  else
    agree =
      [...got.keys()].every((k) => c.fails.has(k)) &&
      [...c.fails].every(([kind, n]) => (n === null ? (got.get(kind) ?? 0) > 0 : got.get(kind) === n));
  if (agree) counts.same++;
  else {
    counts.different++;
    different.push(
      `${relative(root, c.file)}: ${c.id} (${c.check}) Checkov [${show(c.fails)}], hull [${show(got)}] at lines [${[...new Set(lines)].sort((a, b) => a - b).join(", ")}]`,
    );
  }
}
console.log(JSON.stringify(counts));
if (args.includes("--all")) {
  if (unmapped.size > 0) console.log(`no hull rule: ${[...unmapped].join(", ")}`);
  for (const name of [...python.unread, ...graph.unread]) console.log(`unread: ${name}`);
  for (const line of different) console.log(line);
}
