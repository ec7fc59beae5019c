// Runs the cases of BuildKit's own lint tests through hull and lists where hull's findings differ from BuildKit's.
//
//   pnpm exec tsx --conditions=@hull/source packages/linter/scripts/buildkit-cases.ts BUILDKIT_CHECKOUT [--all]
//
// BuildKit's check tests (frontend/dockerfile/dockerfile_check_test.go) call `checkLinterWarnings` with a Dockerfile,
// maybe a .dockerignore, and the warnings `docker build --check` must give: rule name and line. This reads those calls
// (a Dockerfile written as a Go raw string, directly or in a variable assigned just before; a case built another way,
// or with build arguments or a platform, is counted and left out), lints the file with every rule, and compares the
// (rule, line) pairs of the rules that carry a BuildKit name. BuildKit's experimental checks count only where the
// file enables them (`# check=experimental=…`), as in BuildKit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint, rules } from "../src/index.js";

/** BuildKit's checks that run only when a Dockerfile enables them. */
const experimental = new Set(["InvalidDefinitionDescription"]);

type Case = {
  test: string;
  dockerfile: string;
  dockerignore: string | null;
  expected: string[];
  /** BuildKit's lint request compares rule names, not lines: a list given for it alone says nothing of lines. */
  lines: boolean;
};

/** The index just past the brace that closes the one at `open`, skipping Go strings. */
function closing(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "`") i = src.indexOf("`", i + 1);
    else if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === "\\") i++;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return src.length;
}

