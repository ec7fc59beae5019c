// Fuzzes parse, print, lint (every rule), plan, fmt, lint fixes and the language server's features for a given
// time, outside the unit suite:
//   pnpm fuzz [--minutes N] [--seed N] [--corpus DIR] [--out DIR]
// Inputs are random text, mutations of real Dockerfiles (the examples, the parser's fixtures and, when given, a
// corpus folder) and instructions generated from the Dockerfile grammar. Each input must keep the invariants
// below; a failing input is shrunk by lines and saved under `fuzz-findings/` with the failure beside it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { format, parse, print } from "../packages/parser/src/index.js";
import {
  applyFixes,
  lint,
  type ShellcheckOutput,
  type ShellcheckRequest,
} from "../packages/linter/src/index.js";
import { plan } from "../packages/planner/src/index.js";
import {
  computeCodeActions,
  computeCompletions,
  computeDefinition,
  computeFoldingRanges,
  computeHover,
  computeReferences,
  computeRename,
  computeSymbols,
  createDocument,
  defaultFeatureConfig,
  prepareRename,
} from "../packages/lsp/src/index.js";

interface Options {
  minutes: number;
  seed: number;
  corpus: string | null;
  out: string;
}

const repo = fileURLToPath(new URL("..", import.meta.url));

function parseArgs(argv: string[]): Options {
  const options: Options = {
    minutes: 1,
    seed: Date.now() % 2 ** 31,
    corpus: null,
    out: join(repo, "fuzz-findings"),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--") continue;
    if (value === undefined) throw new Error(`${flag}: missing value`);
    i++;
    if (flag === "--minutes") options.minutes = Number(value);
    else if (flag === "--seed") options.seed = Number(value);
    else if (flag === "--corpus") options.corpus = value;
    else if (flag === "--out") options.out = value;
    else throw new Error(`unknown option ${flag}; expected --minutes, --seed, --corpus or --out`);
  }
  if (!(options.minutes > 0)) throw new Error("--minutes: expected a positive number");
  return options;
}

/** mulberry32: a small seeded generator, so that a run can be repeated with --seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

// ---- inputs ----------------------------------------------------------------------------------------------

/** Pieces that matter to the lexer and parser: escapes, quotes, expansions, heredoc markers, line breaks. */
const pieces = [
  "\\",
  "\\\n",
  "`",
  "`\n",
  "\n",
  "\r\n",
  "\r",
  " ",
  "\t",
  "#",
  "# escape=`\n",
  "# syntax=docker/dockerfile:1\n",
  "# check=skip=all\n",
  // Template markup, which the linter masks before it parses.
  "{{ .v }}",
  "{{ if .a }}\n",
  "{{ end }}\n",
  "{% for p in ps %}",
  "<%= v %>",
  "${templateOption:v}",
  "%%NAME%%",
  "%%NAME%%\n",
  "\ufeff",
  '"',
  "'",
  "$",
  "${",
  "}",
  "${A:-",
  "${A:+x}",
  "${A#*}",
  "${A/x/y}",
  "$$",
  "=",
  "[",
  "]",
  '["',
  '", "',
  "<<",
  "<<EOF",
  "<<-EOF",
  "<<'EOF'",
  "EOF",
  "\nEOF\n",
  "--",
  "--from=",
  "--mount=type=cache,target=/x",
  "--platform=$BUILDPLATFORM",
  " AS ",
  " as ",
  "FROM ",
  "RUN ",
  "COPY ",
  "ADD ",
  "ENV ",
  "ARG ",
  "LABEL ",
  "ONBUILD ",
  "HEALTHCHECK ",
  "CMD ",
  "ENTRYPOINT ",
  "SHELL ",
  "WORKDIR ",
  "USER ",
  "EXPOSE ",
  "VOLUME ",
  "STOPSIGNAL ",
  "MAINTAINER ",
  "apt-get install -y",
  "&&",
  "||",
  ";",
  "|",
  "(",
  ")",
  "\u0000",
  "é",
  "😀",
  "\u2028",
];

