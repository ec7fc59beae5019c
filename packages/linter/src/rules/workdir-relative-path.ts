import { cleanPath, expandWord, type Stage, type Workdir } from "@hull/parser";
import { defineRule } from "../rule.js";

// `/app`, and the Windows forms `\app` and `C:\app` (or `C:/app`).
const absolute = /^(?:[/\\]|[A-Za-z]:[/\\])/;

const setsWorkdir = (stage: Stage) => stage.instructions.some((n) => n.type === "Workdir");

export default defineRule({
  id: "workdir-relative-path",
  title: "Make the first WORKDIR of a stage absolute",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: "DL3000",
    buildkit: "WorkdirRelativePath",
    trivy: "DS-0009",
    checkov: "CKV_DOCKER_10",
    kics: "6b376af8-cfe8-49ab-a08d-f32de23661a4",
    semgrep: "use-absolute-workdir",
  },
  docs: {
    rationale:
      "A relative `WORKDIR` is resolved against the working directory of the base image, which this file does not control and which can change with a new image tag.",
    limitations:
      "As in BuildKit, only the first `WORKDIR` of a stage is checked, and a stage built on another stage of this file (`FROM <stage>`) inherits its `WORKDIR`: once an absolute directory is set, relative ones build on it. " +
      "A path that starts with a variable is checked after expansion when the variable is set in this file, and skipped otherwise. " +
      "A relative path is reported even when the base image's config is given (`hull lint --resolve` or `--image-config`), as BuildKit does; the message then says where it resolves today.",
    bad: [
      `FROM node:22
WORKDIR app
COPY . .
`,
    ],
    good: [
      `FROM node:22
WORKDIR /app
COPY . .
`,
      `FROM node:22 AS base
WORKDIR /srv

FROM base
WORKDIR app
`,
      `FROM node:22
ENV APP_HOME=/app
WORKDIR $APP_HOME
`,
      `FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\\app
`,
    ],
  },
  messages: {
    relative: (path: string) =>
      `Relative WORKDIR '${path}' depends on the base image's working directory; set an absolute path first.`,
    relativeTo: (path: string, resolved: string, image: string) =>
      `Relative WORKDIR '${path}' resolves to '${resolved}' only because of the working directory of '${image}'; set an absolute path first.`,
  },
  visitor: {
    Stage(stage, ctx) {
      // Only the stage's first WORKDIR is checked: without one, or when it is written absolute (nearly always),
      // the ENV and ARG values before it need not be expanded.
      const first = stage.instructions.find((n): n is Workdir => n.type === "Workdir");
      if (!first || writtenAbsolute(first)) return;
      if (ctx.semantic.someBase(stage, setsWorkdir)) return;
      const globals = ctx.semantic.globals.env;
      const env = new Map<string, string>();
      for (const node of stage.instructions) {
        if (node.type === "Env") {
          for (const pair of node.pairs) {
            const result = expandWord(pair.value.value, env, { escape: ctx.ast.escapeChar });
            if (!result.error && result.missing.length === 0) env.set(pair.key.value, result.value);
            else env.delete(pair.key.value);
          }
        } else if (node.type === "Arg") {
          for (const decl of node.declarations) {
            const value = decl.defaultValue
              ? expandWord(decl.defaultValue.value, env, { escape: ctx.ast.escapeChar })
              : null;
            if (value && !value.error && value.missing.length === 0) env.set(decl.name.value, value.value);
            else if (!value && globals.has(decl.name.value))
              env.set(decl.name.value, globals.get(decl.name.value)!);
            else env.delete(decl.name.value);
          }
        } else if (node.type === "Workdir") {
          const path = relativePath(node, env, ctx.ast.escapeChar);
          if (path === null) return;
          const base = ctx.baseImage(stage);
          if (base) {
            const image = ctx.semantic.baseName(ctx.semantic.rootOf(stage)) ?? "";
            const resolved = joinPath(base.config.WorkingDir ?? "/", path);
            ctx.report(node.value ?? node.keyword, "relativeTo", path, resolved, image);
          } else ctx.report(node.value ?? node.keyword, "relative", path);
          return;
        }
      }
    },
  },
});

/** The WORKDIR's path when it is relative; null when it is absolute or depends on a variable this file does not set. */
function relativePath(node: Workdir, env: ReadonlyMap<string, string>, escape: "\\" | "`"): string | null {
  if (!node.value || writtenAbsolute(node)) return null;
  const result = expandWord(node.value.value, env, { escape });
  if (result.error || result.missing.length > 0) return null;
  return absolute.test(result.value) ? null : result.value;
}

/**
 * True when the WORKDIR is absolute as written (or has no path). Quotes aside, a Windows path is recognised before
 * expansion would read its backslashes as escapes.
 */
function writtenAbsolute(node: Workdir): boolean {
  return !node.value || absolute.test(node.value.value.replace(/^["']/, ""));
}

/** `dir` joined with a relative `path`, cleaned as BuildKit's `path.Join` cleans it (`\\` separators kept as they are). */
function joinPath(dir: string, path: string): string {
  if (dir.includes("\\")) return `${dir.replace(/\\+$/, "")}\\${path}`;
  return cleanPath(`${dir}/${path}`);
}
