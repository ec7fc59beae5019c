import type { Range } from "@hull/parser";
import {
  commandSubstitutions,
  runShell,
  type RunShell,
  type ShellCommand,
  type ShellWord,
} from "../../shell/shell.js";

type RunLike = Parameters<typeof runShell>[0];

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
  let commands = cache.get(node);
  if (!commands) {
    const shell = runShell(node);
    const lists = [shell.commands, ...commandSubstitutions(shell.script, shell.commands)];
    commands = { shell, lists, all: lists.flat() };
    cache.set(node, commands);
  }
  return commands;
}

// Rules share one split per RUN node; the AST is not mutated after parsing, so the cache cannot go stale.
const cache = new WeakMap<RunLike, RunCommands>();

/** Something with script offsets: a shell word, a command or a part of a word. */
export interface ScriptSpan {
  start: number;
  end: number;
}

/** The Dockerfile range of a piece of a RUN script. */
export function scriptRange(
  ctx: { rangeOf(start: number, end: number): Range },
  shell: RunShell,
  at: ScriptSpan,
): Range {
  return ctx.rangeOf(...shell.span(at.start, at.end));
}

/** A piece of a shell word: the value of an option, with script offsets. */
export interface WordPart extends ScriptSpan {
  value: string;
  /**
   * `literal` when the text is written out (no expansion, or inside single quotes), `computed` when it holds a
   * command substitution, else `variable` (it expands `$NAME` or `${NAME}`).
   */
  kind: "literal" | "variable" | "computed";
}

/** How a value is produced; `singleQuoted` when the whole word is in single quotes. */
function kindOf(value: string, singleQuoted: boolean): WordPart["kind"] {
  if (singleQuoted || (!value.includes("$") && !value.includes("`"))) return "literal";
  return value.includes("$(") || value.includes("`") ? "computed" : "variable";
}

/** The offset of the word's value inside its raw text when the word is one quoted string, e.g. `'a b'`. */
function quotedOffset(word: ShellWord): number | null {
  const q = word.raw[0];
  return (q === "'" || q === '"') &&
    word.raw.length >= 2 &&
    word.raw.endsWith(q) &&
    word.raw.slice(1, -1) === word.value
    ? 1
    : null;
}

function part(word: ShellWord, value: string, start: number, end: number): WordPart {
  return { value, start, end, kind: kindOf(value, word.raw.startsWith("'") && word.raw.endsWith("'")) };
}

/**
 * The values of an option, written `-u v`, `-uv`, `--user v` or `--user=v` (also inside a cluster:
 * `-fsSLu v`, `-qO-`). The offsets cover the value alone when it is written without quotes, else the word.
 */
export function optionValues(command: ShellCommand, short: string | null, ...long: string[]): WordPart[] {
  const result: WordPart[] = [];
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === "--") break;
    if (v.startsWith("--")) {
      const eq = v.indexOf("=");
      const name = v.slice(2, eq < 0 ? undefined : eq);
      if (!long.includes(name)) continue;
      if (eq >= 0) result.push(tail(w, eq + 1));
      else if (args[i + 1]) result.push(whole(args[++i]!));
    } else if (short !== null && /^-[A-Za-z0-9]/.test(v)) {
      const at = v.indexOf(short, 1);
      if (at < 0 || !/^-[A-Za-z0-9]*$/.test(v.slice(0, at))) continue;
      // As with getopt, the rest of the cluster is the value (`-qO-`, `-uuser:pass`), else the next word is.
      if (at < v.length - 1) result.push(tail(w, at + 1));
      else if (args[i + 1]) result.push(whole(args[++i]!));
    }
  }
  return result;
}

/**
 * The part of a word whose value is `value`, found at `index` of the word's value: exact when the word is written
 * without quoting or the raw text contains the value once, else the whole word.
 */
export function wordPart(word: ShellWord, index: number, value: string): WordPart {
  const shift = word.raw === word.value ? 0 : quotedOffset(word);
  if (shift !== null) {
    const start = word.start + shift + index;
    return part(word, value, start, start + value.length);
  }
  const raw = word.raw.indexOf(value);
  if (raw >= 0 && word.raw.indexOf(value, raw + 1) < 0)
    return part(word, value, word.start + raw, word.start + raw + value.length);
  return part(word, value, word.start, word.end);
}

function whole(w: ShellWord): WordPart {
  return wordPart(w, 0, w.value);
}

/** The part of a word after `from` characters of its value. */
function tail(w: ShellWord, from: number): WordPart {
  return wordPart(w, from, w.value.slice(from));
}

/** Shells that run a script read from standard input or from `-c`. */
export const shells = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);

/** True when the command is a shell (`sh`, `/bin/bash`…). */
export function isShell(command: ShellCommand): boolean {
  return command.base !== null && shells.has(command.base);
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
