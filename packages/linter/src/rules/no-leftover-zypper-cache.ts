import { defineRule } from "../rule.js";
import { commandWord, type ShellCommand } from "../shell/lexer.js";
import { hasFlag } from "../shell/options.js";
import { hasCacheMount, runShell, scriptRange } from "../shell/run.js";
import {
  lastUncleaned,
  zypperAction,
  zypperCachePath,
  zypperCacheVerbs,
  type PackageAction,
} from "../shell/tools/rpm.js";

export default defineRule({
  id: "no-leftover-zypper-cache",
  title: "Clean the zypper cache in the RUN that fills it",
  severity: "warning",
  fixable: false,
  markupReach: "rest-of-instruction",
  aliases: {
    hadolint: "DL3036",
    trivy: "DS-0020",
    kics: "38300d1a-feb2-4a48-936a-d1ef1cd24313",
    semgrep: "missing-zypper-clean",
  },
  docs: {
    rationale:
      "zypper keeps the repository metadata and packages it downloads in `/var/cache/zypp`. " +
      "Unless the `RUN` that installs also cleans up, the cache stays in the layer and in the image, even if a later instruction deletes it. " +
      "End the `RUN` with `zypper clean --all` (`zypper cc -a`), remove `/var/cache/zypp`, or keep it in a cache mount. " +
      "A bare `zypper clean` is not enough: it removes only downloaded packages, which zypper does not keep after installing them anyway, and leaves the repository metadata.",
    limitations:
      "Only the stages that end up in an image are checked: the last one, and those a later `FROM` builds on.",
    hadolintDifferences:
      "hadolint checks every stage; hull only the stages that end up in an image, since a build stage's cache reaches no image. " +
      "hadolint (and Trivy) accept a bare `zypper clean`; hull wants `--all` or `--metadata` (`-a`, `-m`, `-M`), since without them the metadata stays.",
    bad: [
      `FROM opensuse/leap:15.6
RUN zypper -n in curl=8.6.0
`,
    ],
    good: [
      `FROM opensuse/leap:15.6
RUN zypper -n in curl=8.6.0 && zypper clean --all
`,
      `FROM opensuse/leap:15.6
RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8.6.0
`,
    ],
  },
  messages: {
    cache: (verb: string) =>
      `'zypper ${verb}' leaves its package cache in the layer; end the RUN with 'zypper clean --all'.`,
    packagesOnly: (verb: string) =>
      `'zypper ${verb}' leaves the repository metadata in the layer: 'zypper clean' without --all removes only downloaded packages; use 'zypper clean --all'.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      if (!shell.commands.some((c) => c.base === "zypper")) return;
      if (!ctx.isTrigger(node) && !ctx.semantic.isKept(ctx.currentStage())) return;
      if (hasCacheMount(node, "/var/cache/zypp", "/var/cache")) return;
      const pending = lastUncleaned(shell.commands, {
        read: zypperAction,
        fills: (action) => zypperCacheVerbs.has(action.verb),
        cleans: (action, command) => isClean(action) && cleansMetadata(command),
        cachePath: zypperCachePath,
      });
      if (!pending) return;
      const name = commandWord(pending.command)!;
      const after = shell.commands.slice(shell.commands.indexOf(pending.command) + 1);
      ctx.report(
        scriptRange(ctx, shell, { start: name.start, end: pending.verbEnd.end }),
        after.some((c) => isClean(zypperAction(c))) ? "packagesOnly" : "cache",
        pending.verb,
      );
    },
  },
});

function isClean(action: PackageAction | null): boolean {
  return action?.verb === "clean" || action?.verb === "cc";
}

/** `--all` or `--metadata` (`-a`, `-m`, `-M`): without them `zypper clean` removes only downloaded packages. */
function cleansMetadata(command: ShellCommand): boolean {
  return (
    hasFlag(command, "a", "all", "metadata", "raw-metadata") || hasFlag(command, "m") || hasFlag(command, "M")
  );
}
