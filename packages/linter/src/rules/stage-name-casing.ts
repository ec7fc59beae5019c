import { defineRule } from "../rule.js";

export default defineRule({
  id: "stage-name-casing",
  title: "Write stage names in lowercase",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "StageNameCasing" },
  docs: {
    rationale:
      "BuildKit lowercases stage names, so `FROM x AS Builder` defines the stage `builder`. " +
      "`COPY --from=Builder` still finds it, but `FROM Builder` is read as an image reference and fails. " +
      "Writing the name in lowercase shows the name that BuildKit actually uses.",
    bad: [
      `FROM golang:1.23 AS Builder
RUN go build -o /app .
`,
    ],
    good: [
      `FROM golang:1.23 AS builder
RUN go build -o /app .
`,
      "FROM golang:1.23 AS build-1.23_x\n",
    ],
  },
  messages: {
    notLowercase: (name: string) => `Stage name '${name}' should be lowercase.`,
  },
  visitor: {
    From(node, ctx) {
      const name = node.stageName;
      // Without `AS` the line is a syntax error (often a template placeholder), reported by syntax-error.
      if (!name || node.asKeyword?.value.toLowerCase() !== "as" || ctx.isTrigger(node)) return;
      if (name.value === name.value.toLowerCase()) return;
      const raw = ctx.source.slice(name.range.start.offset, name.range.end.offset);
      const fix = raw === name.value ? { range: name.range, text: raw.toLowerCase() } : undefined;
      ctx.report({ at: name, fix }, "notLowercase", name.value);
    },
  },
});
