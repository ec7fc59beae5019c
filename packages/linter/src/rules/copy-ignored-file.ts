import * as dockerignore from "@balena/dockerignore";
import { expandWord, type Add, type Copy } from "@hull/parser";
import { defineRule } from "../rule.js";
import { StageEnvTracker } from "./utils/stage-env.js";

type Ignore = import("@balena/dockerignore").Ignore;
type Factory = (options?: { ignorecase?: boolean }) => Ignore;
// The package is CommonJS with `exports.default = ignore`; under Node ESM the factory can sit one level deeper.
const moduleValue = dockerignore as unknown as { default: Factory | { default: Factory } };
const ignore: Factory =
  typeof moduleValue.default === "function" ? moduleValue.default : moduleValue.default.default;

/** A `.dockerignore` as BuildKit's check uses it. */
interface IgnoreFile {
  matcher: Ignore;
  /** The cleaned patterns that are not `!` exceptions. */
  patterns: string[];
  hasExceptions: boolean;
}

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
        code: "FROM alpine:3.20\nCOPY secrets.env /etc/app/\n",
        dockerignore: "*.env\n",
        description: "`secrets.env` matches `*.env`.",
      },
      { code: "FROM alpine:3.20\nARG DIST=build\nADD $DIST/app.tar /srv/\n", dockerignore: "build\n" },
    ],
    good: [
      { code: "FROM alpine:3.20\nCOPY config/ /etc/app/\n", dockerignore: "*.env\nnode_modules\n" },
      { code: "FROM alpine:3.20\nCOPY . /src/\n", dockerignore: ".git\n" },
      {
        code: "FROM alpine:3.20 AS build\nRUN mkdir /out\nFROM alpine:3.20\nCOPY --from=build /out /srv\n",
        dockerignore: "out\n",
      },
    ],
  },
  messages: {
    ignored: (instruction: string, path: string) =>
      `${instruction} source '${path}' is excluded by .dockerignore, so it is not in the build context.`,
    contextIgnored: (instruction: string) =>
      `${instruction} copies the whole build context, but .dockerignore excludes everything in it.`,
  },
  create(ctx) {
    let file: IgnoreFile | null | undefined;
    let tracker: StageEnvTracker | null = null;

    const load = (): IgnoreFile | null => {
      if (file !== undefined) return file;
      const text = ctx.readDockerignore();
      file = text === null ? null : parseIgnoreFile(text);
      return file;
    };

    const check = (node: Copy | Add) => {
      const ignoreFile = load();
      if (!ignoreFile || ignoreFile.hasExceptions) return;
      if (node.flags.some((f) => f.name === "from")) return;
      const scope = tracker?.scope;
      const markers = new Set(node.heredocs.map((h) => h.markerRange.start.offset));
      for (const source of node.sources) {
        if (markers.has(source.range.start.offset)) continue;
        let value = source.value;
        if (scope) {
          const result = expandWord(value, scope.env, tracker!.options);
          // A source whose value is not known here (base image ENV, build args) cannot be checked.
          if (result.error !== null || result.missing.length > 0) continue;
          if (result.matched.some((name) => scope.uncertain.has(name))) continue;
          value = result.value;
        }
        if (/^(https?|git|ssh):\/\//i.test(value) || /^git@/.test(value)) continue;
        const path = cleanPath(value);
        const label = node.keyword.name === "ADD" ? "ADD" : "COPY";
        if (path === ".") {
          // The context root itself is only "ignored" when the patterns exclude every entry in it.
          if (ignoreFile.patterns.some((p) => p === "*" || p === "**" || p === "**/*")) {
            ctx.report(source, "contextIgnored", label);
          }
        } else if (ignoreFile.matcher.ignores(path)) {
          ctx.report(source, "ignored", label, path);
        }
      }
    };

    return {
      Dockerfile(ast) {
        // Without a .dockerignore (or with `!` exceptions) there is nothing to check: skip the environment work.
        const ignoreFile = load();
        tracker = ignoreFile && !ignoreFile.hasExceptions ? new StageEnvTracker(ast) : null;
      },
      Stage(stage) {
        tracker?.enterStage(stage);
      },
      Instruction(node) {
        if (!tracker) return;
        // ONBUILD triggers run in another build, with another context.
        if (ctx.isTrigger(node) || ctx.currentStage() === null) return;
        if (node.type === "Copy" || node.type === "Add") check(node);
        tracker?.apply(node);
      },
    };
  },
});

/** Reads a `.dockerignore` as BuildKit does: comments and blank lines dropped, patterns cleaned. */
function parseIgnoreFile(text: string): IgnoreFile {
  const lines: string[] = [];
  const patterns: string[] = [];
  let hasExceptions = false;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith("#")) continue;
    let line = raw.trim();
    if (line === "") continue;
    const exception = line.startsWith("!");
    if (exception) {
      hasExceptions = true;
      line = line.slice(1).trim();
    }
    lines.push(exception ? `!${line}` : line);
    if (!exception) patterns.push(cleanPath(line));
  }
  const matcher = ignore({ ignorecase: false });
  for (const line of lines) {
    try {
      matcher.add(line);
    } catch {
      // BuildKit refuses a file with a malformed pattern; skipping it keeps the other patterns checked.
    }
  }
  return { matcher, patterns, hasExceptions };
}

/** Go's path.Clean, relative to the context root: no `.`/`..` segments, no leading or trailing `/`. */
function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.length === 0 ? "." : parts.join("/");
}
