import { defineRule } from "../rule.js";

export default defineRule({
  id: "from-first",
  title: "Start the Dockerfile with FROM",
  severity: "error",
  fixable: false,
  markupReach: "before-first-from",
  aliases: { hadolint: "DL3061" },
  docs: {
    rationale:
      "Every build stage starts at a FROM; only ARG (for values used in FROM lines), comments and parser directives may come before the first one. " +
      "BuildKit refuses an instruction before the first FROM, and a file without any FROM has nothing to build.",
    bad: [
      `LABEL org.opencontainers.image.title=app
FROM alpine:3.20
`,
      "RUN echo hello\n",
    ],
    good: [
      `# syntax=docker/dockerfile:1
ARG VERSION=3.20
FROM alpine:\${VERSION}
`,
    ],
  },
  messages: {
    beforeFrom: (keyword: string) => `${keyword} comes before the first FROM: only ARG may precede it.`,
    noFrom: () => "The Dockerfile has no FROM, so it has no build stage.",
  },
  visitor: {
    Dockerfile(ast, ctx) {
      const [first] = ast.instructions;
      if (ast.stages.length === 0 && first) {
        ctx.report(first.keyword, "noFrom");
        return;
      }
      for (const node of ast.preamble) {
        // An unknown keyword (often a template line) is already a syntax error; saying it comes early adds nothing.
        if (node.type !== "Arg" && node.type !== "Unknown")
          ctx.report(node.keyword, "beforeFrom", node.keyword.name);
      }
    },
  },
});
