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
  args: readonly ShellWord[];
  /** The operator that joins this command to the previous one (`&&`, `||`, `;`, `|`, `&`, newline), or null. */
  operator: string | null;
  /** True when the command runs under `sudo`. */
  sudo: boolean;
  /** The redirections (`> file`, `2>&1`, `<<EOF`…), which are not part of `words`. */
  redirects: readonly ShellRedirect[];
  /**
   * Where the command starts: at its first word or redirection after the reserved words that open or close the
   * compound commands around it (`then rm -rf x` starts at `rm`).
   */
  start: number;
  end: number;
}

/** A redirection such as `2>&1`, `> /dev/null` or `<<EOF`. */
export interface ShellRedirect {
  /** The operator without its file descriptor, e.g. `>`, `>>`, `>&`, `<<`, `<<-`. */
  op: string;
  /** The file descriptor written before the operator (2 in `2>&1`), or null when there is none. */
  fd: number | null;
  /** The word after the operator (the file, the descriptor or the heredoc delimiter), or null at the end. */
  target: ShellWord | null;
  start: number;
  end: number;
}

/**
 * The shell's reserved words that open, continue or close a compound command (`if … then … fi`, `{ …; }`, `! …`):
 * grammar around a simple command, not part of it.
 */
const RESERVED: ReadonlySet<string> = new Set([
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
  "case",
  "esac",
  "!",
  "{",
  "}",
]);

/**
 * Words read before a command's name: the reserved words, the `in` of a `for` or `case` header, and the prefixes
 * that run the command after them (`time`, `exec`, `command`, `builtin`, `nohup`).
 */
const KEYWORDS: ReadonlySet<string> = new Set([
  ...RESERVED,
  "in",
  "time",
  "exec",
  "command",
  "builtin",
  "nohup",
]);

/**
 * The commands a shell reader has read so far, and the words and redirections of the one it is reading: the one
 * accumulator of the POSIX lexer and the PowerShell and cmd readers, which differ only in how they make a command of
 * its words (`make`, a module-level function). Words and redirections are gathered in arrays reused from command to
 * command and copied out at the exact length, so that a command does not keep the slack of a growing array.
 * An object literal (`commandList`) read by functions rather than a class: V8 keeps the hidden class of a literal
 * with the code that makes it, while that of a class's instances goes with the last instance at a full GC, and
 * the optimized code of every function that read one with it.
 */
export interface CommandList {
  readonly commands: ShellCommand[];
  readonly words: ShellWord[];
  wordCount: number;
  readonly redirects: ShellRedirect[];
  redirectCount: number;
  /** The operator before the command being read. */
  operator: string | null;
  readonly make: (words: ShellWord[], redirects: ShellRedirect[], operator: string | null) => ShellCommand;
}

/** An empty command list whose commands `make` makes. */
export function commandList(make: CommandList["make"]): CommandList {
  return { commands: [], words: [], wordCount: 0, redirects: [], redirectCount: 0, operator: null, make };
}

/** Adds a word to the command being read. */
export function addWord(list: CommandList, word: ShellWord): void {
  list.words[list.wordCount++] = word;
}

/** Adds a redirection to the command being read. */
export function addRedirect(list: CommandList, redirect: ShellRedirect): void {
  list.redirects[list.redirectCount++] = redirect;
}

/** Ends the command being read (if it has a word or a redirection); `next` is the operator before the next one. */
export function endCommand(list: CommandList, next: string | null): void {
  if (list.wordCount > 0 || list.redirectCount > 0) {
    const words = list.words.slice(0, list.wordCount);
    const redirects = list.redirectCount > 0 ? list.redirects.slice(0, list.redirectCount) : none;
    list.wordCount = 0;
    list.redirectCount = 0;
    list.commands.push(list.make(words, redirects, list.operator));
  }
  list.operator = next;
}

/**
 * Splits a shell script (a RUN command) into simple commands. It is a lexer, not a full shell parser: it knows
 * quoting, escapes, `$(…)`, backquotes, `${…}`, comments, command separators and subshell parentheses, which is
 * what rules need to find commands and their arguments without being fooled by text inside quotes.
 */
