import type { Range } from "@hull/parser";
import {
  basename,
  commandSubstitutions,
  parseShell,
  type ScriptSpan,
  runsShell,
  shellArgs,
  shellNames,
  type ShellCommand,
  type ShellWord,
} from "./lexer.js";

/** A piece of a RUN script and the source text it came from. */
interface Segment {
  /** Offsets in the script. */
  from: number;
  to: number;
  /** The source offset of `from`; when not `exact`, the whole piece maps to `[source, sourceEnd)`. */
  source: number;
  sourceEnd: number;
  exact: boolean;
}

/** The shell script of a RUN, split into commands, with a map from script offsets back to the Dockerfile. */
export interface RunShell {
  /** The lines the shell runs: the shell-form command and heredoc bodies fed to a shell, or an exec form's argv. */
  script: string;
  commands: ShellCommand[];
  /**
   * The source offsets `[start, end)` of the script text between `start` and `end` (e.g. a word's `start`/`end`),
   * across line continuations and comment lines; spread it into `ctx.rangeOf`.
   */
  span(start: number, end: number): [number, number];
}

/** The RUN-like node `runShell` reads (a trigger inside ONBUILD takes its tokens from the ONBUILD). */
interface RunLike {
  form: "exec" | "shell" | "none";
  args: readonly { value: string; range: { start: { offset: number }; end: { offset: number } } }[];
  heredocs: readonly { name: string; body: string; bodyRange: { start: { offset: number } } }[];
  tokens: readonly { kind: string; text: string; offset: number }[];
  onbuild?: { tokens: readonly { kind: string; text: string; offset: number }[] };
}

/**
 * Splits a RUN into shell commands and keeps where each piece came from. Unlike `runScript`, heredoc bodies are
 * included only when a shell runs them (`RUN <<EOF`, `RUN bash <<EOF`), not when they are data (`cat <<EOF > f`),
 * and a body starting with a non-shell `#!` line is left out.
 */
export function runShell(node: RunLike): RunShell {
  // Every RUN rule reads the same script: split it once per node and file.
  if (!caches) return splitRun(node);
  let shell = caches.shells.get(node);
  if (!shell) {
    shell = splitRun(node);
    caches.shells.set(node, shell);
  }
  return shell;
}

/**
 * The splits of the file being linted, kept while `withRunCaches` runs. Not a module-level WeakMap keyed by node:
 * V8's young-generation GC keeps the entries of such a map alive, so every RUN node and split outlived the file
 * and was copied into the old generation (measured on the corpus: 3% of all allocation promoted, and full
 * mark-compacts to collect it). These maps die with the file instead.
 */
let caches: { shells: Map<RunLike, RunShell>; commands: Map<RunLike, RunCommands> } | null = null;

/**
 * Runs `fn` (the linting of one file) with fresh caches, so that every rule shares one split per RUN. Outside it,
 * `runShell` and `runCommands` split again on each call.
 */
export function withRunCaches<T>(fn: () => T): T {
  const outer = caches;
  caches = { shells: new Map(), commands: new Map() };
  try {
    return fn();
  } finally {
    caches = outer;
  }
}

