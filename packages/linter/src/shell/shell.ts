/** A shell word: its text with quotes and escapes removed, and where it stands in the script. */
export interface ShellWord {
  /** Quotes and backslash escapes removed; `$VAR`, `$(…)` and backquotes are kept as written. */
  value: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

/** One simple command of a shell script, e.g. `apt-get install -y curl`. */
export interface ShellCommand {
  /** Every word, leading `VAR=value` assignments and shell keywords included. */
  words: ShellWord[];
  /** The command name (first word after assignments, `sudo`-free), or null when there is none. */
  name: string | null;
  /** The command name without its directory (`/usr/bin/apt-get` → `apt-get`), or null. */
  base: string | null;
  /** The words after the command name. */
  args: ShellWord[];
  /** The operator that joins this command to the previous one (`&&`, `||`, `;`, `|`, `&`, newline), or null. */
  operator: string | null;
  /** True when the command runs under `sudo`. */
  sudo: boolean;
  /** The redirections (`> file`, `2>&1`, `<<EOF`…), which are not part of `words`. */
  redirects: ShellRedirect[];
  start: number;
  end: number;
}

/** A redirection such as `2>&1`, `> /dev/null` or `<<EOF`. */
export interface ShellRedirect {
  /** The operator without its file descriptor, e.g. `>`, `>>`, `>&`, `<<`, `<<-`. */
  op: string;
  /** The word after the operator (the file, the descriptor or the heredoc delimiter), or null at the end. */
  target: ShellWord | null;
  start: number;
  end: number;
}

const KEYWORDS = new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "while",
  "until",
  "for",
  "in",
  "case",
  "esac",
  "!",
  "{",
  "}",
  "time",
  "exec",
  "command",
  "builtin",
  "nohup",
]);

/**
 * Splits a shell script (a RUN command) into simple commands. It is a lexer, not a full shell parser: it knows
 * quoting, escapes, `$(…)`, backquotes, `${…}`, comments, command separators and subshell parentheses, which is
 * what rules need to find commands and their arguments without being fooled by text inside quotes.
 */
export function parseShell(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let redirects: ShellRedirect[] = [];
  let operator: string | null = null;
  const flush = (next: string | null) => {
    if (words.length > 0 || redirects.length > 0) commands.push(makeCommand(words, redirects, operator));
    words = [];
    redirects = [];
    operator = next;
  };
  const n = script.length;
  let i = 0;
  while (i < n) {
    const code = script.charCodeAt(i);
    if (code === 32 || code === 9 || code === 13) {
      i++;
      continue;
    }
    const c = script[i]!;
    if (c === "\\" && script[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "\n") {
      flush(words.length > 0 ? "\n" : operator);
      i++;
      continue;
    }
    if (c === "#") {
      while (i < n && script[i] !== "\n") i++;
      continue;
    }
    // Cheap first-character tests keep the regexes off the common path (plain words).
    const redirect = REDIRECT_START.includes(c) ? readRedirect(script, i) : null;
    if (redirect) {
      redirects.push(redirect);
      i = redirect.end;
      continue;
    }
    if (OPERATOR_START.includes(c)) {
      OPERATOR.lastIndex = i;
      const op = OPERATOR.exec(script)![0];
      flush(op === "(" || op === ")" ? (words.length > 0 ? ";" : operator) : op);
      i += op.length;
      continue;
    }
    const word = readWord(script, i);
    words.push(word);
    i = word.end;
  }
  flush(null);
  return commands;
}

const REDIRECT = /(\d*)(<<<|<<-|<<|<>|<&|>&|>>|>\||&>>|&>|<|>)/y;
const REDIRECT_START = "0123456789<>&";
const OPERATOR = /&&|\|\||;;|\|&|[;|&()]/y;
const OPERATOR_START = ";|&()";

/** Reads a redirection (with its optional fd number and its target word) at `start`, or returns null. */
function readRedirect(s: string, start: number): ShellRedirect | null {
  REDIRECT.lastIndex = start;
  const m = REDIRECT.exec(s);
  if (!m) return null;
  let i = start + m[0].length;
  while (s[i] === " " || s[i] === "\t") i++;
  const next = s[i];
  const target = next === undefined || "\n;&|()<>".includes(next) ? null : readWord(s, i);
  return { op: m[2]!, target, start, end: target ? target.end : start + m[0].length };
}

function makeCommand(words: ShellWord[], redirects: ShellRedirect[], operator: string | null): ShellCommand {
  let k = 0;
  let sudo = false;
  while (k < words.length) {
    const w = words[k]!.value;
    if (KEYWORDS.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      k++;
      continue;
    }
    if (w === "sudo") {
      sudo = true;
      k++;
      // Skip sudo's own options, e.g. `sudo -u app cmd`.
      while (k < words.length && words[k]!.value.startsWith("-")) {
        k += /^-[ugCDhpr]$/.test(words[k]!.value) ? 2 : 1;
      }
      continue;
    }
    break;
  }
  const nameWord = words[k];
  return {
    words,
    name: nameWord ? nameWord.value : null,
    base: nameWord ? basename(nameWord.value) : null,
    args: words.slice(k + 1),
    operator,
    sudo,
    redirects,
    start: Math.min(words[0]?.start ?? Infinity, redirects[0]?.start ?? Infinity),
    end: Math.max(words[words.length - 1]?.end ?? -1, redirects[redirects.length - 1]?.end ?? -1),
  };
}

/** Characters that end a word or start quoting, escaping or substitution inside one. */
const SPECIAL = new Set([..." \t\n\r;&|()<>'\"\\$`"].map((c) => c.charCodeAt(0)));

function readWord(s: string, start: number): ShellWord {
  let i = start;
  let value = "";
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (
      c === " " ||
      c === "\t" ||
      c === "\n" ||
      c === "\r" ||
      c === ";" ||
      c === "&" ||
      c === "|" ||
      c === "(" ||
      c === ")"
    ) {
      break;
    }
    // `<` and `>` end a word (`a>b` is `a` redirected to `b`), except for `<(` and `>(` process substitution.
    if ((c === "<" || c === ">") && i > start && s[i + 1] !== "(") break;
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      value += s.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < n && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < n && '"\\$`\n'.includes(s[i + 1]!)) {
          if (s[i + 1] !== "\n") value += s[i + 1];
          i += 2;
        } else if (s[i] === "$" && s[i + 1] === "(") {
          const end = balanced(s, i + 1, "(", ")");
          value += s.slice(i, end);
          i = end;
        } else {
          value += s[i++];
        }
      }
      i++;
    } else if (c === "\\") {
      if (i + 1 < n && s[i + 1] !== "\n") value += s[i + 1];
      i += 2;
    } else if (c === "$" && (s[i + 1] === "(" || s[i + 1] === "{")) {
      const end = balanced(s, i + 1, s[i + 1]!, s[i + 1] === "(" ? ")" : "}");
      value += s.slice(i, end);
      i = end;
    } else if (c === "`") {
      const close = s.indexOf("`", i + 1);
      const end = close < 0 ? n : close + 1;
      value += s.slice(i, end);
      i = end;
    } else {
      // Copy a run of ordinary characters at once rather than one by one.
      let j = i + 1;
      while (j < n && !SPECIAL.has(s.charCodeAt(j))) j++;
      value += s.slice(i, j);
      i = j;
    }
  }
  const end = Math.min(i, n);
  return { value, raw: s.slice(start, end), start, end };
}