export function parseShell(script: string): ShellCommand[] {
  return lex(script, 0);
}

/** `parseShell` of a piece of a script that starts at `offset` in it: offsets are those of the whole script. */
function lex(script: string, offset: number): ShellCommand[] {
  const list = commandList(makeCommand);
  const n = script.length;
  let i = 0;
  while (i < n) {
    const code = script.charCodeAt(i);
    if (code === SPACE || code === TAB || code === CR) {
      i++;
    } else if (code === BACKSLASH && script.charCodeAt(i + 1) === NEWLINE) {
      i += 2;
    } else if (code === NEWLINE) {
      endCommand(list, list.wordCount > 0 ? "\n" : list.operator);
      i++;
    } else if (code === HASH) {
      const eol = script.indexOf("\n", i);
      i = eol < 0 ? n : eol;
    } else {
      // Cheap first-character tests keep the redirection and operator readers off the common path (plain words).
      const redirect = code < 128 && CHARS[code]! & REDIRECT_START ? readRedirect(script, i, offset) : null;
      if (redirect) {
        addRedirect(list, redirect);
        i = redirect.end - offset;
        continue;
      }
      const op = code < 128 && CHARS[code]! & OPERATOR_START ? operatorAt(script, i, code) : null;
      if (op !== null) {
        // `name()` opens a function definition, which runs nothing: the name is no command (the body's are).
        const close = op === "(" && list.wordCount === 1 ? emptyParens(script, i) : -1;
        if (close >= 0) {
          list.wordCount = 0;
          i = close + 1;
          continue;
        }
        endCommand(list, op === "(" || op === ")" ? (list.wordCount > 0 ? ";" : list.operator) : op);
        i += op.length;
        continue;
      }
      const word = readWord(script, i, offset);
      // `function name`, bash's way to open a definition: neither word is a command.
      if (list.wordCount === 1 && list.words[0]!.raw === "function") list.wordCount = 0;
      else addWord(list, word);
      i = word.end - offset;
    }
  }
  endCommand(list, null);
  return list.commands;
}

