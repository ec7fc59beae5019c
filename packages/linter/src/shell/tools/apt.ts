import type { ShellCommand } from "../lexer.js";
import { globTest, type SemanticModel, type Stage } from "@hull/parser";
import { toolCommands, type OptionSpec, type ToolCommand } from "../options.js";

/** apt-get's options that take a value, so that the word after them is not taken for the verb. */
export const aptOptions: OptionSpec = {
  values: ["-o", "--option", "-c", "--config-file", "-t", "--target-release", "-S", "--snapshot"],
};

/**
 * True when an apt command installs from a snapshot of the archive (`--snapshot 20250101T000000Z`, apt 3.0 and
 * later, or `-o APT::Snapshot=…`), which fixes the version of every package.
 */
export function fromSnapshot(command: ShellCommand): boolean {
  return command.args.some(
    (a, i) =>
      a.value === "-S" ||
      a.value === "--snapshot" ||
      a.value.startsWith("--snapshot=") ||
      a.value.startsWith("-oAPT::Snapshot=") ||
      ((command.args[i - 1]?.value === "-o" || command.args[i - 1]?.value === "--option") &&
        a.value.startsWith("APT::Snapshot=")),
  );
}

/** True when an apt command refreshes the package lists: `update`, or another verb with `--update` (apt 3.0). */
export function updatesLists(apt: ToolCommand): boolean {
  return (
    apt.verb?.value === "update" ||
    (apt.verb !== undefined && apt.command.args.some((a) => a.value === "--update"))
  );
}

/** The programs that take apt-get's command line. */
export const aptNames: ReadonlySet<string> = new Set(["apt-get", "apt"]);

/** Where `apt-get update` writes the package lists. */
export const aptListsDir = "/var/lib/apt/lists";

/**
 * True when `rm` given `path` removes the package lists: their folder, a folder above it, a glob that matches one
 * of those (`/var/lib/apt/lists*`, `/var/lib/apt/*`), or what lies inside it (`/var/lib/apt/lists/*`).
 */
export function removesAptLists(path: string): boolean {
  const parts = path.replace(/(.)\/+$/, "$1").split("/");
  // The path is absolute: its first part is empty, as is the lists folder's.
  if (parts.length < 2 || parts[0] !== "") return false;
  for (let i = 1; i < Math.min(parts.length, listsParts.length); i++) {
    const matches = globTest(parts[i]!, "shell");
    if (matches === null || !matches(listsParts[i]!)) return false;
  }
  return true;
}

const listsParts = aptListsDir.split("/");

/** The cache mount targets that keep the lists out of the layer: the lists' folder or apt's state folder above it. */
export const aptListsMounts = [aptListsDir, "/var/lib/apt"] as const;

/** Where apt keeps downloaded packages. */
export const aptArchivesDir = "/var/cache/apt";

/** The apt-get and apt commands of a script (or of the programs `names`), each with its verb and operands. */
export function aptCommands(commands: readonly ShellCommand[], ...names: string[]): ToolCommand[] {
  return toolCommands(commands, names.length > 0 ? names : aptNames, aptOptions);
}

/**
 * The index of the first command that writes `setting` into apt's configuration, or -1: an `echo` or `printf` of
 * it into `/etc/apt/apt.conf` or a file of `/etc/apt/apt.conf.d` (by redirection, or piped to `tee`), which every
 * later apt command reads.
 */
function aptConfigWriteAt(commands: readonly ShellCommand[], setting: RegExp): number {
  const intoConfig = (path: string | undefined) => path?.startsWith("/etc/apt/apt.conf") === true;
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i]!;
    if (command.base !== "echo" && command.base !== "printf") continue;
    if (!command.args.some((a) => setting.test(a.value))) continue;
    if (command.redirects.some((r) => (r.op === ">" || r.op === ">>") && intoConfig(r.target?.value)))
      return i;
    const next = commands[i + 1];
    if (next?.operator === "|" && next.base === "tee" && next.args.some((a) => intoConfig(a.value))) return i;
  }
  return -1;
}

/** A setting a rule reads from apt's configuration files, and a word that every file writing it holds. */
export interface AptSetting {
  readonly pattern: RegExp;
  readonly mention: string;
}

/** apt's settings that rules read from its configuration files: recommended packages off, every question answered yes. */
export const aptSettings = {
  recommendsOff: { pattern: /APT::Install-Recommends\s*"?(?:0|false|no)"?/i, mention: "Install-Recommends" },
  assumeYes: { pattern: /APT::Get::Assume-Yes\s*"?(?:1|true|yes)"?/i, mention: "Assume-Yes" },
} as const satisfies Record<string, AptSetting>;

/**
 * Where the RUNs of one file read `setting` from apt's configuration, asked in source order: made once per file (a
 * rule's state). For a RUN it gives the script offset from which its apt commands read the setting: -Infinity when
 * an earlier RUN of the stage, or of a stage it is built on, wrote it; the start of the command that writes it in
 * this RUN; else Infinity. It notes the stage of a RUN that writes it. Most files never write apt's configuration:
 * one search of the file spares reading every RUN for it. `someBase` keeps its answers per test function, and bases
 * come first in the file, so an answer about them does not change later.
 */
