import { defineRule } from "../rule.js";

export default defineRule({
  id: "unknown-ignore-id",
  title: "Name known rules in ignore comments",
  severity: "warning",
  fixable: false,
  docs: {
    rationale:
      "An ignore comment with a misspelt rule id silences nothing, and the finding it was meant to silence stays. " +
      "hull checks the names in `# hull ignore=`, `# hadolint ignore=` and `# check=skip=` against its rules, their hadolint codes and BuildKit's check names.",
    limitations:
      "hadolint drops a whole `# hadolint ignore=` comment when one of its codes has other characters than `D`, `L`, `S`, `C` and digits (`ignore=DL3008,foo` silences nothing there); hull silences the codes it knows and reports the others here, so the comment does what its writer meant.",
    bad: [
      `# hull ignore=maintainer-deprecatd
FROM alpine:3.20
`,
      `# check=skip=MaintainerDeprecate
FROM alpine:3.20
`,
    ],
    good: [
      `# hull ignore=maintainer-deprecated
FROM alpine:3.20
MAINTAINER me
`,
      `# hadolint ignore=DL4000,SC2086
FROM alpine:3.20
`,
      `# check=skip=MaintainerDeprecated
FROM alpine:3.20
`,
    ],
  },
  messages: {
    unknownRule: (name: string, suggestion: string | null) =>
      `Unknown rule '${name}' in ignore comment.${suggestion ? ` Did you mean '${suggestion}'?` : ""}`,
    unknownCode: (name: string, suggestion: string | null) =>
      `Unknown hadolint code '${name}' in ignore comment.${suggestion ? ` Did you mean '${suggestion}'?` : ""}`,
    unknownCheck: (name: string, suggestion: string | null) =>
      `Unknown BuildKit check '${name}' in check=skip (names are case-sensitive).${suggestion ? ` Did you mean '${suggestion}'?` : ""}`,
  },
  visitor: {
    Dockerfile(_ast, ctx) {
      for (const directive of ctx.ignoreDirectives) {
        for (const entry of directive.entries) {
          if (entry.ruleIds.length > 0 || entry.foreign) continue;
          const messageId =
            directive.source === "hull"
              ? "unknownRule"
              : directive.source === "hadolint"
                ? "unknownCode"
                : "unknownCheck";
          ctx.report(entry.range, messageId, entry.name, entry.suggestion);
        }
      }
    },
  },
});
