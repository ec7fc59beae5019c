import { flagNamed, normalizeImageReference, splitImageReference } from "@hull/parser";
import { defineRule } from "../rule.js";
import { onScratch } from "./utils/stages.js";

/**
 * Images built FROM scratch to be copied whole (`COPY --from=IMAGE / /`), as their own documentation shows: the
 * cross-compilation helpers and single-binary images of the Docker and goreleaser ecosystems.
 */
const madeToBeCopied = new Set([
  "docker.io/tonistiigi/xx",
  "docker.io/crazymax/goreleaser-xx",
  "docker.io/crazymax/yasu",
]);

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
      "A stage of this file built `FROM scratch` is not reported (it holds only what was put in it), nor a copy into a stage built `FROM scratch` (it replaces nothing: the way to squash a stage into one layer). " +
      "Nor is an image made to be copied this way whose documentation says so (`tonistiigi/xx`, `crazymax/goreleaser-xx`, `crazymax/yasu`). " +
      "Off by default: other images made to be copied whole cannot be told apart without pulling them.",
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
      const from = flagNamed(node, "from");
      if (!from?.value || node.sources.length !== 1 || !node.destination) return;
      if (node.sources[0]!.value !== "/" || node.destination.value !== "/") return;
      // Into a stage built FROM scratch, it replaces nothing: the way to squash a stage into one layer.
      const here = ctx.currentStage();
      if (onScratch(ctx.semantic, here)) return;
      // A stage of this file built FROM scratch holds only the files put into it: copying it whole copies those.
      const ref = ctx.semantic.expandGlobal(from.value);
      const stage = ref === null ? null : ctx.semantic.stageByRef(ref);
      const image = stage ? ctx.semantic.baseName(ctx.semantic.rootOf(stage)) : ref;
      if (image === "scratch") return;
      if (image !== null && madeToBeCopied.has(splitImageReference(normalizeImageReference(image)).name))
        return;
      ctx.report(node.sources[0]!, "whole", from.value);
    },
  },
});
