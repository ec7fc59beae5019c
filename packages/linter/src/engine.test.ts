import { describe, expect, it } from "vitest";
import { parse, semanticModel, type SemanticModel, semanticWork } from "@hull/parser";
import { readImageConfig, type BaseImage } from "@hull/planner";
import { collectIgnoreDirectives } from "./config/directives.js";
import { lint, resolveRules, type Diagnostic } from "./engine.js";
import { createRuleIndex } from "./rule-index.js";
import { defineRule, type Rule } from "./rule.js";
import { rules } from "./rules/index.js";
import { runShell } from "./shell/run.js";

/** A rule that reports every instruction, saying whether it is an ONBUILD trigger. */
const everything = defineRule({
  id: "every-instruction",
  title: "Reports every instruction",
  severity: "info",
  fixable: false,
  aliases: { hadolint: "DL9001", buildkit: "EveryInstruction" },
  docs: { rationale: "Test only.", bad: ["FROM a"], good: [] },
  messages: {
    seen: (type: string, trigger: boolean) => `${type}${trigger ? " (trigger)" : ""}`,
    event: (name: string) => name,
  },
  visitor: {
    Instruction(node, ctx) {
      ctx.report(node.keyword, "seen", node.type, ctx.isTrigger(node));
    },
    Stage(node, ctx) {
      ctx.report(node.from.keyword, "event", `Stage ${node.index} ${ctx.currentStage() === node}`);
    },
    "Stage:exit"(node, ctx) {
      ctx.report(node.from.keyword, "event", `Stage:exit ${node.index}`);
    },
  },
});

// The rules this file was written against, so that rules added later do not change its expectations.
const own = rules.filter((r) =>
  ["legacy-key-value-format", "maintainer-deprecated", "syntax-error", "unknown-ignore-id"].includes(r.id),
);
const registry: readonly Rule[] = [...own, everything];
const run = (code: string, extra: Parameters<typeof lint>[1] = {}) =>
  lint(code, { registry, preset: "all", ...extra }).diagnostics;
