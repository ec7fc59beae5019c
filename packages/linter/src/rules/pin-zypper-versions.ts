import { defineRule } from "../rule.js";
import { optionValues } from "../shell/options.js";
import { runShell, scriptRange } from "../shell/run.js";
import { zypperAction } from "../shell/tools/rpm.js";

export default defineRule({
  id: "pin-zypper-versions",
  title: "Pin the versions of packages installed with zypper",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3037" },
  docs: {
    rationale:
      "`zypper install curl` installs whatever version the repositories have on the day of the build, so two builds of the same Dockerfile can differ and a rebuild can pull in a breaking change. " +
      "Pin each package with `name=version` or a range such as `'name>=1.2'`.",
    limitations:
      "`.rpm` files, paths, URLs, patterns and patches (`-t pattern`, `pattern:devel_basis`) and names given by a variable are not checked.",
    hadolintDifferences:
      "packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned; hadolint's users report those findings as false positives.",
    bad: [
      `FROM opensuse/leap:15.6
RUN zypper -n in curl && zypper clean -a
`,
    ],
    good: [
      `FROM opensuse/leap:15.6
RUN zypper -n in curl=8.6.0 'git>=2.43' && zypper clean -a
`,
      `FROM opensuse/leap:15.6
RUN zypper -n in -t pattern devel_basis && zypper -n in ./app-1.0.rpm && zypper clean -a
`,
    ],
  },
  messages: {
    unpinned: (pkg: string) =>
      `Package '${pkg}' is installed without a version; pin it with '${pkg}=<version>'.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        const action = zypperAction(command);
        if (!action || (action.verb !== "install" && action.verb !== "in")) continue;
        if (optionValues(command, "t", "type").some((t) => t.value !== "package")) continue;
        for (const pkg of action.operands) {
          const name = pkg.value;
          // A plain package name; `=`, `<`, `>`, `/`, `:` (kind prefixes) and `$` all stop the match.
          if (!/^[A-Za-z0-9_][\w.+~-]*$/.test(name) || name.endsWith(".rpm")) continue;
          ctx.report(scriptRange(ctx, shell, pkg), "unpinned", name);
        }
      }
    },
  },
});
