import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { hasCacheMount, runShell, scriptRange } from "../shell/run.js";
import { apkCacheMounts, apkCommands } from "../shell/tools/apk.js";
import { aptCommands, aptFamily, aptListsMounts } from "../shell/tools/apt.js";

export default defineRule({
  id: "no-lone-package-update",
  title: "Run apt-get update and apk update in the RUN that installs",
  severity: "warning",
  fixable: false,
  aliases: { checkov: "CKV_DOCKER_5", trivy: "DS-0017" },
  docs: {
    rationale:
      "`RUN apt-get update` on a line of its own makes a layer that the build cache keeps: when a later `RUN apt-get install` changes, it reuses the old lists, and installs outdated versions or fails on packages the mirror no longer has. " +
      "Run `apt-get update` (or `apk update`) in the same RUN as the install or upgrade that needs it, so that changing the install fetches the index again.",
    limitations:
      "Only a RUN whose other commands cannot install is reported: `echo`, `export`, users and groups (`useradd`, `adduser`…), folders and permissions (`mkdir`, `chmod`, `chown`, `ln`, `touch`); a script or any other command may install with the lists it fetched. " +
      "A RUN that mounts a cache on apt's lists (`--mount=type=cache,target=/var/lib/apt`) is not reported: the lists then live in the cache, not in the layer. " +
      "yum, dnf and zypper refresh their metadata when they install, and their `update` is an upgrade (`no-package-upgrade`'s finding): they are not checked, where Trivy's DS-0017 reports a lone `yum update` too.",
    bad: [
      `FROM debian:12
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl \\
 && rm -rf /var/lib/apt/lists/*
`,
    ],
    seeAlso: ["no-leftover-apt-lists"],
  },
  messages: {
    lone: (command: string) =>
      `'${command}' is all this RUN does: the build cache keeps its layer, so a later install can use stale package lists. Update and install in one RUN.`,
  },
  visitor: {
    Run(node, ctx) {
      if (ctx.isTrigger(node)) return;
      const shell = runShell(node, ctx);
      if (shell.dialect !== "posix") return;
      // Only a RUN that does nothing but update: any other command may install (a script, `xargs apt-get install`,
      // `mk-build-deps -i`), and reads the lists in the same layer.
      let update: ShellCommand | null = null;
      for (const command of shell.commands) {
        const name = command.base;
        if (name === null || quiet.has(name)) continue;
        if (!isUpdate(command)) return;
        update ??= command;
      }
      if (update === null) return;
      const apt = update.base !== "apk";
      if (hasCacheMount(node, ...(apt ? aptListsMounts : apkCacheMounts))) return;
      ctx.report(scriptRange(ctx, shell, update), "lone", `${update.base} update`);
    },
  },
});

/** Commands that neither install nor change what an update fetched. */
const quiet: ReadonlySet<string> = new Set([
  "set",
  "echo",
  "true",
  ":",
  "export",
  "adduser",
  "addgroup",
  "useradd",
  "groupadd",
  "usermod",
  "mkdir",
  "chmod",
  "chown",
  "ln",
  "touch",
]);

/** `apt-get update`, `apt update`, `aptitude update` or `apk update`. */
function isUpdate(command: ShellCommand): boolean {
  const name = command.base;
  if (name === "apk") return apkCommands([command])[0]?.verb?.value === "update";
  if (name === null || !aptFamily.has(name)) return false;
  return aptCommands([command], name)[0]?.verb?.value === "update";
}