const brief = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`);

describe("lint", () => {
  it("gives every rule one shell split per RUN, and each file its own", () => {
    const seen: unknown[] = [];
    const reader = (id: string) =>
      defineRule({
        id,
        title: "Reads RUN scripts",
        severity: "info",
        fixable: false,
        docs: { rationale: "Test only.", bad: [], good: [] },
        messages: {},
        visitor: { Run: (node, ctx) => void seen.push(runShell(node, ctx)) },
      });
    const readers = [reader("reader-a"), reader("reader-b")];
    const code = "FROM a\nRUN apt-get update\n";
    const parseResult = parse(code);
    lint(code, { registry: readers, preset: "all", parseResult });
    lint(code, { registry: readers, preset: "all", parseResult });
    expect(seen).toHaveLength(4);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[3]).toBe(seen[2]);
    expect(seen[2]).not.toBe(seen[0]);
  });

  it("hands rules the caller's semantic model of its parse, and returns the model it used", () => {
    const received: SemanticModel[] = [];
    const reader = defineRule({
      id: "semantic-reader",
      title: "Reads the semantic model",
      severity: "info",
      fixable: false,
      docs: { rationale: "Test only.", bad: [], good: [] },
      messages: {},
      visitor: { Stage: (_node, ctx) => void received.push(ctx.semantic) },
    });
    const code = "FROM a AS base\nFROM base\n";
    const parseResult = parse(code);
    const semantic = semanticModel(parseResult.ast);
    const before = semanticWork.models;
    const shared = lint(code, { registry: [reader], preset: "all", parseResult, semantic });
    expect(semanticWork.models).toBe(before);
    expect(shared.semantic).toBe(semantic);
    // By identity: toEqual would take any model of an equal tree.
    expect(received.map((m) => m === semantic)).toEqual([true, true]);
    // A model of another tree (here, of a parse lint does not use) is not taken: lint makes one for its own.
    const own = lint(code, { registry: [reader], preset: "all", semantic });
    expect(semanticWork.models).toBe(before + 1);
    expect(own.semantic).not.toBe(semantic);
    expect(own.semantic.ast).toBe(own.parseResult.ast);
    expect(received.slice(2).map((m) => m === own.semantic)).toEqual([true, true]);
  });

  it("resolves each configuration once and hands rules frozen options", () => {
    const received: Record<string, unknown>[] = [];
    const withOptions = defineRule({
      id: "with-options",
      title: "Takes options",
      severity: "info",
      fixable: false,
      docs: { rationale: "Test only.", bad: [], good: [] },
      messages: {},
      options: { names: { description: "Names.", type: "array", default: ["a"] } },
      state: (ctx) => void received.push(ctx.options),
      visitor: {},
    });
    const settings = () => ({ "with-options": ["info", { names: ["b"] }] as const });
    const registry = [withOptions];
    lint("FROM a\n", { registry, rules: settings() });
    lint("FROM b\n", { registry, rules: settings() });
    lint("FROM c\n", { registry });
    expect(received[0]).toEqual({ names: ["b"] });
    // Equal settings in a new object (the CLI makes one per file) reuse the resolved rules and their options.
    expect(received[1]).toBe(received[0]);
    expect(received[2]).toEqual({ names: ["a"] });
    expect(Object.isFrozen(received[0]!.names)).toBe(true);
  });

  it("walks stages and instructions in order, and visits ONBUILD triggers as what they wrap", () => {
    const out = brief(
      run("ARG V=1\nFROM alpine AS a\nONBUILD RUN echo\nFROM a\nCMD x\n", {
        rules: { "unknown-ignore-id": "off" },
      }),
    );
    expect(out).toEqual([
      "1:1 every-instruction Arg",
      "2:1 every-instruction Stage 0 true",
      "2:1 every-instruction From",
      "2:1 every-instruction Stage:exit 0",
      "3:1 every-instruction Onbuild",
      "3:9 every-instruction Run (trigger)",
      "4:1 every-instruction Stage 1 true",
      "4:1 every-instruction From",
      "4:1 every-instruction Stage:exit 1",
      "5:1 every-instruction Cmd",
    ]);
  });

  it("reports parse errors as syntax-error and goes on linting", () => {
    const out = run("FROM alpine\nCOPY\nMAINTAINER me\n", { rules: { "every-instruction": "off" } });
    expect(brief(out)).toEqual([
      "2:1 syntax-error COPY needs at least one source and a destination.",
      "3:1 maintainer-deprecated MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.",
    ]);
    expect(out[0]?.severity).toBe("error");
  });

  it("never throws, whatever the input", () => {
    for (const code of [
      "",
      "\u0000",
      "FROM",
      "ONBUILD",
      "RUN <<EOF",
      "# check=skip=\n",
      "\\\n\\\n",
      "FROM a\nONBUILD ONBUILD RUN x",
    ]) {
      expect(() => lint(code, { registry, preset: "all" })).not.toThrow();
    }
  });

  it("turns a crashing rule into one diagnostic and keeps the other rules", () => {
    const broken = defineRule({
      ...everything,
      id: "broken",
      aliases: {},
      visitor: {
        Run() {
          throw new Error("boom");
        },
      },
    });
    const out = lint("FROM a\nRUN x\nRUN y\nMAINTAINER me\n", { registry: [...own, broken] }).diagnostics;
    expect(brief(out)).toEqual([
      "2:1 broken Rule 'broken' crashed here and was stopped for this file: boom. Please report this bug.",
      "4:1 maintainer-deprecated MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.",
    ]);
  });

  it("keeps what a rule reported before it crashed, stops all its handlers, and runs it again on the next file", () => {
    const calls: string[] = [];
    const flaky = defineRule({
      ...everything,
      id: "flaky",
      aliases: {},
      visitor: {
        Instruction(node) {
          calls.push(`Instruction ${node.type}`);
        },
        Run(node, ctx) {
          calls.push("Run");
          ctx.report(node.keyword, "event", "before");
          if (node.range.start.line === 2) throw new Error("boom");
        },
        "Dockerfile:exit"() {
          calls.push("exit");
        },
      },
    });
    const out = lint("FROM a\nRUN x\nRUN y\n", { registry: [flaky] }).diagnostics;
    expect(brief(out)).toEqual([
      "2:1 flaky before",
      "2:1 flaky Rule 'flaky' crashed here and was stopped for this file: boom. Please report this bug.",
    ]);
    expect(calls).toEqual(["Instruction From", "Instruction Run", "Run"]);
    calls.length = 0;
    expect(brief(lint("FROM a\n\nRUN y\n", { registry: [flaky] }).diagnostics)).toEqual(["3:1 flaky before"]);
    expect(calls).toEqual(["Instruction From", "Instruction Run", "Run", "exit"]);
  });

  it("reports a rule whose state throws, at the file, calls none of its handlers, and keeps the others", () => {
    const calls: string[] = [];
    const broken = defineRule({
      ...everything,
      id: "broken-state",
      aliases: {},
      state: (): { n: number } => {
        throw new Error("no");
      },
      visitor: {
        Instruction(node) {
          calls.push(node.type);
        },
      },
    });
    const out = lint("FROM a\nMAINTAINER me\n", { registry: [broken, ...own] }).diagnostics;
    expect(brief(out)).toEqual([
      "1:1 broken-state Rule 'broken-state' crashed here and was stopped for this file: no. Please report this bug.",
      "2:1 maintainer-deprecated MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.",
    ]);
    expect(calls).toEqual([]);
  });

  it("makes a rule's state afresh for each file, and calls the same handlers for every file", () => {
    const handlers = new Set<unknown>();
    const counter = defineRule({
      ...everything,
      id: "counter",
      aliases: {},
      state: (ctx) => ({ count: 0, file: ctx.filePath }),
      visitor: {
        Instruction(node, ctx) {
          ctx.state.count++;
          handlers.add(counter.visitor.Instruction);
          ctx.report(node.keyword, "event", `${ctx.state.file} ${ctx.state.count}`);
        },
      },
    });
    const messages = (code: string, filePath: string) =>
      lint(code, { registry: [counter], filePath }).diagnostics.map((d) => d.message);
    expect(messages("FROM a\nRUN x\n", "one")).toEqual(["one 1", "one 2"]);
    expect(messages("FROM b\n", "two")).toEqual(["two 1"]);
    // A nested lint (a rule that lints another text while its own file is walked) gets states of its own.
    const nesting = defineRule({
      ...everything,
      id: "nesting",
      aliases: {},
      state: () => ({ count: 0 }),
      visitor: {
        Instruction(node, ctx) {
          ctx.state.count++;
          const inner = node.type === "From" ? messages("FROM c\nRUN y\nRUN z\n", "inner") : [];
          ctx.report(node.keyword, "event", `${ctx.state.count} ${inner.join(",")}`);
        },
      },
    });
    expect(lint("FROM a\nRUN x\n", { registry: [nesting] }).diagnostics.map((d) => d.message)).toEqual([
      "1 inner 1,inner 2,inner 3",
      "2 ",
    ]);
    expect(handlers.size).toBe(1);
  });

  it("lends a plan's contexts to one file at a time: a lint inside a rule, with the same rules, gets its own", () => {
    const kept: { readonly source: string }[] = [];
    const reentrant: Rule = defineRule({
      ...everything,
      id: "reentrant",
      aliases: {},
      state: () => ({ count: 0 }),
      visitor: {
        Instruction(node, ctx) {
          ctx.state.count++;
          kept.push(ctx);
          // The same registry and configuration, so the same plan, while this file's lint holds its contexts.
          const inner =
            ctx.filePath === "outer" && node.type === "From"
              ? lint("FROM c\nRUN y\n", { registry, filePath: "inner" }).diagnostics.map((d) => d.message)
              : [];
          ctx.report(node.keyword, "event", `${ctx.filePath} ${ctx.state.count} ${inner.join(",")}`);
        },
      },
    });
    const registry = [reentrant];
    const messages = (code: string, filePath: string) =>
      lint(code, { registry, filePath }).diagnostics.map((d) => d.message);
    // The first lint makes the plan and its contexts; the next one borrows them, and its inner lint must not.
    expect(messages("FROM w\n", "first")).toEqual(["first 1 "]);
    expect(messages("FROM a\nRUN x\n", "outer")).toEqual(["outer 1 inner 1 ,inner 2 ", "outer 2 "]);
    expect(messages("FROM b\n", "next")).toEqual(["next 1 "]);
    // A context kept past its file's lint says so instead of reading another file.
    expect(() => kept[0]!.source).toThrow(/reentrant used its context after its file's lint/);
  });

  it("gives each rule its own id, severity and options, and the file's context", () => {
    const seen: string[] = [];
    const probe = (id: string) =>
      defineRule({
        id,
        title: "Reports what it sees",
        severity: "info",
        fixable: false,
        docs: { rationale: "Test only.", bad: [], good: [] },
        messages: { seen: (text: string) => text },
        options: { tag: { description: "A tag.", type: "string", default: "default" } },
        state(ctx) {
          seen.push(`${ctx.id} ${ctx.options.tag} ${ctx.filePath} ${ctx.settings.strictLabels}`);
        },
        visitor: {
          From(node, ctx) {
            ctx.report(node, "seen", `${ctx.id} ${ctx.source.length} ${ctx.ast.stages.length}`);
            const range = ctx.rangeOf(0, 4);
            ctx.report(
              range,
              "seen",
              `${ctx.currentStage() === ctx.ast.stages[0]} ${ctx.readDockerignore()}`,
            );
          },
        },
      });
    const out = lint("FROM a\n", {
      registry: [probe("probe-a"), probe("probe-b")],
      preset: "all",
      filePath: "Dockerfile",
      settings: { strictLabels: true },
      readDockerignore: () => "node_modules",
      rules: { "probe-a": ["error", { tag: "mine" }] },
    }).diagnostics;
    expect(seen).toEqual(["probe-a mine Dockerfile true", "probe-b default Dockerfile true"]);
    expect(out.map((d) => `${d.ruleId} ${d.severity} ${d.range.end.column} ${d.message}`)).toEqual([
      "probe-a error 5 true node_modules",
      "probe-b info 5 true node_modules",
      "probe-a error 7 probe-a 7 1",
      "probe-b info 7 probe-b 7 1",
    ]);
  });

  it("adds the time of each rule's state and handlers to `timing`, by rule id", () => {
    const busy = (id: string, ms: number) =>
      defineRule({
        ...everything,
        id,
        aliases: {},
        visitor: {
          Instruction() {
            const end = performance.now() + ms;
            while (performance.now() < end);
          },
        },
      });
    const timing = new Map<string, number>();
    const registry = [busy("busy-a", 2), busy("busy-b", 0)];
    lint("FROM a\nRUN x\n", { registry, preset: "all", timing });
    lint("FROM a\nRUN x\n", { registry, preset: "all", timing });
    expect([...timing.keys()]).toEqual(["busy-a", "busy-b"]);
    // Two files of two instructions, at least 2 ms each: the sums, not the last call.
    expect(timing.get("busy-a")).toBeGreaterThanOrEqual(8);
  });
});

describe("rule selection", () => {
  const ids = (settings: Parameters<typeof resolveRules>[2], preset?: "all" | "recommended") =>
    resolveRules(registry, preset, settings).map((e) => `${e.rule.id}:${e.severity}`);

  it("takes ids and aliases, and `off`", () => {
    expect(ids({ DL4000: "error", LegacyKeyValueFormat: "off", "every-instruction": "off" })).toEqual([
      "maintainer-deprecated:error",
      "syntax-error:error",
      "unknown-ignore-id:warning",
    ]);
    expect(ids({ dl9001: "style" })).toContain("every-instruction:style");
    expect(ids({ "every-instruction": ["warning", {}] })).toContain("every-instruction:warning");
  });
});

describe("inline ignores", () => {
  const code = (prefix: string) => `FROM alpine\n${prefix}MAINTAINER me\nMAINTAINER you\n`;
  const count = (text: string) =>
    lint(text).diagnostics.filter((d) => d.ruleId === "maintainer-deprecated").length;

  it.each([
    ["# hull ignore=maintainer-deprecated\n", 1],
    ["# hull ignore=legacy-key-value-format, maintainer-deprecated # reason\n", 1],
    ["# hadolint ignore=DL4000\n", 1],
    ["# check=skip=MaintainerDeprecated\n", 1],
    ["# check=skip=all\n", 1],
    ["# hull global ignore=maintainer-deprecated\n", 0],
    ["# hadolint global ignore=dl4000\n", 0],
    ["# hull ignore=legacy-key-value-format\n", 2],
    ["# hull ignore=maintainer-deprecated\n\n", 1],
    ["", 2],
  ])("%j leaves %i", (prefix, expected) => {
    expect(count(code(prefix))).toBe(expected);
  });

  it("a stage ignore covers from the line below it to the next FROM, as hadolint's does", () => {
    const stages = (text: string) =>
      lint(text)
        .diagnostics.filter((d) => d.ruleId === "maintainer-deprecated")
        .map((d) => d.range.start.line);
    const file =
      "FROM alpine\nMAINTAINER a\nFROM alpine\nMAINTAINER b\nMAINTAINER c\nFROM alpine\nMAINTAINER d\n";
    expect(stages(file)).toEqual([2, 4, 5, 7]);
    // Above a FROM: that stage only.
    expect(
      stages(
        file.replace(
          "FROM alpine\nMAINTAINER b",
          "# hadolint stage ignore=DL4000\nFROM alpine\nMAINTAINER b",
        ),
      ),
    ).toEqual([2, 8]);
    // Inside a stage: the rest of it; with CRLF line ends too.
    const inside = file.replace("MAINTAINER c", "# hull stage ignore=maintainer-deprecated\nMAINTAINER c");
    expect(stages(inside)).toEqual([2, 4, 8]);
    expect(stages(inside.replaceAll("\n", "\r\n"))).toEqual([2, 4, 8]);
    // In the last stage: to the end of the file.
    expect(
      stages(
        file.replace(
          "FROM alpine\nMAINTAINER d",
          "# hadolint stage ignore=DL4000\nFROM alpine\nMAINTAINER d",
        ),
      ),
    ).toEqual([2, 4, 5]);
  });

  it("honours the check directive at the top of the file", () => {
    expect(count("# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n")).toBe(0);
    expect(count("# check=skip=StageNameCasing\nFROM alpine\nMAINTAINER me\n")).toBe(1);
    expect(count("# check=skip=all;error=true\nFROM alpine\nMAINTAINER me\n")).toBe(0);
  });

  it("can be switched off", () => {
    expect(
      lint(code("# hull ignore=maintainer-deprecated\n"), { inlineIgnores: false, registry: own })
        .diagnostics,
    ).toHaveLength(2);
  });
});

describe("hadolint codes of a rule with several", () => {
  // CMD is DL4003, ENTRYPOINT DL4004: both findings are no-multiple-instructions'.
  const code = (prefix: string) => `FROM alpine\n${prefix}CMD a\nENTRYPOINT a\nCMD b\nENTRYPOINT b\n`;
  const found = (text: string) =>
    lint(text)
      .diagnostics.filter((d) => d.ruleId === "no-multiple-instructions")
      .map((d) => d.hadolint);

  it.each([
    ["", ["DL4003", "DL4004"]],
    ["# hadolint ignore=DL4003\n", ["DL4004"]],
    ["# hadolint ignore=DL4004\n", ["DL4003", "DL4004"]],
    ["# hadolint ignore=dl4003, DL4004\n", ["DL4004"]],
    ["# hadolint global ignore=DL4004\n", ["DL4003"]],
    ["# hadolint global ignore=DL3012\n", ["DL4003", "DL4004"]],
    ["# hull global ignore=DL4003\n", ["DL4004"]],
    ["# hull global ignore=no-multiple-instructions\n", []],
    ["# hull global ignore=MultipleInstructionsDisallowed\n", []],
    ["# check=skip=MultipleInstructionsDisallowed\n", ["DL4004"]],
  ])("%j leaves %j", (prefix, expected) => {
    expect(found(code(prefix))).toEqual(expected);
  });

  it("marks an ignore entry that is a hadolint code, and no other", () => {
    const ast = parse(
      "# hadolint ignore=dl4003,no-multiple-instructions,DL3006\n# hull ignore=DL3012\nFROM a\n",
    ).ast;
    const entries = collectIgnoreDirectives(ast.comments, ast.directives, createRuleIndex(rules)).flatMap(
      (d) => d.entries,
    );
    expect(entries.map((e) => [e.name, e.hadolint])).toEqual([
      ["dl4003", "DL4003"],
      ["no-multiple-instructions", undefined],
      ["DL3006", "DL3006"],
      ["DL3012", "DL3012"],
    ]);
  });
});

describe("the security scanners' names and ignore comments", () => {
  const code = (prefix: string) => `FROM alpine:3.20\n${prefix}MAINTAINER me\nMAINTAINER you\n`;
  const count = (text: string) =>
    lint(text).diagnostics.filter((d) => d.ruleId === "maintainer-deprecated").length;

  it.each([
    // Trivy, in its three spellings; for the instruction below.
    ["#trivy:ignore:DS-0022\n", 1],
    ["# trivy:ignore:DS022\n", 1],
    ["#trivy:ignore:AVD-DS-0022:exp:2030-01-01\n", 1],
    ["#trivy:ignore:DS-0002\n", 2],
    // Checkov: for the whole file, with or without a reason.
    ["#checkov:skip=CKV_DOCKER_6:we keep it\n", 0],
    ["# checkov:skip=CKV_DOCKER_3\n", 2],
    // KICS: a line, a block, the file, or queries by id.
    ["# kics-scan ignore-line\n", 1],
    ["# kics-scan ignore-block\n", 1],
    ["# kics-scan ignore\n", 0],
    ["# kics-scan disable=99614418-f82b-4852-a9ae-5051402b741c\n", 0],
    ["# kics-scan disable=fd54f200-402c-4333-a5a4-36ef6709af2f\n", 2],
    // Semgrep: every rule, or by short or full id.
    ["# nosemgrep\n", 1],
    ["# nosemgrep: maintainer-is-deprecated\n", 1],
    ["# nosemgrep: dockerfile.best-practice.maintainer-is-deprecated.maintainer-is-deprecated\n", 1],
    ["# nosemgrep: missing-user\n", 2],
  ])("%j leaves %i", (prefix, expected) => {
    expect(count(code(prefix))).toBe(expected);
  });

  it("silences every rule an id names: CKV_DOCKER_4 (every ADD) is prefer-copy-over-add and no-unverified-remote-add", () => {
    const adds = "FROM alpine:3.20\nADD app.py /app/\nADD https://example.com/tool.tgz /opt/\n";
    const ids = (text: string) =>
      lint(text, { preset: "all" })
        .diagnostics.map((d) => d.ruleId)
        .filter((id) => id === "prefer-copy-over-add" || id === "no-unverified-remote-add")
        .sort();
    expect(ids(adds)).toEqual(["no-unverified-remote-add", "prefer-copy-over-add"]);
    expect(ids(`# checkov:skip=CKV_DOCKER_4: vendored\n${adds}`)).toEqual([]);
  });

  it("does not call a scanner's id unknown when hull has no rule for it", () => {
    const ids = lint(code("#trivy:ignore:DS-0999\n# nosemgrep: something-else\n")).diagnostics.map(
      (d) => d.ruleId,
    );
    expect(ids).not.toContain("unknown-ignore-id");
  });

  it("a scanner's ignore comment silences only rules with that scanner's name", () => {
    // no-consecutive-run has no KICS id, so `kics-scan ignore-line` leaves it.
    const text = "FROM alpine:3.20\nRUN a\n# kics-scan ignore-line\nRUN b\n";
    expect(lint(text).diagnostics.map((d) => d.ruleId)).toContain("no-consecutive-run");
  });

  it("resolves scanner ids in config as aliases", () => {
    const ids = (settings: Parameters<typeof resolveRules>[2]) =>
      resolveRules(rules, "recommended", settings)
        .filter((e) => ["maintainer-deprecated", "no-root-user", "no-implicit-root-user"].includes(e.rule.id))
        .map((e) => `${e.rule.id}:${e.severity}`);
    expect(ids({ DS022: "error" })).toContain("maintainer-deprecated:error");
    expect(ids({ CKV_DOCKER_6: "off" })).not.toContain("maintainer-deprecated:warning");
    expect(ids({ "DS-0002": "error" })).toEqual(
      expect.arrayContaining(["no-root-user:error", "no-implicit-root-user:error"]),
    );
  });

  it("the security preset runs exactly the security rules", () => {
    const chosen = resolveRules(rules, "security").map((e) => e.rule.id);
    expect(chosen).toEqual(rules.filter((r) => r.security !== undefined).map((r) => r.id));
    expect(chosen).toEqual(expect.arrayContaining(["no-sudo", "no-implicit-root-user", "no-docker-socket"]));
    expect(chosen).not.toContain("maintainer-deprecated");
  });
});

