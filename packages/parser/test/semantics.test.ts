import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "../src/ast/build.js";
import { expandWord } from "../src/expand/expand.js";
import { semanticModel, semanticWork, type SemanticModel } from "../src/semantics/model.js";
import { cleanPath } from "../src/semantics/path.js";

const NAMED: Record<string, string> = { nl: "\n", empty: "" };
const unescape = (s: string) => s.replace(/⟨(\w+)⟩/g, (m, name: string) => NAMED[name] ?? m);

const lines = readFileSync(new URL("./semantics.table", import.meta.url), "utf8").split("\n");
const cases = lines.flatMap((line, i) =>
  line.trim() === "" || line.startsWith("#") ? [] : [{ n: i + 1, line }],
);

/** The answer of one query, in the table's notation. */
function answer(model: SemanticModel, query: string, arg: string, expected: string): string {
  const { ast } = model;
  const index = (s: { index: number } | null) => (s === null ? "none" : String(s.index));
  const list = (test: (s: (typeof ast.stages)[number]) => boolean) =>
    ast.stages
      .filter(test)
      .map((s) => s.index)
      .join(" ") || "none";
  switch (query) {
    case "kept":
      return list((s) => model.isKept(s));
    case "used":
      return list((s) => model.isUsed(s));
    case "ref":
      return index(model.stageByRef(arg));
    case "base": {
      const stage = ast.stages.find((s) => s.from.range.start.line === Number(arg));
      return stage ? index(model.baseOf(stage)) : "no stage on that line";
    }
    case "baseargs": {
      const stage = ast.stages.find((s) => s.from.range.start.line === Number(arg));
      return stage ? [...model.baseArgs(stage)].sort().join(" ") || "none" : "no stage on that line";
    }
    case "globals":
    case "scope": {
      let env: ReadonlyMap<string, string> = model.globals.env;
      let args: ReadonlySet<string> = model.globals.declared;
      let uncertain: ReadonlySet<string> = new Set();
      if (query === "scope") {
        const node = ast.stages
          .flatMap((s) => s.instructions)
          .find((i) => i.range.start.line === Number(arg));
        const scope = node ? model.scopeBefore(node) : null;
        if (!scope) return "no stage instruction on that line";
        ({ env, args, uncertain } = scope);
      }
      // Only the names the expectation mentions, each in the form it uses.
      return expected
        .split(" ")
        .map((item) => {
          const name = item.replace(/^[-?~]/, "").split("=")[0]!;
          if (uncertain.has(name)) return `~${name}`;
          if (env.has(name)) return `${name}=${env.get(name) === "" ? "⟨empty⟩" : env.get(name)}`;
          return args.has(name) ? `?${name}` : `-${name}`;
        })
        .join(" ");
    }
    default:
      return `unknown query ${query}`;
  }
}

describe("semantics.table", () => {
  test.each(cases)("line $n: $line", ({ line }) => {
    const [query = "", file = "", buildArgs = "", expected = "", ...extra] = line
      .split(" | ")
      .map((s) => s.trim());
    expect(extra, "too many columns").toEqual([]);
    const [kind = "", arg = ""] = query.split(/\s+/);
    const entries = buildArgs === "-" ? [] : buildArgs.split(",").map((e) => e.trim().split(/=(.*)/s));
    const options =
      entries.length > 0
        ? { buildArgs: new Map(entries.map(([k = "", v = ""]) => [k, unescape(v)])) }
        : undefined;
    const model = semanticModel(parse(unescape(file)).ast, options);
    expect(answer(model, kind, arg, expected)).toBe(expected);
  });
});

describe("SemanticModel", () => {
  test("answers scope queries in any order as it does in source order", () => {
    const { ast } = parse("FROM alpine AS a\nARG A=1 B=$A\nENV C=$B\nFROM a\nENV D=$C\nRUN x\n");
    const nodes = ast.stages.flatMap((s) => s.instructions);
    const model = semanticModel(ast);
    const snapshot = (i: number) => [...(model.scopeBefore(nodes[i]!)?.env ?? [])];
    const forward = nodes.map((_, i) => snapshot(i));
    const backward = nodes.map((_, i) => snapshot(nodes.length - 1 - i)).reverse();
    expect(backward).toEqual(forward);
    expect(forward.at(-1)).toContainEqual(["D", "1"]);
  });

  test("finds the USER a stage runs as: its last, else its base stage's; not an ONBUILD one", () => {
    const { ast } = parse(
      "FROM alpine AS a\nUSER root\nUSER app\nFROM a AS b\nRUN x\nFROM alpine AS c\nONBUILD USER x\nFROM c\n",
    );
    const model = semanticModel(ast);
    const user = (i: number) => model.lastOf(ast.stages[i]!, "User")?.value?.value ?? null;
    expect([0, 1, 2, 3].map(user)).toEqual(["app", "app", null, null]);
  });

  test("finds the ENTRYPOINT a stage runs: its last, else its base stage's", () => {
    const { ast } = parse(
      'FROM alpine AS a\nENTRYPOINT ["/a"]\nENTRYPOINT ["/init"]\nFROM a\nRUN x\nFROM alpine\n',
    );
    const model = semanticModel(ast);
    const entrypoint = (i: number) => model.lastOf(ast.stages[i]!, "Entrypoint")?.args[0]?.value ?? null;
    expect([0, 1, 2].map(entrypoint)).toEqual(["/init", "/init", null]);
  });
});

