import { defineRule } from "../rule.js";
import { runShell, scriptRange } from "../shell/run.js";
import { zypperAction } from "../shell/tools/rpm.js";

/** Commands that ask for a confirmation before changing the installed packages. */
const transactions = new Set([
  "install",
  "in",
  "remove",
  "rm",
  "source-install",
  "si",
  "patch",
  "update",
  "up",
  "dist-upgrade",
  "dup",
  "install-new-recommends",
  "inr",
]);

export default defineRule({
  id: "zypper-non-interactive",
  title: "Run zypper non-interactively",
  severity: "warning",
  fixable: "unsafe",
  aliases: { hadolint: "DL3034", semgrep: "missing-zypper-no-confirm-switch" },
  docs: {
    rationale:
      "`zypper install` shows the transaction and asks `Continue? [y/n/v/...? shows all options] (y)` before changing anything. " +
      "A build has no one to answer, so the command fails or hangs. " +
      "Put the global option `--non-interactive` (`-n`) before the command, or give the command `-y` (`--no-confirm`).",
    limitations: "After the command, `-n` means `--name` (`zypper install -n curl`), so it does not count.",
    hadolintDifferences:
      "`zypper install -n curl` is reported, where hadolint accepts it: after the command, `-n` is `--name`, and zypper still asks.",
    bad: [
      `FROM opensuse/leap:15.6
RUN zypper install curl-8.6.0 && zypper clean --all
`,
    ],
    good: [
      `FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl-8.6.0 && zypper clean --all
`,
      `FROM opensuse/leap:15.6
RUN zypper in -y curl-8.6.0 && zypper cc -a
`,
    ],
  },
  messages: {
    interactive: (verb: string) =>
      `'zypper ${verb}' asks for a confirmation the build cannot give; add -y or put -n before '${verb}'.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        const action = zypperAction(command);
        if (!action || !transactions.has(action.verb)) continue;
        const at = command.args.indexOf(action.verbStart);
        const quiet = command.args.some((a, i) => {
          const v = a.value;
          if (v === "--non-interactive" || v === "--no-confirm") return true;
          // Before the command `-n` is --non-interactive; after it, `-y` is --no-confirm and `-n` is --name.
          return /^-[A-Za-z]+$/.test(v) && (i < at ? v.includes("n") : v.includes("y"));
        });
        if (quiet) continue;
        const [start, end] = shell.span(action.verbEnd.start, action.verbEnd.end);
        const exact = node.form === "shell" && ctx.source.slice(start, end) === action.verbEnd.raw;
        ctx.report(
          {
            at: scriptRange(ctx, shell, action.verbEnd),
            fix: exact ? { range: ctx.rangeOf(end, end), text: " -y" } : undefined,
          },
          "interactive",
          action.verb,
        );
      }
    },
  },
});
