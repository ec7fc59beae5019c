import { defineRule } from "../rule.js";

export default defineRule({
  id: "onbuild-invalid-trigger",
  title: "Do not use ONBUILD, FROM or MAINTAINER as an ONBUILD trigger",
  severity: "error",
  fixable: false,
  aliases: { hadolint: "DL3043" },
  docs: {
    rationale:
      "`ONBUILD` stores an instruction to run when another Dockerfile builds `FROM` this image. " +
      "BuildKit refuses three instructions there: `ONBUILD ONBUILD` (triggers do not chain), `ONBUILD FROM` (a trigger runs inside a stage that has already started) and `ONBUILD MAINTAINER`. " +
      "The parser finds these; this rule is the name under which they are reported, so that they can be configured like any other rule.",
    bad: [
      `FROM alpine:3.20
ONBUILD ONBUILD RUN echo hi
`,
      `FROM alpine:3.20
ONBUILD FROM alpine:3.20
`,
    ],
    good: [
      `FROM alpine:3.20
ONBUILD RUN echo hi
`,
    ],
  },
  messages: {
    chaining: () => "ONBUILD cannot trigger another ONBUILD.",
    trigger: (keyword: string) => `${keyword} is not allowed as an ONBUILD trigger.`,
  },
  visitor: {
    Onbuild(node, ctx) {
      const trigger = node.trigger;
      if (!trigger) return;
      if (trigger.type === "Onbuild") ctx.report(trigger.keyword, "chaining");
      else if (trigger.type === "From" || trigger.type === "Maintainer")
        ctx.report(trigger.keyword, "trigger", trigger.keyword.name);
    },
  },
});
