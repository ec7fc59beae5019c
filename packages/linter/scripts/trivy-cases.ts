// Runs the cases of Trivy's Dockerfile checks (aquasecurity/trivy-checks) through hull and lists where hull's answer
// differs.
//
//   pnpm exec tsx --conditions=@hull/source packages/linter/scripts/trivy-cases.ts TRIVY_CHECKS_CHECKOUT [--all]
//
// Each check, checks/docker/<name>.rego, names its id (`id: DS-0001`) in its METADATA and has two kinds of cases:
// the examples file it points to (`examples: checks/docker/<name>.yaml`, whole Dockerfiles under `good:` and `bad:`),
// and the Rego tests in <name>_test.rego, which give `deny` a Dockerfile already parsed into Trivy's JSON (`Stages`,
// each with its `Commands`: `Cmd`, `Flags`, `Value`) and state `count(r) == N`. This writes such an input back as a
// Dockerfile (a small writer, not Trivy's; the input may be built by the test file's helper functions or be a row of a
// table the test walks, and a test configured `with data.…` is counted and left out), lints it with every rule, and
// asks whether a hull rule whose
// `aliases.trivy` names the check reports anything: Trivy's answer is "some" for a bad example or N > 0, else "none".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lint, rules, aliasList } from "../src/index.js";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Case = { id: string; where: string; expect: "some" | "none"; dockerfile: string };

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error("usage: trivy-cases.ts TRIVY_CHECKS_CHECKOUT [--all]");
  process.exit(2);
}

/** `DS-0002`, whichever of Trivy's forms (`DS002`, `AVD-DS-0002`) is given. */
function normal(id: string): string {
  const n = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(id)?.[1];
  return n === undefined ? id : `DS-${n.padStart(4, "0")}`;
}

/** The hull rules that answer to each Trivy id. */
const rulesOf = new Map<string, string[]>();
for (const r of rules)
  for (const id of aliasList(r, "trivy").map(normal)) rulesOf.set(id, [...(rulesOf.get(id) ?? []), r.id]);

/** A helper function of a test file (`instruction(cmd, val) := {"Cmd": cmd, "Value": val}`): its parameters and body. */
type Helper = { params: string[]; body: string };
type Scope = { vars: Map<string, Json>; helpers: Map<string, Helper> };

/**
 * Reads one Rego value at `from`: a literal (JSON with trailing commas, raw strings in backquotes, sets as lists), a
 * variable of `scope` with fields (`tc.cmds`), or a call of one of the test file's helpers; undefined for anything
 * else (a comprehension, an operator).
 */
