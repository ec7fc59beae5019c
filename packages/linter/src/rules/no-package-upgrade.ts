import { defineRule, type HadolintCode } from "../rule.js";
import { commandWord, type ShellCommand, type ShellWord } from "../shell/lexer.js";
import { toolCommands } from "../shell/options.js";
import { runShell, scriptRange } from "../shell/run.js";
import { apkOptions } from "../shell/tools/apk.js";
import { aptOptions } from "../shell/tools/apt.js";
import { yumDnfAction, zypperAction } from "../shell/tools/rpm.js";

/**
 * Sub-commands that upgrade every installed package, by package manager. A map, not an object: every command name
 * is looked up, and a lookup of a sliced string by property name must first find the string in V8's string table.
 */
const upgrades: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
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
  }),
);

export default defineRule({
  id: "no-package-upgrade",
  title: "Upgrade the base image, not its packages in a RUN",
  severity: "info",
  recommended: false,
  fixable: false,
  aliases: {
    // hadolint's retired upgrade checks: old `# hadolint ignore=DL3005` comments still silence their finding.
    hadolint: ["DL3005", "DL3017", "DL3031", "DL3039"],
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
      "Rebuild on a newer base image (or a newer tag) instead, and install only the packages you need, with versions.",
    limitations:
      "The rule is off by default: when a base image is slow to ship security fixes, upgrading in the image is a reasonable choice, which is why hadolint dropped these checks (DL3005, DL3017, DL3031, DL3039) and Docker's guide no longer advises against it. " +
      "Semgrep's `avoid-*-upgrade` rules still report it, and turning the rule on gives their behaviour; Trivy's DS-0024, now deprecated, reports only `apt-get dist-upgrade`. " +
      "Upgrading named packages (`dnf update openssl`) is not reported, nor an upgrade of another root file system (`--installroot`, `--root`), which the build assembles itself.",
    bad: [
      `FROM debian:12
RUN apt-get update && apt-get upgrade -y
`,
      `FROM fedora:41
RUN dnf -y update && dnf clean all
`,
      `FROM alpine:3.20
RUN apk upgrade --no-cache
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
`,
      `FROM fedora:41
RUN dnf -y update openssl && dnf clean all
`,
    ],
    seeAlso: ["no-zypper-dist-upgrade"],
  },
  messages: {
    upgrade: (command: string) =>
      `'${command}' upgrades every package of the base image in this layer; rebuild on a newer base image instead.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        const verb = upgradeVerb(command);
        if (!verb) continue;
        const name = commandWord(command) ?? command;
        ctx.report(
          {
            at: scriptRange(ctx, shell, { start: name.start, end: verb.end }),
            hadolint: retiredCodes.get(command.base!),
          },
          "upgrade",
          `${command.base} ${verb.value}`,
        );
      }
    },
  },
});

/** The retired hadolint check of each package manager's upgrade (apt's DL3005, apk's DL3017, yum's DL3031, dnf's DL3039). */
const retiredCodes: ReadonlyMap<string, HadolintCode> = new Map([
  ["apt-get", "DL3005"],
  ["apt", "DL3005"],
  ["apk", "DL3017"],
  ["yum", "DL3031"],
  ["dnf", "DL3039"],
  ["dnf5", "DL3039"],
  ["microdnf", "DL3039"],
  ["tdnf", "DL3039"],
]);

/** The upgrade sub-command word of a whole-system upgrade, or null; each manager's command line is read with its own options. */
function upgradeVerb(command: ShellCommand): ShellWord | null {
  const base = command.base;
  const verbs = base === null ? undefined : upgrades.get(base);
  if (base === null || verbs === undefined) return null;
  const action = yumDnfAction(command) ?? zypperAction(command);
  const read = action
    ? { verb: action.verb, word: action.verbStart, operands: action.operands }
    : toolCommands([command], [base], base === "apk" ? apkOptions : aptOptions).map((t) => ({
        verb: t.verb?.value,
        word: t.verb,
        operands: t.operands,
      }))[0];
  if (!read?.word || read.verb === undefined || !verbs.includes(read.verb)) return null;
  // Named packages (`dnf update openssl`, `apt-get upgrade libssl3`) are a targeted fix, not a whole-system upgrade;
  // so is `zypper patch` of named issues (`--cve=CVE-…`, `--bugzilla=…`, `-b …`).
  if (read.operands.length > 0) return null;
  // `dnf upgrade --installroot /mnt/sys-root` upgrades another root file system, which the build assembles itself.
  if (command.args.some((a) => /^--(?:installroot|root)(?:=|$)/.test(a.value))) return null;
  if (base === "zypper" && command.args.some((a) => /^(?:--cve|--bugzilla|-b)(?:=|$)/.test(a.value)))
    return null;
  return read.word;
}
