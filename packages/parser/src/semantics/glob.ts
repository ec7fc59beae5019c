/**
 * Path globs, as the two readers of a Dockerfile apply them: the shell to the words of a RUN (`rm -rf /tmp/*`),
 * and BuildKit to COPY and ADD sources (Go's `filepath.Match` on the source path). In both, `*` and `?` never match
 * `/`, `[…]` matches one character of a class and a backslash quotes the character after it. They differ in a
 * class's negation: the shell writes `[!…]` (bash also takes `[^…]`), Go only `[^…]`, where `!` is a character of
 * the class. A class never matches `/` here: the shell's rule, and Go's in any pattern a Dockerfile holds.
 */
export type GlobDialect = "shell" | "go";

/** True when `text` holds a glob character, so that matching it means more than comparing it. */
export function isGlob(text: string): boolean {
  return GLOB_CHARACTER.test(text);
}

const GLOB_CHARACTER = /[*?[]/;

/**
 * A test of whether a whole path (or one segment, for a pattern without `/`) matches `pattern`; null when the
 * pattern is malformed (a reversed range, `[z-a]`; in Go an unclosed `[` too), which matches no path: the shell
 * then passes the word on as written, and BuildKit finds no source.
 */
export function globTest(pattern: string, dialect: GlobDialect): ((path: string) => boolean) | null {
  const glob = compile(pattern, dialect);
  return glob === null ? null : (path) => glob.regex.test(path);
}

/**
 * A test of whether a path is matched by `pattern` or lies inside a directory it matches: what `rm -rf PATTERN`
 * removes, or what a COPY source copies. Null when the pattern is malformed, as for `globTest`.
 */
export function globCovers(pattern: string, dialect: GlobDialect): ((path: string) => boolean) | null {
  // A trailing `/` only says the match is a directory: what lies inside it is covered all the same.
  const glob = compile(pattern.replace(/(.)\/+$/, "$1"), dialect);
  if (glob === null) return null;
  const { regex, prefix, segments } = glob;
  // Whatever the pattern matches begins with its text before the first glob character, and has as many segments
  // as the pattern: the path's first `segments` segments are all there is to test.
  return (path) => {
    if (!path.startsWith(prefix)) return false;
    let end = -1;
    for (let k = 0; k < segments; k++) {
      end = path.indexOf("/", end + 1);
      if (end < 0) {
        if (k < segments - 1) return false;
        end = path.length;
        break;
      }
    }
    return regex.test(path.slice(0, end));
  };
}

interface CompiledGlob {
  /** Matches the whole path. */
  readonly regex: RegExp;
  /** The literal text every match begins with. */
  readonly prefix: string;
  /** The number of `/`-separated segments of every match. */
  readonly segments: number;
}

function compile(pattern: string, dialect: GlobDialect): CompiledGlob | null {
  let source = "";
  let prefix = "";
  let literal = true;
  let segments = 1;
  const text = (c: string) => {
    source += escape(c);
    if (literal) prefix += c;
    if (c === "/") segments++;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" || c === "?") {
      source += c === "*" ? "[^/]*" : "[^/]";
      literal = false;
    } else if (c === "\\" && i + 1 < pattern.length) text(pattern[++i]!);
    else if (c === "[") {
      const cls = bracket(pattern, i, dialect);
      if (cls === null) {
        // An unclosed class: the shell reads the `[` as itself; Go refuses the pattern.
        if (dialect === "go") return null;
        text(c);
      } else {
        source += cls.source;
        literal = false;
        i = cls.end;
      }
    } else text(c);
  }
  try {
    return { regex: new RegExp(`^${source}$`), prefix, segments };
  } catch {
    return null;
  }
}

/** The regex class for the bracket expression opening at `open`, and the index of its `]`; null when unclosed. */
function bracket(
  pattern: string,
  open: number,
  dialect: GlobDialect,
): { source: string; end: number } | null {
  let i = open + 1;
  const negated = pattern[i] === "^" || (dialect === "shell" && pattern[i] === "!");
  if (negated) i++;
  let members = "";
  // A `]` first in the class is one of its characters, not its end.
  for (let first = true; i < pattern.length; i++, first = false) {
    let c = pattern[i]!;
    if (c === "]" && !first) return { source: negated ? `[^/${members}]` : `[${members}]`, end: i };
    const quoted = c === "\\" && i + 1 < pattern.length;
    if (quoted) c = pattern[++i]!;
    if (c === "/") continue;
    // A dash between two characters makes a range; any other character, or one quoted, is itself.
    const range = c === "-" && !quoted && !first && pattern[i + 1] !== "]";
    members += range ? "-" : escape(c);
  }
  return null;
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}
