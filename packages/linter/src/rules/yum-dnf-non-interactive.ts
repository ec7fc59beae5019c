import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { hasFlag } from "../shell/options.js";
import { runShell, scriptRange } from "../shell/run.js";
import { yumDnfAction, yumDnfTransactionVerbs, yumOrDnfCode } from "../shell/tools/rpm.js";

export default defineRule({
  id: "yum-dnf-non-interactive",
  title: "Run yum and dnf transactions with -y",
  severity: "warning",
  fixable: "unsafe",
  aliases: {
    hadolint: ["DL3030", "DL3038"],
    semgrep: ["missing-yum-assume-yes-switch", "missing-dnf-assume-yes-switch"],
  },
  docs: {
    rationale:
      "`yum install` and `dnf install` show the transaction and ask `Is this ok [y/N]` before changing anything. " +
      "A build has no one to answer: the question reads end of input, the transaction is cancelled and the `RUN` fails. " +
      "`microdnf` asks too since version 3.7 (as on UBI 9), unless its image's config sets `assumeyes`, and at end of input it keeps waiting: the build hangs. " +
      "Pass `-y` (`--assumeyes`) to every command that installs, upgrades or removes packages (`install`, `update`, `remove`, `group install`, `module enable`…).",
    hadolintDifferences:
      "every verb that asks is checked (`remove`, `upgrade`, …), where hadolint checks only `install`, `groupinstall` and `localinstall`.",
    bad: [
      `FROM rockylinux:9
RUN dnf install httpd-2.4.57 && dnf clean all
`,
    ],
    good: [
      `FROM rockylinux:9
RUN dnf install -y httpd-2.4.57 && dnf clean all
`,
      `FROM centos:7
RUN yum -y install httpd-2.4.6 && yum clean all
`,
      `FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y httpd-2.4.57 && microdnf clean all
`,
    ],
  },
  messages: {
    noYes: (command: string, verb: string) =>
      `'${command} ${verb}' without -y asks for a confirmation the build cannot give; add -y.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        const action = yumDnfAction(command);
        if (!action || !yumDnfTransactionVerbs.has(action.verb) || assumesYes(command)) continue;
        const [start, end] = shell.span(action.verbEnd.start, action.verbEnd.end);
        const exact = node.form === "shell" && ctx.source.slice(start, end) === action.verbEnd.raw;
        ctx.report(
          {
            at: scriptRange(ctx, shell, { start: action.verbStart.start, end: action.verbEnd.end }),
            fix: exact ? { range: ctx.rangeOf(end, end), text: " -y" } : undefined,
            hadolint: yumOrDnfCode(command.base!, { yum: "DL3030", dnf: "DL3038" }),
          },
          "noYes",
          command.base!,
          action.verb,
        );
      }
    },
  },
});

/** `-y`, `--assumeyes` or `--setopt=assumeyes=1`; `--assumeno` answers the question too (with no). */
function assumesYes(command: ShellCommand): boolean {
  if (hasFlag(command, "y", "assumeyes", "yes", "assumeno")) return true;
  return command.args.some((a, i) => {
    const option = a.value === "--setopt" ? command.args[i + 1]?.value : /^--setopt=(.*)$/.exec(a.value)?.[1];
    return option !== undefined && /^assumeyes=(?:1|true|yes|on)$/i.test(option);
  });
}
