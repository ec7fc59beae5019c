import type { Add, Copy, Stage } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import { unquote } from "./utils/instruction-text.js";

const messages = {
  relative: (keyword: string, dest: string) =>
    `${keyword} to the relative destination '${dest}' with no WORKDIR set in this stage; set WORKDIR or use an absolute path.`,
};

function makeState() {
  // Stages whose WORKDIR is set by the end of the stage; the current stage is in it once its WORKDIR is seen.
  const withWorkdir = new Set<Stage>();
  return {
    withWorkdir,
    // Made per file: someBase memoizes per test function, and the test reads this file's set.
    hasWorkdir: (stage: Stage) => withWorkdir.has(stage),
    // Whether the current stage is known to have a WORKDIR: true, false, or null until a relative COPY needs it.
    set: null as boolean | null,
  };
}

type State = ReturnType<typeof makeState>;

function isScratch(stage: Stage): boolean {
  return stage.from.image?.value.toLowerCase() === "scratch";
}

export default defineRule({
  id: "copy-relative-without-workdir",
  title: "Set WORKDIR before copying to a relative destination",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3045" },
  docs: {
    rationale:
      "A relative `COPY` or `ADD` destination is resolved against the working directory. " +
      "When no `WORKDIR` is set in the stage (or in a stage of this file it builds on), that directory is whatever the base image chose, often `/`, and it can change when the base image does. " +
      "Set `WORKDIR` first, or copy to an absolute path.",
    limitations:
      "As in hadolint, a `WORKDIR` set by the base image does not count, unless its config is given (`hull lint --resolve` or `--image-config`); destinations starting with a variable are not checked.",
    hadolintDifferences:
      "stages built on `scratch` are not reported: they start in `/`, which no base image can change.",
    bad: [
      `FROM node:22
COPY package.json .
`,
    ],
    good: [
      `FROM node:22
WORKDIR /app
COPY package.json .
`,
      `FROM node:22
COPY package.json /app/
`,
      `FROM node:22 AS base
WORKDIR /app

FROM base
COPY package.json .
`,
    ],
    seeAlso: ["workdir-relative-path"],
  },
  messages,
  state: makeState,
  visitor: {
    Stage(stage, ctx) {
      ctx.state.set =
        ctx.ast.stages.length === 1 ? isScratch(stage) || !!ctx.baseImage(stage)?.config.WorkingDir : null;
    },
    Workdir(node, ctx) {
      const stage = ctx.currentStage();
      if (!stage || ctx.isTrigger(node)) return;
      ctx.state.set = true;
      ctx.state.withWorkdir.add(stage);
    },
    Copy: check,
    Add: check,
  },
});

function check(node: Copy | Add, ctx: RuleContext<typeof messages, Record<string, unknown>, State>): void {
  const dest = node.destination;
  const { state } = ctx;
  if (state.set === true || !dest || ctx.isTrigger(node)) return;
  const value = unquote(dest.value);
  // As hadolint does, quotes around a leading variable (`"$APP"/config`) are ignored.
  const start = value.replace(/^["']+/, "");
  if (start.startsWith("/") || start.startsWith("$") || /^[A-Za-z]:[\\/]/.test(start)) return;
  const stage = ctx.currentStage();
  if (!stage) return;
  if (state.set === null) {
    // Looked up only now: most files never copy to a relative path.
    // A stage built on scratch starts in `/`, so a relative path there is not ambiguous.
    // A base name a build argument picks among stages (`FROM runtime_\${PACKAGE}`) sets the directory if each
    // stage it can pick does.
    const picks = ctx.semantic.picksOf(stage);
    const setBy = (s: Stage) => state.hasWorkdir(s) || ctx.semantic.someBase(s, state.hasWorkdir);
    state.set =
      ctx.semantic.someBase(stage, state.hasWorkdir) ||
      (picks.length > 0 && picks.every(setBy)) ||
      isScratch(ctx.semantic.rootOf(stage)) ||
      !!ctx.baseImage(stage)?.config.WorkingDir;
    if (state.set) return;
  }
  ctx.report(dest, "relative", node.keyword.name, value);
}