/** The index of the `)` of a `()` (blanks allowed inside) opening at `open`, or -1. */
function emptyParens(script: string, open: number): number {
  let j = open + 1;
  while (script.charCodeAt(j) === SPACE || script.charCodeAt(j) === TAB) j++;
  return script.charCodeAt(j) === CLOSE_PAREN ? j : -1;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const NEWLINE = 10;
const BACKSLASH = 92;
const HASH = 35;
const DOLLAR = 36;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKQUOTE = 96;
const OPEN_PAREN = 40;
const EQUALS = 61;
const ARRAY_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;
const CLOSE_PAREN = 41;
const OPEN_BRACE = 123;
const LESS = 60;
const GREATER = 62;
const AMPERSAND = 38;
const PIPE = 124;
const SEMICOLON = 59;
const DASH = 45;

/** Ends a word: blanks, newlines, `;`, `&`, `|`, `(`, `)`. */
const WORD_END = 1;
/** `<` and `>`, which end a word unless they start it or open a process substitution. */
const ANGLE = 2;
/** Starts quoting, an escape or a substitution inside a word: quotes, backslash, backquote, `$`. */
const QUOTING = 4;
/** Can start a redirection: digits, `<`, `>`, `&`. */
const REDIRECT_START = 8;
/** Can start an operator: `;`, `|`, `&`, `(`, `)`. */
const OPERATOR_START = 16;
/** What each ASCII character is to the lexer (a bit set of the classes above); other characters are ordinary. */
const CHARS = new Uint8Array(128);
for (const c of " \t\n\r;&|()") CHARS[c.charCodeAt(0)]! |= WORD_END;
for (const c of "<>") CHARS[c.charCodeAt(0)]! |= ANGLE;
for (const c of "'\"\\`$") CHARS[c.charCodeAt(0)]! |= QUOTING;
for (const c of "0123456789<>&") CHARS[c.charCodeAt(0)]! |= REDIRECT_START;
for (const c of ";|&()") CHARS[c.charCodeAt(0)]! |= OPERATOR_START;
/** Characters that end a run of ordinary characters inside a word. */
const SPECIAL = WORD_END | ANGLE | QUOTING;

/** The operator (`&&`, `||`, `;;`, `|&`, `;`, `|`, `&`, `(`, `)`) at `i`, whose first character is `code`. */
function operatorAt(s: string, i: number, code: number): string | null {
  const next = s.charCodeAt(i + 1);
  if (code === AMPERSAND) return next === AMPERSAND ? "&&" : "&";
  if (code === PIPE) return next === PIPE ? "||" : next === AMPERSAND ? "|&" : "|";
  if (code === SEMICOLON) return next === SEMICOLON ? ";;" : ";";
  if (code === OPEN_PAREN) return "(";
  return code === 41 ? ")" : null;
}

/**
 * The redirection operator at `i` (after any file descriptor digits): `<<<`, `<<-`, `<<`, `<>`, `<&`, `>&`, `>>`,
 * `>|`, `&>>`, `&>`, `<` or `>`; null when there is none.
 */
function redirectOperator(s: string, i: number): string | null {
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  if (c === LESS) {
    if (d === LESS) {
      const e = s.charCodeAt(i + 2);
      return e === LESS ? "<<<" : e === DASH ? "<<-" : "<<";
    }
    return d === GREATER ? "<>" : d === AMPERSAND ? "<&" : "<";
  }
  if (c === GREATER) return d === AMPERSAND ? ">&" : d === GREATER ? ">>" : d === PIPE ? ">|" : ">";
  if (c === AMPERSAND && d === GREATER) return s.charCodeAt(i + 2) === GREATER ? "&>>" : "&>";
  return null;
}

/** Reads a redirection (with its optional fd number and its target word) at `start`, or returns null. */
function readRedirect(s: string, start: number, offset: number): ShellRedirect | null {
  let i = start;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const op = redirectOperator(s, i);
  if (op === null) return null;
  const fd = i > start ? Number(s.slice(start, i)) : null;
  i += op.length;
  const opEnd = i;
  while (s.charCodeAt(i) === SPACE || s.charCodeAt(i) === TAB) i++;
  const next = s.charCodeAt(i);
  // No target at the end or before a newline, an operator or another redirection.
  const target =
    i >= s.length || (next < 128 && CHARS[next]! & (OPERATOR_START | ANGLE)) || next === NEWLINE
      ? null
      : readWord(s, i, offset);
  return { op, fd, target, start: start + offset, end: target ? target.end : opEnd + offset };
}

/** Keywords and `NAME=value` assignments before a command name, and `sudo` with its options, are skipped. */
function makeCommand(words: ShellWord[], redirects: ShellRedirect[], operator: string | null): ShellCommand {
  let k = 0;
  let sudo = false;
  while (k < words.length) {
    const w = words[k]!.value;
    if (KEYWORDS.has(w) || isAssignment(w)) {
      k++;
      continue;
    }
    if (w === "sudo") {
      sudo = true;
      k++;
      // Skip sudo's own options, e.g. `sudo -u app cmd`.
      while (k < words.length && words[k]!.value.startsWith("-")) {
        const v = words[k]!.value;
        k += v.length === 2 && "ugCDhpr".includes(v[1]!) ? 2 : 1;
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
    args: k + 1 < words.length ? words.slice(k + 1) : none,
    operator,
    sudo,
    redirects,
    start: spanStart(words, redirects),
    end: spanEnd(words, redirects),
  };
}

/**
 * The one empty list that commands without arguments or redirections share (most have no redirection): nothing
 * changes a command's lists after the lexer made them.
 */
const none: never[] = [];

/**
 * Where a command starts: its first word after the leading reserved words (`then`, `do`, `{`…) or its first
 * redirection, whichever comes first. A command of reserved words alone (`fi`, `} > f`) starts at its first word.
 */
function spanStart(words: readonly ShellWord[], redirects: readonly ShellRedirect[]): number {
  if (words.length === 0) return redirects[0]!.start;
  let k = 0;
  while (k < words.length && RESERVED.has(words[k]!.raw)) k++;
  const first = words[k] ?? words[0]!;
  return redirects.length === 0 ? first.start : Math.min(first.start, redirects[0]!.start);
}

/** Where a command ends: its last word or redirection, whichever ends last. */
function spanEnd(words: readonly ShellWord[], redirects: readonly ShellRedirect[]): number {
  if (words.length === 0) return redirects[redirects.length - 1]!.end;
  const end = words[words.length - 1]!.end;
  return redirects.length === 0 ? end : Math.max(end, redirects[redirects.length - 1]!.end);
}

/** True when the word starts with `NAME=` or `NAME+=` (a variable assignment before a command). */
function isAssignment(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 61) return i > 0;
    if (c === 43 && w.charCodeAt(i + 1) === 61) return i > 0;
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return false;
}

/**
 * Reads the word at `start`. A word of ordinary characters (the common case) is one slice that serves as both its
 * value and its raw text; only a word with quotes, escapes or substitutions is read piece by piece.
 */
function readWord(s: string, start: number, offset: number): ShellWord {
  const n = s.length;
  let i = start;
  // `<` or `>` that starts a word is part of it.
  let code = s.charCodeAt(i);
  if (code === LESS || code === GREATER) i++;
  for (; i < n; i++) {
    code = s.charCodeAt(i);
    if (code >= 128) continue;
    const kind = CHARS[code]!;
    if ((kind & SPECIAL) === 0) continue;
    // bash's array assignment, `NAME=(a b)` or `NAME+=(…)`, one word however many lines its list takes.
    if (code === OPEN_PAREN && s.charCodeAt(i - 1) === EQUALS && ARRAY_ASSIGNMENT.test(s.slice(start, i))) {
      i = balanced(s, i, "(", ")") - 1;
      continue;
    }
    if (kind & WORD_END) break;
    // `<` and `>` end a word (`a>b` is `a` redirected to `b`), except for `<(` and `>(` process substitution.
    if (kind & ANGLE) {
      if (s.charCodeAt(i + 1) === OPEN_PAREN) continue;
      break;
    }
    // `$NAME` is ordinary text; `$(` and `${` are read with their brackets.
    if (code === DOLLAR && s.charCodeAt(i + 1) !== OPEN_PAREN && s.charCodeAt(i + 1) !== OPEN_BRACE) continue;
    return readQuotedWord(s, start, i, offset);
  }
  const text = wordText(s, start, i);
  return { value: text, raw: text, start: start + offset, end: i + offset };
}

/**
 * Short words read lately, by a hash of their characters: a word spelled as one of them is that string rather
 * than a new slice. Scripts repeat their words (`-y`, `&&`, `install`; a generated RUN the same few 100,000 times),
 * and a slice of fewer than 13 characters is a copy of its own that lives as long as the split.
 */
const recentWords: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);

/** `s.slice(start, end)`, or the same text read lately. */
function wordText(s: string, start: number, end: number): string {
  const length = end - start;
  // Longer slices share the script's characters.
  if (length > 12) return s.slice(start, end);
  let hash = length;
  for (let i = start; i < end; i++) hash = (hash * 31 + s.charCodeAt(i)) | 0;
  const slot = hash & 255;
  const known = recentWords[slot];
  if (known !== undefined && known.length === length && s.startsWith(known, start)) return known;
  return (recentWords[slot] = s.slice(start, end));
}

/** Reads the rest of a word from `from`, where quoting, an escape or a substitution starts. */
function readQuotedWord(s: string, start: number, from: number, offset: number): ShellWord {
  const n = s.length;
  let value = s.slice(start, from);
  let i = from;
  while (i < n) {
    const code = s.charCodeAt(i);
    const kind = code < 128 ? CHARS[code]! : 0;
    if (kind & WORD_END) break;
    if (kind & ANGLE && i > start && s.charCodeAt(i + 1) !== OPEN_PAREN) break;
    if (code === SINGLE_QUOTE) {
      const close = s.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      value += s.slice(i + 1, end);
      i = end + 1;
    } else if (code === DOUBLE_QUOTE) {
      i++;
      // Runs of literal text are copied at once; a backslash is dropped before `"`, `$`, backquote, a backslash and a newline.
      let run = i;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === DOUBLE_QUOTE) break;
        if (c === BACKSLASH && i + 1 < n && escapableInDoubleQuotes(s.charCodeAt(i + 1))) {
          value += s.slice(run, i);
          if (s.charCodeAt(i + 1) !== NEWLINE) value += s[i + 1];
          i += 2;
          run = i;
        } else if (c === DOLLAR && s.charCodeAt(i + 1) === OPEN_PAREN) {
          i = balanced(s, i + 1, "(", ")");
        } else {
          i++;
        }
      }
      value += s.slice(run, Math.min(i, n));
      i++;
    } else if (code === BACKSLASH) {
      if (i + 1 < n && s.charCodeAt(i + 1) !== NEWLINE) value += s[i + 1];
      i += 2;
    } else if (
      code === DOLLAR &&
      (s.charCodeAt(i + 1) === OPEN_PAREN || s.charCodeAt(i + 1) === OPEN_BRACE)
    ) {
      const end = balanced(s, i + 1, s[i + 1]!, s[i + 1] === "(" ? ")" : "}");
      value += s.slice(i, end);
      i = end;
    } else if (code === BACKQUOTE) {
      const close = s.indexOf("`", i + 1);
      const end = close < 0 ? n : close + 1;
      value += s.slice(i, end);
      i = end;
    } else {
      // Copy a run of ordinary characters at once rather than one by one.
      let j = i + 1;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c < 128 && CHARS[c]! & SPECIAL) break;
        j++;
      }
      value += s.slice(i, j);
      i = j;
    }
  }
  const end = Math.min(i, n);
  // Only quotes and escapes are dropped from the value: when none were, the value is the raw text, so share it.
  return {
    value,
    raw: value.length === end - start ? value : s.slice(start, end),
    start: start + offset,
    end: end + offset,
  };
}

