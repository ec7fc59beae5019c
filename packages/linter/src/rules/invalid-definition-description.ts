import type { Comment } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "invalid-definition-description",
  title: "Start the comment above a named stage or ARG with its name",
  severity: "info",
  recommended: false,
  fixable: false,
  aliases: { buildkit: "InvalidDefinitionDescription" },
  docs: {
    rationale:
      "Tools such as `docker buildx build --call=outline` and `--call=targets` show the comment right above `FROM … AS name` and above `ARG name` as the description of that stage or build argument, when its first word is the name: `# name description`. " +
      "A comment above those instructions that does not start with the name is either a description in the wrong format or an unrelated comment that tools will mistake for one.",
    limitations:
      "As in BuildKit, the comments directly above an instruction run up to the previous instruction or a bare `#` line; blank lines do not end them, so separate an unrelated comment with a bare `#` line. " +
      "This rule is off unless enabled, like BuildKit's experimental check. " +
      "The finding is on the comment, the text to change; BuildKit reports the instruction below it.",
    bad: [
      `# the image everything else builds on
FROM alpine:3.20 AS base
`,
      `FROM alpine:3.20
# where to download from
ARG MIRROR=https://example.org
`,
    ],
    good: [
      `# base the image everything else builds on
FROM alpine:3.20 AS base
`,
      `FROM alpine:3.20
# MIRROR where to download from
ARG MIRROR=https://example.org
`,
      `# Build stage
#
FROM golang:1.23 AS build
`,
      `# Any comment above a stage without a name
FROM alpine:3.20
`,
    ],
  },
  messages: {
    stage: (name: string) =>
      `The comment above stage '${name}' should start with its name ('# ${name} <description>'), or be separated by a bare '#' line.`,
    arg: (name: string) =>
      `The comment above 'ARG ${name}' should start with its name ('# ${name} <description>'), or be separated by a bare '#' line.`,
    args: (names: string) =>
      `The comment above this ARG should start with one of its names (${names}), or be separated by a bare '#' line.`,
  },
  visitor: {
    From(node, ctx) {
      if (ctx.isTrigger(node) || !node.stageName) return;
      const found = firstWord(node.comments);
      const name = node.stageName.value.toLowerCase();
      if (found && found[1] !== name) ctx.report(found[0], "stage", name);
    },
    Arg(node, ctx) {
      if (ctx.isTrigger(node)) return;
      const found = firstWord(node.comments);
      const names = node.declarations.map((d) => d.name.value);
      if (!found || names.length === 0 || names.includes(found[1])) return;
      if (names.length === 1) ctx.report(found[0], "arg", names[0]!);
      else ctx.report(found[0], "args", names.map((n) => `'${n}'`).join(", "));
    },
  },
});

function firstWord(comments: readonly Comment[]): [Comment, string] | null {
  const last = comments[comments.length - 1];
  // A bare `#` ends the description block in BuildKit, which then sees no comment at all.
  return last && last.value !== "" ? [last, last.value.split(" ")[0]!] : null;
}
