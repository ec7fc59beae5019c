import * as dockerignore from "@balena/dockerignore";

// The package is CommonJS with `exports.default = ignore`; under Node ESM the factory can sit one level deeper.
type Factory = (options?: { ignorecase?: boolean }) => import("@balena/dockerignore").Ignore;
const moduleValue = dockerignore as unknown as { default: Factory | { default: Factory } };
const ignore: Factory =
  typeof moduleValue.default === "function" ? moduleValue.default : moduleValue.default.default;

/** Decides whether a context path is excluded by `.dockerignore`. */
export interface IgnoreMatcher {
  ignores(path: string): boolean;
}

/** Builds a matcher from `.dockerignore` text; bad patterns are skipped rather than thrown. */
export function createIgnore(text: string): IgnoreMatcher {
  const ig = ignore();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    try {
      ig.add(t);
    } catch {
      // One unparsable pattern must not take the whole plan down.
    }
  }
  return {
    ignores: (path) => {
      const p = normalizeContextPath(path);
      if (p === "") return false;
      try {
        return ig.ignores(p);
      } catch {
        return false;
      }
    },
  };
}

/** A context-relative path without `./` or leading and trailing slashes. */
export function normalizeContextPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close > i) {
        re += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = close;
      } else re += "\\[";
    } else if (c === "\\" && i + 1 < glob.length) {
      re += `\\${glob[++i] as string}`;
    } else re += c.replace(/[.+^${}()|\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Whether a changed context path falls under a COPY source (a path, a directory or a glob). */
export function sourceCovers(source: string, changed: string): boolean {
  const src = normalizeContextPath(source);
  const p = normalizeContextPath(changed);
  if (src === "") return true;
  if (p === src || p.startsWith(`${src}/`)) return true;
  if (!/[*?[]/.test(src)) return false;
  // A glob matches the path itself or one of its parent directories (then the whole directory is copied).
  const re = globToRegExp(src);
  const parts = p.split("/");
  for (let i = 1; i <= parts.length; i++) if (re.test(parts.slice(0, i).join("/"))) return true;
  return false;
}

/**
 * Whether `COPY --exclude` patterns leave a changed path out of a source. The patterns match paths relative to
 * the source (its name, for a file); for a glob source the planner does not narrow, so a change still counts.
 */
export function excludedFrom(source: string, changed: string, excludes: IgnoreMatcher | null): boolean {
  if (excludes === null) return false;
  const src = normalizeContextPath(source);
  const p = normalizeContextPath(changed);
  if (/[*?[]/.test(src)) return false;
  const rel = src === "" ? p : p === src ? (p.split("/").at(-1) ?? p) : p.slice(src.length + 1);
  return excludes.ignores(rel);
}

/** The content placeholder of a context source: `changed` when a non-ignored changed path falls under it. */
export function contentPlaceholder(
  source: string,
  changed: readonly string[],
  ig: IgnoreMatcher,
  excludes: IgnoreMatcher | null = null,
): string {
  const hit = changed.filter(
    (c) => !ig.ignores(c) && sourceCovers(source, c) && !excludedFrom(source, c, excludes),
  );
  return hit.length === 0
    ? `context:${normalizeContextPath(source) || "."}`
    : `context:${normalizeContextPath(source) || "."}@changed:${hit.sort().join(",")}`;
}
