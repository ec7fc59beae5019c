import { defineRule } from "../rule.js";
import { commandWord, findCommands } from "../shell/lexer.js";
import { operands } from "../shell/options.js";
import { hasCacheMount, runShell, runsOpaqueScriptAfter, scriptRange } from "../shell/run.js";
import {
  aptCommands,
  aptFamily,
  aptListsCleanVerb,
  aptListsMounts,
  removesAptLists,
  updatesLists,
} from "../shell/tools/apt.js";

export default defineRule({
  id: "no-leftover-apt-lists",
  title: "Delete the apt lists in the RUN that downloads them",
  severity: "info",
  fixable: false,
  markupReach: "rest-of-instruction",
  aliases: {
    hadolint: "DL3009",
    kics: "df746b39-6564-4fed-bf85-e9c44382303c",
    semgrep: "remove-package-lists",
  },
  docs: {
    rationale:
      "`apt-get update` downloads package lists (tens of megabytes) to `/var/lib/apt/lists`. " +
      "Unless the same `RUN` removes them, they stay in the layer and in the image, even if a later instruction deletes them. " +
      "End the `RUN` with `rm -rf /var/lib/apt/lists/*` (or `apt-get dist-clean` on apt 2.7 and later), or keep the lists in a cache mount.",
    limitations:
      "Only the stages that end up in an image are checked: the last one, and those a later `FROM` builds on. " +
      "A `RUN` that runs a script of the project after the update (`/scripts/cleanup.sh`, `bash /tmp/install.sh`, a program named for cleaning such as `install_clean`) is not reported: the script may remove the lists, and its content is not in the Dockerfile. An installer the same `RUN` downloads does not count.",
    hadolintDifferences:
      "hadolint also checks a stage that a later `FROM` builds on when that chain of stages only feeds `COPY --from`; hull does not, since those files reach no image. " +
      "A cache mount on `/var/lib/apt` alone is accepted, since the lists under it stay out of the layer; hadolint asks for one on `/var/cache/apt` too.",
    bad: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
`,
      `FROM debian:12
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
`,
      `FROM debian:12 AS build
RUN apt-get update && apt-get install -y gcc
FROM debian:12
COPY --from=build /out /out
`,
    ],
  },
  messages: {
    lists: (command: string) =>
      `'${command}' leaves the package lists in the layer; remove /var/lib/apt/lists/* in the same RUN.`,
  },
  visitor: {
    Run(node, ctx) {
      if (!ctx.isTrigger(node) && !ctx.semantic.isKept(ctx.currentStage())) return;
      if (hasCacheMount(node, ...aptListsMounts)) return;
      const shell = runShell(node, ctx);
      // Only an `update` can leave lists behind: the cleanup is looked for in the few RUNs that have one.
      const updates = aptCommands(shell.commands, ...aptFamily).filter(updatesLists);
      if (updates.length === 0) return;
      // `rm -rf /var/lib/apt/lists/*`, `find /var/lib/apt/lists … -delete`, or `apt-get dist-clean` (apt 2.7+).
      const cleaned =
        findCommands(shell.commands, "rm", "find").some((c) =>
          operands(c).some((w) => removesAptLists(w.value)),
        ) ||
        findCommands(shell.commands, "apt-get", "apt").some(
          (c) => operands(c)[0]?.value === aptListsCleanVerb,
        );
      if (cleaned) return;
      // A script run after the update may remove them (photoprism's `/scripts/cleanup.sh`): it is not known here.
      if (runsOpaqueScriptAfter(shell.commands, shell.commands.indexOf(updates[0]!.command))) return;
      for (const { command, verb } of updates) {
        const name = commandWord(command)!;
        const what =
          verb!.value === "update" ? `${name.value} update` : `${name.value} ${verb!.value} --update`;
        ctx.report(scriptRange(ctx, shell, { start: name.start, end: verb!.end }), "lists", what);
      }
    },
  },
});
