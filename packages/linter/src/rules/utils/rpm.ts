import { operands, type ShellCommand, type ShellWord } from "../../shell/shell.js";

/** yum and the dnf family, which share yum's command line. */
export const yumDnfNames: ReadonlySet<string> = new Set(["yum", "dnf", "dnf5", "dnf-3", "microdnf", "tdnf"]);

/** yum/dnf options that take a value in the next word (`--enablerepo epel`). */
const yumDnfValueOptions = [
  "-c",
  "--config",
  "-d",
  "--debuglevel",
  "-e",
  "--errorlevel",
  "-R",
  "--randomwait",
  "-x",
  "--exclude",
  "--excludepkgs",
  "--enablerepo",
  "--disablerepo",
  "--repo",
  "--repoid",
  "--setopt",
  "--installroot",
  "--releasever",
  "--forcearch",
  "--color",
  "--downloaddir",
  "--destdir",
  "--rpmverbosity",
  "--advisory",
  "--advisories",
  "--bz",
  "--bzs",
  "--cve",
  "--cves",
  "--sec-severity",
  "--secseverity",
  "--comment",
  "--repofrompath",
  "--disableplugin",
  "--enableplugin",
  "--disableexcludes",
  "--disableexcludepkgs",
  "--platform-id",
];

/** zypper options that take a value in the next word: global ones and those of install-like commands. */
const zypperValueOptions = [
  "-c",
  "--config",
  "-R",
  "--root",
  "--installroot",
  "-D",
  "--reposd-dir",
  "-C",
  "--cache-dir",
  "--raw-cache-dir",
  "--solv-cache-dir",
  "--pkg-cache-dir",
  "--userdata",
  "-p",
  "--plus-repo",
  "--plus-content",
  "-r",
  "--repo",
  "--from",
  "-t",
  "--type",
  "--download",
];

/** One package-manager command: its verb (two words for `group install` and `module install`) and operands. */
export interface PackageAction {
  command: ShellCommand;
  /** `install`, `group install`, `module enable`… */
  verb: string;
  /** The first and last word of the verb. */
  verbStart: ShellWord;
  verbEnd: ShellWord;
  /** The operands after the verb (packages, files, groups). */
  operands: ShellWord[];
}

/** Verbs that take a sub-command: `dnf group install`, `dnf module enable`. */
const groupVerbs = new Set(["group", "groups", "module"]);

/** The action of a yum/dnf/microdnf/tdnf command, or null for another command or a bare `yum`. */
export function yumDnfAction(command: ShellCommand): PackageAction | null {
  if (command.base === null || !yumDnfNames.has(command.base)) return null;
  const [first, ...rest] = operands(command, yumDnfValueOptions);
  if (!first) return null;
  const sub = groupVerbs.has(first.value) ? rest.shift() : undefined;
  return {
    command,
    verb: sub ? `${first.value === "groups" ? "group" : first.value} ${sub.value}` : first.value,
    verbStart: first,
    verbEnd: sub ?? first,
    operands: rest,
  };
}

/** The action of a zypper command, or null for another command or a bare `zypper`. */
export function zypperAction(command: ShellCommand): PackageAction | null {
  if (command.base !== "zypper") return null;
  const [first, ...rest] = operands(command, zypperValueOptions);
  if (!first) return null;
  return { command, verb: first.value, verbStart: first, verbEnd: first, operands: rest };
}

/** How a cache rule reads a script: which commands fill the package cache and which clean it. */
export interface CacheCommands {
  read(command: ShellCommand): PackageAction | null;
  fills(action: PackageAction): boolean;
  cleans(action: PackageAction | null, command: ShellCommand): boolean;
  /** Where the cache lives, so that an `rm` of it counts as a clean. */
  cachePath: RegExp;
}

/** The last command of a script that fills the package cache with no clean after it, or null. */
export function lastUncleaned(commands: readonly ShellCommand[], how: CacheCommands): PackageAction | null {
  let pending: PackageAction | null = null;
  for (const command of commands) {
    const action = how.read(command);
    if (action && how.fills(action)) pending = action;
    else if (
      how.cleans(action, command) ||
      (command.base === "rm" && operands(command).some((w) => how.cachePath.test(w.value)))
    )
      pending = null;
  }
  return pending;
}