describe("SemanticModel.workdirBefore", () => {
  const dirs = (text: string) => {
    const { ast } = parse(text);
    const model = semanticModel(ast);
    return ast.stages.flatMap((s) =>
      s.instructions.filter((i) => i.type === "Run").map((i) => model.workdirBefore(i)),
    );
  };
  test("follows WORKDIRs as BuildKit sets them: absolute as written, relative joined and cleaned", () => {
    expect(
      dirs(
        "FROM scratch AS a\nRUN x\nWORKDIR //x//y\nRUN x\nWORKDIR ../z/./w/\nRUN x\nENV D=/d\nWORKDIR $D/e\nRUN x\nFROM a\nRUN x\nWORKDIR f\nRUN x\n",
      ),
    ).toEqual(["/", "//x//y", "/x/z/w", "/d/e", "/d/e", "/d/e/f"]);
  });
  test("is unknown where the base image or a build argument sets the directory", () => {
    expect(
      dirs(
        "FROM node:22\nRUN x\nWORKDIR app\nRUN x\nWORKDIR /srv\nRUN x\nARG D\nWORKDIR $D\nRUN x\nWORKDIR C:\\app\nRUN x\nONBUILD RUN x\n",
      ),
    ).toEqual([null, null, "/srv", null, null]);
  });
  test("starts in / on the official system images, which set no working directory", () => {
    expect(
      dirs(
        "FROM debian:12-slim\nRUN x\nWORKDIR app\nRUN x\nFROM docker.io/library/alpine@sha256:" +
          "0".repeat(64) +
          "\nRUN x\nFROM ghcr.io/example/debian:12\nRUN x\nFROM library/ubuntu\nRUN x\n",
      ),
    ).toEqual(["/", "/app", "/", null, "/"]);
  });
  test("reads each stage's WORKDIRs once, however many instructions ask", () => {
    const n = 3_000;
    const text = `FROM scratch\n${"WORKDIR d\nRUN x\n".repeat(n)}`;
    const { ast } = parse(text);
    const model = semanticModel(ast);
    const before = semanticWork.steps;
    const runs = ast.stages[0]!.instructions.filter((i) => i.type === "Run");
    for (const run of runs) model.workdirBefore(run);
    expect(model.workdirBefore(runs.at(-1)!)).toBeNull(); // deeper than PATH_MAX
    expect(model.workdirBefore(runs[2]!)).toBe("/d/d/d");
    expect(semanticWork.steps - before).toBeLessThan(4 * n);
  });
});

describe("words the model does not expand", () => {
  // The model takes a word without `$`, quotes or escape characters as its own value without expanding it.
  test("a word without $, quotes, \\ or ` expands to itself, with either escape character", () => {
    const plain = fc.string({
      unit: fc.constantFrom("a", "Z", "_", "0", " ", "\t", "{", "}", ":", "-", "/", "=", "é", "😀", "~"),
    });
    fc.assert(
      fc.property(plain, fc.constantFrom("\\" as const, "`" as const), (text, escape) => {
        expect(expandWord(text, new Map([["a", "x"]]), { escape })).toEqual({
          value: text,
          matched: [],
          missing: [],
          error: null,
        });
      }),
    );
  });
});