/** The offset just after the bracket that closes the one at `open` (or the end of the text). */
function balanced(s: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      i++;
    } else if (c === "'" && left === "(") {
      const close = s.indexOf("'", i + 1);
      if (close < 0) return s.length;
      i = close;
    } else if (c === left) {
      depth++;
    } else if (c === right && --depth === 0) {
      return i + 1;
    }
  }
  return s.length;
}

/** The commands of a script whose name is one of `names` (e.g. `apt-get`). */
export function findCommands(commands: readonly ShellCommand[], ...names: string[]): ShellCommand[] {
  return commands.filter((c) => c.base !== null && names.includes(c.base));
}

/** `/usr/bin/apt-get` → `apt-get`. */
export function basename(name: string): string {
  const slash = name.lastIndexOf("/");
  return slash < 0 ? name : name.slice(slash + 1);
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
 * The script of a RUN as the shell sees it: the shell-form command, or the bodies of heredocs the command feeds
 * to the shell; exec form is returned as one command only when it runs a shell (`["sh", "-c", "…"]`).
 */
export function runScript(node: {
  form: "exec" | "shell" | "none";
  args: readonly { value: string }[];
  heredocs: readonly { body: string }[];
}): string {
  if (node.form === "shell") {
    const line = node.args[0]?.value ?? "";
    const bodies = node.heredocs.map((h) => h.body).join("\n");
    return bodies === "" ? line : `${line}\n${bodies}`;
  }
  if (node.form === "exec") {
    const argv = node.args.map((a) => a.value);
    const shell = argv[0] ? basename(argv[0]) : "";
    if (["sh", "bash", "ash", "dash", "zsh"].includes(shell)) {
      const c = argv.indexOf("-c");
      if (c >= 0 && argv[c + 1] !== undefined) return argv[c + 1]!;
    }
    return argv.map((a) => (/[\s"'$\\;&|]/.test(a) ? `'${a.replaceAll("'", "'\\''")}'` : a)).join(" ");
  }
  return "";
}

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

const SHELLS = ["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"];

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
  // Every RUN rule reads the same script: split it once per node and lint run.
  let shell = shellCache.get(node);
  if (!shell) {
    shell = splitRun(node);
    shellCache.set(node, shell);
  }
  return shell;
}

const shellCache = new WeakMap<RunLike, RunShell>();

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
    const shell = argv[0] ? basename(argv[0]) : "";
    const c = argv.indexOf("-c");
    if (SHELLS.includes(shell) && c >= 0 && node.args[c + 1]) {
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
    if (!SHELLS.includes(program)) return false;
  }
  for (const command of line) {
    const fed = command.redirects.some((r) => (r.op === "<<" || r.op === "<<-") && r.target?.value === name);
    if (!fed) continue;
    if (command.name === null) return true;
    // `bash -ex <<EOF` reads the script from stdin; `bash script.sh <<EOF` does not.
    return SHELLS.includes(basename(command.name)) && command.args.every((a) => a.value.startsWith("-"));
  }
  return false;
}

/**
 * The operands of a command: its arguments without options, and without the values of the options listed in
 * `valueOptions` (`-t` or `--target-release`, written `-t x`, `-yt x`, `--target-release x` or `--target-release=x`;
 * single-dash long options such as Go's `-ldflags` are matched whole).
 * Everything after `--` is an operand.
 */
export function operands(command: ShellCommand, valueOptions: readonly string[] = []): ShellWord[] {
  const result: ShellWord[] = [];
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === "--") {
      result.push(...args.slice(i + 1));
      break;
    }
    if (valueOptions.includes(v)) {
      i++;
    } else if (/^-[A-Za-z0-9]{2,}$/.test(v)) {
      // In a cluster such as `-yt x`, only the last letter can take the next word as its value.
      if (valueOptions.includes(`-${v[v.length - 1]}`)) i++;
    } else if (v.startsWith("-") && v.length > 1) {
      // `--name=value`, `-ovalue` or an option without a value.
    } else {
      result.push(args[i]!);
    }
  }
  return result;
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

/** The word that names the command (`apt-get` in `sudo apt-get install`), or null when there is none. */
export function commandWord(command: ShellCommand): ShellWord | null {
  return command.name === null
    ? null
    : (command.words[command.words.length - command.args.length - 1] ?? null);
}

/**
 * The scripts of the command substitutions (`$(…)` and backquotes) inside the words and redirection targets of
 * `commands`, nested ones included, each split into commands with offsets in `script` (so `span` still applies).
 * Arithmetic `$((…))` and text inside single quotes are skipped.
 */
export function commandSubstitutions(script: string, commands: readonly ShellCommand[]): ShellCommand[][] {
  const result: ShellCommand[][] = [];
  const words = commands.flatMap((c) => [
    ...c.words,
    ...c.redirects.flatMap((r) => (r.target ? [r.target] : [])),
  ]);
  for (const word of words) {
    // Nearly every word has no substitution at all; only those that do are scanned.
    if (!word.raw.includes("$(") && !word.raw.includes("`")) continue;
    let quoted = false;
    for (let i = word.start; i < word.end; i++) {
      const c = script[i];
      if (c === "\\") {
        i++;
      } else if (c === '"') {
        quoted = !quoted;
      } else if (c === "'" && !quoted) {
        const close = script.indexOf("'", i + 1);
        i = close < 0 || close >= word.end ? word.end : close;
      } else if (c === "$" && script[i + 1] === "(" && script[i + 2] !== "(") {
        const end = Math.min(balanced(script, i + 1, "(", ")"), word.end);
        i = substitution(script, i + 2, script[end - 1] === ")" ? end - 1 : end, result) - 1;
      } else if (c === "`") {
        const close = script.indexOf("`", i + 1);
        const end = close < 0 || close >= word.end ? word.end : close;
        i = substitution(script, i + 1, end, result);
      }
    }
  }
  return result;
}

/** Splits `script[from, to)` into commands shifted to script offsets, adds it and its own substitutions; returns `to`. */
function substitution(script: string, from: number, to: number, result: ShellCommand[][]): number {
  const inner = parseShell(script.slice(from, to)).map((c) => shiftCommand(c, from));
  if (inner.length > 0) {
    result.push(inner);
    result.push(...commandSubstitutions(script, inner));
  }
  return to;
}

function shiftWord(word: ShellWord, by: number): ShellWord {
  return { ...word, start: word.start + by, end: word.end + by };
}

function shiftCommand(command: ShellCommand, by: number): ShellCommand {
  const words = command.words.map((w) => shiftWord(w, by));
  return {
    ...command,
    words,
    args: words.slice(words.length - command.args.length),
    redirects: command.redirects.map((r) => ({
      ...r,
      target: r.target ? shiftWord(r.target, by) : null,
      start: r.start + by,
      end: r.end + by,
    })),
    start: command.start + by,
    end: command.end + by,
  };
}
