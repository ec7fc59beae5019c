import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { runShell } from "../shell/run.js";
import { isCircleciImage } from "../shell/dialect.js";
import {
  aptCommands,
  aptDownloadVerbs,
  aptSettingReader,
  aptSettings,
  simulates,
} from "../shell/tools/apt.js";

/** Verbs that ask for confirmation before they change the installed packages: each one needs `-y` in a build. */
const promptingVerbs: ReadonlySet<string> = new Set([...aptDownloadVerbs, "remove", "purge", "autoremove"]);

export default defineRule({
  id: "apt-get-non-interactive",
  title: "Run apt-get install, upgrade and remove with -y",
  severity: "warning",
  fixable: "unsafe",
  aliases: { hadolint: "DL3014", trivy: "DS-0021", semgrep: "missing-assume-yes-switch" },
  docs: {
    rationale:
      "Without `-y`, `apt-get install` asks for confirmation before installing extra dependencies, and `upgrade`, `dist-upgrade` and `remove` ask before they change anything. " +
      "A build has no one to answer, so the command aborts and the build fails, or works only until a package gains a dependency. " +
      "`-y`, `--yes`, `--assume-yes`, `-qq` and `-o APT::Get::Assume-Yes=true` all answer yes, and so does `APT::Get::Assume-Yes \"true\"` in apt's configuration: written into `/etc/apt/apt.conf.d` earlier in the stage or a stage it is built on, or by the base image (CircleCI's `cimg/…` images do).",
    hadolintDifferences:
      "besides `install`, the other verbs that ask before changing packages (`upgrade`, `dist-upgrade`, `full-upgrade`, `reinstall`, `build-dep`, `remove`, `purge`, `autoremove`) are reported too, since without `-y` they abort the build the same way.",
    bad: [
      `FROM debian:12
RUN apt-get update && apt-get install curl
`,
      `FROM debian:12
RUN apt-get update && apt-get -y install curl && apt-get dist-upgrade
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
      `FROM debian:12
RUN apt-get -qq install curl
`,
    ],
  },
  messages: {
    noYes: (command: string, verb: string) =>
      `'${command} ${verb}' without -y waits for an answer the build cannot give; add -y.`,
  },
  state: () => ({ assumeYes: aptSettingReader(aptSettings.assumeYes) }),
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      const stage = ctx.isTrigger(node) ? null : ctx.currentStage();
      // apt reads the setting on every run: from an earlier RUN of the stage or of a stage it is built on, or from
      // the command of this RUN that writes it; CircleCI's cimg/… images write it in their own build.
      const setAt = ctx.state.assumeYes(ctx.semantic, ctx.source, stage, shell.commands);
      if (setAt === -Infinity) return;
      if (stage !== null && isCircleciImage(ctx.semantic.baseName(ctx.semantic.rootOf(stage)) ?? "")) return;
      for (const { command, verb, operands } of aptCommands(shell.commands)) {
        if (!verb || !promptingVerbs.has(verb.value) || simulates(command) || assumesYes(command)) continue;
        // `apt-get purge` naming no package removes nothing and asks nothing (unless it also removes what is unused).
        if (removesNothing(verb.value, operands.length, command)) continue;
        if (command.start > setAt) continue;
        const [start, end] = shell.span(verb.start, verb.end);
        const exact = node.form === "shell" && ctx.source.slice(start, end) === verb.raw;
        const fix = exact ? { range: ctx.rangeOf(end, end), text: " -y" } : undefined;
        ctx.report({ at: ctx.rangeOf(start, end), fix }, "noYes", command.name!, verb.value);
      }
    },
  },
});

function assumesYes(command: ShellCommand): boolean {
  let quiet = 0;
  const args = command.args.map((a) => a.value);
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!;
    if (v === "--") break;
    if (
      v === "--yes" ||
      v === "--assume-yes" ||
      v === "--force-yes" ||
      /^--(?:yes|assume-yes)=(?:1|true|yes)$/.test(v)
    )
      return true;
    if (v === "-q=2" || v === "--quiet=2" || v === "-qq") return true;
    if (v === "-q" || v === "--quiet") quiet++;
    if (/^-[a-zA-Z]+$/.test(v)) {
      if (v.includes("y")) return true;
      quiet += [...v].filter((c) => c === "q").length - (v === "-q" ? 1 : 0);
    }
    const option = v === "-o" || v === "--option" ? args[i + 1] : /^(?:-o|--option=)(.+)$/.exec(v)?.[1];
    if (option && /^APT::Get::(?:Assume-Yes|force-yes)=(?:1|true|yes)$/i.test(option)) return true;
  }
  return quiet >= 2;
}

function removesNothing(verb: string, packages: number, command: ShellCommand): boolean {
  if ((verb !== "remove" && verb !== "purge") || packages > 0) return false;
  return !command.args.some((a) => a.value === "--auto-remove" || a.value === "--autoremove");
}
