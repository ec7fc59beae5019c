import { cleanContextPath, globCovers, isGlob, parseDockerignore, type Dockerignore } from "@hull/parser";

/** Decides whether a context path is excluded by `.dockerignore` patterns. */
export type IgnoreMatcher = Pick<Dockerignore, "ignores">;

/** A matcher for `.dockerignore` text, or for COPY --exclude patterns one per line (the parser's reading). */
export function createIgnore(text: string): IgnoreMatcher {
  return parseDockerignore(text);
}

/** Whether a changed context path falls under a COPY source (a path, a directory or a glob). */
export function sourceCovers(source: string, changed: string): boolean {
  const src = cleanContextPath(source);
  const p = cleanContextPath(changed);
  if (src === "") return true;
  if (p === src || p.startsWith(`${src}/`)) return true;
  if (!isGlob(src)) return false;
  // A glob matches the path itself or one of its parent directories (then the whole directory is copied); a
  // malformed one matches nothing, and BuildKit finds no source.
  return globCovers(src, "go")?.(p) ?? false;
}

/**
 * Whether `COPY --exclude` patterns leave a changed path out of a source. The patterns match paths relative to
 * the source (its name, for a file); for a glob source the planner does not narrow, so a change still counts.
 */
export function excludedFrom(source: string, changed: string, excludes: IgnoreMatcher | null): boolean {
  if (excludes === null) return false;
  const src = cleanContextPath(source);
  const p = cleanContextPath(changed);
  if (isGlob(src)) return false;
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
    ? `context:${cleanContextPath(source) || "."}`
    : `context:${cleanContextPath(source) || "."}@changed:${hit.sort().join(",")}`;
}
