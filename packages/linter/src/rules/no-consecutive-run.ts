import type { Run } from "@hull/parser";
import { defineRule } from "../rule.js";
import { basename } from "../shell/lexer.js";
import { runShell } from "../shell/run.js";

export default defineRule({
  id: "no-consecutive-run",
  title: "Merge consecutive short RUN instructions",
  severity: "info",
  fixable: false,
  aliases: { hadolint: "DL3059" },
  docs: {
    rationale:
      "Each `RUN` adds a layer, and files created in one layer and removed in the next still take space in the image. " +
      "Two short `RUN`s in a row with the same flags can usually be one (`RUN a && b`).",
    limitations:
      "Comments between them do not matter; any other instruction does. " +
      "`RUN`s with more than two commands, or with a heredoc, are left alone: they are usually split on purpose, to keep a cached step. " +
      'PowerShell and cmd scripts (under such a `SHELL`, or run as `powershell -Command "…"`) are counted by their statements, and a `RUN` that sets a variable with `setx` or `[Environment]::SetEnvironmentVariable` is never merged with the next one: the new value is only seen by later `RUN`s.',
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
  create(ctx) {
    let previous: Run | null = null;
    // Per stage: true when the stage's SHELL is PowerShell or cmd (or its base image is Windows).
    const windows = new Map<number, boolean>();
    const inWindows = () => windows.get(ctx.currentStage()?.index ?? -1) ?? false;
    return {
      Stage(stage) {
        const image = stage.from.image?.value.toLowerCase() ?? "";
        const parent = ctx.semantic.baseOf(stage);
        windows.set(
          stage.index,
          parent ? (windows.get(parent.index) ?? false) : /windows|nanoserver|servercore/.test(image),
        );
      },
      Shell(node) {
        const stage = ctx.currentStage();
        const program = basename(node.args[0]?.value ?? "")
          .toLowerCase()
          .replace(/\.exe$/, "");
        if (stage && !ctx.isTrigger(node))
          windows.set(stage.index, ["pwsh", "powershell", "cmd"].includes(program));
      },
      Instruction(node) {
        if (ctx.isTrigger(node)) return;
        if (node.type !== "Run") {
          previous = null;
          return;
        }
        const win = inWindows();
        if (
          previous &&
          short(previous, win) &&
          short(node, win) &&
          sameFlags(previous, node) &&
          !setsVariable(previous)
        )
          ctx.report(node.keyword, "consecutive");
        previous = node;
      },
    };
  },
});

/** At most two commands (statements, for PowerShell and cmd) and no heredoc. */
function short(node: Run, windows: boolean): boolean {
  if (node.heredocs.length > 0) return false;
  const shell = runShell(node);
  const program = shell.commands[0]?.base?.toLowerCase().replace(/\.exe$/, "") ?? "";
  if (windows || ["pwsh", "powershell", "cmd"].includes(program)) return statements(shell.script) <= 2;
  return shell.commands.length <= 2;
}

/** The statements of a PowerShell or cmd script, roughly: pieces between `;`, `&&`, `&`, `|` and line breaks. */
function statements(script: string): number {
  return script.split(/;|&&|\|\||&|\||\n/).filter((piece) => /\w/.test(piece)).length;
}

/** `setx NAME value` (cmd) or `[Environment]::SetEnvironmentVariable(…)` (PowerShell): seen by later RUNs only. */
function setsVariable(node: Run): boolean {
  const shell = runShell(node);
  return (
    shell.commands.some((c) => c.base?.toLowerCase().replace(/\.exe$/, "") === "setx") ||
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
