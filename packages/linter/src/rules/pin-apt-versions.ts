import { defineRule } from "../rule.js";
import { runShell, scriptRange } from "../shell/run.js";
import { aptInstalls, fromSnapshot } from "../shell/tools/apt.js";

export default defineRule({
  id: "pin-apt-versions",
  title: "Pin the versions of packages installed with apt-get",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3008", kics: "965a08d7-ef86-4f14-8792-4a3b2098937e" },
  docs: {
    rationale:
      "`apt-get install curl` installs whatever version the mirror has on the day of the build, so two builds of the same Dockerfile can differ and a rebuild can pull in a breaking change. " +
      "Pin each package with `name=version`.",
    limitations:
      "Packages with a release (`name/bookworm-backports`), `.deb` files, paths and packages given by a variable are accepted, and so is an install from a snapshot of the archive (`--snapshot ID`, apt 3.0), which fixes every version.",
    hadolintDifferences:
      "packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned; hadolint's users report those findings as false positives.",
    bad: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8
`,
      `FROM debian:12
RUN apt-get install -y -t bookworm-backports ./pkg.deb golang/bookworm-backports
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
      for (const { command, operands: packages } of aptInstalls(shell.commands)) {
        // A snapshot of the archive fixes every version.
        if (fromSnapshot(command)) continue;
        for (const pkg of packages) {
          const name = pkg.value;
          // Only words that look like a package name (`libc6:i386` included); `=` pins, `/` names a release or a file.
          if (!/^[a-zA-Z0-9][a-zA-Z0-9.+_:-]*$/.test(name) || name.endsWith(".deb")) continue;
          ctx.report(scriptRange(ctx, shell, pkg), "unpinned", name);
        }
      }
    },
  },
});