export function aptSettingReader(
  setting: AptSetting,
): (
  semantic: SemanticModel,
  source: string,
  stage: Stage | null,
  commands: readonly ShellCommand[],
) => number {
  const written = new Set<Stage>();
  const wrote = (stage: Stage) => written.has(stage);
  let mentioned: boolean | undefined;
  return (semantic, source, stage, commands) => {
    const before = stage !== null && written.size > 0 && (wrote(stage) || semantic.someBase(stage, wrote));
    mentioned ??= source.includes(setting.mention);
    const at = mentioned ? aptConfigWriteAt(commands, setting.pattern) : -1;
    if (at >= 0 && stage !== null) written.add(stage);
    return before ? -Infinity : at >= 0 ? commands[at]!.start : Infinity;
  };
}

/** The `install` commands that really install: `-s` and its synonyms only simulate. */
export function aptInstalls(commands: readonly ShellCommand[]): ToolCommand[] {
  const installs: ToolCommand[] = [];
  for (const apt of aptCommands(commands))
    if (apt.verb?.value === "install" && !simulates(apt.command)) installs.push(apt);
  return installs;
}

/** Whether an apt command only simulates (`-s` and its synonyms). */
export function simulates(command: ShellCommand): boolean {
  return command.args.some(
    (a) =>
      /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a.value) ||
      ["--simulate", "--just-print", "--dry-run", "--recon", "--no-act"].includes(a.value),
  );
}

/** The programs that fill apt's caches: apt-get, apt and aptitude. */
export const aptFamily: ReadonlySet<string> = new Set(["apt-get", "apt", "aptitude"]);

/** Verbs that download packages into `aptArchivesDir`. */
export const aptDownloadVerbs: ReadonlySet<string> = new Set([
  "install",
  "upgrade",
  "dist-upgrade",
  "full-upgrade",
  "build-dep",
  "reinstall",
]);

/** The verb that empties `aptListsDir` as well as `aptArchivesDir` (apt 2.7 and later). */
export const aptListsCleanVerb = "dist-clean";

/** Verbs that empty `aptArchivesDir`. */
export const aptCleanVerbs: ReadonlySet<string> = new Set(["clean", "autoclean", aptListsCleanVerb]);

/**
 * Where an image's apt stands on `apt-key`, when its name says which Debian or Ubuntu release it is: "old" before
 * apt deprecated it (Debian 10, Ubuntu 20.04 and older), "deprecated" while apt still has it and warns (Debian 11
 * and 12, Ubuntu 22.04 to 24.10), "removed" from apt 2.9.15 on (Debian 13 and later, Ubuntu 25.04 and later,
 * testing and unstable). Null when the name does not say (`node:22`, an in-house image).
 */
export function aptKeyStatus(image: string): "old" | "deprecated" | "removed" | null {
  const name = image.toLowerCase().replace(/@.*/, "");
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  const repository = name
    .slice(0, colon > slash ? colon : undefined)
    .replace(/^(?:docker\.io\/)?(?:library\/)?/, "");
  const tag = colon > slash ? name.slice(colon + 1) : "latest";
  // The floating tags of the two systems' own images: `debian:stable` is Debian 13 since August 2025, and
  // `ubuntu:latest` the newest LTS release (24.04) until 26.04 is out.
  if (
    repository === "debian" &&
    /^(?:latest|stable|stable-slim|testing|unstable|sid|experimental)(?:-|$)/.test(tag)
  )
    return "removed";
  if (repository === "ubuntu" && /^(?:rolling|devel)$/.test(tag)) return "removed";
  if (repository === "ubuntu" && tag === "latest") return "deprecated";
  if (repository === "debian" || repository === "ubuntu") {
    const version = /^(\d+)(?:\.(\d+))?/.exec(tag);
    if (version) return releaseStatus(repository, Number(version[1]), Number(version[2] ?? 0));
  }
  for (const part of tag.split(/[-.]/)) {
    const status = codenames[part];
    if (status) return status;
  }
  const versioned = /(?:^|[-.])(ubuntu|debian)(\d+)(?:\.(\d+))?(?:$|[-.])/.exec(tag);
  return versioned ? releaseStatus(versioned[1]!, Number(versioned[2]), Number(versioned[3] ?? 0)) : null;
}

function releaseStatus(system: string, major: number, minor: number): "old" | "deprecated" | "removed" {
  if (system === "debian") return major >= 13 ? "removed" : major >= 11 ? "deprecated" : "old";
  const version = major + minor / 100;
  return version >= 25.04 ? "removed" : version >= 22.04 ? "deprecated" : "old";
}

const codenames: Readonly<Record<string, "old" | "deprecated" | "removed">> = {
  stretch: "old",
  buster: "old",
  bullseye: "deprecated",
  bookworm: "deprecated",
  trixie: "removed",
  forky: "removed",
  xenial: "old",
  bionic: "old",
  focal: "old",
  jammy: "deprecated",
  noble: "deprecated",
  oracular: "deprecated",
  plucky: "removed",
  questing: "removed",
  resolute: "removed",
};
