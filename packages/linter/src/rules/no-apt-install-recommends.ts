import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { runShell } from "../shell/run.js";
import { aptInstalls, aptSettingReader, aptSettings } from "../shell/tools/apt.js";

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
      "`--no-install-recommends` installs only what you list and its hard dependencies; add a recommended package by name if you need it. " +
      'A stage that writes `APT::Install-Recommends "false"` into apt\'s configuration (`/etc/apt/apt.conf.d/…`) before it installs, or is built on one that does, is not reported, ' +
      "nor is an install that asks for the recommended packages on purpose (`--install-recommends`, `-o APT::Install-Recommends=true`).",
    limitations:
      "Only the stages that end up in an image are checked: the last one, and those it (or another stage that nothing uses, a possible `--target`) is built on; a build stage that only feeds `COPY --from` ships none of its packages.",
    hadolintDifferences: "hadolint checks every stage; hull only those that end up in an image.",
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
  state: () => ({ recommendsOff: aptSettingReader(aptSettings.recommendsOff) }),
  visitor: {
    Run(node, ctx) {
      // Recommended packages in a stage that ends up in no image (it only feeds `COPY --from`) ship nothing.
      if (!ctx.isTrigger(node) && !ctx.semantic.isKept(ctx.currentStage())) return;
      const shell = runShell(node, ctx);
      const stage = ctx.isTrigger(node) ? null : ctx.currentStage();
      // apt reads the setting on every run: from an earlier RUN of the stage or of a stage it is built on, or from
      // the command of this RUN that writes it.
      const setAt = ctx.state.recommendsOff(ctx.semantic, ctx.source, stage, shell.commands);
      if (setAt === -Infinity) return;
      for (const { command, verb } of aptInstalls(shell.commands)) {
        if (!verb || skipsRecommends(command) || command.start > setAt) continue;
        const [start, end] = shell.span(verb.start, verb.end);
        const exact = node.form === "shell" && ctx.source.slice(start, end) === verb.raw;
        const fix = exact ? { range: ctx.rangeOf(end, end), text: " --no-install-recommends" } : undefined;
        ctx.report({ at: ctx.rangeOf(start, end), fix }, "recommends", command.name!);
      }
    },
  },
});

/** True when the command says what to do with recommended packages: skip them, or (`--install-recommends`) install them on purpose. */
function skipsRecommends(command: ShellCommand): boolean {
  return command.args.some(
    (a) =>
      a.value === "--no-install-recommends" ||
      a.value === "--install-recommends" ||
      /APT::Install-Recommends=/i.test(a.value),
  );
}
