import * as dockerignore from "@balena/dockerignore";
import { cleanSegments } from "./path.js";

type Ignore = import("@balena/dockerignore").Ignore;
type Factory = (options?: { ignorecase?: boolean }) => Ignore;
// The package is CommonJS with `exports.default = ignore`; under Node ESM the factory can sit one level deeper.
const moduleValue = dockerignore as unknown as { default: Factory | { default: Factory } };
const ignore: Factory =
  typeof moduleValue.default === "function" ? moduleValue.default : moduleValue.default.default;

/** A `.dockerignore` read as BuildKit reads it. */
export interface Dockerignore {
  /** The cleaned patterns that are not `!` exceptions. */
  readonly patterns: readonly string[];
  /** True when some pattern is a `!` exception (a path excluded by one pattern may be included again). */
  readonly hasExceptions: boolean;
  /** True when the context-relative path is excluded from the build context. */
  ignores(path: string): boolean;
}

/**
 * Reads `.dockerignore` text as BuildKit does: lines starting with `#` are comments (an indented `#` starts a
 * pattern), blank lines are dropped,
 * patterns are trimmed and cleaned. A malformed pattern is skipped (BuildKit refuses the file) so that the
 * other patterns still count. The matching itself is `@balena/dockerignore`'s, which follows Docker's rules.
 */
export function parseDockerignore(text: string): Dockerignore {
  const matcher = ignore({ ignorecase: false });
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
    } else patterns.push(cleanContextPath(line));
    // Indented, `# c` is a pattern (BuildKit skips only lines that start with `#`); the library would read it as a
    // comment, so its `#` is escaped.
    const literal = line.startsWith("#") ? `\\${line}` : line;
    const pattern = exception ? `!${literal}` : literal;
    try {
      // The library compiles a pattern on first use, so a bad one throws only then: try it alone first.
      ignore({ ignorecase: false }).add(pattern).ignores("probe");
      matcher.add(pattern);
    } catch {
      // See above: one bad pattern must not hide the others.
    }
  }
  return {
    patterns,
    hasExceptions,
    ignores(path) {
      const clean = cleanContextPath(path);
      if (clean === "") return false;
      try {
        return matcher.ignores(clean);
      } catch {
        return false;
      }
    },
  };
}

/** Go's path.Clean relative to the context root: no `.`/`..` segments, no leading or trailing `/`; "" for the root. */
export function cleanContextPath(path: string): string {
  return cleanSegments(path.replace(/\\/g, "/"));
}
