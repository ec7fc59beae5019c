import type { Heredoc, Run } from "@hull/parser";
import { defineRule } from "../rule.js";
import { activeShell } from "../shell/dialect.js";
import { basename, parseShell, type ShellCommand, testedBy } from "../shell/lexer.js";
import { parsePowershell } from "../shell/tools/powershell.js";

const posixShells = ["sh", "bash", "ash", "dash", "ksh", "mksh", "zsh", "busybox"];

/** `$ErrorActionPreference = 'Stop'`: PowerShell's `set -e` for cmdlets. */
const stopPreference = /\$ErrorActionPreference\s*=\s*(['"]?)Stop\1/i;

export default defineRule({
  id: "heredoc-without-set-e",
  title: "Start multi-command heredoc scripts with set -e",
  severity: "warning",
  fixable: "unsafe",
  docs: {
    rationale:
      "A `RUN <<EOF` script is run by `/bin/sh` without `-e`, so only the status of its last command counts: " +
      "when `apt-get update` fails and `apt-get install` after it succeeds from a stale index, or when a download fails before the last line, the build goes on with a broken layer. " +
      "A shell-form `RUN a && b` does not have this problem, but a heredoc of several lines does. " +
      "Start the script with `set -e` (or `set -eux`), give it a `#!` line with `-e`, or make the stage's `SHELL` run with `-e` " +
      '(`SHELL ["/bin/sh", "-ec"]`). The fix inserts `set -e` as the first line of the script.',
    limitations:
      "Scripts for other interpreters (a `#!` line for python) and for cmd are not checked. " +
      "A PowerShell heredoc script (under a PowerShell `SHELL`) has the same problem: a failing cmdlet writes an error and the script goes on, and only the last statement's status counts. " +
      "It is reported when it has several statements and neither the `SHELL` nor the script sets `$ErrorActionPreference = 'Stop'` before the second one; the fix inserts that line. " +
      "Even with it, the exit code of a native program (`curl.exe`, `msiexec`) is not checked.",
    bad: [
      `FROM debian:12
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
`,
    ],
    good: [
      `FROM debian:12
RUN <<EOF
set -eux
apt-get update
apt-get install -y curl
EOF
`,
      `FROM debian:12
RUN <<EOF
#!/bin/sh -e
apt-get update
apt-get install -y curl
EOF
`,
      `FROM debian:12
SHELL ["/bin/sh", "-ec"]
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
`,
      `FROM debian:12
RUN <<EOF
apt-get update && apt-get install -y curl
EOF
`,
      {
        description: "PowerShell stops at the first failing cmdlet when its SHELL sets the error preference.",
        code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN <<EOF
Invoke-WebRequest -Uri https://example.com/a.zip -OutFile a.zip
Expand-Archive a.zip C:\\a
EOF
`,
      },
    ],
  },
  messages: {
    noStop: () =>
      "This PowerShell heredoc script runs without $ErrorActionPreference = 'Stop', so a failing cmdlet before the last statement does not fail the build; set it first.",
    noErrexit: () =>
      "This heredoc script runs without set -e, so a failing command before the last one does not fail the build; start it with set -e.",
  },
  visitor: {
    Run(node, ctx) {
      if (ctx.isTrigger(node)) return;
      const active = activeShell(ctx.semantic, node);
      if (active.dialect === "powershell") {
        const heredoc = scriptHeredoc(node, true)?.heredoc;
        if (!heredoc || stopPreference.test(active.argv.join(" "))) return;
        if (!powershellFailsSilently(heredoc.body)) return;
        const at = heredoc.bodyRange.start.offset;
        const fix = { range: ctx.rangeOf(at, at), text: "$ErrorActionPreference = 'Stop'\n" };
        ctx.report({ at: heredoc.markerRange, fix }, "noStop");
        return;
      }
      if (active.dialect !== "posix" || errexitFlags(active.argv.slice(1))) return;
      const script = scriptHeredoc(node, false);
      if (!script) return;
      const { heredoc } = script;
      const shebang = /^#!\s*(\S+)(?:[ \t]+([^\n]*))?(?:\n|$)/.exec(heredoc.body);
      if (shebang) {
        const words = [shebang[1]!, ...(shebang[2] ?? "").split(/[ \t]+/).filter(Boolean)];
        const program = basename(words[0]!) === "env" ? (words[1] ?? "") : basename(words[0]!);
        if (!posixShells.includes(program) || errexitFlags(words.slice(1))) return;
      }
      const body = shebang ? heredoc.body.slice(shebang[0].length) : heredoc.body;
      if (!failsSilently(parseShell(body))) return;
      const at = heredoc.bodyRange.start.offset + (shebang ? shebang[0].length : 0);
      ctx.report(
        { at: heredoc.markerRange, fix: { range: ctx.rangeOf(at, at), text: "set -e\n" } },
        "noErrexit",
      );
    },
  },
});

/**
 * The heredoc that is the whole script: `RUN <<EOF`, or (unless `bare`) `RUN bash <<EOF` without `-e`; null
 * otherwise.
 */
function scriptHeredoc(node: Run, bare: boolean): { heredoc: Heredoc } | null {
  if (node.form !== "shell" || node.heredocs.length === 0) return null;
  const commands = parseShell(node.args[0]?.value ?? "");
  if (commands.length !== 1) return null;
  const command = commands[0]!;
  const redirect = command.redirects.find((r) => r.op === "<<" || r.op === "<<-");
  const heredoc = redirect && node.heredocs.find((h) => h.name === redirect.target?.value);
  if (!heredoc) return null;
  if (command.name === null) return { heredoc };
  if (bare) return null;
  const options = command.args.map((a) => a.value);
  if (!posixShells.includes(basename(command.name)) || !options.every((o) => o.startsWith("-"))) return null;
  return errexitFlags(options) ? null : { heredoc };
}

/**
 * True when a script has a statement whose failure the next one hides, before any `set -e`: two statements in a
 * row, not joined by `&&`, `||` or a pipe (whose failure already counts). An `if` or a loop is followed through its
 * branches: its condition fails nothing, the branches of one `if` or `case` are alternatives, and a whole `if`
 * whose branch is one command or one `&&` chain fails as that branch does.
 */
function failsSilently(commands: readonly ShellCommand[]): boolean {
  // A statement already run in the current sequence, whose failure a next one would hide.
  let before = false;
  // A `case` pattern comes after `in` and after each `;;`; it reads as a command of its own.
  let pattern = false;
  for (const command of commands) {
    if (["&&", "||", "|", "|&"].includes(command.operator ?? "")) continue;
    const first = command.words[0]?.value;
    // Another branch of the same `if` or `case`: what ran in the branch before it does not run before it.
    if (first === "else" || first === "elif") before = false;
    if (pattern || command.operator === ";;") {
      before = pattern = false;
      if (first !== "esac") continue;
    }
    if (first === "case") pattern = true;
    if (first !== undefined && (testedBy.has(first) || headers.has(first))) continue;
    if (command.name === null) continue;
    // A failure before it is hidden by any command, `set` too; `set -e` covers what follows it.
    if (before) return true;
    if (command.name === "set") {
      if (errexitFlags(command.args.map((a) => a.value))) return false;
      continue;
    }
    before = true;
  }
  return false;
}

/** Loop and `case` headers: their words are a list, not a command that can fail. */
const headers: ReadonlySet<string> = new Set(["for", "case", "select"]);

/** `-e`, `-eux`, `-ec`, `-o errexit` (and `+e` turns it off again). */
function errexitFlags(args: readonly string[]): boolean {
  let on = false;
  args.forEach((a, i) => {
    if (/^-[a-zA-Z]*e[a-zA-Z]*$/.test(a) && !a.startsWith("--")) on = true;
    if (/^\+[a-zA-Z]*e/.test(a)) on = false;
    if (a === "errexit" && /^-[a-zA-Z]*o$/.test(args[i - 1] ?? "")) on = true;
  });
  return on;
}

/** True when a PowerShell script has a statement before its last one that runs before any error preference of Stop. */
function powershellFailsSilently(body: string): boolean {
  const statements = parsePowershell(body).filter((c) => !["&&", "||", "|"].includes(c.operator ?? ""));
  for (const statement of statements.slice(0, -1)) {
    if (stopPreference.test(statement.words.map((w) => w.raw).join(" "))) return false;
    // `$ProgressPreference = 'SilentlyContinue'` cannot fail.
    const [variable, equals, value] = statement.words;
    const literal = statement.words.length === 3 && /^['"\d]|^\$(?:true|false)$/i.test(value?.raw ?? "");
    if (variable?.raw.startsWith("$") && equals?.value === "=" && literal) continue;
    return true;
  }
  return false;
}
