import { defineRule } from "../rule.js";
import { runShell, scriptRange } from "../shell/run.js";
import { pipCommands } from "../shell/tools/pip.js";

export default defineRule({
  id: "pin-pip-versions",
  title: "Pin the versions of packages installed with pip",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3013" },
  docs: {
    rationale:
      "`pip install flask` installs the newest release on the day of the build, so rebuilding the same Dockerfile can bring in a release that breaks your code. " +
      "Pin each package (`flask==3.0.3`, or a range such as `flask>=3,<4`), or install from a requirements or constraints file.",
    limitations: "Paths, wheels, archives, URLs and packages given by a variable are accepted.",
    bad: [
      `FROM python:3.12
RUN pip install flask
`,
    ],
    good: [
      `FROM python:3.12
RUN pip install flask==3.0.3 'gunicorn>=22,<23'
`,
      `FROM python:3.12
RUN pip install -r requirements.txt
`,
      `FROM python:3.12
RUN python -m pip install ./dist/app-1.0-py3-none-any.whl
`,
    ],
  },
  messages: {
    unpinned: (pkg: string) =>
      `Package '${pkg}' is installed without a version; pin it, e.g. '${pkg}==<version>'.`,
  },
  create(ctx) {
    return {
      Run(node) {
        const shell = runShell(node);
        for (const { args, verb, operands: packages } of pipCommands(shell.commands)) {
          const values = args.map((a) => a.value);
          if (
            values.some((v) => /^(?:-r|-c|--requirement|--constraint)(?:=|$)/.test(v) || /^-[rc]\S/.test(v))
          )
            continue;
          if (verb?.value !== "install") continue;
          for (const pkg of packages) {
            // Only a bare distribution name (extras allowed) is unpinned; operators, URLs, paths and files are not.
            if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9._,\s-]*\])?$/.test(pkg.value)) continue;
            if (/\.(?:whl|tar\.gz|tgz|zip)$/.test(pkg.value)) continue;
            ctx.report(scriptRange(ctx, shell, pkg), "unpinned", pkg.value);
          }
        }
      },
    };
  },
});
