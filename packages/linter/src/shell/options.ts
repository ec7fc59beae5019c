import type { ScriptSpan, ShellCommand, ShellWord } from "./lexer.js";

/**
 * How a tool's command line reads: the options that take their value in the next word (`-t x`,
 * `--target-release x`). Every other word starting with `-` is a flag, a cluster of flags (`-yq`) or an option with
 * its value attached (`--target-release=x`, `-ox`). Each tool in `tools/` declares one spec; rules never list options.
 */
export interface OptionSpec {
  readonly values: readonly string[];
  /** Words after `--` are handed to another program (`gem install x -- --with-opt`), so they are no operands. */
  readonly passesOn?: boolean;
}

/** A command line whose options take no separate value. */
export const noValueOptions: OptionSpec = { values: [] };

/** One command of a tool, read with the tool's option spec. */
export interface ToolCommand {
  command: ShellCommand;
  /** The sub-command (`install`, `add`, `mod`…): the first operand, or undefined for a bare call. */
  verb: ShellWord | undefined;
  /** The operands after the verb (packages, files, URLs), with their script offsets. */
  operands: ShellWord[];
}

/** The commands named `names`, each read with `spec` into its verb and operands. */
export function toolCommands(
  commands: readonly ShellCommand[],
  names: ReadonlySet<string> | readonly string[],
  spec: OptionSpec,
): ToolCommand[] {
  const result: ToolCommand[] = [];
  for (const command of commands) {
    const base = command.base;
    if (
      base === null ||
      !(names instanceof Set ? names.has(base) : (names as readonly string[]).includes(base))
    )
      continue;
    const all = operands(command, spec);
    result.push({ command, verb: all[0], operands: all.slice(1) });
  }
  return result;
}

/** True when the command has the flag, in long form (`--yes`, `--yes=…`) or inside a short cluster (`-qy`). */
export function hasFlag(command: ShellCommand, short: string | null, ...long: string[]): boolean {
  for (const w of command.args) {
    const v = w.value;
    if (v === "--") return false;
    if (v.startsWith("--")) {
      const name = v.slice(2).split("=")[0]!;
      if (long.includes(name)) return true;
    } else if (short !== null && /^-[A-Za-z0-9]+$/.test(v) && v.includes(short)) {
      return true;
    }
  }
  return false;
}

/** The first non-option argument (the sub-command of `apt-get install`, `npm ci`, `go mod download`…). */
export function subcommand(command: ShellCommand): string | null {
  for (const w of command.args) if (!w.value.startsWith("-")) return w.value;
  return null;
}

/**
 * The operands of a command: its arguments without options, and without the values of the options of `spec`
 * (`-t` or `--target-release`, written `-t x`, `-yt x`, `--target-release x` or `--target-release=x`;
 * single-dash long options such as Go's `-ldflags` are matched whole).
 * Everything after `--` is an operand, unless the spec hands it to another program (`passesOn`).
 */
export function operands(command: ShellCommand, spec: OptionSpec = noValueOptions): ShellWord[] {
  return argOperands(command.args, spec);
}

/** `operands` of a list of arguments (e.g. those after `python -m pip`). */
export function argOperands(args: readonly ShellWord[], spec: OptionSpec = noValueOptions): ShellWord[] {
  const valueOptions = optionSet(spec);
  const result: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v.charCodeAt(0) !== 45 || v.length === 1) {
      // Not an option (a lone `-` is an operand), unless the spec lists such a word as one.
      if (valueOptions.plain && valueOptions.names.has(v)) i++;
      else result.push(args[i]!);
    } else if (v === "--") {
      if (!spec.passesOn) for (let j = i + 1; j < args.length; j++) result.push(args[j]!);
      break;
    } else if (valueOptions.names.has(v)) {
      i++;
    } else if (isCluster(v)) {
      // In a cluster such as `-yt x`, only the last letter can take the next word as its value.
      if (valueOptions.names.size > 0 && valueOptions.names.has(`-${v[v.length - 1]}`)) i++;
    }
    // Else `--name=value`, `-ovalue` or an option without a value.
  }
  return result;
}

/** A spec's value options as a set, made once per spec; `plain` when one of them is not `-` and a letter or more. */
function optionSet(spec: OptionSpec): { names: ReadonlySet<string>; plain: boolean } {
  let set = optionSets.get(spec);
  if (!set) {
    set = { names: new Set(spec.values), plain: spec.values.some((v) => v.length < 2 || !v.startsWith("-")) };
    optionSets.set(spec, set);
  }
  return set;
}

const optionSets = new WeakMap<OptionSpec, { names: ReadonlySet<string>; plain: boolean }>();

/** `-` and two or more letters or digits: a cluster of short flags (`-yq`), `-ovalue`, or Go's `-ldflags`. */
function isCluster(v: string): boolean {
  if (v.length < 3) return false;
  for (let i = 1; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
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
 * without quoting or the raw text contains the value once, else the whole word (and for an empty value, which no
 * editor could show: `-p ''`).
 */
export function wordPart(word: ShellWord, index: number, value: string): WordPart {
  if (value === "") return part(word, value, word.start, word.end);
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
