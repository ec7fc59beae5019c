import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-empty-continuation",
  title: "Do not leave empty lines inside a continued instruction",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "NoEmptyContinuation" },
  docs: {
    rationale:
      "An empty or whitespace-only line after a line continuation does not end the instruction: BuildKit drops the line and keeps joining. " +
      "It reads as if the instruction stopped there, and BuildKit has announced that it will become an error. " +
      "Remove the line, or put a `#` comment on it if it separates groups.",
    bad: [
      `FROM alpine:3.20
RUN apk add --no-cache \\
    curl \\

    git
`,
    ],
    good: [
      `FROM alpine:3.20
RUN apk add --no-cache \\
    curl \\
    git
`,
      `FROM alpine:3.20
RUN apk add --no-cache \\
    curl \\
#
    git
`,
    ],
  },
  messages: {
    empty: () => "Empty continuation line; BuildKit drops it and will reject it in a future release.",
  },
  create(ctx) {
    return {
      Instruction(node) {
        // A trigger's lines belong to its ONBUILD, which is visited too.
        if (ctx.isTrigger(node)) return;
        for (const token of node.tokens) {
          if (token.kind !== "empty") continue;
          const content = token.text.replace(/\r?\n$/, "");
          const at = ctx.rangeOf(token.offset, token.offset + content.length);
          const fix = { range: ctx.rangeOf(token.offset, token.offset + token.text.length), text: "" };
          ctx.report({ at, fix }, "empty");
        }
      },
    };
  },
});