function splitRun(node: RunLike): RunShell {
  const segments: Segment[] = [];
  let script = "";
  const add = (text: string, source: number, sourceEnd: number, exact: boolean) => {
    segments.push({ from: script.length, to: script.length + text.length, source, sourceEnd, exact });
    script += text;
  };
  if (node.form === "shell" && node.args[0]) {
    const arg = node.args[0];
    const start = arg.range.start.offset;
    const end = arg.range.end.offset;
    const tokens = node.tokens.length > 0 ? node.tokens : (node.onbuild?.tokens ?? []);
    const mark = segments.length;
    for (const t of tokens) {
      if (t.kind !== "text") continue;
      const from = Math.max(t.offset, start);
      const to = Math.min(t.offset + t.text.length, end);
      if (to > from) add(t.text.slice(from - t.offset, to - t.offset), from, to, true);
    }
    if (script !== arg.value) {
      // The tokens do not spell the command (should not happen): map everything to the whole argument.
      segments.length = mark;
      script = "";
      add(arg.value, start, end, false);
    }
    const line = parseShell(script);
    for (const heredoc of node.heredocs) {
      if (!feedsShell(line, heredoc.name, heredoc.body)) continue;
      add("\n", start, end, false);
      add(
        heredoc.body,
        heredoc.bodyRange.start.offset,
        heredoc.bodyRange.start.offset + heredoc.body.length,
        true,
      );
    }
  } else if (node.form === "exec") {
    const argv = node.args.map((a) => a.value);
    const c = argv.indexOf("-c");
    if (runsShell(argv) && c >= 0 && node.args[c + 1]) {
      addJsonString(node.args[c + 1]!, add);
    } else {
      node.args.forEach((a, i) => {
        if (i > 0) add(" ", a.range.start.offset, a.range.start.offset, false);
        if (/[\s"'$\\;&|<>()`#]/.test(a.value) || a.value === "") {
          add(`'${a.value.replaceAll("'", "'\\''")}'`, a.range.start.offset, a.range.end.offset, false);
        } else {
          addJsonString(a, add);
        }
      });
    }
  }
  const span = (start: number, end: number): [number, number] => {
    if (segments.length === 0) return [0, 0];
    const first = segmentAt(segments, start);
    const from = first.exact ? first.source + (start - first.from) : first.source;
    if (end <= start) return [from, from];
    const last = segmentAt(segments, end - 1);
    const to = last.exact ? last.source + (end - last.from) : last.sourceEnd;
    return [from, Math.max(from, to)];
  };
  return { script, commands: parseShell(script), span };
}

/** A JSON string element of an exec form: exact when the literal has no escapes, else mapped as a whole. */
function addJsonString(
  arg: { value: string; range: { start: { offset: number }; end: { offset: number } } },
  add: (text: string, source: number, sourceEnd: number, exact: boolean) => void,
): void {
  const { start, end } = { start: arg.range.start.offset, end: arg.range.end.offset };
  const exact = end - start === arg.value.length + 2;
  add(arg.value, exact ? start + 1 : start, exact ? end - 1 : end, exact);
}

/** The segment holding `offset`, else the last one before it, else the first. */
function segmentAt(segments: readonly Segment[], offset: number): Segment {
  let found = segments[0]!;
  for (const s of segments) {
    if (offset >= s.from && offset < s.to) return s;
    if (s.from <= offset) found = s;
  }
  return found;
}

/** True when the heredoc `name` is the stdin of a shell (or is the whole command), so its body is a script. */
function feedsShell(line: readonly ShellCommand[], name: string, body: string): boolean {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
  if (shebang) {
    const program = basename(shebang[1]!) === "env" ? (shebang[2] ?? "") : basename(shebang[1]!);
    if (!shellNames.has(program)) return false;
  }
  for (const command of line) {
    const fed = command.redirects.some((r) => (r.op === "<<" || r.op === "<<-") && r.target?.value === name);
    if (!fed) continue;
    if (command.name === null) return true;
    // `bash -ex <<EOF` reads the script from stdin; `bash script.sh <<EOF` does not.
    return shellArgs(command)?.every((a) => a.value.startsWith("-")) ?? false;
  }
  return false;
}

/** True when the RUN has a cache or tmpfs mount whose target is one of `targets` (trailing slashes ignored). */
export function hasCacheMount(
  node: { mounts?: readonly { mountType: string; target: string | null }[] },
  ...targets: (string | RegExp)[]
): boolean {
  return (node.mounts ?? []).some((m) => {
    if ((m.mountType !== "cache" && m.mountType !== "tmpfs") || m.target === null) return false;
    const target = m.target.replace(/\/+$/, "");
    return targets.some((t) => (typeof t === "string" ? t.replace(/\/+$/, "") === target : t.test(target)));
  });
}

/** The shell of a RUN and its command lists: the script's own, then one per command substitution. */
export interface RunCommands {
  shell: RunShell;
  /** Each list is one script, so that `|` and `&&` operators relate commands of the same list only. */
  lists: ShellCommand[][];
  /** Every command of every list. */
  all: ShellCommand[];
}

/** Splits a RUN into its commands, those inside `$(…)` and backquotes included. */
export function runCommands(node: RunLike): RunCommands {
  // Rules share one split per RUN node; the AST is not mutated after parsing, so the cache cannot go stale.
  let commands = caches?.commands.get(node);
  if (!commands) {
    const shell = runShell(node);
    const lists = [shell.commands, ...commandSubstitutions(shell.script, shell.commands)];
    commands = { shell, lists, all: lists.flat() };
    caches?.commands.set(node, commands);
  }
  return commands;
}

/** The Dockerfile range of a piece of a RUN script. */
export function scriptRange(
  ctx: { rangeOf(start: number, end: number): Range },
  shell: RunShell,
  at: ScriptSpan,
): Range {
  return ctx.rangeOf(...shell.span(at.start, at.end));
}

/**
 * True when a word or redirection target of the script holds a command substitution (`$(…)` or backquotes) whose
 * raw text passes `test`, e.g. mentions `wget`: only then can `runCommands` find more of those commands than
 * `runShell`, so a rule can skip splitting the substitutions (a cost it would otherwise pay for every RUN).
 */
export function substitutionMentions(shell: RunShell, test: (raw: string) => boolean): boolean {
  if (!shell.script.includes("$(") && !shell.script.includes("`")) return false;
  const holds = (w: ShellWord) => (w.raw.includes("$(") || w.raw.includes("`")) && test(w.raw);
  return shell.commands.some(
    (c) => c.words.some(holds) || c.redirects.some((r) => r.target !== null && holds(r.target)),
  );
}
