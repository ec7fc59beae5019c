import { programName } from "../dialect.js";
import { addWord, commandList, endCommand, type ShellCommand, type ShellWord } from "../lexer.js";

/**
 * Aliases of Windows PowerShell 5 and PowerShell 7 that rules care about, to the cmdlet they stand for. `curl` and
 * `wget` are only aliases in Windows PowerShell 5 (see `windowsOnly`); `curl.exe` is always the real curl.
 */
const aliases: Readonly<Record<string, string>> = {
  iwr: "invoke-webrequest",
  irm: "invoke-restmethod",
  iex: "invoke-expression",
  rm: "remove-item",
  ri: "remove-item",
  del: "remove-item",
  erase: "remove-item",
  rd: "remove-item",
  rmdir: "remove-item",
  cd: "set-location",
  sl: "set-location",
  chdir: "set-location",
  saps: "start-process",
  start: "start-process",
  echo: "write-output",
  write: "write-output",
  gc: "get-content",
  cat: "get-content",
  type: "get-content",
  ni: "new-item",
  curl: "invoke-webrequest",
  wget: "invoke-webrequest",
};
const windowsOnly = new Set(["curl", "wget"]);

/** Statement keywords: the command of `if (…) { … }` is inside the braces, not the keyword. */
const keywords = new Set([
  "if",
  "elseif",
  "else",
  "foreach",
  "for",
  "while",
  "do",
  "until",
  "switch",
  "try",
  "catch",
  "finally",
  "trap",
  "return",
  "throw",
  "exit",
  "function",
  "param",
  "begin",
  "process",
  "end",
]);

/** The cmdlet or program a PowerShell command word names: aliases resolved, lower case, no path or `.exe`. */
export function powershellName(word: string, windowsPowershell: boolean): string {
  const lower = word.toLowerCase();
  const alias = aliases[lower];
  if (alias && (windowsPowershell || !windowsOnly.has(lower))) return alias;
  return programName(lower);
}

/**
 * Splits a PowerShell script into commands (statements and pipeline elements). It is a reader for rules, not a
 * PowerShell parser: it knows the quoting (`'…'`, `"…"`, here-strings), the backtick escape and line continuation,
 * comments, `$(…)`, `@(…)`, `(…)`, `[…]` and `${…}` kept inside one word, and the separators `;`, `|`, `&&`, `||`,
 * line breaks and braces. A command's `base` is its cmdlet with aliases resolved (`iwr` → `invoke-webrequest`);
 * `$x = cmd …` is the command `cmd`, and the call operator (`& $exe …`) is skipped.
 */
export function parsePowershell(script: string, windowsPowershell = true): ShellCommand[] {
  const list = commandList(windowsPowershell ? windowsPowershellCommand : pwshCommand);
  const n = script.length;
  let i = 0;
  while (i < n) {
    const c = script[i]!;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "`" && (script[i + 1] === "\n" || script[i + 1] === "\r")) {
      i += script[i + 1] === "\r" && script[i + 2] === "\n" ? 3 : 2;
    } else if (c === "\n") {
      // A line ending in `|` continues the pipeline.
      if (list.wordCount > 0) endCommand(list, "\n");
      i++;
    } else if (c === "#") {
      while (i < n && script[i] !== "\n") i++;
    } else if (c === "<" && script[i + 1] === "#") {
      const close = script.indexOf("#>", i + 2);
      i = close < 0 ? n : close + 2;
    } else if (script.startsWith("&&", i) || script.startsWith("||", i)) {
      endCommand(list, script.slice(i, i + 2));
      i += 2;
    } else if (c === ";" || c === "|" || c === "{" || c === "}") {
      endCommand(list, c === "|" ? "|" : c === ";" ? ";" : list.wordCount > 0 ? ";" : list.operator);
      i++;
    } else {
      const word = readWord(script, i);
      addWord(list, word);
      i = Math.max(word.end, i + 1);
    }
  }
  endCommand(list, null);
  return list.commands;
}

/** A command of a Windows PowerShell 5 script (see `makeCommand`). */
function windowsPowershellCommand(words: ShellWord[], _: unknown, operator: string | null): ShellCommand {
  return makeCommand(words, operator, true);
}