/** A `[]byte(`…`)` literal's text, or the one last assigned to the variable named `expr` before `at`. */
function bytesOf(src: string, expr: string, at: number): string | null {
  const literal = /^\[\]byte\(`([^`]*)`\)$/.exec(expr.trim());
  if (literal) return literal[1]!;
  if (!/^\w+$/.test(expr.trim())) return null;
  const assign = new RegExp(`\\b${expr.trim()}\\s*:?=\\s*([^\\n]*)`, "g");
  let last: RegExpExecArray | null = null;
  for (let m = assign.exec(src); m !== null && m.index < at; m = assign.exec(src)) last = m;
  if (!last) return null;
  const rest = src.slice(last.index + last[0].length - last[1]!.length);
  const raw = /^\[\]byte\(`([^`]*)`\)/.exec(rest);
  if (raw) return raw[1]!;
  // `fmt.Appendf(nil, `…%s…`, a, b)` or `[]byte(fmt.Sprintf(`…`, a))`, each argument a string literal or a variable
  // set to one, or to `integration.UnixOrWindows("unix", "windows")` (its Unix value: BuildKit's tests run on Linux here).
  const format =
    /^(?:fmt\.Appendf\(nil,|\[\]byte\(fmt\.Sprintf\()\s*`([^`]*)`((?:\s*,\s*(?:\w+|"[^"]*"))*)\s*\)/.exec(
      rest,
    );
  if (!format) return null;
  const values = [...format[2]!.matchAll(/\w+|"[^"]*"/g)].map(([arg]) => stringOf(src, arg, last.index));
  if (values.some((v) => v === null) || (format[1]!.match(/%s/g) ?? []).length !== values.length) return null;
  let k = 0;
  return format[1]!.replace(/%s/g, () => values[k++]!);
}

/** A Go string expression of the test: a literal, or a variable last set to a literal or to `integration.UnixOrWindows`. */
function stringOf(src: string, expr: string, at: number): string | null {
  if (expr.startsWith('"')) return JSON.parse(expr) as string;
  const assign = new RegExp(
    `\\b${expr}\\s*:?=\\s*(?:integration\\.UnixOrWindows\\(\\s*("[^"]*")|("[^"]*"))`,
    "g",
  );
  let value: string | null = null;
  for (let m = assign.exec(src); m !== null && m.index < at; m = assign.exec(src))
    value = JSON.parse((m[1] ?? m[2])!) as string;
  return value;
}

function casesOf(src: string): { cases: Case[]; unread: number; withAttrs: number } {
  const cases: Case[] = [];
  let unread = 0;
  let withAttrs = 0;
  const call = /checkLinterWarnings\(t, sb, &lintTestParams\{/g;
  for (let m = call.exec(src); m !== null; m = call.exec(src)) {
    const open = m.index + m[0].length - 1;
    const body = src.slice(open, closing(src, open));
    const test = /func (test\w+)/g;
    let name = "";
    let from = 0;
    for (let t = test.exec(src); t !== null && t.index < m.index; t = test.exec(src)) {
      name = t[1]!;
      from = t.index;
    }
    if (/\bFrontendAttrs:/.test(body)) {
      withAttrs++;
      continue;
    }
    const field = (key: string) =>
      new RegExp(`\\b${key}:\\s*(\\[\\]byte\\(\`[^\`]*\`\\)|\\w+)`).exec(body)?.[1];
    const dockerfileExpr = field("Dockerfile");
    const dockerfile = dockerfileExpr === undefined ? null : bytesOf(src, dockerfileExpr, m.index);
    const ignoreExpr = field("DockerIgnore");
    const dockerignore = ignoreExpr === undefined ? null : bytesOf(src, ignoreExpr, m.index);
    if (dockerfile === null || (ignoreExpr !== undefined && dockerignore === null)) {
      unread++;
      continue;
    }
    // The lint request's answer (`docker build --check`) where the test gives one apart from the build's stream.
    const unmarshal = body.search(/\bUnmarshalWarnings:/);
    const listAt = unmarshal >= 0 ? unmarshal : body.search(/\bWarnings:/);
    const expected: string[] = [];
    if (listAt >= 0) {
      const open2 = body.indexOf("{", listAt);
      const list = body.slice(open2, closing(body, open2));
      for (const w of list.matchAll(/RuleName:\s*"(\w+)"[\s\S]*?Line:\s*(\d+)/g))
        expected.push(`${w[1]} ${w[2]}`);
      // A helper of the test that makes each warning (`makeLintWarning("CMD", 5)`): its rule, the given line.
      const helperRule = /RuleName:\s*"(\w+)"/.exec(src.slice(from, m.index))?.[1];
      for (const w of list.matchAll(/\w+\("[^"]*",\s*(\d+)\)/g))
        if (helperRule) expected.push(`${helperRule} ${w[1]}`);
    }
    cases.push({ test: name, dockerfile, dockerignore, expected: expected.sort(), lines: unmarshal < 0 });
  }
  return { cases, unread, withAttrs };
}

const buildkitNames = new Map<string, string>();
for (const r of rules) for (const name of [r.aliases?.buildkit ?? []].flat()) buildkitNames.set(r.id, name);

function findings(c: Case): string[] {
  const enabled = /^#\s*check\s*=.*experimental=([^;\n]*)/im.exec(c.dockerfile)?.[1]?.split(",") ?? [];
  const { diagnostics } = lint(c.dockerfile, {
    preset: "all",
    readDockerignore: () => c.dockerignore,
    filePath: "Dockerfile",
  });
  const out: string[] = [];
  for (const d of diagnostics) {
    const name = buildkitNames.get(d.ruleId);
    if (name === undefined) continue;
    if (experimental.has(name) && !enabled.includes(name) && !enabled.includes("all")) continue;
    out.push(`${name} ${d.range.start.line}`);
  }
  return out.sort();
}

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error("usage: buildkit-cases.ts BUILDKIT_CHECKOUT [--all]");
  process.exit(2);
}
const src = readFileSync(join(root, "frontend/dockerfile/dockerfile_check_test.go"), "utf8");
const { cases, unread, withAttrs } = casesOf(src);
const known = new Set(buildkitNames.values());
let same = 0;
const different: string[] = [];
for (const c of cases) {
  // Only the checks hull has: a BuildKit check with no hull rule is not hull's answer to compare.
  const names = (list: string[]) => (c.lines ? list : list.map((e) => e.split(" ")[0]!).sort());
  const expected = names(c.expected.filter((e) => known.has(e.split(" ")[0]!)));
  const got = names(findings(c));
  if (JSON.stringify(expected) === JSON.stringify(got)) same++;
  else
    different.push(
      `${c.test}: BuildKit [${expected.join(", ")}], hull [${got.join(", ")}] | ${JSON.stringify(c.dockerfile)}`,
    );
}
console.log(
  JSON.stringify({
    calls: cases.length + unread + withAttrs,
    unread,
    withAttrs,
    same,
    different: different.length,
  }),
);
if (args.includes("--all")) for (const line of different) console.log(line);
