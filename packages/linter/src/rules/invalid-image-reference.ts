import { flagNamed, imageReferenceProblem, type Flag, type Range } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";

const messages = {
  invalid: (text: string, reason: string) =>
    `'${text}' is not a valid image reference (${reason}), so BuildKit fails the build here.`,
  stageCase: (text: string, stage: string) =>
    `'${text}' is not a valid image reference, and FROM matches stage names as written: write '${stage}' to build on that stage.`,
};

type Context = RuleContext<typeof messages>;

export default defineRule({
  id: "invalid-image-reference",
  title: "Name images with references BuildKit can parse",
  severity: "error",
  fixable: false,
  docs: {
    rationale:
      "An image is named `[registry[:port]/]name[:tag][@algorithm:digest]`, with a lowercase name, a tag of at most 128 letters, digits, `_`, `.` and `-`, and a digest of the length its algorithm gives. " +
      "BuildKit stops the build on any other text in `FROM`, in `COPY --from` and in `RUN --mount=from=` when it names no stage: `FROM Ubuntu:22.04`, `FROM node:22@sha256:abc`, `COPY --from=nginx:1.27:alpine`. " +
      "`FROM SCRATCH` is one too: only `scratch` is the empty image. " +
      "`FROM` matches an earlier stage's name only as written in lowercase, while `COPY --from` matches it in any case.",
    limitations:
      "References with a variable are left to `invalid-default-arg-in-from` (in `FROM`) or not checked (`--from`, `from=`). ONBUILD triggers are checked in the build that runs them, not here. " +
      "A reference with `%`, `<`, `>`, `[` or `]` is taken for a placeholder that a script fills in (`ubuntu:%%SUITE%%`, `gcr.io/<project>/app`) and left alone.",
    bad: [
      "FROM Ubuntu:22.04\n",
      "FROM node:22@sha256:0ee9e4ee\n",
      `FROM golang:1.23 AS Build
FROM Build
`,
      `FROM alpine:3.20
COPY --from=nginx:1.27:alpine /etc/nginx /etc/nginx
`,
    ],
    good: [
      "FROM ubuntu:22.04\n",
      `FROM golang:1.23 AS Build
FROM build
COPY --from=BUILD /out /out
`,
      "FROM scratch\n",
    ],
    seeAlso: ["invalid-default-arg-in-from"],
  },
  messages,
  visitor: {
    From(node, ctx) {
      const image = node.image;
      const stage = ctx.currentStage();
      if (ctx.isTrigger(node) || !image || image.value.includes("$") || stage === null) return;
      // A stage this FROM builds on, or the empty image.
      if (ctx.semantic.baseOf(stage) !== null) return;
      // Quotes go as BuildKit's lexer removes them: `FROM "node:22"` is node:22.
      const name = ctx.semantic.expandGlobal(image.value);
      const problem = name === null ? null : problemOf(name);
      if (name === null || problem === null) return;
      const named = ctx.semantic.stageNamed(name.toLowerCase());
      if (named !== null && named.index < stage.index)
        ctx.report(image, "stageCase", name, name.toLowerCase());
      else ctx.report(image, "invalid", name, problem);
    },
    Copy(node, ctx) {
      if (ctx.isTrigger(node)) return;
      const from = flagNamed(node, "from");
      if (from) check(ctx, from.value, () => rangeOf(from));
    },
    Run(node, ctx) {
      if (ctx.isTrigger(node)) return;
      for (const mount of node.mounts) if (mount.from !== null) check(ctx, mount.from, () => mount.range);
    },
  },
});

/** Where a `--from` flag's value is written, or the flag when it has none. */
function rangeOf(flag: Flag): Range {
  return flag.valueRange ?? flag.range;
}

/**
 * Reports a `--from` or `from=` value that names no stage and is no valid image reference. Its range is asked for
 * only then: a range is worked out from the file's line table.
 */
function check(ctx: Context, value: string | null, at: () => Range): void {
  if (value === null || value === "" || value.includes("$")) return;
  if (ctx.semantic.stageByRef(value) !== null) return;
  const problem = problemOf(value);
  if (problem !== null) ctx.report(at(), "invalid", value, problem);
}

/**
 * What is wrong with an image reference, or null. `scratch` is the empty image; a reference with `%`, `<`, `>`, `[`
 * or `]`, which no image name has, is a placeholder that a script fills in (`ubuntu:%%SUITE%%`, `gcr.io/<project>`).
 */
function problemOf(reference: string): string | null {
  if (reference === "scratch" || /[%<>[\]]/.test(reference)) return null;
  return imageReferenceProblem(reference);
}
