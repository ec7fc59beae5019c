import { defineRule } from "../rule.js";
import { runShell, scriptRange } from "../shell/run.js";
import { yumDnfAction, yumDnfNames, yumOrDnfCode } from "../shell/tools/rpm.js";

/** `name-version`, `name-version-release`, `name-epoch:version-release.arch`, `name-1.2.*`: the last part starts with a digit. */
const versioned = /-(?:\d+:)?\d[\w.+~^*:]*$/;

export default defineRule({
  id: "pin-yum-dnf-versions",
  title: "Pin the versions of packages installed with yum or dnf",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: ["DL3033", "DL3041"] },
  docs: {
    rationale:
      "`dnf install httpd` installs whatever version the repositories have on the day of the build, so two builds of the same Dockerfile can differ and a rebuild can pull in a breaking change. " +
      "Pin each package as `name-version` (or `name-version-release`), and give modules a stream (`dnf module install nodejs:20`).",
    limitations:
      "A package counts as pinned when the part after its last `-` starts with a digit, so `java-17-openjdk` is not pinned but `java-17-openjdk-17.0.12` is. " +
      "`.rpm` files, paths, URLs, groups (`@core`, `group install`), capabilities such as `dnf-command(config-manager)` and names given by a variable are not checked.",
    hadolintDifferences:
      "hadolint accepts any name with a digit after a `-`, so `java-17-openjdk` passes there although it names no version; hull looks at the part after the last `-`. " +
      "Packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned.",
    bad: [
      `FROM rockylinux:9
RUN dnf install -y httpd && dnf clean all
`,
    ],
    good: [
      `FROM rockylinux:9
RUN dnf install -y httpd-2.4.57 && dnf clean all
`,
      `FROM centos:7
RUN yum install -y /tmp/app-1.0.rpm https://example.com/tool.rpm @core $EXTRA && yum clean all
`,
      `FROM rockylinux:9
RUN dnf module install -y nodejs:20/common && dnf clean all
`,
    ],
  },
  messages: {
    unpinned: (pkg: string) =>
      `Package '${pkg}' is installed without a version; pin it with '${pinned(pkg)}'.`,
    unpinnedModule: (module: string) =>
      `Module '${module}' is installed without a stream; pin it with '${module}:<stream>'.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      if (!shell.commands.some((c) => c.base !== null && yumDnfNames.has(c.base))) return;
      for (const command of shell.commands) {
        const action = yumDnfAction(command);
        if (!action) continue;
        const module = action.verb === "module install";
        if (!module && action.verb !== "install" && action.verb !== "in" && action.verb !== "localinstall")
          continue;
        const hadolint = yumOrDnfCode(command.base!, { yum: "DL3033", dnf: "DL3041" });
        for (const pkg of action.operands) {
          const name = pkg.value;
          if (!/^[A-Za-z0-9_][\w.+:~^*-]*$/.test(name)) continue;
          if (module) {
            if (!name.includes(":"))
              ctx.report({ at: scriptRange(ctx, shell, pkg), hadolint }, "unpinnedModule", name);
          } else if (!name.endsWith(".rpm") && !versioned.test(name)) {
            ctx.report({ at: scriptRange(ctx, shell, pkg), hadolint }, "unpinned", name);
          }
        }
      }
    },
  },
});

/** Architectures rpm names can end with (`name.x86_64`): the version goes before them. */
const arches = /\.(?:x86_64|aarch64|i[3-6]86|noarch|ppc64le|s390x|armv7hl|src)$/;

/** How the package is written pinned: `name-<version>`, or `name-<version>.x86_64` for an arch-suffixed name. */
function pinned(pkg: string): string {
  const arch = arches.exec(pkg);
  return arch ? `${pkg.slice(0, arch.index)}-<version>${arch[0]}` : `${pkg}-<version>`;
}
