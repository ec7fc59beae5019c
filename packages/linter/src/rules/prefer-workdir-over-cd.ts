import { cleanPath, cleanSegments, globCovers, isGlob, pathMax } from "@hull/parser";
import type { Run, SemanticModel } from "@hull/parser";
import { defineRule } from "../rule.js";
import { commandWord, type ShellCommand } from "../shell/lexer.js";
import { operands } from "../shell/options.js";
import { runShell, scriptRange } from "../shell/run.js";

export default defineRule({
  id: "prefer-workdir-over-cd",
  title: "Use WORKDIR instead of cd to change directory",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3003", trivy: "DS-0013", semgrep: "use-workdir" },
  docs: {
    rationale:
      "A `cd` in a `RUN` only lasts until the end of that `RUN`, so the next instruction silently runs in the old directory again, and readers have to track the directory through every script. " +
      "`WORKDIR` sets the directory for all following instructions (and creates it), which is explicit and does not need repeating.",
    limitations: "Reported once per `RUN`, at its first `cd`.",
    hadolintDifferences:
      "a `cd` that cannot leak is not reported: one inside a subshell `( cd dir && make )`, `cd /`, and a `cd` into a temporary build directory that the same `RUN` removes (`cd /tmp/build && … && rm -rf /tmp/build`), since `WORKDIR` would leave that directory in the image. " +
      "Nor is a `cd` into a scratch directory (`/tmp`, `/var/tmp` or one below them, or one `mktemp -d` made), where `WORKDIR` would make the scratch directory the working directory of every later instruction and of the container; " +
      "a `cd` into a directory the `RUN` mounts (a cache, a tmpfs, a bind), which exists only while it runs; a `cd` back up (`cd ..`, `cd -`) after an earlier one; or a `cd` to the stage's `WORKDIR`. " +
      'Relative paths are followed from the stage\'s `WORKDIR` when the file sets it, and a variable the stage sets (`cd "$SRC_DIR"` after `ENV SRC_DIR=/tmp/src`) as its value.',
    bad: [
      `FROM golang:1.23
COPY . /src
RUN cd /src && go build ./...
`,
    ],
    good: [
      `FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build ./...
`,
      `FROM debian:12
RUN mkdir /tmp/b && cd /tmp/b && curl -fsSLO https://example.com/x.tgz && tar xzf x.tgz && make install && cd / && rm -rf /tmp/b
`,
    ],
  },
  messages: {
    cd: () => "Use WORKDIR to change directory; a cd lasts only until the end of this RUN.",
  },
  visitor: {
    Run(node, ctx) {
      // hadolint does not check ONBUILD triggers for this rule.
      if (ctx.isTrigger(node)) return;
      const shell = runShell(node, ctx);
      const { commands, script } = shell;
      // What the `cd`s are asked about (directories, later removals, mktemp variables) is read once per RUN, when
      // a first `cd` needs it, and the subshells are counted once. Subshell parentheses lie between commands: a `cd`
      // with one still open before it lasts only to its `)`.
      let facts: RunFacts | undefined;
      const known = (): RunFacts => (facts ??= runFacts(commands, node, ctx.semantic, script));
      let depth = 0;
      let previousEnd = 0;
      const cd = commands.find((c, i) => {
        for (let k = previousEnd; k < c.start; k++) {
          const ch = script.charCodeAt(k);
          if (ch === 0x28 /* ( */) depth++;
          else if (ch === 0x29 /* ) */) depth = Math.max(0, depth - 1);
        }
        previousEnd = c.end;
        return c.name === "cd" && depth === 0 && !harmlessCd(c, i, commands, known());
      });
      if (!cd) return;
      const word = commandWord(cd)!;
      ctx.report(scriptRange(ctx, shell, word), "cd");
    },
  },
});

/** What a RUN's commands tell about its `cd`s, read once per RUN. */
interface RunFacts {
  /** The working directory after each command (null when unknown). */
  dirs: readonly (string | null)[];
  /** The directories later commands remove, as a tree of path segments with the last command removing each. */
  removed: Removal;
  /** Removals written with a glob (`rm -rf /tmp/icu*`): each one's test, with the last command removing it. */
  globs: Map<string, { covers: (path: string) => boolean; last: number }>;
  /**
   * Variables assigned a `mktemp` result (`dir=$(mktemp -d)`), with the first command assigning each: read when a
   * `cd "$dir"` first asks.
   */
  mktemp: Map<string, number> | undefined;
  /** The directory the RUN starts in: the stage's WORKDIR when the file says it, else a stand-in. */
  start: string;
  /** Where the RUN's own mounts (a cache, a tmpfs, a bind) are: directories that exist only while it runs. */
  mounts: readonly string[];
}