function readValue(src: string, from: number, scope: Scope): { value: Json; end: number } | undefined {
  let i = from;
  const space = () => {
    while (i < src.length && /[\s,]/.test(src[i]!)) i++;
  };
  const value = (depth: number): Json | undefined => {
    if (depth > 50) return undefined;
    space();
    const c = src[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      const items: Json[] = [];
      const object: Record<string, Json> = {};
      let isSet = false;
      for (space(); src[i] !== close; space()) {
        if (i >= src.length) return undefined;
        const item = value(depth + 1);
        if (item === undefined) return undefined;
        space();
        if (c === "[" || src[i] !== ":") {
          // A `{a, b}` without keys is a set, read as a list.
          if (c === "{") isSet = true;
          items.push(item);
          continue;
        }
        if (typeof item !== "string") return undefined;
        i++;
        const v = value(depth + 1);
        if (v === undefined) return undefined;
        object[item] = v;
      }
      i++;
      return c === "{" && !isSet ? object : items;
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(src.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    if (c === "`") {
      const close = src.indexOf("`", i + 1);
      if (close < 0) return undefined;
      const text = src.slice(i + 1, close);
      i = close + 1;
      return text;
    }
    const word = /^(?:-?\d+(?:\.\d+)?|true|false|null)\b/.exec(src.slice(i));
    if (word) {
      i += word[0].length;
      return JSON.parse(word[0]) as Json;
    }
    const name = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/.exec(src.slice(i))?.[0];
    if (name === undefined) return undefined;
    i += name.length;
    const helper = scope.helpers.get(name);
    if (helper && src[i] === "(") {
      i++;
      const args: Json[] = [];
      for (space(); src[i] !== ")"; space()) {
        if (i >= src.length) return undefined;
        const arg = value(depth + 1);
        if (arg === undefined) return undefined;
        args.push(arg);
      }
      i++;
      const vars = new Map(scope.vars);
      helper.params.forEach((p, k) => vars.set(p, args[k] ?? null));
      return readValue(helper.body, 0, { vars, helpers: scope.helpers })?.value;
    }
    const [head, ...fields] = name.split(".");
    let v = scope.vars.get(head!);
    for (const f of fields) v = typeof v === "object" && v !== null && !Array.isArray(v) ? v[f] : undefined;
    return v;
  };
  const v = value(0);
  return v === undefined ? undefined : { value: v, end: i };
}

/** The helper functions a test file defines at its top level (`name(a, b) := value`). */
function helpersOf(text: string): Map<string, Helper> {
  const helpers = new Map<string, Helper>();
  for (const m of text.matchAll(/^([a-z_]\w*)\(([\w, ]*)\)\s*:=\s*/gm)) {
    const at = m.index + m[0].length;
    // The body runs to the next definition or test at the start of a line.
    const next = text.slice(at).search(/\n(?=[a-z_]\w*(?:\(|\[|\s))/);
    helpers.set(m[1]!, {
      params: m[2]!
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
      body: next < 0 ? text.slice(at) : text.slice(at, at + next),
    });
  }
  return helpers;
}

/**
 * The inputs one test gives `deny`, each with the count it expects: one, or one per row of a table it walks
 * (`some name, tc in {…}`, `every tt in tc {…}`). Undefined when the test is not written in that shape.
 */
function testInputs(
  test: string,
  helpers: Map<string, Helper>,
): { input: Json; count: string; n: number }[] | undefined {
  const calls = [...test.matchAll(/\bdeny with input as /g)];
  if (calls.length !== 1 || /\bwith data\./.test(test)) return undefined;
  const count = /\bcount\(\w+\)\s*(==|=|>)\s*([\w.]+)/.exec(test);
  if (!count) return undefined;
  const vars = new Map<string, Json>();
  // Bindings before the call, in order (`inp := build_input([...])`, `tc := {...}`).
  const before = test.slice(0, calls[0]!.index);
  for (const m of before.matchAll(/^\s*(\w+)\s*:=\s*/gm)) {
    if (/deny\s*$/.test(before.slice(m.index + m[0].length, m.index + m[0].length + 40).split("\n")[0]!))
      continue;
    const read = readValue(before, m.index + m[0].length, { vars, helpers });
    if (read) vars.set(m[1]!, read.value);
  }
  const table =
    /\bsome\s+\w+\s*,\s*(\w+)\s+in\s+/.exec(before) ?? /\bevery\s+(\w+)\s+in\s+(\w+)\s*\{/.exec(before);
  let rows: Map<string, Json>[] = [vars];
  if (table) {
    const source =
      table[2] !== undefined
        ? vars.get(table[2])
        : readValue(before, table.index + table[0].length, { vars, helpers })?.value;
    if (typeof source !== "object" || source === null) return undefined;
    rows = Object.values(source).map((row) => new Map([...vars, [table[1]!, row]]));
  }
  const result: { input: Json; count: string; n: number }[] = [];
  for (const row of rows) {
    const input = readValue(test, calls[0]!.index + calls[0]![0].length, { vars: row, helpers })?.value;
    const n = /^\d+$/.test(count[2]!)
      ? Number(count[2])
      : readValue(count[2]!, 0, { vars: row, helpers })?.value;
    if (input === undefined || typeof n !== "number") return undefined;
    result.push({ input, count: count[1]!, n });
  }
  return result;
}

/** An ENV or LABEL value as Dockerfile text: quoted when it holds a blank or a quote. */
const quoted = (v: string) => (/[\s"'\\]/.test(v) ? JSON.stringify(v) : v);

/** Trivy's parsed Dockerfile written back as text; null when its shape is not the one expected. */
function dockerfileOf(input: Json, readsName: boolean): string | null {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !Array.isArray(input.Stages))
    return null;
  const lines: string[] = [];
  for (const stage of input.Stages) {
    if (typeof stage !== "object" || stage === null || Array.isArray(stage)) return null;
    const { Name: name, Commands: commands } = stage;
    if (!Array.isArray(commands)) return null;
    // A stage's `Name` is the FROM line's arguments; two checks read the image and alias there, the others in the
    // `from` command, and the tests fill in only the one their check reads. The FROM is written from that one; a
    // stage without a `from` command gets it from the name.
    const hasFrom = commands.some((c) => (c as Record<string, Json> | null)?.Cmd === "from");
    if (!hasFrom && typeof name === "string" && name !== "") lines.push(`FROM ${name}`);
    for (const command of commands as Record<string, Json>[]) {
      const cmd = command.Cmd;
      const value = command.Value ?? [];
      const flags = command.Flags ?? [];
      if (typeof cmd !== "string" || !Array.isArray(value) || !Array.isArray(flags)) return null;
      const words = value.map(String);
      const keyword = [cmd.toUpperCase(), ...flags.map(String)].join(" ");
      if (cmd === "from" && readsName && typeof name === "string" && name !== "")
        lines.push(`${keyword} ${name}`);
      else if (cmd === "comment") lines.push(`# ${words.join(" ")}`);
      else if (cmd === "env" || cmd === "label") {
        // Triples of key, value and separator; an empty separator is the legacy `ENV key value`.
        const pairs: string[] = [];
        for (let k = 0; k < words.length; k += 3)
          pairs.push(
            words[k + 2] === "" ? `${words[k]} ${words[k + 1]}` : `${words[k]}=${quoted(words[k + 1] ?? "")}`,
          );
        lines.push(`${keyword} ${pairs.join(" ")}`);
      } else if ((cmd === "run" || cmd === "cmd" || cmd === "entrypoint") && words.length !== 1)
        lines.push(`${keyword} ${JSON.stringify(words)}`);
      else lines.push(`${keyword} ${words.join(" ")}`.trimEnd());
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The Dockerfiles under `good:` and `bad:` of a check's examples file (block scalars, `- |-` or `- |`). */
function examples(text: string): { good: string[]; bad: string[] } {
  const out = { good: [] as string[], bad: [] as string[] };
  let list: string[] | null = null;
  let item: string[] | null = null;
  let indent = 0;
  const end = () => {
    if (item && list) list.push(`${item.join("\n").replace(/\n+$/, "")}\n`);
    item = null;
  };
  for (const line of text.split("\n")) {
    if (item && (line.trim() === "" || line.length - line.trimStart().length >= indent)) {
      item.push(line.slice(indent));
      continue;
    }
    end();
    const key = /^\s*(good|bad):\s*$/.exec(line);
    if (key) list = out[key[1] as "good" | "bad"];
    else if (/^\s*- \|[-+]?\s*$/.test(line) && list) {
      item = [];
      indent = line.indexOf("-") + 2;
    } else if (/^\S/.test(line) || /^\s*\w+:/.test(line)) list = null;
  }
  end();
  return out;
}

const dir = join(root, "checks/docker");
const cases: Case[] = [];
const unread: string[] = [];
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith(".rego") && !n.endsWith("_test.rego"))
  .sort()) {
  const rego = readFileSync(join(dir, name), "utf8");
  const id = /^#\s+id:\s*(\S+)/m.exec(rego)?.[1];
  if (!id) continue;
  const base = name.replace(/\.rego$/, "");
  const examplesFile = /^#\s+examples:\s*(\S+)/m.exec(rego)?.[1];
  const examplesPath = examplesFile ? join(root, examplesFile) : join(dir, `${base}.yaml`);
  if (existsSync(examplesPath)) {
    const { good, bad } = examples(readFileSync(examplesPath, "utf8"));
    good.forEach((dockerfile, i) =>
      cases.push({ id, where: `${base}.yaml good[${i}]`, expect: "none", dockerfile }),
    );
    bad.forEach((dockerfile, i) =>
      cases.push({ id, where: `${base}.yaml bad[${i}]`, expect: "some", dockerfile }),
    );
  }
  const testPath = join(dir, `${base}_test.rego`);
  if (!existsSync(testPath)) continue;
  const testFile = readFileSync(testPath, "utf8");
  const helpers = helpersOf(testFile);
  const tests = testFile.split(/^(?=test_)/m).slice(1);
  for (const test of tests) {
    const testName = /^(test_\w+)/.exec(test)![1]!;
    const where = `${base}_test.rego ${testName}`;
    const inputs = testInputs(test, helpers);
    const dockerfiles = inputs?.map(({ input, count, n }) => ({
      dockerfile: dockerfileOf(input, /\bstage\.Name\b/.test(rego)),
      some: count === ">" || n > 0,
    }));
    if (!dockerfiles || dockerfiles.some((d) => d.dockerfile === null)) {
      unread.push(where);
      continue;
    }
    dockerfiles.forEach(({ dockerfile, some }, k) =>
      cases.push({
        id,
        where: dockerfiles.length > 1 ? `${where}[${k}]` : where,
        expect: some ? "some" : "none",
        dockerfile: dockerfile!,
      }),
    );
  }
}

const counts = {
  cases: cases.length + unread.length,
  unread: unread.length,
  noHullRule: 0,
  same: 0,
  different: 0,
};
const different: string[] = [];
const unmapped = new Set<string>();
for (const c of cases) {
  const hullRules = rulesOf.get(normal(c.id));
  if (!hullRules) {
    counts.noHullRule++;
    unmapped.add(c.id);
    continue;
  }
  const { diagnostics } = lint(c.dockerfile, { preset: "all", filePath: "Dockerfile" });
  const found = diagnostics.filter((d) => hullRules.includes(d.ruleId));
  if ((c.expect === "some") === found.length > 0) counts.same++;
  else {
    counts.different++;
    const lines = [...new Set(found.map((d) => `${d.ruleId}:${d.range.start.line}`))].join(", ");
    different.push(
      `${c.where}: ${c.id} Trivy ${c.expect}, hull ${found.length}${lines ? ` (${lines})` : ""} | ${JSON.stringify(c.dockerfile)}`,
    );
  }
}
console.log(JSON.stringify(counts));
if (args.includes("--all")) {
  if (unmapped.size > 0) console.log(`no hull rule: ${[...unmapped].join(", ")}`);
  for (const where of unread) console.log(`unread: ${where}`);
  for (const line of different) console.log(line);
}
