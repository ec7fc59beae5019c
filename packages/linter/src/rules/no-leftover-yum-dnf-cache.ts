import { defineRule } from "../rule.js";
import { commandWord } from "../shell/lexer.js";
import { hasCacheMount, runShell, scriptRange } from "../shell/run.js";
import {
  lastUncleaned,
  yumDnfAction,
  yumDnfCacheDirs,
  yumDnfCachePath,
  yumDnfFillsCache,
  yumDnfNames,
  yumOrDnfCode,
} from "../shell/tools/rpm.js";

export default defineRule({
  id: "no-leftover-yum-dnf-cache",
  title: "Clean the yum or dnf cache in the RUN that fills it",
  severity: "warning",
  fixable: false,
  markupReach: "rest-of-instruction",
  aliases: {
    hadolint: ["DL3032", "DL3040"],
    trivy: ["DS-0015", "DS-0019", "DS-0027"],
    kics: ["00481784-25aa-4a55-8633-3136dfcf4f37", "295acb63-9246-4b21-b441-7c1f1fb62dc0"],
    semgrep: ["missing-yum-clean-all", "missing-dnf-clean-all"],
  },
  docs: {
    rationale:
      "`yum` and `dnf` keep the repository metadata they download (often over a hundred megabytes) in `/var/cache/yum` or `/var/cache/dnf`. " +
      "Unless the `RUN` that installs also cleans up, the cache stays in the layer and in the image, even if a later instruction deletes it. " +
      "End the `RUN` with `yum clean all` or `dnf clean all` (yum and dnf clean each other's cache: one is the other on any system that has both), `microdnf clean all` after microdnf and `tdnf clean all` after tdnf (each keeps a cache of its own), remove the cache directory, or keep it in a cache mount.",
    limitations:
      "Only the stages that end up in an image are checked: the last one, and those it (or another stage that nothing uses, a possible `--target`) is built on; a chain of build stages that only feeds `COPY --from` is not.",
    hadolintDifferences:
      "build stages that no image is built `FROM` are not checked, since their caches never reach an image; and a clean by yum or dnf counts for the other (`dnf clean all` after `yum install`), since one is the other where both exist. " +
      "A `RUN` gets one finding, for its last command whose cache stays, under that command's code (DL3032 for yum, DL3040 for the dnf family): where yum and dnf both leave theirs, hadolint reports both codes.",
    bad: [
      `FROM rockylinux:9
RUN dnf install -y httpd-2.4.57
`,
    ],
    good: [
      `FROM rockylinux:9
RUN dnf install -y httpd-2.4.57 && dnf clean all
`,
      `FROM centos:7
RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum
`,
      `FROM rockylinux:9
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2.4.57
`,
      `FROM rockylinux:9 AS build
RUN dnf install -y gcc-11.4.1
FROM rockylinux:9
COPY --from=build /out /out
`,
    ],
  },
  messages: {
    cache: (command: string) =>
      `'${command}' leaves its package cache in the layer; end the RUN with '${command.split(" ")[0]} clean all'.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      if (!shell.commands.some((c) => c.base !== null && yumDnfNames.has(c.base))) return;
      if (!ctx.isTrigger(node) && !ctx.semantic.isKept(ctx.currentStage())) return;
      if (hasCacheMount(node, ...yumDnfCacheDirs, "/var/cache")) return;
      const pending = lastUncleaned(shell.commands, {
        read: yumDnfAction,
        fills: yumDnfFillsCache,
        cleans: (action, _command, pending) =>
          action?.verb === "clean" &&
          action.operands.some((w) => w.value === "all") &&
          cacheOf(action.command.base!) === cacheOf(pending.command.base!),
        cachePath: yumDnfCachePath,
      });
      if (!pending) return;
      const name = commandWord(pending.command)!;
      ctx.report(
        {
          at: scriptRange(ctx, shell, { start: name.start, end: pending.verbEnd.end }),
          hadolint: yumOrDnfCode(pending.command.base!, { yum: "DL3032", dnf: "DL3040" }),
        },
        "cache",
        `${pending.command.base} ${pending.verb}`,
      );
    },
  },
});

/** Which cache a program of the family fills: microdnf and tdnf each keep their own; yum is dnf where both exist. */
function cacheOf(base: string): string {
  return base === "microdnf" || base === "tdnf" ? base : "dnf";
}