/** A command of a PowerShell 7 script (see `makeCommand`). */
function pwshCommand(words: ShellWord[], _: unknown, operator: string | null): ShellCommand {
  return makeCommand(words, operator, false);
}

function makeCommand(words: ShellWord[], operator: string | null, windowsPowershell: boolean): ShellCommand {
  let k = 0;
  let call = false;
  for (;;) {
    const w = words[k];
    if (w === undefined) break;
    const lower = w.value.toLowerCase();
    if (keywords.has(lower)) {
      k++;
      // The condition of `if (…)` or `foreach ($x in $y)`.
      if (words[k]?.raw.startsWith("(")) k++;
    } else if (w.raw.startsWith("$") && /^[+\-*/]?=$/.test(words[k + 1]?.value ?? "")) {
      k += 2;
    } else if (lower === "&" || lower === ".") {
      call = true;
      k++;
    } else {
      break;
    }
  }
  // `$x = 'text'`, `$h = (Get-FileHash x).Hash`: an expression, not a command.
  const nameWord = words[k] && (call || !/^['"$@([\d]/.test(words[k]!.raw)) ? words[k] : undefined;
  return {
    words,
    name: nameWord ? nameWord.value : null,
    base: nameWord ? powershellName(nameWord.value, windowsPowershell) : null,
    args: words.slice(k + 1),
    operator,
    sudo: false,
    redirects: [],
    start: words[0]!.start,
    end: words[words.length - 1]!.end,
  };
}

/** Reads one word: quotes and escapes removed from `value`; sub-expressions and variables kept as written. */
function readWord(s: string, start: number): ShellWord {
  const n = s.length;
  let i = start;
  let value = "";
  while (i < n) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    if (code < 128 && CHARS[code]! & WORD_END) break;
    if (c === "&" && i > start) break;
    if (c === "`") {
      if (i + 1 < n && s[i + 1] !== "\n") value += escaped(s[i + 1]!);
      i += 2;
    } else if (c === "'") {
      // Runs of text are copied at once; `''` stands for one quote.
      let j = i + 1;
      for (;;) {
        const quote = s.indexOf("'", j);
        if (quote < 0) {
          value += s.slice(j);
          j = n;
          break;
        }
        value += s.slice(j, quote);
        if (s[quote + 1] !== "'") {
          j = quote;
          break;
        }
        value += "'";
        j = quote + 2;
      }
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && s[j] !== '"') {
        if (s[j] === "`" && j + 1 < n) {
          value += escaped(s[j + 1]!);
          j += 2;
        } else if (s[j] === "$" && s[j + 1] === "(") {
          const end = balanced(s, j + 1, "(", ")");
          value += s.slice(j, end);
          j = end;
        } else {
          // A run of literal text up to the next quote, escape or `$`, copied at once.
          let k = j + 1;
          while (k < n && s[k] !== '"' && s[k] !== "`" && s[k] !== "$") k++;
          value += s.slice(j, k);
          j = k;
        }
      }
      i = j + 1;
    } else if (
      c === "@" &&
      (s[i + 1] === "'" || s[i + 1] === '"') &&
      /^[ \t]*\r?\n/.test(s.slice(i + 2, i + 4))
    ) {
      // A here-string runs to a line starting with its closing quote and `@`.
      const close = s.indexOf(`\n${s[i + 1]}@`, i + 2);
      const end = close < 0 ? n : close + 3;
      value += s.slice(s.indexOf("\n", i) + 1, close < 0 ? n : close);
      i = end;
    } else if (c === "(" || c === "[" || (c === "$" && s[i + 1] === "(") || (c === "@" && s[i + 1] === "(")) {
      const open = c === "(" || c === "[" ? i : i + 1;
      const left = s[open]!;
      const end = balanced(s, open, left, left === "(" ? ")" : "]");
      value += s.slice(i, end);
      i = end;
    } else if (c === "$" && s[i + 1] === "{") {
      const close = s.indexOf("}", i + 2);
      const end = close < 0 ? n : close + 1;
      value += s.slice(i, end);
      i = end;
    } else {
      // This character, and the plain ones after it, copied at once rather than one by one.
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d < 128 && CHARS[d]! & (WORD_END | SPECIAL)) break;
        j++;
      }
      value += s.slice(i, j);
      i = j;
    }
  }
  const end = Math.min(i, n);
  return { value, raw: s.slice(start, end), start, end };
}

