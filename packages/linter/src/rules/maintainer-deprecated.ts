import type { Maintainer } from "@hull/parser";
import { defineRule, type TextEdit } from "../rule.js";

export default defineRule({
  id: "maintainer-deprecated",
  title: "Use a label instead of MAINTAINER",
  severity: "warning",
  fixable: "unsafe",
  aliases: {
    hadolint: "DL4000",
    buildkit: "MaintainerDeprecated",
    trivy: "DS-0022",
    checkov: "CKV_DOCKER_6",
    kics: "99614418-f82b-4852-a9ae-5051402b741c",
    semgrep: "maintainer-is-deprecated",
  },
  docs: {
    rationale:
      "`MAINTAINER` has been deprecated since Docker 1.13. " +
      "The author belongs in the `org.opencontainers.image.authors` label, which tools that read image metadata understand.",
    bad: [
      `FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>
`,
    ],
    good: [
      `FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
`,
    ],
    seeAlso: ["https://docs.docker.com/reference/dockerfile/#maintainer-deprecated"],
  },
  messages: {
    deprecated: () => "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.",
  },
  visitor: {
    Maintainer(node, ctx) {
      const fix = labelFix(node, ctx.ast.escapeChar, ctx.source);
      ctx.report({ at: node.keyword, fix: fix ?? undefined }, "deprecated");
    },
  },
});

/** Rewrites `MAINTAINER x` as the equivalent LABEL, when the value can be quoted safely. */
function labelFix(node: Maintainer, escapeChar: string, source: string): TextEdit | null {
  if (!node.value || escapeChar !== "\\") return null;
  const raw = source.slice(node.value.range.start.offset, node.value.range.end.offset);
  // Only single-line values: a continuation or comment inside the value would change meaning when moved.
  if (/[\r\n]/.test(raw)) return null;
  const quoted = `"${node.value.value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
  return {
    range: { start: node.keyword.range.start, end: node.value.range.end },
    text: `LABEL org.opencontainers.image.authors=${quoted}`,
  };
}
