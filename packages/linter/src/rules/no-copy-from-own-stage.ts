import { flagNamed } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-copy-from-own-stage",
  title: "Do not COPY --from the stage being built",
  severity: "error",
  fixable: false,
  aliases: { hadolint: "DL3023", trivy: "DS-0006", semgrep: "copy-from-own-alias" },
  docs: {
    rationale:
      "A stage cannot copy from itself: its files do not exist until the stage is finished, and BuildKit stops with `circular dependency detected on stage`. " +
      "To move files within a stage, use `RUN cp` or `RUN mv`; to copy from another stage, give that stage its own name.",
    bad: [
      `FROM node:22 AS build
RUN npm run build
COPY --from=build /src/dist /app
`,
    ],
    good: [
      `FROM node:22 AS build
RUN npm run build

FROM nginx:1.27
COPY --from=build /src/dist /usr/share/nginx/html
`,
    ],
    seeAlso: ["copy-from-undefined-stage"],
  },
  messages: {
    own: (ref: string) => `COPY --from=${ref} names the stage it is in; a stage cannot copy from itself.`,
  },
  visitor: {
    Copy(node, ctx) {
      if (node.flags.length === 0 || ctx.isTrigger(node)) return;
      const flag = flagNamed(node, "from");
      const stage = ctx.currentStage();
      if (!flag?.value || !stage) return;
      const value = ctx.semantic.expandGlobal(flag.value);
      if (value !== null && ctx.semantic.stageByRef(value) === stage)
        ctx.report(flag.valueRange ?? flag, "own", value);
    },
  },
});
