import {
  flagNamed,
  cleanContextPath,
  parseDockerignore,
  sourceKind,
  type Add,
  type Copy,
  type Dockerignore,
} from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";

const messages = {
  ignored: (instruction: string, path: string) =>
    `${instruction} source '${path}' is excluded by .dockerignore, so it is not in the build context.`,
  contextIgnored: (instruction: string) =>
    `${instruction} copies the whole build context, but .dockerignore excludes everything in it.`,
};

/** The file's .dockerignore, parsed on first use: undefined until then, null when there is none. */
type State = { file: Dockerignore | null | undefined };
type Context = RuleContext<typeof messages, Record<string, unknown>, State>;

export default defineRule({
  id: "copy-ignored-file",
  title: "Do not COPY or ADD files that .dockerignore excludes",
  severity: "warning",
  fixable: false,
  aliases: { buildkit: "CopyIgnoredFile" },
  docs: {
    rationale:
      'Files that match `.dockerignore` are never sent to the builder, so a `COPY` or `ADD` of one of them fails with a "not found" error, or, with a wildcard, silently copies less than intended. ' +
      "Either the source or the ignore file is wrong.",
    limitations:
      "Sources are checked after variable expansion with the stage's known values; sources from another stage (`--from`), URLs, Git repositories and here-documents are not from the build context and are skipped. " +
      "As in BuildKit, the check is off when the ignore file has `!` exceptions, since an excluded directory may have re-included files, and copying the whole context (`.`) is only reported when the ignore file excludes everything (`*`, `**` or `**/*`).",
    bad: [
      {
        code: `FROM alpine:3.20
COPY secrets.env /etc/app/
`,
        dockerignore: "*.env\n",
        description: "`secrets.env` matches `*.env`.",
      },
      {
        code: `FROM alpine:3.20
ARG DIST=build
ADD $DIST/app.tar /srv/
`,
        dockerignore: "build\n",
      },
    ],
    good: [
      {
        code: `FROM alpine:3.20
COPY config/ /etc/app/
`,
        dockerignore: `*.env
node_modules
`,
      },
      {
        code: `FROM alpine:3.20
COPY . /src/
`,
        dockerignore: ".git\n",
      },
      {
        code: `FROM alpine:3.20 AS build
RUN mkdir /out
FROM alpine:3.20
COPY --from=build /out /srv
`,
        dockerignore: "out\n",
      },
    ],
  },
  messages,
  state: (): State => ({ file: undefined }),
  visitor: {
    Instruction(node, ctx) {
      // ONBUILD triggers run in another build, with another context.
      if (ctx.isTrigger(node) || ctx.currentStage() === null) return;
      // Without a .dockerignore (or with `!` exceptions) there is nothing to check, and no scope to compute.
      if (node.type === "Copy" || node.type === "Add") check(ctx, node);
    },
  },
});

/** The file's .dockerignore, read and parsed once per file; null when there is none. */
function load(ctx: Context): Dockerignore | null {
  const { state } = ctx;
  if (state.file !== undefined) return state.file;
  const text = ctx.readDockerignore();
  state.file = text === null ? null : parseDockerignore(text);
  return state.file;
}

/** Reports the sources of a COPY or ADD that the .dockerignore excludes from the build context. */
function check(ctx: Context, node: Copy | Add): void {
  const ignoreFile = load(ctx);
  if (!ignoreFile || ignoreFile.hasExceptions) return;
  if (flagNamed(node, "from") !== undefined) return;
  const markers = new Set(node.heredocs.map((h) => h.markerRange.start.offset));
  for (const source of node.sources) {
    if (markers.has(source.range.start.offset)) continue;
    // As BuildKit's check, a build argument is read as its default; a source whose value the file does not say
    // (a variable the base image may set, or nothing sets) cannot be checked.
    const value = ctx.semantic.valueBefore(node, source.value, { argDefaults: true });
    if (value === null || sourceKind(value) !== "local") continue;
    const path = cleanContextPath(value) || ".";
    const label = node.keyword.name === "ADD" ? "ADD" : "COPY";
    if (path === ".") {
      // The context root itself is only "ignored" when the patterns exclude every entry in it.
      if (ignoreFile.patterns.some((p) => p === "*" || p === "**" || p === "**/*")) {
        ctx.report(source, "contextIgnored", label);
      }
    } else if (ignoreFile.ignores(path)) {
      ctx.report(source, "ignored", label, path);
    }
  }
}
