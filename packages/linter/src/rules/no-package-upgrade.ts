import { defineRule } from "../rule.js";
import { operands, runShell, subcommand, type ShellCommand } from "../shell/shell.js";

/** Sub-commands that upgrade every installed package, by package manager. */
const upgrades: Readonly<Record<string, readonly string[]>> = {
  "apt-get": ["upgrade", "dist-upgrade", "full-upgrade"],
  apt: ["upgrade", "dist-upgrade", "full-upgrade"],
  aptitude: ["upgrade", "safe-upgrade", "full-upgrade", "dist-upgrade"],
  yum: ["update", "upgrade", "update-minimal", "upgrade-minimal"],
  dnf: ["update", "upgrade", "update-minimal", "upgrade-minimal"],
  dnf5: ["update", "upgrade", "upgrade-minimal"],
  microdnf: ["update", "upgrade"],
  tdnf: ["update", "upgrade"],
  apk: ["upgrade"],
  // `zypper dist-upgrade` is no-zypper-dist-upgrade's.
  zypper: ["update", "up", "patch"],
};

/** Options of these managers that take a value, so that the value is not read as a package name. */
const valueOptions = [
  "-c",
  "--config",
  "--repo",
  "--repository",
  "-X",
  "--setopt",
  "--enablerepo",
  "--disablerepo",
  "-o",
  "-t",
  "--target-release",
  "--exclude",
  "-x",
  "--root",
  "-p",
  "--installroot",
  "-r",
];

export default defineRule({
  id: "no-package-upgrade",
  title: "Upgrade the base image, not its packages in a RUN",
  severity: "info",
  recommended: false,
  fixable: false,
  aliases: {
    trivy: "DS-0024",
    semgrep: [
      "avoid-apt-get-upgrade",
      "avoid-apk-upgrade",
      "avoid-dnf-update",
      "avoid-yum-update",
      "avoid-zypper-update",
    ],
  },
  docs: {
    rationale:
      "`apt-get upgrade`, `dnf update`, `apk upgrade` and the like upgrade every package of the base image in a layer of your own: the image gets bigger (the old files stay in the lower layer), the result depends on the day of the build, and the base image's maintainers no longer decide what is in it. " +
      "Rebuild on a newer base image (or a newer tag) instead, and install only the packages you need, with versions. " +
      "The rule is off by default: when a base image is slow to ship security fixes, upgrading in the image is a reasonable choice, which is why hadolint dropped these checks (DL3005, DL3017, DL3031, DL3039) and Docker's guide no longer advises against it. " +
      "Security scanners still report it (Trivy DS-0024, Semgrep `avoid-*-upgrade`), and turning the rule on gives their behaviour. " +
      "Upgrading named packages (`dnf update openssl`) is not reported.",
    bad: [
      "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
      "FROM fedora:41\nRUN dnf -y update && dnf clean all\n",
      "FROM alpine:3.20\nRUN apk upgrade --no-cache\n",
    ],
    good: [
      "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n",
      "FROM fedora:41\nRUN dnf -y update openssl && dnf clean all\n",
    ],
    seeAlso: ["no-zypper-dist-upgrade"],
  },
  messages: {
    upgrade: (command: string) =>
      `'${command}' upgrades every package of the base image in this layer; rebuild on a newer base image instead.`,
  },
  create(ctx) {
    return {
      Run(node) {
        const shell = runShell(node);
        for (const command of shell.commands) {
          const verb = upgradeVerb(command);
          if (!verb) continue;
          const end = verb.end;
          ctx.report(
            ctx.rangeOf(
              ...shell.span(command.words.find((w) => w.value === command.name)?.start ?? command.start, end),
            ),
            "upgrade",
            `${command.base} ${verb.value}`,
          );
        }
      },
    };
  },
});

/** The upgrade sub-command word of a whole-system upgrade, or null. */
function upgradeVerb(command: ShellCommand): { value: string; end: number } | null {
  const base = command.base;
  if (!base || !upgrades[base]) return null;
  const verb = subcommand(command);
  if (!verb || !upgrades[base]!.includes(verb)) return null;
  // Named packages (`dnf update openssl`, `apt-get upgrade libssl3`) are a targeted fix, not a whole-system upgrade.
  const targets = operands(command, valueOptions).filter((w) => w.value !== verb);
  if (targets.length > 0) return null;
  const word = command.args.find((w) => w.value === verb)!;
  return { value: verb, end: word.end };
}
