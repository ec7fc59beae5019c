import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-copy-whole-stage",
  title: "Do not copy a whole stage's filesystem onto /",
  severity: "warning",
  fixable: false,
  recommended: false,
  aliases: { hadolint: "DL3067" },
  docs: {
    rationale:
      "`COPY --from=<stage> / /` copies every file of the other stage, its package databases, caches and users included, over this one. " +
      "It defeats the point of a multi-stage build (a small final image) and silently replaces files such as `/etc/passwd`. " +
      "Copy the directories the image needs instead.",
    limitations:
      "A stage of this file built `FROM scratch` is not reported (it holds only what was put in it). " +
      "Off by default: images made to be copied this way, such as `tonistiigi/xx`, are common and cannot be told apart without pulling them.",
    bad: [
      `FROM golang:1.23 AS build
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build / /
`,
    ],
    good: [
      `FROM golang:1.23 AS build
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
`,
    ],
  },
  messages: {
    whole: (from: string) =>
      `This copies the whole filesystem of '${from}' over this stage; copy only the paths the image needs.`,
  },
  visitor: {
    Copy(node, ctx) {
      const from = node.flags.find((f) => f.name === "from");
      if (!from?.value || node.sources.length !== 1 || !node.destination) return;
      if (node.sources[0]!.value !== "/" || node.destination.value !== "/") return;
      // A stage of this file built FROM scratch holds only the files put into it: copying it whole copies those.
      const ref = ctx.semantic.expandGlobal(from.value);
      const stage = ref === null ? null : ctx.semantic.stageByRef(ref);
      if (stage && ctx.semantic.baseName(ctx.semantic.rootOf(stage)) === "scratch") return;
      ctx.report(node.sources[0]!, "whole", from.value);
    },
  },
});
