import { defineRule } from "../rule.js";
import { commandWord, type ShellCommand } from "../shell/lexer.js";
import { type RunShell, runCommands, runShell, scriptRange, substitutionMentions } from "../shell/run.js";

type Tool = "curl" | "wget";

export default defineRule({
  id: "no-curl-and-wget",
  title: "Use either curl or wget in a stage, not both",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL4001", trivy: "DS-0014", semgrep: "use-either-wget-or-curl" },
  docs: {
    rationale:
      "curl and wget do the same job. " +
      "Using both means two tools to install, keep patched and learn the options of, and often two packages in the image where one would do. " +
      "Pick one per stage.",
    limitations: "The rule reports each use of the tool that appears second in a stage.",
    hadolintDifferences:
      "a `RUN` that uses one tool as a fallback for the other (`curl … || wget …`, or a `command -v curl` test) is accepted, since only one of them runs.",
    bad: [
      `FROM debian:12
RUN curl -fsSLO https://example.com/a.tgz
RUN wget -q https://example.com/b.tgz
`,
    ],
    good: [
      `FROM debian:12
RUN curl -fsSLO https://example.com/a.tgz && curl -fsSLO https://example.com/b.tgz
`,
      `FROM alpine:3.20
RUN curl -fsSLo /a.tgz https://example.com/a.tgz || wget -qO /a.tgz https://example.com/a.tgz
`,
      `FROM debian:12 AS fetch
RUN curl -fsSLO https://example.com/a.tgz
FROM debian:12
RUN wget -q https://example.com/b.tgz
`,
    ],
  },
  messages: {
    both: (tool: Tool, other: Tool, line: number) =>
      `'${tool}' is used here, but this stage already uses '${other}' (line ${line}); use one of them.`,
  },
  state: () => ({
    /**
     * The tool used first in the current stage, and where: its line is worked out only when a finding names it, as
     * most stages use one tool.
     */
    first: null as { tool: Tool; shell: RunShell; command: ShellCommand; line?: number } | null,
  }),
  visitor: {
    Stage(_stage, ctx) {
      ctx.state.first = null;
    },
    Run(node, ctx) {
      if (ctx.isTrigger(node)) return;
      // Most RUNs use neither tool: check the text before splitting out command substitutions.
      const own = runShell(node, ctx);
      if (!own.script.includes("curl") && !own.script.includes("wget")) return;
      const { shell, all } = substitutionMentions(own, (raw) => raw.includes("curl") || raw.includes("wget"))
        ? runCommands(node, ctx)
        : { shell: own, all: own.commands };
      const uses = all.filter((c) => c.base === "curl" || c.base === "wget");
      if (uses.length === 0) return;
      const tools = new Set(uses.map((c) => c.base as Tool));
      if (tools.size === 2 && isFallback(all, uses)) return;
      const first = (ctx.state.first ??= { tool: uses[0]!.base as Tool, shell, command: uses[0]! });
      for (const command of uses) {
        if (command.base === first.tool) continue;
        first.line ??= scriptRange(ctx, first.shell, commandWord(first.command)!).start.line;
        ctx.report(
          scriptRange(ctx, shell, commandWord(command)!),
          "both",
          command.base as Tool,
          first.tool,
          first.line,
        );
      }
    },
  },
});

/** True when one tool stands in for the other: `curl … || wget …`, or a test such as `command -v curl`. */
function isFallback(all: readonly ShellCommand[], uses: readonly ShellCommand[]): boolean {
  if (uses.some((c, i) => i > 0 && c.operator === "||" && c.base !== uses[i - 1]!.base)) return true;
  return all.some(
    (c) =>
      c.words.some((w) => w.value === "curl" || w.value === "wget") &&
      c.words.some((w) => ["command", "which", "type", "hash"].includes(w.value)),
  );
}
