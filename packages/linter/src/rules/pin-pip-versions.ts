import { defineRule } from "../rule.js";
import { operands, runShell } from "../shell/shell.js";
import { pipArguments } from "./utils/pip.js";

/** pip install options that take a value in the next word. */
const VALUE_OPTIONS = [
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--platform",
  "--python-version",
  "--implementation",
  "--abi",
  "--src",
  "--upgrade-strategy",
  "--progress-bar",
  "--trusted-host",
  "--cache-dir",
  "--log",
  "--proxy",
  "--retries",
  "--timeout",
  "--exists-action",
  "--cert",
  "--client-cert",
  "--no-binary",
  "--only-binary",
  "-C",
  "--config-settings",
  "--global-option",
  "--install-option",
  "--report",
  "--python",
  "--root-user-action",
  "-e",
  "--editable",
  "--group",
];

export default defineRule({
  id: "pin-pip-versions",
  title: "Pin the versions of packages installed with pip",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3013" },
  docs: {
    rationale:
      "`pip install flask` installs the newest release on the day of the build, so rebuilding the same Dockerfile can bring in a release that breaks your code. " +
      "Pin each package (`flask==3.0.3`, or a range such as `flask>=3,<4`), or install from a requirements or constraints file. " +
      "Paths, wheels, archives, URLs and packages given by a variable are accepted.",
    bad: ["FROM python:3.12\nRUN pip install flask\n"],
    good: [
      "FROM python:3.12\nRUN pip install flask==3.0.3 'gunicorn>=22,<23'\n",
      "FROM python:3.12\nRUN pip install -r requirements.txt\n",
      "FROM python:3.12\nRUN python -m pip install ./dist/app-1.0-py3-none-any.whl\n",
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
        for (const command of shell.commands) {
          const pip = pipArguments(command);
          if (!pip) continue;
          const values = pip.args.map((a) => a.value);
          if (
            values.some((v) => /^(?:-r|-c|--requirement|--constraint)(?:=|$)/.test(v) || /^-[rc]\S/.test(v))
          )
            continue;
          const [verb, ...packages] = operands(pip, VALUE_OPTIONS);
          if (verb?.value !== "install") continue;
          for (const pkg of packages) {
            // Only a bare distribution name (extras allowed) is unpinned; operators, URLs, paths and files are not.
            if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9._,\s-]*\])?$/.test(pkg.value)) continue;
            if (/\.(?:whl|tar\.gz|tgz|zip)$/.test(pkg.value)) continue;
            ctx.report(ctx.rangeOf(...shell.span(pkg.start, pkg.end)), "unpinned", pkg.value);
          }
        }
      },
    };
  },
});
