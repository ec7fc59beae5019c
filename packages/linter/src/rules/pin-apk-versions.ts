import { defineRule } from "../rule.js";
import { runShell, scriptRange } from "../shell/run.js";
import { apkCommands } from "../shell/tools/apk.js";

export default defineRule({
  id: "pin-apk-versions",
  title: "Pin the versions of packages installed with apk",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3018", kics: "d3499f6d-1651-41bb-a9a7-de925fea487b" },
  docs: {
    rationale:
      "`apk add curl` installs whatever version the Alpine mirror has on the day of the build, so two builds of the same Dockerfile can differ. " +
      "Pin each package exactly (`curl=8.9.1-r1`) or to a release series (`curl~8.9`).",
    limitations:
      "`.apk` files and packages given by a variable are accepted, and the name after `--virtual` is not a package.",
    hadolintDifferences:
      "packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned; hadolint's users report those findings as false positives.",
    bad: [
      `FROM alpine:3.20
RUN apk add --no-cache curl
`,
    ],
    good: [
      `FROM alpine:3.20
RUN apk add --no-cache curl=8.9.1-r1 'git>2.40'
`,
      `FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps gcc~13
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
      for (const { verb, operands: packages } of apkCommands(shell.commands)) {
        if (verb?.value !== "add") continue;
        for (const pkg of packages) {
          // `=`, `~`, `<` and `>` pin; anything that is not a plain name (a variable, a file) is not checked.
          if (!/^[a-zA-Z0-9][a-zA-Z0-9._+:-]*$/.test(pkg.value) || pkg.value.endsWith(".apk")) continue;
          ctx.report(scriptRange(ctx, shell, pkg), "unpinned", pkg.value);
        }
      }
    },
  },
});