const keywords = [
  "FROM",
  "RUN",
  "COPY",
  "ADD",
  "ENV",
  "ARG",
  "LABEL",
  "ONBUILD",
  "HEALTHCHECK",
  "CMD",
  "ENTRYPOINT",
  "SHELL",
  "WORKDIR",
  "USER",
  "EXPOSE",
  "VOLUME",
  "STOPSIGNAL",
  "MAINTAINER",
];

function randomText(r: Random): string {
  let out = "";
  const n = r.int(40);
  for (let i = 0; i < n; i++) {
    if (r.next() < 0.7) out += r.pick(pieces);
    else out += String.fromCharCode(r.next() < 0.9 ? 32 + r.int(95) : r.int(0x3000));
  }
  return out;
}

function word(r: Random): string {
  return r.pick([
    "a",
    "b",
    "x",
    "app",
    "/src",
    "/usr/local/bin",
    "$A",
    "${B:-c}",
    "'q w'",
    '"d e"',
    "*.go",
    "1.2.3",
    "node:20",
    "alpine:3.20@sha256:" + "0".repeat(64),
    // Names every JavaScript object has: a table looked up with `in` or `[]` finds them.
    "constructor",
    "__proto__",
  ]);
}

function words(r: Random, max: number): string {
  return Array.from({ length: 1 + r.int(max) }, () => word(r)).join(r.pick([" ", "  ", " \\\n  "]));
}

/** One instruction from the grammar, with the flags, forms and heredocs BuildKit accepts (and some it rejects). */
function instruction(r: Random, stages: string[], depth = 0): string {
  const kw = r.pick(keywords);
  const cased = r.next() < 0.2 ? kw.toLowerCase() : kw;
  const json = () => `[${Array.from({ length: 1 + r.int(3) }, () => JSON.stringify(word(r))).join(", ")}]`;
  const heredoc = () => {
    const name = r.pick(["EOF", "END", "X"]);
    return {
      head: r.pick([`<<${name}`, `<<-${name}`, `<<'${name}'`, `<<"${name}"`]),
      body: `${words(r, 3)}\n${name}\n`,
    };
  };
  switch (kw) {
    case "FROM": {
      const name = `s${stages.length}`;
      stages.push(name);
      const flag = r.next() < 0.3 ? "--platform=$BUILDPLATFORM " : "";
      const base =
        stages.length > 1 && r.next() < 0.4
          ? r.pick(stages.slice(0, -1))
          : r.pick(["alpine:3.20", "scratch", "node:20-slim", "$BASE"]);
      return `${cased} ${flag}${base}${r.next() < 0.6 ? ` ${r.pick(["AS", "as", "As"])} ${name}` : ""}\n`;
    }
    case "RUN": {
      const flags =
        r.next() < 0.3
          ? r.pick([
              "--mount=type=cache,target=/root/.cache ",
              "--network=none ",
              "--mount=type=secret,id=s ",
            ])
          : "";
      if (r.next() < 0.25) {
        const h = heredoc();
        return `${cased} ${flags}${h.head}\n${h.body}`;
      }
      if (r.next() < 0.2) return `${cased} ${flags}${json()}\n`;
      return `${cased} ${flags}${r.pick(["apt-get update && apt-get install -y curl", "pip install x", "echo hi", words(r, 5)])}\n`;
    }
    case "COPY":
    case "ADD": {
      const from = kw === "COPY" && stages.length > 0 && r.next() < 0.4 ? `--from=${r.pick(stages)} ` : "";
      const flags =
        r.next() < 0.3 ? r.pick(["--chown=1000:1000 ", "--chmod=755 ", "--link ", "--parents "]) : "";
      if (r.next() < 0.15) {
        const h = heredoc();
        return `${cased} ${from}${flags}${h.head} /dst\n${h.body}`;
      }
      return `${cased} ${from}${flags}${words(r, 3)} ${r.pick(["/dst/", ".", "/app"])}\n`;
    }
    case "ENV":
    case "LABEL":
      return r.next() < 0.3
        ? `${cased} K ${words(r, 2)}\n`
        : `${cased} ${Array.from({ length: 1 + r.int(3) }, (_, i) => `${r.next() < 0.1 ? "toString" : `K${i}`}=${word(r)}`).join(r.pick([" ", " \\\n    "]))}\n`;
    case "ARG":
      return `${cased} ${r.pick(["A", "B", "BASE", "TARGETPLATFORM", "valueOf"])}${r.next() < 0.5 ? `=${word(r)}` : ""}\n`;
    case "ONBUILD":
      return depth > 0 ? "RUN true\n" : `${cased} ${instruction(r, [...stages], depth + 1)}`;
    case "HEALTHCHECK":
      return r.next() < 0.2
        ? `${cased} NONE\n`
        : `${cased} --interval=${r.pick(["30s", "1m30s", "1500μs", "x"])} CMD ${r.pick(["curl -f localhost", json()])}\n`;
    case "CMD":
    case "ENTRYPOINT":
    case "SHELL":
      return `${cased} ${r.next() < 0.6 ? json() : words(r, 3)}\n`;
    default:
      return `${cased} ${words(r, 2)}\n`;
  }
}

