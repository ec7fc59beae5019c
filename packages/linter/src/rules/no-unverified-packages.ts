import { defineRule } from "../rule.js";
import type { ShellCommand, ShellWord } from "../shell/lexer.js";
import { operands } from "../shell/options.js";
import { runCommands, scriptRange } from "../shell/run.js";
import { apkOptions } from "../shell/tools/apk.js";
import { aptOptions } from "../shell/tools/apt.js";

/** The arguments of a command before `--`. */
function options(command: ShellCommand): ShellWord[] {
  const end = command.args.findIndex((a) => a.value === "--");
  return command.args.slice(0, end < 0 ? undefined : end);
}

/** The arguments before `--` whose value passes `test`. */
function pick(command: ShellCommand, test: (v: string) => boolean): ShellWord[] {
  return options(command).filter((a) => test(a.value));
}

const none: readonly ShellWord[] = [];

/**
 * The words of one package-manager command that turn signature checks off. The arguments are read only for the
 * commands named below: every other command returns at once.
 */
function unverified(command: ShellCommand, next: ShellCommand | undefined): readonly ShellWord[] {
  const name = command.base ?? "";
  switch (name) {
    case "apk": {
      // `apk index --allow-untrusted` only builds an index, and a local `.apk` file is as trustworthy as the step
      // that put it there; packages fetched from a repository are what the signature protects.
      const [verb, ...packages] = operands(command, apkOptions);
      const fetches = packages.some((p) => !p.value.endsWith(".apk"));
      return (verb?.value === "add" || verb?.value === "upgrade" || verb?.value === "fix") &&
        (fetches || packages.length === 0)
        ? pick(command, (v) => v === "--allow-untrusted")
        : none;
    }
    case "apt-get":
    case "apt":
    case "aptitude": {
      // Removing packages (`purge --force-yes`) installs nothing, so only the verbs that fetch are checked.
      const verb = operands(command, aptOptions)[0]?.value;
      if (verb === "update")
        return pick(
          command,
          (v) =>
            v === "--allow-insecure-repositories" ||
            /^(?:-o)?Acquire::AllowInsecureRepositories=(?:true|1|yes)$/i.test(v),
        );
      if (
        ![
          "install",
          "upgrade",
          "dist-upgrade",
          "full-upgrade",
          "reinstall",
          "download",
          "source",
          "build-dep",
          "safe-upgrade",
        ].includes(verb ?? "")
      )
        return none;
      return pick(
        command,
        (v) =>
          v === "--allow-unauthenticated" ||
          v === "--force-yes" ||
          /^(?:-o)?APT::Get::AllowUnauthenticated=(?:true|1|yes)$/i.test(v),
      );
    }
    case "yum":
    case "dnf":
    case "dnf5":
    case "dnf-3":
    case "microdnf":
    case "tdnf":
      return pick(
        command,
        (v) => v === "--nogpgcheck" || /^--setopt=(?:[^=]*\.)?(?:repo_)?gpgcheck=(?:0|false|no)$/i.test(v),
      );
    case "zypper":
      return pick(command, (v) => v === "--no-gpg-checks");
    case "rpm": {
      const installs = options(command).some(
        (a) =>
          /^-[a-zA-Z]*[iUF]/.test(a.value) ||
          ["--install", "--upgrade", "--freshen", "--reinstall"].includes(a.value),
      );
      return installs
        ? pick(command, (v) => ["--nosignature", "--nodigest", "--nofiledigest", "--noverify"].includes(v))
        : none;
    }
    case "echo":
    case "printf":
      // `echo "deb [trusted=yes] http://… ./" > /etc/apt/sources.list.d/x.list`; a local `file:` repository of
      // packages built in the same step has nothing to protect against.
      // Written with a redirection, or through `| tee`.
      return command.redirects.some((r) => r.op === ">" || r.op === ">>") ||
        (next?.operator === "|" && next.base === "tee")
        ? pick(command, (v) => /^deb(?:-src)?\s+\[[^\]]*\btrusted=yes\b[^\]]*\]\s+(?!file:|copy:)/.test(v))
        : none;
    default:
      return none;
  }
}

export default defineRule({
  id: "no-unverified-packages",
  title: "Do not turn off package signature checks",
  severity: "warning",
  fixable: false,
  aliases: {
    checkov: ["CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11"],
  },
  security: "high",
  docs: {
    rationale:
      "Package managers check every package against the distribution's signing keys, so that a mirror, a proxy or an attacker on the network cannot slip in a modified package. " +
      "Options such as `apk add --allow-untrusted` (for packages from a repository; a local `.apk` file is as trustworthy as the step that put it there), `apt-get --allow-unauthenticated` or `--force-yes`, a `[trusted=yes]` apt source, `yum`/`dnf --nogpgcheck`, `zypper --no-gpg-checks` and `rpm --nosignature`/`--nodigest` turn that check off, and a tampered package then installs as root without a warning. " +
      "Import the repository's signing key instead (`/etc/apt/keyrings`, `/etc/apk/keys`, `rpm --import`), or verify a downloaded package file against a checksum before installing it.",
    limitations:
      "Checkov reports these as CKV2_DOCKER_7 (apk), CKV2_DOCKER_8 (`--allow-unauthenticated`), CKV2_DOCKER_9 (`--nogpgcheck`), CKV2_DOCKER_10 (rpm) and CKV2_DOCKER_11 (`--force-yes`).",
    bad: [
      `FROM debian:12
RUN apt-get update && apt-get install -y --allow-unauthenticated curl
`,
      `FROM alpine:3.20
RUN apk add --allow-untrusted --repository https://packages.example.com/alpine/ tool
`,
      `FROM rockylinux:9
RUN dnf install -y --nogpgcheck https://example.com/tool.rpm
`,
    ],
    good: [
      `FROM alpine:3.20
COPY packager.rsa.pub /etc/apk/keys/
RUN apk add --repository https://packages.example.com/alpine/ tool
`,
      `FROM rockylinux:9
RUN rpm --import https://example.com/RPM-GPG-KEY && dnf install -y https://example.com/tool.rpm
`,
    ],
    seeAlso: [
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunApkAllowUntrusted.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunAptGetAllowUnauthenticated.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunYumNoGpgCheck.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunRpmNoSignature.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunAptGetForceYes.yaml",
    ],
  },
  messages: {
    unverified: (tool: string, option: string) =>
      `'${tool} ${option}' installs packages without checking their signatures; import the signing key instead.`,
  },
  visitor: {
    Run(node, ctx) {
      const { shell, all } = runCommands(node, ctx);
      for (const [k, command] of all.entries()) {
        for (const word of unverified(command, all[k + 1])) {
          const trusted = word.raw.indexOf("trusted=yes");
          if (/trusted=yes/.test(word.value) && trusted >= 0) {
            const at = { start: word.start + trusted, end: word.start + trusted + "trusted=yes".length };
            ctx.report(scriptRange(ctx, shell, at), "unverified", "apt source", "[trusted=yes]");
          } else {
            ctx.report(scriptRange(ctx, shell, word), "unverified", command.base!, word.value);
          }
        }
      }
    },
  },
});
