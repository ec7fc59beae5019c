import type { Cmd, Entrypoint, Instruction, Word } from "@hull/parser";
import { parseShell, type ShellCommand } from "../../shell/lexer.js";

/** The text an instruction expands or runs: its logical line and its heredoc bodies. */
export function textOf(node: Instruction): string {
  if (node.type === "Onbuild") return "";
  return node.heredocs.length === 0
    ? node.logical
    : `${node.logical}\n${node.heredocs.map((h) => h.body).join("\n")}`;
}

/** `"NAME"` or `'NAME'` -> `NAME`; the text between the quotes may hold line breaks. */
export function unquote(s: string): string {
  return s.replace(/^(["'])(.*)\1$/s, "$2");
}

// Commands that exist only inside a shell; in exec form they would not be found.
const shellOnly = new Set(
  ". : [[ ! { } alias bg break case cd command continue declare do done elif else esac eval exec exit export fc fg fi for function getopts hash if jobs let local readonly read return select set shift source then time times trap type typeset ulimit umask unalias unset until wait while".split(
    " ",
  ),
);

/**
 * The argv a one-line shell-form CMD or ENTRYPOINT runs when the shell does nothing to it but split its words and
 * remove their quotes, so that the exec form (`CMD nginx -g "daemon off;"` → `["nginx", "-g", "daemon off;"]`) runs
 * the same; null when the command needs the shell: a variable or a command substitution, an operator, a
 * redirection, a glob, `~`, a builtin, an assignment, a line break or a heredoc.
 */
export function execArgv(node: Cmd | Entrypoint): { word: Word; argv: string[] } | null {
  if (node.heredocs.length > 0 || node.args.length !== 1) return null;
  if (node.tokens.some((t) => t.kind !== "text" && t.kind !== "newline")) return null;
  const word = node.args[0]!;
  const commands = parseShell(word.value);
  if (commands.length !== 1) return null;
  const [command] = commands as [ShellCommand];
  if (command.redirects.length > 0 || command.name === null || shellOnly.has(command.name)) return null;
  // A leading `VAR=value` or a keyword is a word before the command's name.
  if (command.words.length !== command.args.length + 1) return null;
  if (!command.words.every((w) => literalWord(w.raw))) return null;
  return { word, argv: command.words.map((w) => w.value) };
}

/** True when the shell reads a word as written, but for its quotes and escapes: nothing to expand or match. */
function literalWord(raw: string): boolean {
  if (raw.startsWith("~")) return false;
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === "\\") i++;
    else if (c === "$" || c === "`") return false;
    else if (quote === '"') {
      if (c === '"') quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if ("*?[{}()<>|&;".includes(c)) return false;
  }
  return quote === null;
}