function generated(r: Random): string {
  const stages: string[] = [];
  let out =
    r.next() < 0.2 ? r.pick(["# syntax=docker/dockerfile:1\n", "# escape=`\n", "# check=skip=all\n"]) : "";
  if (r.next() < 0.3) out += "ARG BASE=alpine:3.20\n";
  out += instruction(r, stages).replace(/^\w+/, "FROM");
  stages.length = Math.max(stages.length, 1);
  const n = r.int(12);
  for (let i = 0; i < n; i++) {
    if (r.next() < 0.1) out += r.pick(["# a comment\n", "\n", "  \n"]);
    out += instruction(r, stages);
  }
  if (out.startsWith("# escape=`")) out = out.replace(/\\\n/g, "`\n");
  if (r.next() < 0.15) out = out.replace(/\n/g, "\r\n");
  return out;
}

function mutate(r: Random, text: string): string {
  let out = text;
  const edits = 1 + r.int(4);
  for (let e = 0; e < edits; e++) {
    const at = r.int(out.length + 1);
    const op = r.int(5);
    if (op === 0) out = out.slice(0, at) + r.pick(pieces) + out.slice(at);
    else if (op === 1) out = out.slice(0, at) + out.slice(at + 1 + r.int(16));
    else if (op === 2) {
      const len = r.int(40);
      out = out.slice(0, at) + out.slice(at, at + len) + out.slice(at);
    } else if (op === 3) {
      const lines = out.split("\n");
      const i = r.int(lines.length);
      const j = r.int(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      out = lines.join("\n");
    } else out = out.slice(0, at) + randomText(r) + out.slice(at);
  }
  return out;
}

function dockerfilesUnder(dir: string, all: boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return dockerfilesUnder(full, all);
    return all || e.name === "Dockerfile" ? [full] : [];
  });
}

// ---- invariants ------------------------------------------------------------------------------------------

class Violation extends Error {
  constructor(
    readonly invariant: string,
    message: string,
  ) {
    super(message);
  }
}

function cacheKeys(text: string): string {
  return JSON.stringify(plan(parse(text).ast).nodes.map((n) => n.cacheKey));
}

/** Applies every fix in rounds, as `--fix` does, until nothing changes; a bound catches fixes that never settle. */
function fixAll(text: string): { output: string; rounds: number } {
  let output = text;
  for (let round = 1; round <= 10; round++) {
    const { diagnostics } = lint(output, { preset: "all" });
    const next = applyFixes(output, diagnostics).output;
    if (next === output) return { output, rounds: round - 1 };
    output = next;
  }
  return { output, rounds: 11 };
}

function step<T>(invariant: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Violation) throw error;
    const e = error instanceof Error ? error : new Error(String(error));
    throw new Violation(invariant, `threw ${e.stack?.split("\n").slice(0, 4).join(" | ") ?? e.message}`);
  }
}

/**
 * A stand-in for ShellCheck, which the fuzzer does not start: a finding on each line of each script (lint drops
 * those on the header lines it writes), so that lint's reading of RUN scripts for ShellCheck and its mapping of
 * findings back to the Dockerfile run on every input.
 */