/** Ends a word: blanks, line breaks, `;`, `|`, braces. */
const WORD_END = 1;
/** Starts something other than plain text inside a word: `&`, backtick, quotes, `@`, brackets, `$`. */
const SPECIAL = 2;
/** What each ASCII character is to `readWord` (a bit set of the classes above); other characters are plain. */
const CHARS = new Uint8Array(128);
for (const c of " \t\r\n;|{}") CHARS[c.charCodeAt(0)]! |= WORD_END;
for (const c of "&`'\"@([$") CHARS[c.charCodeAt(0)]! |= SPECIAL;

function escaped(c: string): string {
  return c === "n" ? "\n" : c === "t" ? "\t" : c === "r" ? "\r" : c === "0" ? "\0" : c;
}

/** The offset just after the bracket that closes the one at `open`, skipping quoted text (or the end). */
function balanced(s: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "`") {
      i++;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === "`" && c === '"' ? 2 : 1;
      i = j;
    } else if (c === left) {
      depth++;
    } else if (c === right && --depth === 0) {
      return i + 1;
    }
  }
  return s.length;
}

/**
 * The value of a named parameter (`-OutFile x`, `-OutFile:x`), matched case-insensitively by any unambiguous
 * prefix of at least `min` characters of one of `names`; undefined when absent.
 */
export function parameter(command: ShellCommand, names: readonly string[], min = 2): ShellWord | undefined {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const m = /^-([A-Za-z]+)(:.*)?$/.exec(args[i]!.value);
    if (!m) continue;
    const given = m[1]!.toLowerCase();
    if (given.length < min || !abbreviates(given, names)) continue;
    if (m[2] !== undefined) {
      const word = args[i]!;
      const skip = m[0].length - m[2].length + 1;
      return { value: m[2].slice(1), raw: word.raw, start: word.start + skip, end: word.end };
    }
    return args[i + 1];
  }
  return undefined;
}

/** The arguments that are not parameters nor parameter values (the positional ones), given which take values. */
export function positionals(command: ShellCommand, switches: readonly string[] = []): ShellWord[] {
  const result: ShellWord[] = [];
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (/^-[A-Za-z]+$/.test(v)) {
      if (!abbreviates(v.slice(1).toLowerCase(), switches)) i++;
      continue;
    }
    if (/^-[A-Za-z]+:/.test(v)) continue;
    result.push(args[i]!);
  }
  return result;
}

