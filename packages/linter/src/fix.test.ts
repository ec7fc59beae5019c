import { describe, expect, it } from "vitest";
import { applyFixes, fix, maxFixRounds, type FixOptions } from "./fix.js";
import { defineRule, type FixLevel, type Rule } from "./rule.js";
import { rules } from "./rules/index.js";
import { lint } from "./engine.js";

/** A test rule that rewrites every match of `pattern` in the source to `text`, at the given fix level. */
function rewrite(
  id: string,
  pattern: RegExp,
  text: string | ((match: string) => string),
  fixable: FixLevel,
): Rule {
  return defineRule({
    id,
    title: id,
    severity: "warning",
    fixable,
    docs: { rationale: "Test only.", bad: [], good: [] },
    messages: { found: () => id },
    visitor: {
      Dockerfile(_node, ctx) {
        for (const m of ctx.source.matchAll(new RegExp(pattern.source, "g"))) {
          const range = ctx.rangeOf(m.index, m.index + m[0].length);
          ctx.report(
            { at: range, fix: { range, text: typeof text === "string" ? text : text(m[0]) } },
            "found",
          );
        }
      },
    },
  });
}

const upperEnv = rewrite("upper-env", /\benv\b/, "ENV", "safe");
const dropTag = rewrite("drop-tag", /:latest\b/, "", "unsafe");
// Overlaps upper-env's edit on `env a`: it can only be applied in the round after.
const joinPair = rewrite("join-pair", /\b(?:env|ENV) a 1/, "ENV a=1", "safe");
// Its fix never makes the finding go away: only the round bound stops it.
const grow = rewrite("grow", /# x+(?=\n)/, (m) => `${m}x`, "safe");
// Its fix leaves ENV without arguments, a syntax error.
const breakEnv = rewrite("break-env", /ENV b=2/, "ENV", "safe");

interface Case {
  name: string;
  code: string;
  registry: Rule[];
  options?: FixOptions;
  output: string;
  fixed: Record<string, number>;
}

const cases: Case[] = [
  {
    name: "applies every safe fix that does not overlap in one round",
    code: "FROM alpine\nenv a=1\nenv b=2\n",
    registry: [upperEnv],
    output: "FROM alpine\nENV a=1\nENV b=2\n",
    fixed: { "upper-env": 2 },
  },
  {
    name: "leaves unsafe fixes without the unsafe option",
    code: "FROM alpine:latest\nenv a=1\n",
    registry: [upperEnv, dropTag],
    output: "FROM alpine:latest\nENV a=1\n",
    fixed: { "upper-env": 1 },
  },
  {
    name: "applies unsafe fixes with the unsafe option",
    code: "FROM alpine:latest\nenv a=1\n",
    registry: [upperEnv, dropTag],
    options: { unsafe: true },
    output: "FROM alpine\nENV a=1\n",
    fixed: { "upper-env": 1, "drop-tag": 1 },
  },
  {
    name: "applies an overlapping fix in a later round, on the new text",
    code: "FROM alpine\nenv a 1\n",
    registry: [upperEnv, joinPair],
    output: "FROM alpine\nENV a=1\n",
    // Round 1 takes upper-env's edit (same start, ends first); join-pair's wider one waits for round 2.
    fixed: { "upper-env": 1, "join-pair": 1 },
  },
  {
    name: "stops after the round bound",
    code: "FROM alpine\n# x\n",
    registry: [grow],
    output: `FROM alpine\n# x${"x".repeat(maxFixRounds)}\n`,
    fixed: { grow: maxFixRounds },
  },
  {
    name: "drops a round whose output has a new syntax error",
    code: "FROM alpine\nENV b=2\n",
    registry: [breakEnv],
    output: "FROM alpine\nENV b=2\n",
    fixed: {},
  },
];

describe("fix", () => {
  it.each(cases)("$name", ({ code, registry, options, output, fixed }) => {
    const result = fix(code, { registry }, options);
    expect({ output: result.output, fixed: result.fixed }).toEqual({ output, fixed });
    // The findings are those of the output.
    expect(result.diagnostics).toEqual(lint(result.output, { registry }).diagnostics);
  });

  it("reports an unfinished fix when the round bound is reached", () => {
    expect(fix("FROM alpine\n# x\n", { registry: [grow] }).unfinished).toBe(true);
    expect(fix("FROM alpine\nenv a=1\n", { registry: [upperEnv] }).unfinished).toBe(false);
  });

  const real: [string, string, string][] = [
    [
      "keeps comments, blank lines and continuations around the edits",
      "# syntax=docker/dockerfile:1\nfrom alpine:3.20 as Build\n\n# the app\nRUN echo a \\\n\n    && echo b\nUSER app\n",
      "# syntax=docker/dockerfile:1\nFROM alpine:3.20 AS build\n\n# the app\nRUN echo a \\\n    && echo b\nUSER app\n",
    ],
    [
      "writes legacy ENV as key=value",
      "FROM alpine:3.20\nENV A 1\nENV B two words\n",
      'FROM alpine:3.20\nENV A=1\nENV B="two words"\n',
    ],
  ];
  it.each(real)("%s (built-in rules)", (_name, code, output) => {
    expect(fix(code, { registry: rules }).output).toBe(output);
  });

  it("is idempotent", () => {
    const code = "from alpine:3.20 as Build\nenv A 1\nRUN apt-get install curl\nmaintainer me\n";
    for (const unsafe of [false, true]) {
      const once = fix(code, {}, { unsafe });
      const twice = fix(once.output, {}, { unsafe });
      expect(twice).toMatchObject({ output: once.output, fixed: {} });
    }
  });
});

describe("applyFixes", () => {
  it("takes the first of two insertions at one offset and leaves the other for the next round", () => {
    const at = { line: 1, column: 1, offset: 0 };
    const d = (text: string) => ({
      ruleId: text,
      severity: "info" as const,
      message: "",
      messageId: "m",
      range: { start: at, end: at },
      fix: { edits: [{ range: { start: at, end: at }, text }], level: "safe" as const },
    });
    expect(applyFixes("x", [d("a"), d("b")])).toMatchObject({ output: "ax", fixed: 1 });
  });
});