/** `"`, `$`, backquote, backslash and newline: what a backslash escapes inside double quotes. */
function escapableInDoubleQuotes(code: number): boolean {
  return (
    code === DOUBLE_QUOTE || code === BACKSLASH || code === DOLLAR || code === BACKQUOTE || code === NEWLINE
  );
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

/**
 * A brace group `{ …; }` or a subshell `( … )` around commands: where its output goes, which is where the output of
 * each command inside goes unless the command sends its own elsewhere.
 */
export interface ShellGroup {
  /** The group's redirections, written after its `}` or `)`. */
  redirects: readonly ShellRedirect[];
  /** The command after the group: with the operator `|` it reads the group's output. */
  next: ShellCommand | null;
}

/**
 * The brace groups and subshells that hold `commands[index]`, innermost first (`commands` is `parseShell(script)`).
 * A `case` pattern's `)` closes no subshell; a group whose end is not found (a script cut short) is left out.
 */
export function enclosingGroups(
  script: string,
  commands: readonly ShellCommand[],
  index: number,
): ShellGroup[] {
  // `{` (and `case`, whose patterns end in `)`) are words of a command; subshell parentheses lie between commands.
  type Opener = { kind: "{" | "(" | "case" };
  const open: Opener[] = [];
  let around: Set<Opener> | null = null;
  const groups: ShellGroup[] = [];
  /** Closes the innermost opener if it is a `kind`; true when it held the command asked about. */
  const close = (kind: "{" | "("): boolean => {
    if (open[open.length - 1]?.kind !== kind) return false;
    return around?.delete(open.pop()!) ?? false;
  };
  for (let i = 0; i <= commands.length && around?.size !== 0; i++) {
    const command = commands[i];
    // The operators and parentheses between the previous command and this one (or the end of the script).
    const from = i > 0 ? commands[i - 1]!.end : 0;
    const gap = script.slice(from, command ? command.start : script.length);
    for (let k = 0; k < gap.length; k++) {
      const c = gap[k];
      if (c === "#") {
        const eol = gap.indexOf("\n", k);
        k = eol < 0 ? gap.length : eol;
      } else if (c === "(") {
        open.push({ kind: "(" });
      } else if (c === ")" && close("(")) {
        // `( … ) > f`: the redirections after the `)` make a command of their own.
        const own =
          command !== undefined &&
          command.words.length === 0 &&
          /^[ \t]*$/.test(gap.slice(k + 1).replace(/\\\n/g, ""));
        groups.push(
          own
            ? { redirects: command.redirects, next: commands[i + 1] ?? null }
            : { redirects: none, next: command ?? null },
        );
      }
    }
    if (!command) break;
    for (let k = 0; k < command.words.length && KEYWORDS.has(command.words[k]!.raw); k++) {
      const word = command.words[k]!.raw;
      if (word === "{" || word === "case") open.push({ kind: word });
      else if (word === "esac") {
        // Whatever the `case` left open closes with it.
        for (let o = open.pop(); o; o = o.kind === "case" ? undefined : open.pop()) around?.delete(o);
      } else if (word === "}" && close("{"))
        groups.push({
          redirects: command.name === null ? command.redirects : none,
          next: commands[i + 1] ?? null,
        });
    }
    if (i === index) around = new Set(open);
  }
  return groups;
}

/** The commands of a script whose name is one of `names` (e.g. `apt-get`). */
export function findCommands(commands: readonly ShellCommand[], ...names: string[]): ShellCommand[] {
  const found: ShellCommand[] = [];
  for (const c of commands) if (c.base !== null && names.includes(c.base)) found.push(c);
  return found;
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
  // Most scripts have no substitution at all: one scan of the script says so.
  if (script.includes("$(") || script.includes("`")) addSubstitutions(script, commands, result, 1);
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

/** Splits `script[from, to)` into commands with script offsets, adds it and its own substitutions; returns `to`. */
function substitution(
  script: string,
  from: number,
  to: number,
  result: ShellCommand[][],
  depth: number,
): number {
  const inner = lex(script.slice(from, to), from);
  if (inner.length > 0) {
    result.push(inner);
    if (depth < maxSubstitutionDepth) addSubstitutions(script, inner, result, depth + 1);
  }
  return to;
}

/**
 * Words whose command's status is tested, not failed on: the condition of `if`, `elif`, `while` and `until`, and a
 * pipeline negated by `!`. `set -e` stops on none of them, and pipefail would change their answer.
 */
export const testedBy: ReadonlySet<string> = new Set(["if", "elif", "while", "until", "!"]);

/** Every shell that runs a script from `-c` or standard input; the one list of them. */
export const shellNames: ReadonlySet<string> = new Set(["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"]);

/** The arguments the shell gets when the command runs one (`bash -ex`, `/bin/sh -c …`, `busybox sh -c …`), else null. */
export function shellArgs(command: ShellCommand): readonly ShellWord[] | null {
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

/**
 * True when a script ends by `exec`ing its program (`exec gunicorn app:app`, `cd /app && exec node server.js`): the
 * program then takes the shell's place as the process, and receives signals itself instead of running as the shell's
 * child. The last command must run in the shell itself: not after `||`, nor as part of a pipeline.
 */
export function execsLast(commands: readonly ShellCommand[]): boolean {
  const last = commands[commands.length - 1];
  if (last === undefined || last.name === null) return false;
  if (last.operator !== null && last.operator !== "&&" && last.operator !== ";" && last.operator !== "\n")
    return false;
  return last.words.find((w) => !isAssignment(w.value))?.value === "exec";
}

/** True when an exec-form argv starts a shell: `["sh", …]`, `["/bin/bash", …]` or `["busybox", "sh", …]`. */
export function runsShell(argv: readonly string[]): boolean {
  const first = basename(argv[0] ?? "");
  return shellNames.has(first) || (first === "busybox" && shellNames.has(argv[1] ?? ""));
}
