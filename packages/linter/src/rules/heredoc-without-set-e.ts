import type { Heredoc, Run, Shell } from "@hull/parser";
import { defineRule } from "../rule.js";
import { basename, parseShell, type ShellCommand } from "../shell/lexer.js";

/** `errexit` when the SHELL runs with `-e`, `other` for shells that are not POSIX (PowerShell, cmd). */
type ShellState = "errexit" | "plain" | "other";

const posixShells = ["sh", "bash", "ash", "dash", "ksh", "mksh", "zsh", "busybox"];

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
      "Scripts for other interpreters (a `#!` line for python) and for PowerShell or cmd are not checked.",
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
    ],
  },
  messages: {
    noErrexit: () =>
      "This heredoc script runs without set -e, so a failing command before the last one does not fail the build; start it with set -e.",
  },
  create(ctx) {
    const state = new Map<number, ShellState>();
    const current = (): ShellState => state.get(ctx.currentStage()?.index ?? -1) ?? "plain";
    return {
      Stage(stage) {
        const image = stage.from.image?.value.toLowerCase();
        const parent = ctx.semantic.baseOf(stage);
        const windows = /windows|nanoserver|servercore/i.test(image ?? "");
        state.set(stage.index, parent ? (state.get(parent.index) ?? "plain") : windows ? "other" : "plain");
      },
      Shell(node) {
        const stage = ctx.currentStage();
        if (stage && !ctx.isTrigger(node)) state.set(stage.index, shellState(node));
      },
      Run(node) {
        if (ctx.isTrigger(node) || current() !== "plain") return;
        const script = scriptHeredoc(node);
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
    };
  },
});

/** The heredoc that is the whole script: `RUN <<EOF`, or `RUN bash <<EOF` without `-e`; null otherwise. */
function scriptHeredoc(node: Run): { heredoc: Heredoc } | null {
  if (node.form !== "shell" || node.heredocs.length === 0) return null;
  const commands = parseShell(node.args[0]?.value ?? "");
  if (commands.length !== 1) return null;
  const command = commands[0]!;
  const redirect = command.redirects.find((r) => r.op === "<<" || r.op === "<<-");
  const heredoc = redirect && node.heredocs.find((h) => h.name === redirect.target?.value);
  if (!heredoc) return null;
  if (command.name === null) return { heredoc };
  const options = command.args.map((a) => a.value);
  if (!posixShells.includes(basename(command.name)) || !options.every((o) => o.startsWith("-"))) return null;
  return errexitFlags(options) ? null : { heredoc };
}

/** True when a script of several statements has one, before its last, that runs before any `set -e`. */
function failsSilently(commands: readonly ShellCommand[]): boolean {
  // Statements: commands not joined to the one before by `&&`, `||` or a pipe (whose failure already counts).
  const statements = commands.filter((c) => !["&&", "||", "|", "|&"].includes(c.operator ?? ""));
  for (const statement of statements.slice(0, -1)) {
    if (statement.name === "set") {
      if (errexitFlags(statement.args.map((a) => a.value))) return false;
      continue;
    }
    if (statement.name === null && statement.words.length === 0) continue;
    return true;
  }
  return false;
}

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

/** The state a SHELL instruction sets. */
function shellState(node: Shell): ShellState {
  const argv = node.args.map((a) => a.value);
  const program = basename(argv[0] ?? "")
    .toLowerCase()
    .replace(/\.exe$/, "");
  if (node.form !== "exec" || !posixShells.includes(program)) return "other";
  return errexitFlags(argv.slice(1)) ? "errexit" : "plain";
}