/** A node of the tree of removed paths: the last command that removes this path (-1 if none), and what lies below. */
interface Removal {
  last: number;
  below: Map<string, Removal> | undefined;
}

function runFacts(
  commands: readonly ShellCommand[],
  node: Run,
  semantic: SemanticModel,
  script: string,
): RunFacts {
  // A variable the stage sets (`cd "$SRC_DIR"` after `ENV SRC_DIR=/tmp/src`) is read as its value (a build
  // argument as its default), unless the RUN sets it itself.
  const expand = (text: string): string => {
    const name = /^\$(?:\{(\w+)\}|(\w+))/.exec(text);
    const variable = name?.[1] ?? name?.[2];
    if (variable === undefined || assigns(script, variable)) return text;
    return semantic.valueBefore(node, text, { argDefaults: true }) ?? text;
  };
  const workdir = semantic.workdirBefore(node);
  // BuildKit keeps an absolute WORKDIR as written (`/build/`); the `cd`s are compared cleaned.
  const start = workdir === null ? START : cleanPath(workdir);
  const dirs = directories(commands, start, expand);
  const removed: Removal = { last: -1, below: undefined };
  const globs: RunFacts["globs"] = new Map();
  const add = (path: string, index: number) => {
    if (isGlob(path)) {
      const known = globs.get(path);
      if (known !== undefined) known.last = index;
      // A malformed glob (`rm -rf /tmp/[z-a]`) removes nothing the RUN made.
      else globs.set(path, { covers: globCovers(path, "shell") ?? (() => false), last: index });
      return;
    }
    let node = removed;
    for (const segment of path.split("/")) {
      node.below ??= new Map();
      let next = node.below.get(segment);
      if (next === undefined) node.below.set(segment, (next = { last: -1, below: undefined }));
      node = next;
    }
    node.last = index;
  };
  commands.forEach((c, index) => {
    // The official PHP images unpack their sources with `docker-php-source extract` and remove them with `delete`.
    if (c.name === "docker-php-source" && operands(c)[0]?.value === "delete") add("/usr/src/php", index);
    else if (c.name === "rm")
      for (const w of operands(c)) {
        const path = resolve(dirs[index] ?? null, w.value.replace(/\/\*$/, ""));
        if (path !== null && path !== "/") add(path, index);
      }
  });
  // A relative target is under the WORKDIR (`--mount=target=.`).
  const mounts = node.mounts.flatMap((m) => {
    const target = m.target === null ? null : resolve(start, m.target);
    return target === null || target === "/" ? [] : [target];
  });
  return { start, dirs, removed, globs, mktemp: undefined, mounts };
}

/** True when a RUN's script may set a shell variable: an assignment, a `for` loop over it, or a `read` into it. */
function assigns(script: string, name: string): boolean {
  return new RegExp(`(?:^|[^\\w$])${name}=|\\bfor\\s+${name}\\b|\\bread\\b[^;&|\\n]*\\b${name}\\b`).test(
    script,
  );
}

/**
 * True for a `cd` outside any subshell whose directory does not outlive it in a way WORKDIR would fix: `cd /`, or
 * into a directory that a later `rm` of the same RUN removes (a temporary build directory).
 */
function harmlessCd(
  cd: ShellCommand,
  index: number,
  commands: readonly ShellCommand[],
  facts: RunFacts,
): boolean {
  // Directories are followed through the RUN, so that `cd /tmp/b && cd src` is still inside /tmp/b.
  const dir = facts.dirs[index];
  if (dir === null || dir === undefined) return false;
  // `cd /`, or back to where the RUN started (`cd src && make && cd ..`), leaves nothing for WORKDIR to do; nor
  // does a step back up after an earlier `cd` (`cd "$tmp" && … && cd .. && rm -rf "$tmp"`).
  if (dir === "/" || dir === facts.start) return true;
  if (
    /^(?:-|\.\.(?:\/\.\.)*\/?)$/.test(operands(cd)[0]?.value ?? "") &&
    commands.slice(0, index).some((c) => c.name === "cd")
  )
    return true;
  if (returnsBefore(index, commands, facts)) return true;
  // A mount of the RUN: WORKDIR would leave an empty directory in the image, under the mount.
  if (facts.mounts.some((m) => dir === m || dir.startsWith(`${m}/`))) return true;
  // A scratch directory: WORKDIR there would make it the working directory of every later instruction and of the
  // container.
  if (/^\/(?:var\/)?tmp(?:\/|$)/.test(dir) || madeByMktemp(cd, index, commands, facts)) return true;
  return removedLater(dir, index, facts);
}

