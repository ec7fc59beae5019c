import type { Run } from "@hull/parser";
import { defineRule } from "../rule.js";
import { runShell, scriptCommands, type ShellScope } from "../shell/run.js";

export default defineRule({
  id: "no-consecutive-run",
  title: "Merge consecutive short RUN instructions",
  severity: "info",
  fixable: false,
  markupReach: "instruction-and-previous",
  aliases: { hadolint: "DL3059" },
  docs: {
    rationale:
      "Each `RUN` adds a layer, and files created in one layer and removed in the next still take space in the image. " +
      "Two short `RUN`s in a row with the same flags can usually be one (`RUN a && b`).",
    limitations:
      "Comments between them do not matter; any other instruction does. " +
      "A `RUN` of more than one command (`a && b`, `a; b`, `a | b`), or with a heredoc, is left alone, as hadolint leaves it: its author chose where one step ends, usually to keep a cached layer. " +
      'PowerShell and cmd scripts (under such a `SHELL`, or run as `powershell -Command "…"`) are counted by their commands, and a `RUN` that sets a variable with `setx` or `[Environment]::SetEnvironmentVariable` is never merged with the next one: the new value is only seen by later `RUN`s.',
    hadolintDifferences:
      "a `RUN` with a heredoc is never suggested for merging (hadolint does, in its issue 805), and PowerShell and cmd scripts are counted by their statements, since a long `powershell -Command` is not one short command.",
    bad: [
      `FROM debian:12
RUN mkdir -p /app
RUN chown app /app
`,
    ],
    good: [
      `FROM debian:12
RUN mkdir -p /app && chown app /app
`,
      `FROM debian:12
RUN mkdir -p /app
WORKDIR /app
RUN touch x
`,
    ],
  },
  messages: {
    consecutive: () => "This RUN follows another short RUN with the same flags; merge them into one layer.",
  },
  state: () => ({ previous: null as Run | null }),
  visitor: {
    Instruction(node, ctx) {
      if (ctx.isTrigger(node)) return;
      const { previous } = ctx.state;
      if (node.type !== "Run") {
        ctx.state.previous = null;
        return;
      }
      if (
        previous &&
        short(previous, ctx) &&
        short(node, ctx) &&
        sameFlags(previous, node) &&
        !setsVariable(previous, ctx)
      )
        ctx.report(node.keyword, "consecutive");
      ctx.state.previous = node;
    },
  },
});

/** One command (of a POSIX, PowerShell or cmd script) and no heredoc. */
function short(node: Run, scope: ShellScope): boolean {
  if (node.heredocs.length > 0) return false;
  const shell = runShell(node, scope);
  // A script for a program hull does not read (`SHELL ["python3", "-c"]`) cannot be counted.
  if (shell.dialect === "unknown") return false;
  return scriptCommands(shell).length <= 1;
}

/** `setx NAME value` (cmd) or `[Environment]::SetEnvironmentVariable(…)` (PowerShell): seen by later RUNs only. */
function setsVariable(node: Run, scope: ShellScope): boolean {
  const shell = runShell(node, scope);
  return (
    scriptCommands(shell).some((c) => c.base === "setx") ||
    /\bsetx(?:\.exe)?\s|\[(?:System\.)?Environment\]::SetEnvironmentVariable/i.test(shell.script)
  );
}

function sameFlags(a: Run, b: Run): boolean {
  const flags = (n: Run) =>
    n.flags
      .map((f) => f.text)
      .sort()
      .join("\n");
  return flags(a) === flags(b);
}
