import { programName } from "../dialect.js";
import {
  addRedirect,
  addWord,
  commandList,
  endCommand,
  type ShellCommand,
  type ShellRedirect,
  type ShellWord,
} from "../lexer.js";

/**
 * Splits a Windows cmd script (`cmd /S /C …`) into commands. A reader for rules, not a cmd parser: it knows double
 * quotes, the `^` escape, the separators `&`, `&&`, `||` and `|`, parentheses, and redirections; `%NAME%` stays in
 * the words as written. A command's `base` is the program in lower case without its path or `.exe`.
 */
export function parseCmd(script: string): ShellCommand[] {
  const list = commandList(makeCommand);
  const n = script.length;
  let i = 0;
  while (i < n) {
    const c = script[i]!;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "^" && script[i + 1] === "\n") {
      i += 2;
    } else if (c === "\n") {
      endCommand(list, list.wordCount > 0 ? "\n" : list.operator);
      i++;
    } else if (script.startsWith("&&", i) || script.startsWith("||", i)) {
      endCommand(list, script.slice(i, i + 2));
      i += 2;
    } else if (c === "&" || c === "|" || c === "(" || c === ")") {
      endCommand(list, c === "|" ? "|" : c === "&" ? "&" : list.wordCount > 0 ? "&" : list.operator);
      i++;
    } else if (/[<>]/.test(c) || (/\d/.test(c) && /^\d>/.test(script.slice(i, i + 2)))) {
      const m = /^(\d?)(>>|>&|<|>)/.exec(script.slice(i))!;
      let j = i + m[0].length;
      while (script[j] === " ") j++;
      const target = j < n && !"&|()\n".includes(script[j]!) ? readWord(script, j) : null;
      const fd = m[1] ? Number(m[1]) : null;
      addRedirect(list, { op: m[2]!, fd, target, start: i, end: target ? target.end : j });
      i = target ? target.end : j;
    } else {
      const word = readWord(script, i);
      addWord(list, word);
      i = Math.max(word.end, i + 1);
    }
  }
  endCommand(list, null);
  return list.commands;
}

function makeCommand(words: ShellWord[], redirects: ShellRedirect[], operator: string | null): ShellCommand {
  let k = 0;
  // `@echo off`, `call x.bat`: the program is after the prefix.
  while (words[k] && /^(?:call|@)$/i.test(words[k]!.value)) k++;
  const nameWord = words[k];
  const name = nameWord ? nameWord.value.replace(/^@/, "") : null;
  return {
    words,
    name,
    base: name === null ? null : programName(name),
    args: words.slice(k + 1),
    operator,
    sudo: false,
    redirects,
    start: Math.min(words[0]?.start ?? Infinity, redirects[0]?.start ?? Infinity),
    end: Math.max(words[words.length - 1]?.end ?? -1, redirects[redirects.length - 1]?.end ?? -1),
  };
}

function readWord(s: string, start: number): ShellWord {
  let i = start;
  let value = "";
  let quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"') {
      quoted = !quoted;
      i++;
      continue;
    }
    if (!quoted && (" \t\r\n&|()<>".includes(c) || (c === "^" && s[i + 1] === "\n"))) break;
    if (c === "^" && !quoted && i + 1 < s.length) {
      value += s[i + 1];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return { value, raw: s.slice(start, i), start, end: i };
}

/** `%NAME%`: the environment variables a cmd text reads (`%~dp0` and `%%i` loop variables left out). */
export function cmdEnvNames(text: string): string[] {
  return [...text.matchAll(/%([A-Za-z_][A-Za-z0-9_]*)(?::[^%]*)?%/g)].map((m) => m[1]!);
}

/** The paths a cmd `del`, `erase`, `rd` or `rmdir` removes (its operands, switches such as `/s /q` left out). */
export function cmdRemovals(command: ShellCommand): string[] {
  if (!["del", "erase", "rd", "rmdir"].includes(command.base ?? "")) return [];
  return command.args.map((a) => a.value).filter((v) => !v.startsWith("/"));
}
