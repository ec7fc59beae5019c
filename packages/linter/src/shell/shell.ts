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
  /** The words after the command name. */
  args: ShellWord[];
  /** The operator that joins this command to the previous one (`&&`, `||`, `;`, `|`, `&`, newline), or null. */
  operator: string | null;
  /** True when the command runs under `sudo`. */
  sudo: boolean;
  start: number;
  end: number;
}

const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "in", "case", "esac", "!", "{", "}", "time", "exec", "command", "builtin", "nohup"]);

/**
 * Splits a shell script (a RUN command) into simple commands. It is a lexer, not a full shell parser: it knows
 * quoting, escapes, `$(…)`, backquotes, `${…}`, comments, command separators and subshell parentheses, which is
 * what rules need to find commands and their arguments without being fooled by text inside quotes.
 */
export function parseShell(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let operator: string | null = null;
  const flush = (next: string | null) => {
    if (words.length > 0) commands.push(makeCommand(words, operator));
    words = [];
    operator = next;
  };
  const n = script.length;
  let i = 0;
  while (i < n) {
    const c = script[i]!;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && script[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "\n") {
      flush(words.length > 0 ? "\n" : operator);
      i++;
      continue;
    }
    if (c === "#" ) {
      while (i < n && script[i] !== "\n") i++;
      continue;
    }
    const op = /^(?:&&|\|\||;;|\|&|[;|&()])/.exec(script.slice(i, i + 2));
    if (op) {
      flush(op[0] === "(" || op[0] === ")" ? (words.length > 0 ? ";" : operator) : op[0]);
      i += op[0].length;
      continue;
    }
    const word = readWord(script, i);
    words.push(word);
    i = word.end;
  }
  flush(null);
  return commands;
}

function makeCommand(words: ShellWord[], operator: string | null): ShellCommand {
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
    args: words.slice(k + 1),
    operator,
    sudo,
    start: words[0]!.start,
    end: words[words.length - 1]!.end,
  };
}

function readWord(s: string, start: number): ShellWord {
  let i = start;
  let value = "";
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
      break;
    }
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
      value += c;
      i++;
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
  return commands.filter((c) => c.name !== null && names.includes(basename(c.name)));
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
