/** A shell word: its text with quotes and escapes removed, and where it stands in the script. */
export interface ShellWord {
  /** Quotes and backslash escapes removed; `$VAR`, `$(…)` and backquotes are kept as written. */
  value: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

/** Something with script offsets: a shell word, a command or a part of a word. */
export interface ScriptSpan {
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
  // Only quotes and escapes are dropped from the value: when none were, the value is the raw text, so share it.
  return { value, raw: value.length === end - start ? value : s.slice(start, end), start, end };
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

/** The word that names the command (`apt-get` in `sudo apt-get install`), or null when there is none. */
export function commandWord(command: ShellCommand): ShellWord | null {
  return command.name === null
    ? null
    : (command.words[command.words.length - command.args.length - 1] ?? null);
}

/**
 * How deep `commandSubstitutions` splits substitutions nested in substitutions. Each level is read again in full by
 * the level that holds it, so nesting without bound costs the square of the script's length (16k levels of
 * `$(echo ` took 7 s) and overflowed the call stack near 4k levels; no real script nests a tenth as deep.
 */
const maxSubstitutionDepth = 32;

/**
 * The scripts of the command substitutions (`$(…)` and backquotes) inside the words and redirection targets of
 * `commands`, nested ones included (down to `maxSubstitutionDepth` levels), each split into commands with offsets
 * in `script` (so `span` still applies). Arithmetic `$((…))` and text inside single quotes are skipped.
 */
export function commandSubstitutions(script: string, commands: readonly ShellCommand[]): ShellCommand[][] {
  const result: ShellCommand[][] = [];
  addSubstitutions(script, commands, result, 1);
  return result;
}

/** Adds the command substitutions of `commands`, `depth` levels down, to `result`, each followed by its own. */
function addSubstitutions(
  script: string,
  commands: readonly ShellCommand[],
  result: ShellCommand[][],
  depth: number,
): void {
  for (const command of commands) {
    for (const word of command.words) wordSubstitutions(script, word, result, depth);
    for (const redirect of command.redirects)
      if (redirect.target) wordSubstitutions(script, redirect.target, result, depth);
  }
}

/** Adds the command substitutions of one word (see `commandSubstitutions`) to `result`. */
function wordSubstitutions(script: string, word: ShellWord, result: ShellCommand[][], depth: number): void {
  // Nearly every word has no substitution at all; only those that do are scanned.
  if (!word.raw.includes("$(") && !word.raw.includes("`")) return;
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
      i = substitution(script, i + 2, script[end - 1] === ")" ? end - 1 : end, result, depth) - 1;
    } else if (c === "`") {
      const close = script.indexOf("`", i + 1);
      const end = close < 0 || close >= word.end ? word.end : close;
      i = substitution(script, i + 1, end, result, depth);
    }
  }
}

/** Splits `script[from, to)` into commands shifted to script offsets, adds it and its own substitutions; returns `to`. */
function substitution(
  script: string,
  from: number,
  to: number,
  result: ShellCommand[][],
  depth: number,
): number {
  const inner = parseShell(script.slice(from, to)).map((c) => shiftCommand(c, from));
  if (inner.length > 0) {
    result.push(inner);
    if (depth < maxSubstitutionDepth) addSubstitutions(script, inner, result, depth + 1);
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

/** Every shell that runs a script from `-c` or standard input; the one list of them. */
export const shellNames: ReadonlySet<string> = new Set(["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"]);

/** The arguments the shell gets when the command runs one (`bash -ex`, `/bin/sh -c …`, `busybox sh -c …`), else null. */
export function shellArgs(command: ShellCommand): ShellWord[] | null {
  if (command.base === null) return null;
  if (shellNames.has(command.base)) return command.args;
  // busybox runs its applets by name: `busybox sh -c …` is `sh -c …`.
  if (command.base === "busybox" && shellNames.has(command.args[0]?.value ?? ""))
    return command.args.slice(1);
  return null;
}

/** True when the command is a shell (`sh`, `/bin/bash`, `busybox ash`…). */
export function isShell(command: ShellCommand): boolean {
  return shellArgs(command) !== null;
}

/** True when an exec-form argv starts a shell: `["sh", …]`, `["/bin/bash", …]` or `["busybox", "sh", …]`. */
export function runsShell(argv: readonly string[]): boolean {
  const first = basename(argv[0] ?? "");
  return shellNames.has(first) || (first === "busybox" && shellNames.has(argv[1] ?? ""));
}