function lineFindings(request: ShellcheckRequest): ShellcheckOutput {
  const files = request.scripts.map((_, i) => `${i}.sh`);
  const comments = request.scripts.flatMap((script, i) =>
    script.split("\n").map((text, l) => ({
      file: files[i],
      line: l + 1,
      column: 1,
      endLine: l + 1,
      endColumn: text.length + 1,
      level: "info",
      code: 2086,
      message: "A line of the script.",
    })),
  );
  return { files, stdout: JSON.stringify({ comments }) };
}

const editorConfig = defaultFeatureConfig();

/**
 * The language server's features at a few offsets of the input: the start, the end, and every `$` and `=` (where
 * variables, flags and stage names are), at most 16 of them. None may throw, and a rename must leave each renamed
 * name with as many references as it had.
 */
function editor(text: string): void {
  const document = createDocument("untitled:fuzz", 1, text);
  const offsets = [0, text.length];
  for (let i = 0; i < text.length && offsets.length < 16; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x24 /* $ */ || c === 0x3d /* = */) offsets.push(i + 1);
  }
  computeSymbols(document, editorConfig);
  computeFoldingRanges(document, editorConfig);
  // Code actions lint the document: asked once, for the whole of it.
  const end = document.lines.positionAt(text.length);
  computeCodeActions(document, { start: { line: 0, character: 0 }, end }, editorConfig);
  for (const offset of offsets) {
    const position = document.lines.positionAt(offset);
    computeHover(document, position, editorConfig);
    computeCompletions(document, position, editorConfig);
    computeDefinition(document, position);
    if (!prepareRename(document, position)) continue;
    const before = computeReferences(document, position, true).length;
    const edits = computeRename(document, position, "fuzz_name");
    if ("error" in edits) continue;
    const spans = edits
      .map((e) => [document.lines.offsetAt(e.range.start), document.lines.offsetAt(e.range.end)] as const)
      .sort((a, b) => b[0] - a[0]);
    if (spans.length === 0) throw new Violation("editor-rename", `a rename at ${offset} made no edits`);
    let renamed = text;
    for (const [start, end] of spans) renamed = renamed.slice(0, start) + "fuzz_name" + renamed.slice(end);
    const after = createDocument("untitled:renamed", 2, renamed);
    const first = spans[spans.length - 1]![0];
    const count = computeReferences(after, after.lines.positionAt(first), true).length;
    if (count !== before)
      throw new Violation("editor-rename", `a rename at ${offset} left ${count} references of ${before}`);
  }
}

/** Checks every invariant on one input; throws a Violation naming the first that fails. */
function check(text: string): void {
  const parsed = step("parse", () => parse(text));
  step("round-trip", () => {
    if (print(parsed.ast) !== text) throw new Violation("round-trip", "print(parse(x)) !== x");
  });
  const linted = step("lint", () =>
    lint(text, { preset: "all", parseResult: parsed, shellcheck: lineFindings }),
  );
  const crashed = linted.diagnostics.find((d) => d.messageId === "internalError");
  if (crashed) throw new Violation("lint-internal-error", crashed.message);
  const outside = linted.diagnostics.find(
    ({ range: { start, end } }) => start.offset < 0 || start.offset > end.offset || end.offset > text.length,
  );
  if (outside) throw new Violation("lint-range", `${outside.ruleId} at ${JSON.stringify(outside.range)}`);
  const keys = step("plan", () => cacheKeys(text));
  const formatted = step("fmt", () => format(text).output);
  step("fmt-idempotent", () => {
    if (format(formatted).output !== formatted)
      throw new Violation("fmt-idempotent", "fmt(fmt(x)) !== fmt(x)");
  });
  step("fmt-plan", () => {
    if (cacheKeys(formatted) !== keys)
      throw new Violation("fmt-plan", "the plan of fmt(x) has other cache keys");
  });
  step("editor", () => editor(text));
  const fixed = step("fix", () => fixAll(text));
  if (fixed.rounds > 10) throw new Violation("fix-converges", "fixes still change the text after 10 rounds");
  step("fix-idempotent", () => {
    if (fixAll(fixed.output).output !== fixed.output)
      throw new Violation("fix-idempotent", "fix(fix(x)) !== fix(x)");
    const again = lint(fixed.output, { preset: "all" }).diagnostics.find(
      (d) => d.messageId === "internalError",
    );
    if (again) throw new Violation("lint-internal-error", `after fixes: ${again.message}`);
  });
}

