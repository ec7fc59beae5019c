import type { Add, Copy, Stage } from "@hull/parser";
import { defineRule } from "../rule.js";

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
  messages: {
    relative: (keyword: string, dest: string) =>
      `${keyword} to the relative destination '${dest}' with no WORKDIR set in this stage; set WORKDIR or use an absolute path.`,
  },
  create(ctx) {
    // Stages whose WORKDIR is set by the end of the stage; the current stage is in it once its WORKDIR is seen.
    const withWorkdir = new Set<Stage>();
    const hasWorkdir = (stage: Stage) => withWorkdir.has(stage);
    // Whether the current stage is known to have a WORKDIR: true, false, or null until a relative COPY needs it.
    let set: boolean | null = null;
    const check = (node: Copy | Add) => {
      const dest = node.destination;
      if (set === true || !dest || ctx.isTrigger(node)) return;
      const value = dest.value.replace(/^(["'])(.*)\1$/s, "$2");
      // As hadolint does, quotes around a leading variable (`"$APP"/config`) are ignored.
      const start = value.replace(/^["']+/, "");
      if (start.startsWith("/") || start.startsWith("$") || /^[A-Za-z]:[\\/]/.test(start)) return;
      const stage = ctx.currentStage();
      if (!stage) return;
      if (set === null) {
        // Looked up only now: most files never copy to a relative path.
        // A stage built on scratch starts in `/`, so a relative path there is not ambiguous.
        set =
          ctx.semantic.someBase(stage, hasWorkdir) ||
          isScratch(ctx.semantic.rootOf(stage)) ||
          !!ctx.baseImage(stage)?.config.WorkingDir;
        if (set) return;
      }
      ctx.report(dest, "relative", node.keyword.name, value);
    };
    return {
      Stage(stage) {
        set =
          ctx.ast.stages.length === 1 ? isScratch(stage) || !!ctx.baseImage(stage)?.config.WorkingDir : null;
      },
      Workdir(node) {
        const stage = ctx.currentStage();
        if (!stage || ctx.isTrigger(node)) return;
        set = true;
        withWorkdir.add(stage);
      },
      Copy: check,
      Add: check,
    };
  },
});
