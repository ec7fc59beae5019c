import { expandWord, imageReferenceProblem, isOfficialImage } from "@hull/parser";
import { defineRule } from "../rule.js";
import { findVarRefs } from "./utils/stage-env.js";

export default defineRule({
  id: "invalid-default-arg-in-from",
  title: "Give the global ARGs used in FROM defaults that make a valid image name",
  severity: "warning",
  fixable: false,
  markupReach: "any",
  aliases: { buildkit: "InvalidDefaultArgInFrom" },
  docs: {
    rationale:
      "A Dockerfile should build without any `--build-arg`. " +
      "When a global ARG used in `FROM` has no default, or a default that leaves the image reference incomplete (`node:` with an empty tag, `python:3.12-` …), a plain `docker build` fails before running anything. " +
      "BuildKit evaluates every `FROM` with only the defaults of the global ARGs and checks that the result is a valid image reference: `[registry[:port]/]name[:tag][@algorithm:digest]`, with a lowercase name.",
    limitations:
      "`FROM` lines without variables are not checked by this rule. " +
      "Beyond BuildKit's check, a name that other values make a stage's (`FROM flavor$VARIANT` beside the stages `flavor0` and `flavor1`) is reported when the defaults make it no stage's, an image nobody publishes (`flavor`), unless that is an official image or a reference with a registry, path or tag.",
    bad: [
      `ARG VERSION
FROM node:$VERSION
`,
      `ARG BASE_IMAGE
FROM $BASE_IMAGE
`,
      `ARG SUFFIX="box:"
FROM busy\${SUFFIX}
`,
    ],
    good: [
      `ARG VERSION=22
FROM node:$VERSION
`,
      `ARG VARIANT=""
FROM busybox:stable\${VARIANT}
`,
      `ARG BASE_IMAGE=alpine:3.20
FROM $BASE_IMAGE
`,
      `ARG VERSION
FROM node:\${VERSION:-22}
`,
    ],
    seeAlso: ["undefined-arg-in-from"],
  },
  messages: {
    empty: (text: string) =>
      `With only the defaults of the global ARGs, '${text}' expands to an empty image name.`,
    noStage: (text: string, value: string, stage: string) =>
      `With only the defaults of the global ARGs, '${text}' expands to '${value}', which names no stage but an image to pull, while other values pick a stage ('${stage}'); give the ARG a default that picks one.`,
    invalid: (text: string, value: string, reason: string) =>
      `With only the defaults of the global ARGs, '${text}' expands to '${value}', which is not a valid image reference: ${reason}.`,
  },
  visitor: {
    From(node, ctx) {
      // A name without `$` uses no ARG: the global ARGs are only evaluated for one that does.
      if (ctx.isTrigger(node) || !node.image || !node.image.value.includes("$")) return;
      const meta = ctx.semantic.globals;
      // BuildKit gives up on this check as soon as one default cannot be expanded.
      if (meta.error !== null) return;
      const text = node.image.value;
      if (findVarRefs(text, ctx.ast.escapeChar).length === 0) return;
      const result = expandWord(text, meta.env, { escape: ctx.ast.escapeChar });
      if (result.error !== null) return;
      const problem = imageReferenceProblem(result.value);
      if (problem === null) {
        // A name meant to pick a stage (`FROM flavor$VARIANT` beside `flavor0` and `flavor1`) whose default picks
        // none names an image to pull instead: `flavor`, which nobody publishes.
        const stage = ctx.semantic.stageOf(node);
        const picks = stage ? ctx.semantic.picksOf(stage) : [];
        const value = result.value.toLowerCase();
        const anImage = /[/:@]/.test(value) || isOfficialImage(value);
        if (picks.length > 0 && !anImage && !picks.some((s) => s.name === value))
          ctx.report(node.image, "noStage", text, result.value, picks[0]!.name!);
        return;
      }
      if (result.value === "") ctx.report(node.image, "empty", text);
      else ctx.report(node.image, "invalid", text, result.value, problem);
    },
  },
});
