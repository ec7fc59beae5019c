import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-inline-ignore",
  title: "Do not silence rules with inline ignore comments",
  severity: "warning",
  fixable: false,
  recommended: false,
  aliases: { hadolint: "DL1001" },
  docs: {
    rationale:
      "For teams that want every exception in the reviewed config file, not scattered through Dockerfiles: this reports each `# hull ignore=…` and `# hadolint ignore=…` comment above an instruction. " +
      "Off by default.",
    limitations:
      "File-wide `global ignore` comments and BuildKit's `# check=skip=` directive are not reported.",
    bad: [
      `FROM alpine:3.20
# hull ignore=no-latest-tag
FROM alpine:latest
`,
    ],
    good: [
      `FROM alpine:3.20
RUN echo ready
`,
    ],
  },
  messages: {
    inline: (tool: string) =>
      `Inline '${tool} ignore' comment; configure exceptions in the config file instead.`,
  },
  visitor: {
    Dockerfile(_ast, ctx) {
      for (const directive of ctx.ignoreDirectives) {
        if (directive.scope === "next" && directive.source !== "buildkit")
          ctx.report(directive, "inline", directive.source);
      }
    },
  },
});