/**
 * True when a later `cd` goes back to where the `cd` at `index` left (`cd -`, `cd ..`, `cd "$OLDPWD"`) and more
 * commands run there: the script needs that directory again, which a WORKDIR in place of the `cd` would not give.
 */
function returnsBefore(index: number, commands: readonly ShellCommand[], facts: RunFacts): boolean {
  const before = index > 0 ? facts.dirs[index - 1] : facts.start;
  if (before === null || before === undefined) return false;
  for (let j = index + 1; j < commands.length - 1; j++)
    if (commands[j]!.name === "cd" && facts.dirs[j] === before) return true;
  return false;
}

/**
 * True when a command after `index` removes `dir` or a directory it lies in: the tree of removed paths is walked
 * along `dir`'s segments, so each `cd` costs at most its own length, however many `rm`s the RUN has.
 */
function removedLater(dir: string, index: number, facts: RunFacts): boolean {
  let node: Removal | undefined = facts.removed;
  let from = 0;
  while (node?.below !== undefined) {
    const slash = dir.indexOf("/", from);
    node = node.below.get(dir.slice(from, slash < 0 ? dir.length : slash));
    if (node !== undefined && node.last > index) return true;
    if (slash < 0) break;
    from = slash + 1;
  }
  for (const { covers, last } of facts.globs.values()) if (last > index && covers(dir)) return true;
  return false;
}

/**
 * True when the `cd` goes to a directory `mktemp` made: `cd "$(mktemp -d)"`, or `cd "$dir"` after
 * `dir=$(mktemp -d)` (or `export dir=…`) earlier in the RUN.
 */
function madeByMktemp(
  cd: ShellCommand,
  index: number,
  commands: readonly ShellCommand[],
  facts: RunFacts,
): boolean {
  const target = normalize(operands(cd)[0]?.value ?? "");
  if (/^(?:\$\(|`)\s*mktemp\b/.test(target)) return true;
  const variable = /^\$(?:\{(\w+)\}|(\w+))$/.exec(target);
  const name = variable?.[1] ?? variable?.[2];
  if (name === undefined) return false;
  if (facts.mktemp === undefined) {
    const mktemp = (facts.mktemp = new Map());
    commands.forEach((c, i) => {
      for (const w of c.words) {
        const assigned = MKTEMP_ASSIGNMENT.exec(w.value)?.[1];
        if (assigned !== undefined && !mktemp.has(assigned)) mktemp.set(assigned, i);
      }
    });
  }
  const assigned = facts.mktemp.get(name);
  return assigned !== undefined && assigned < index;
}

const MKTEMP_ASSIGNMENT = /^(\w+)=["']?(?:\$\(|`)\s*mktemp\b/;

// The WORKDIR a RUN starts in is not known here; relative paths only have to compare equal to each other.
const START = "/\u0000workdir/\u0000";

/** The working directory after each command (null when unknown), following `cd`s from `start`. */
function directories(
  commands: readonly ShellCommand[],
  start: string,
  expand: (text: string) => string,
): (string | null)[] {
  let cwd: string | null = start;
  // The directory before the last `cd`, where `cd -` and `cd "$OLDPWD"` go back to.
  let previous: string | null = null;
  return commands.map((c) => {
    if (c.name === "cd") {
      const target = operands(c)[0]?.value;
      const next =
        target === "-" || (target !== undefined && /^\$(?:OLDPWD|\{OLDPWD\})$/.test(normalize(target)))
          ? previous
          : target === undefined
            ? null
            : resolve(cwd, target.includes("$") ? expand(normalize(target)) : target);
      previous = cwd;
      cwd = next;
    }
    return cwd;
  });
}

/** `path` made absolute against `cwd` (`..` and `.` resolved); null when it depends on an unknown directory. */
function resolve(cwd: string | null, path: string): string | null {
  const clean = normalize(path);
  // One plain name more (`cd src`): the usual step, made without splitting the whole path again. Past PATH_MAX
  // the directory is not followed, as each step would copy the whole path (a generated RUN of 50,000 once ran out
  // of memory).
  if (cwd !== null && cwd !== "/" && /^[^/$.][^/]*$/.test(clean) && !cwd.startsWith("$"))
    return cwd.length + clean.length < pathMax ? `${cwd}/${clean}` : null;
  const absolute =
    clean.startsWith("/") || clean.startsWith("$") ? clean : cwd === null ? null : `${cwd}/${clean}`;
  if (absolute === null || absolute.length > pathMax) return null;
  return absolute.startsWith("$") ? cleanSegments(absolute) : cleanPath(absolute);
}

function normalize(path: string): string {
  const trimmed = path.replace(/^["']|["']$/g, "").replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}