function failure(text: string): Violation | null {
  try {
    check(text);
    return null;
  } catch (error) {
    return error instanceof Violation ? error : new Violation("unknown", String(error));
  }
}

/** Removes lines (then characters of short inputs) while the same invariant still fails. */
function shrink(text: string, invariant: string): string {
  let best = text;
  const fails = (t: string) => failure(t)?.invariant === invariant;
  let lines = best.split(/(?<=\n)/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const candidate = [...lines.slice(0, i), ...lines.slice(i + 1)];
    if (fails(candidate.join(""))) lines = candidate;
  }
  best = lines.join("");
  if (best.length <= 200) {
    for (let i = best.length - 1; i >= 0; i--) {
      const candidate = best.slice(0, i) + best.slice(i + 1);
      if (fails(candidate)) best = candidate;
    }
  }
  return best;
}

// ---- the run ---------------------------------------------------------------------------------------------

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const r = random(options.seed);
  const seeds = [
    ...dockerfilesUnder(join(repo, "examples"), false),
    ...dockerfilesUnder(join(repo, "packages/parser/test/fixtures"), false),
    ...(options.corpus ? dockerfilesUnder(options.corpus, true) : []),
  ].filter((f) => statSync(f).size < 200_000);
  const texts = new Map<string, string>();
  const seedText = (file: string) => {
    let t = texts.get(file);
    if (t === undefined) {
      t = readFileSync(file, "utf8");
      texts.set(file, t);
    }
    return t;
  };
  const end = Date.now() + options.minutes * 60_000;
  const counts = { random: 0, mutated: 0, generated: 0, seed: 0 };
  const found = new Map<string, { file: string; count: number }>();
  let lastReport = Date.now();
  console.log(`hull fuzz: seed ${options.seed}, ${seeds.length} seed files, ${options.minutes} min`);
  while (Date.now() < end) {
    const kind = r.next();
    let source: keyof typeof counts;
    let text: string;
    if (kind < 0.15) [source, text] = ["random", randomText(r)];
    else if (kind < 0.55 && seeds.length > 0)
      [source, text] = ["mutated", mutate(r, seedText(r.pick(seeds)))];
    else if (kind < 0.58 && seeds.length > 0) [source, text] = ["seed", seedText(r.pick(seeds))];
    else [source, text] = ["generated", r.next() < 0.3 ? mutate(r, generated(r)) : generated(r)];
    counts[source]++;
    const violation = failure(text);
    if (violation) {
      // One finding per invariant and first line of the message: the same bug is not saved a thousand times.
      const key = `${violation.invariant}: ${violation.message.split(" | ")[0]!.replace(/\d+/g, "N")}`;
      const seen = found.get(key);
      if (seen) seen.count++;
      else {
        const small = shrink(text, violation.invariant);
        const hash = createHash("sha256").update(small).digest("hex").slice(0, 10);
        const dir = join(options.out, `${violation.invariant}-${hash}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "Dockerfile"), small);
        writeFileSync(
          join(dir, "failure.txt"),
          `${violation.invariant}\n${failure(small)?.message ?? violation.message}\n`,
        );
        found.set(key, { file: relative(repo, dir), count: 1 });
        console.log(`found ${key}\n  saved ${relative(repo, dir)}`);
      }
    }
    if (Date.now() - lastReport > 60_000) {
      lastReport = Date.now();
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`  ${total} inputs so far (${JSON.stringify(counts)}), ${found.size} distinct findings`);
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `hull fuzz: ${total} inputs ${JSON.stringify(counts)} in ${options.minutes} min, seed ${options.seed}`,
  );
  if (found.size === 0) console.log("no invariant failed");
  for (const [key, { file, count }] of found) console.log(`  ${count}× ${key} (${file})`);
  process.exitCode = found.size > 0 ? 1 : 0;
}

main();