describe("typed reports", () => {
  it("infers message arguments", () => {
    defineRule({
      id: "typed",
      title: "t",
      severity: "info",
      fixable: false,
      docs: { rationale: "", bad: [], good: [] },
      messages: { one: (name: string) => name },
      visitor: {
        From(node, ctx) {
          ctx.report(node, "one", "x");
          // @ts-expect-error the argument must be a string
          ctx.report(node, "one", 1);
          // @ts-expect-error unknown message id
          ctx.report(node, "two");
        },
      },
    });
    expect(true).toBe(true);
  });
});

describe("rule groups", () => {
  // One Dockerfile that each of the three rules of the `cache-busting-order` group reports once.
  const source = `FROM node:22
ADD https://example.com/tool.tgz /tmp/
ARG VERSION
COPY . .
RUN npm ci
RUN tar -xzf /tmp/tool.tgz && echo $VERSION
`;
  const group = ["no-broad-copy-before-install", "no-early-arg", "no-early-remote-add"];
  const ids = (text: string, options: Parameters<typeof lint>[1] = {}) =>
    lint(text, { preset: "all", ...options })
      .diagnostics.map((d) => d.ruleId)
      .filter((id) => group.includes(id))
      .sort();

  it("runs every rule of the group", () => {
    expect(ids(source)).toEqual(group);
  });
  it("lets a config set the whole group by its name, and one rule of it by id", () => {
    expect(ids(source, { rules: { "cache-busting-order": "off" } })).toEqual([]);
    expect(ids(source, { rules: { "cache-busting-order": "off", "no-early-arg": "warning" } })).toEqual([
      "no-early-arg",
    ]);
  });
  it("lets an ignore comment name the group", () => {
    expect(ids(`# hull global ignore=cache-busting-order\n${source}`)).toEqual([]);
    const lines = source.split("\n");
    lines.splice(3, 0, "# hull ignore=cache-busting-order");
    expect(ids(lines.join("\n"))).toEqual(["no-early-arg", "no-early-remote-add"]);
  });
  it("resolves the group name to its rules' ids", () => {
    expect(
      resolveRules(rules, "recommended", { "cache-busting-order": "info" })
        .filter((e) => group.includes(e.rule.id))
        .map((e) => [e.rule.id, e.severity]),
    ).toEqual(group.map((id) => [id, "info"]));
  });
});

