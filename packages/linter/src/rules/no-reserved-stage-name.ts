import { defineRule } from "../rule.js";

const reserved = new Set(["scratch", "context"]);

export default defineRule({
  id: "no-reserved-stage-name",
  title: "Do not name a stage scratch or context",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3063", buildkit: "ReservedStageName" },
  docs: {
    rationale:
      "`scratch` is the empty base image and `context` is the name of the build context in `--build-context` and `RUN --mount=from=`. " +
      "A stage with one of these names is shadowed by the built-in meaning in some places and not in others, so references to it are ambiguous.",
    bad: [
      `FROM alpine:3.20 AS scratch
RUN touch /a

FROM scratch
`,
    ],
    good: [
      `FROM alpine:3.20 AS base
RUN touch /a

FROM scratch
COPY --from=base /a /a
`,
    ],
  },
  messages: {
    reserved: (name: string) => `Stage name '${name}' is reserved and should not be used as a stage name.`,
  },
  visitor: {
    Stage(stage, ctx) {
      const word = stage.from.asKeyword?.value.toLowerCase() === "as" ? stage.from.stageName : null;
      if (stage.name && word && reserved.has(stage.name)) ctx.report(word, "reserved", stage.name);
    },
  },
});
