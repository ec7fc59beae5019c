import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-duplicate-stage-name",
  title: "Give every stage a unique name",
  severity: "warning",
  fixable: false,
  markupReach: "control-lines",
  aliases: {
    hadolint: "DL3024",
    buildkit: "DuplicateStageName",
    trivy: "DS-0012",
    checkov: "CKV_DOCKER_11",
    semgrep: "alias-must-be-unique",
  },
  docs: {
    rationale:
      "Stage names are compared in lowercase, and a later stage with the same name replaces the earlier one for `--target`, `COPY --from` and `FROM <stage>` after it. " +
      "References written before the second definition still point at the first stage, so the same name means different stages in different places of the file.",
    bad: [
      `FROM node:22 AS build
RUN npm ci

FROM node:22 AS build
RUN npm run build
`,
    ],
    good: [
      `FROM node:22 AS deps
RUN npm ci

FROM deps AS build
RUN npm run build
`,
    ],
  },
  messages: {
    duplicate: (name: string) => `Duplicate stage name '${name}'; stage names should be unique.`,
  },
  state: () => ({ seen: new Set<string>() }),
  visitor: {
    Stage(stage, ctx) {
      const word = stage.from.asKeyword?.value.toLowerCase() === "as" ? stage.from.stageName : null;
      if (!stage.name || !word) return;
      const { seen } = ctx.state;
      if (seen.has(stage.name)) ctx.report(word, "duplicate", stage.name);
      seen.add(stage.name);
    },
  },
});