describe("ctx.baseImage", () => {
  const userOf = defineRule({
    id: "base-user",
    title: "Reports the USER of each stage's base image config",
    severity: "info",
    fixable: false,
    docs: { rationale: "Test only.", bad: [], good: [] },
    messages: { user: (user: string) => user },
    visitor: {
      Stage(stage, ctx) {
        ctx.report(stage.from.keyword, "user", ctx.baseImage(stage)?.config.User ?? "unknown");
      },
    },
  });
  // Read by the planner's reader, as the CLI reads a config file.
  const config = (user: string): BaseImage => {
    const image = readImageConfig({ os: "linux", architecture: "amd64", config: { User: user } });
    if ("error" in image) throw new Error(image.error);
    return image;
  };
  const users = (code: string, imageConfigs: Record<string, BaseImage>) =>
    lint(code, { registry: [userOf], preset: "all", imageConfigs }).diagnostics.map((d) => d.message);

  it.each([
    ["FROM alpine\n", "alpine-user"],
    ["FROM alpine:latest\n", "alpine-user"],
    ["FROM docker.io/library/alpine\n", "alpine-user"],
    ["FROM index.docker.io/library/alpine:latest\n", "alpine-user"],
    ["ARG V=latest\nFROM alpine:$V\n", "alpine-user"],
    ["FROM alpine:3.20\n", "unknown"],
    ["FROM scratch\n", "unknown"],
    ["FROM alpine:$UNSET\n", "unknown"],
    ["FROM ghcr.io/o/app:1\n", "ghcr-user"],
    ["FROM ghcr.io/o/app\n", "unknown"],
  ])("%j → %s", (code, expected) => {
    expect(
      users(code, {
        "docker.io/library/alpine:latest": config("alpine-user"),
        "ghcr.io/o/app:1": config("ghcr-user"),
      }),
    ).toEqual([expected]);
  });

  it("follows FROM <stage> to the image the chain starts from", () => {
    const code = "FROM alpine AS a\nFROM a AS b\nFROM b\nFROM scratch AS s\nFROM s\n";
    expect(users(code, { alpine: config("root") })).toEqual(["root", "root", "root", "unknown", "unknown"]);
  });

  it("is undefined for every stage without configs", () => {
    expect(users("FROM alpine\nFROM alpine AS b\n", {})).toEqual(["unknown", "unknown"]);
  });
});