describe("definitions", () => {
  const table = (defs: Iterable<{ name: string; kind: string; raw: string | null; value: string | null }>) =>
    [...defs].map((d) => `${d.kind} ${d.name}=${d.raw ?? "-"}→${d.value ?? "?"}`);

  test("record where each name in a stage's scope was set, through its base stages, in first-set order", () => {
    const { ast } = parse(
      "ARG G=g\nFROM alpine AS a\nARG G\nARG A=$G B\nENV C=$A/$PATH D=1\nFROM a\nENV A=2\nRUN x\n",
    );
    const model = semanticModel(ast, { definitions: true });
    const run = ast.stages[1]!.instructions[1]!;
    const scope = model.scopeBefore(run)!;
    // A keeps its first position though the ENV set it again; PATH has no definition, so C's value is unknown.
    expect(table(scope.definitions.values())).toEqual([
      "ARG G=g→g",
      "ENV A=2→2",
      "ARG B=-→?",
      "ENV C=$A/$PATH→?",
      "ENV D=1→1",
    ]);
    expect(scope.definitions.get("A")?.declaration?.range.start.line).toBe(7);
    // Without the option, lint's models skip this work.
    expect(semanticModel(ast).scopeBefore(run)!.definitions.size).toBe(0);
  });

  test("valueBefore: a word as the build sets it, or null when the file does not say", () => {
    const { ast } = parse(
      'ARG G=g\nFROM alpine AS a\nENV E=e Q="x y"\nARG A=a\nENV F=$E-${A}\nRUN x\nFROM a\nENV H=$F\nRUN y\n',
    );
    const model = semanticModel(ast);
    const run = ast.stages[0]!.instructions[3]!;
    const value = (text: string) => model.valueBefore(run, text);
    expect(value("plain")).toBe("plain");
    expect(value('"$E:${Q}"')).toBe("e:x y");
    // An ENV made from a build argument has the value the ARG's default gave it; the ARG itself is the build's.
    expect(value("$F")).toBe("e-a");
    expect(value("$A")).toBeNull();
    // A global ARG not declared again, a variable nothing sets, one the base image may set, a bad expansion.
    expect(value("$G")).toBeNull();
    expect(value("$NOPE")).toBeNull();
    expect(value("${E:?}x${")).toBeNull();
    // Read with the build arguments' defaults, the ARG is its default; what the file does not set stays unknown.
    const withDefaults = (text: string) => model.valueBefore(run, text, { argDefaults: true });
    expect(withDefaults("$A/$E")).toBe("a/e");
    expect(withDefaults("$G")).toBeNull();
    expect(withDefaults("$NOPE")).toBeNull();
    // A child stage reads its base stage's environment; the preamble has no stage's.
    expect(model.valueBefore(ast.stages[1]!.instructions[1]!, "$H")).toBe("e-a");
    expect(model.valueBefore(ast.preamble[0]!, "x")).toBe("x");
    expect(model.valueBefore(ast.preamble[0]!, "$G")).toBeNull();
  });

  test("a scope stays as it was when the model answers later queries", () => {
    const { ast } = parse("FROM alpine AS a\nENV A=1\nENV B=2\nFROM a\nENV C=3\nRUN x\n");
    const model = semanticModel(ast);
    const first = model.scopeBefore(ast.stages[0]!.instructions[1]!)!;
    model.scopeBefore(ast.stages[1]!.instructions[1]!);
    expect([...first.env.keys()]).toEqual(["PATH", "A"]);
    expect([...model.finalScope(ast.stages[0]!).env.keys()]).toEqual(["PATH", "A", "B"]);
  });

  test("globals list the predefined ARGs, then each declaration; a value using a predefined ARG is unknown", () => {
    const globals = semanticModel(parse("ARG A=1 B=$TARGETOS C=$A\nFROM a\n").ast).globals;
    expect(table(globals.definitions).slice(-4)).toEqual([
      "predefined TARGETSTAGE=-→?",
      "ARG A=1→1",
      "ARG B=$TARGETOS→?",
      "ARG C=$A→1",
    ]);
  });
});

describe("global ARG options", () => {
  const text = 'ARG A=${x:?one}\nARG "Q"=q\nARG B=${y:?two}\nARG C=$TARGETSTAGE\nFROM scratch AS last\n';

  test("by default evaluation stops at the first bad default, names are unquoted, TARGETSTAGE is default", () => {
    const globals = semanticModel(parse(text).ast).globals;
    expect(globals.errors.map((e) => [e.declaration.name.value, e.message])).toEqual([["A", globals.error]]);
    expect(globals.error).toContain("one");
    expect([...globals.declared]).toEqual(["A", "Q", "B", "C"]);
    expect(globals.env.has("C")).toBe(false);
    expect(globals.env.get("TARGETSTAGE")).toBe("default");
  });

  test("keepGoing reports every bad default and goes on; rawNames keeps quotes; targetStage sets TARGETSTAGE", () => {
    const { ast } = parse(text);
    const globals = semanticModel(ast, { keepGoing: true, rawNames: true, targetStage: "last" }).globals;
    expect(globals.errors.map((e) => e.declaration.range.start.line)).toEqual([1, 3]);
    expect(globals.errors[1]!.message).toContain("two");
    expect([...globals.declared]).toEqual(["A", '"Q"', "B", "C"]);
    expect(globals.env.get('"Q"')).toBe("q");
    expect(globals.env.get("C")).toBe("last");
  });
});

describe("cleanPath", () => {
  test.each([
    ["/a/./b/../c/", "/a/c"],
    ["//x//y", "/x/y"],
    ["a/b", "/a/b"],
    ["/../..", "/"],
    ["", "/"],
  ])("%s → %s", (path, clean) => {
    expect(cleanPath(path)).toBe(clean);
  });
});
