import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { runShell } from "../shell/run.js";
import { aptInstalls } from "../shell/tools/apt.js";

export default defineRule({
  id: "no-apt-install-recommends",
  title: "Install apt packages with --no-install-recommends",
  severity: "info",
  fixable: "unsafe",
  aliases: { hadolint: "DL3015", trivy: "DS-0029", semgrep: "missing-no-install-recommends" },
  docs: {
    rationale:
      "By default `apt-get install` also installs every package the ones you asked for *recommend*: documentation, optional tools, sometimes a whole X11 stack. " +
      "They make the image larger and add attack surface without being needed. " +
      "`--no-install-recommends` installs only what you list and its hard dependencies; add a recommended package by name if you need it.",
    bad: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl
`,
      `FROM debian:12
RUN apt-get install -y -o APT::Install-Recommends=false curl
`,
    ],
  },
  messages: {
    recommends: (command: string) =>
      `'${command} install' also installs recommended packages; add --no-install-recommends.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const { command, verb } of aptInstalls(shell.commands)) {
        if (!verb || skipsRecommends(command)) continue;
        const [start, end] = shell.span(verb.start, verb.end);
        const exact = node.form === "shell" && ctx.source.slice(start, end) === verb.raw;
        const fix = exact ? { range: ctx.rangeOf(end, end), text: " --no-install-recommends" } : undefined;
        ctx.report({ at: ctx.rangeOf(start, end), fix }, "recommends", command.name!);
      }
    },
  },
});

function skipsRecommends(command: ShellCommand): boolean {
  return command.args.some(
    (a) => a.value === "--no-install-recommends" || /APT::Install-Recommends=(?:0|false|no)\b/i.test(a.value),
  );
}