/** `$env:NAME` and `${env:NAME}`: the environment variables a PowerShell text reads. */
export function powershellEnvNames(text: string): string[] {
  return [...text.matchAll(/\$\{?env:([A-Za-z_][A-Za-z0-9_]*)/gi)].map((m) => m[1]!);
}

/** Cmdlets and programs that download from a URL (aliases already resolved). */
export const powershellDownloaders: ReadonlySet<string> = new Set([
  "invoke-webrequest",
  "invoke-restmethod",
  "curl",
  "wget",
  "start-bitstransfer",
]);

/**
 * A download written inside an expression, e.g. `(New-Object Net.WebClient).DownloadString(…)` or `(iwr $u)`:
 * the name of what downloads, or null.
 */
export function downloadIn(text: string): string | null {
  const m =
    /\.(DownloadString|DownloadData|DownloadFile)\s*\(/i.exec(text) ??
    /(?:^|[\s(|;{])(iwr|irm|Invoke-WebRequest|Invoke-RestMethod)(?=[\s)]|$)/i.exec(text);
  return m ? m[1]! : null;
}

/** Cmdlets that run a string as PowerShell code. */
export function runsCode(command: ShellCommand): boolean {
  return command.base === "invoke-expression" || /\[scriptblock\]::create\(/i.test(command.name ?? "");
}

/** True when a parameter or switch (`-Force`, `-AsPlainText:$true`) is given, by any prefix of at least `min` letters. */
export function hasParameter(command: ShellCommand, names: readonly string[], min = 2): boolean {
  for (const a of command.args) {
    const m = /^-([A-Za-z]+)(?::.*)?$/.exec(a.value);
    const given = m?.[1]!.toLowerCase() ?? "";
    if (given.length >= min && abbreviates(given, names)) return true;
  }
  return false;
}

/** True when `given` (lower case) starts one of `names` in any case: PowerShell takes any prefix of a name. */
function abbreviates(given: string, names: readonly string[]): boolean {
  for (const name of names) if (name.toLowerCase().startsWith(given)) return true;
  return false;
}

/**
 * The commands inside the parenthesised expressions of a command's words (`-Password (ConvertTo-SecureString …)`,
 * `$(…)`, `@(…)`), nested ones included, with offsets in the same script.
 */
export function nestedCommands(command: ShellCommand, windowsPowershell = true): ShellCommand[] {
  const result: ShellCommand[] = [];
  for (const word of command.words) {
    const raw = word.raw;
    if (!raw.includes("(")) continue;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === "'" || raw[i] === '"') {
        const close = raw.indexOf(raw[i]!, i + 1);
        if (raw[i] === "'" || close < 0) {
          i = close < 0 ? raw.length : close;
          continue;
        }
      }
      if (raw[i] !== "(") continue;
      const end = balanced(raw, i, "(", ")");
      for (const read of parsePowershell(raw.slice(i + 1, end - 1), windowsPowershell)) {
        const c = shift(read, word.start + i + 1);
        result.push(c);
        for (const nested of nestedCommands(c, windowsPowershell)) result.push(nested);
      }
      i = end - 1;
    }
  }
  return result;
}

/** A command read from a piece of a script, with offsets `by` further on. */
function shift(command: ShellCommand, by: number): ShellCommand {
  const words: ShellWord[] = [];
  for (const w of command.words)
    words.push({ value: w.value, raw: w.raw, start: w.start + by, end: w.end + by });
  return {
    words,
    name: command.name,
    base: command.base,
    args: words.slice(words.length - command.args.length),
    operator: command.operator,
    sudo: command.sudo,
    redirects: command.redirects,
    start: command.start + by,
    end: command.end + by,
  };
}

const DOWNLOAD_FILE = /\.DownloadFile/i;

/**
 * The file a PowerShell command downloads to, as written: `Invoke-WebRequest … -OutFile x` (and its aliases),
 * `Start-BitsTransfer … -Destination x`, `(New-Object Net.WebClient).DownloadFile(url, 'x')`; null otherwise.
 * The real `curl.exe` and `wget` are read by `downloadTarget` in `curl.ts`.
 */
export function powershellDownloadTarget(command: ShellCommand): string | null {
  if (command.base === "invoke-webrequest" || command.base === "invoke-restmethod")
    return parameter(command, ["OutFile"])?.value ?? null;
  if (command.base === "start-bitstransfer")
    return parameter(command, ["Destination"])?.value ?? positionals(command)[1]?.value ?? null;
  // `.DownloadFile` has no blank, so it lies inside one word: most commands are passed over without a join.
  if (!command.words.some((w) => DOWNLOAD_FILE.test(w.raw))) return null;
  const text = command.words.map((w) => w.raw).join(" ");
  const m = /\.DownloadFile\s*\(\s*(?:[^,()]|\([^()]*\))+,\s*(['"]?)([^'")]+)\1\s*\)/i.exec(text);
  return m ? m[2]! : null;
}

/** The paths `Remove-Item` (or `rm`, `del`, `rd`…) removes: its `-Path`/`-LiteralPath` or positional paths. */
export function powershellRemovals(command: ShellCommand): string[] {
  if (command.base !== "remove-item") return [];
  const named = [parameter(command, ["Path"], 1), parameter(command, ["LiteralPath"])].filter(
    (w): w is ShellWord => w !== undefined,
  );
  const words = named.length > 0 ? named : positionals(command, removeItemSwitches).slice(0, 1);
  return words
    .flatMap((w) => w.value.split(","))
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

const removeItemSwitches = ["Recurse", "Force", "Confirm", "WhatIf", "Verbose"];
