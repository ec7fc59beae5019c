import { defineRule } from "../rule.js";
import { runShell, scriptRange } from "../shell/run.js";
import { zypperAction } from "../shell/tools/rpm.js";

export default defineRule({
  id: "no-zypper-dist-upgrade",
  title: "Do not run zypper dist-upgrade in a build",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3035" },
  docs: {
    rationale:
      "`zypper dist-upgrade` (`dup`) moves every package to whatever the repositories offer today, vendor changes and downgrades included. " +
      "The image then depends on the day it was built rather than on the Dockerfile, and the upgrade can replace packages the base image relies on. " +
      "Start from a newer base image instead, and install or update only the packages you need, with their versions.",
    bad: [
      `FROM opensuse/tumbleweed
RUN zypper -n dup && zypper clean -a
`,
    ],
    good: [
      `FROM opensuse/tumbleweed:20240801
RUN zypper -n in curl=8.9.0 && zypper clean -a
`,
    ],
  },
  messages: {
    distUpgrade: (verb: string) =>
      `'zypper ${verb}' upgrades the whole distribution at build time; use a newer base image instead.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        const action = zypperAction(command);
        if (action && (action.verb === "dist-upgrade" || action.verb === "dup"))
          ctx.report(scriptRange(ctx, shell, action.verbStart), "distUpgrade", action.verb);
      }
    },
  },
});
