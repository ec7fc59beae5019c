import { flagNamed, namedContextKey } from "@hull/parser";
import { defineRule } from "../rule.js";
import { nearMiss } from "./utils/near-miss.js";

export default defineRule({
  id: "copy-from-undefined-stage",
  title: "Name a stage that the Dockerfile defines in COPY --from",
  severity: "warning",
  fixable: false,
  markupReach: "control-lines",
  aliases: { hadolint: "DL3022" },
  docs: {
    rationale:
      "`COPY --from` takes a stage name, a stage index, or an image. " +
      "When the name matches no stage, BuildKit does not fail: it pulls an image of that name from Docker Hub (or uses a named build context), so a misspelt or renamed stage copies files from some unrelated image, or fails later with a confusing pull error.",
    limitations:
      "A name the build passes as a named context (`--build-context`, or the config's `buildContexts`) is not reported. " +
      "A value with a tag, digest or registry path (`nginx:1.27`, `ghcr.io/org/tool`) is taken as an image on purpose and not reported; neither is a value that depends on a variable without a default. " +
      "Near misses are looked for among the first 100 unknown names of a file; later ones are reported without a suggestion.",
    hadolintDifferences:
      "a stage defined further down the file is accepted, since BuildKit resolves it; and a value that depends on a variable without a default (`--from=$STAGE`) is not reported, since it can name any stage or image.",
    bad: [
      `FROM golang:1.23 AS build
RUN go build -o /app

FROM alpine:3.20
COPY --from=biuld /app /app
`,
    ],
    good: [
      `FROM golang:1.23 AS build
RUN go build -o /app

FROM alpine:3.20
COPY --from=build /app /app
COPY --from=0 /app /app2
`,
      `FROM alpine:3.20
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
`,
    ],
    seeAlso: ["no-copy-from-own-stage"],
  },
  messages: {
    unknown: (name: string) =>
      `No stage is named '${name}': COPY --from reads the build context of that name if the build passes one (--build-context ${name}=…), or else pulls the image '${name}'; name a stage, or give the image a tag.`,
    typo: (name: string, suggestion: string) =>
      `No stage is named '${name}' (did you mean '${suggestion}'?), so COPY --from pulls an image of that name.`,
    index: (index: string, count: number) =>
      `Stage index ${index} does not exist: the Dockerfile has ${count} stage${count === 1 ? "" : "s"}.`,
  },
  state: () => ({
    names: undefined as string[] | undefined,
    templated: undefined as boolean | undefined,
    searches: 0,
  }),
  visitor: {
    Copy(node, ctx) {
      if (node.flags.length === 0 || ctx.isTrigger(node)) return;
      const flag = flagNamed(node, "from");
      if (!flag?.value) return;
      const value = ctx.semantic.expandGlobal(flag.value);
      // A tag, digest or path makes it an image reference.
      if (value === null || value === "" || /[:@/]/.test(value)) return;
      if (ctx.semantic.stageByRef(value)) return;
      if (namedContextKey(ctx.settings.buildContexts, value) !== undefined) return;
      const { state } = ctx;
      // In a template (`{{ … }}`, `<%= … %>`) the stage names themselves may be placeholders.
      state.templated ??= ctx.ast.stages.some((s) => /\{\{|<%/.test(s.from.logical));
      if (state.templated) return;
      const at = flag.valueRange ?? flag;
      const count = ctx.ast.stages.length;
      if (/^\d+$/.test(value)) {
        ctx.report(at, "index", value, count);
        return;
      }
      const suggestion = nearMiss(
        state,
        value.toLowerCase(),
        () => (state.names ??= ctx.ast.stages.flatMap((s) => (s.name === null ? [] : [s.name])).sort()),
      );
      if (suggestion !== null) ctx.report(at, "typo", value, suggestion);
      else ctx.report(at, "unknown", value);
    },
  },
});
