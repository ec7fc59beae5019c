import type { HadolintCode } from "../../rule.js";
import type { ShellCommand, ShellWord } from "../lexer.js";
import { operands, type OptionSpec } from "../options.js";
import { removesMatching } from "./coreutils.js";

/** yum and the dnf family, which share yum's command line. */
export const yumDnfNames: ReadonlySet<string> = new Set(["yum", "dnf", "dnf5", "dnf-3", "microdnf", "tdnf"]);

/**
 * Which of a rule's two hadolint codes a command of the family falls under: hadolint has one for yum and one for
 * dnf and microdnf; the dnf family's other names (dnf5, dnf-3, tdnf), which hadolint does not check, count as dnf.
 */
export function yumOrDnfCode<C extends HadolintCode>(base: string, codes: { yum: C; dnf: C }): C {
  return base === "yum" ? codes.yum : codes.dnf;
}

/** yum/dnf options that take a value in the next word (`--enablerepo epel`). */
export const yumDnfOptions: OptionSpec = {
  values: [
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
  ],
};

/** zypper options that take a value in the next word: global ones, those of install-like commands and of `patch`. */
export const zypperOptions: OptionSpec = {
  values: [
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
    // `zypper patch`'s choice of patches.
    "-b",
    "--bugzilla",
    "--cve",
    "-g",
    "--category",
    "--severity",
    "--date",
  ],
};

/** Verbs that download metadata and packages into the cache, with dnf's short aliases (`rei`, `up-min`, `dsync`…). */
export const yumDnfCacheVerbs: ReadonlySet<string> = new Set([
  "install",
  "in",
  "localinstall",
  "groupinstall",
  "groupupdate",
  "reinstall",
  "rei",
  "update",
  "upgrade",
  "up",
  "update-minimal",
  "upgrade-minimal",
  "up-min",
  "downgrade",
  "dg",
  "distro-sync",
  "distrosync",
  "dsync",
  "swap",
  "makecache",
  "mc",
  "builddep",
  "group install",
  "group update",
  "group upgrade",
  "module install",
  "module update",
  "module upgrade",
]);

/** Where yum, dnf, dnf5 and tdnf (Photon, Azure Linux) keep metadata and packages. */
export const yumDnfCacheDirs = [
  "/var/cache/yum",
  "/var/cache/dnf",
  "/var/cache/libdnf5",
  "/var/cache/tdnf",
] as const;

/** A path under one of the caches: `/var/cache/dnf`, `/var/cache/yum/*`, `$ROOT/var/cache/libdnf5`, `/var/cache/*`. */
export const yumDnfCachePath = /(?:^|\/)var\/cache(?:\/\*?|\/(?:yum|dnf|libdnf5|tdnf)(?:\/.*)?)?$/;

/** Commands that download packages and metadata into the cache. */
export const zypperCacheVerbs: ReadonlySet<string> = new Set([
  "install",
  "in",
  "source-install",
  "si",
  "update",
  "up",
  "patch",
  "dist-upgrade",
  "dup",
  "install-new-recommends",
  "inr",
]);

/** `/var/cache/zypp`, `/var/cache/zypp/*`, `$ROOT/var/cache/zypp/packages`, `/var/cache/*`. */
export const zypperCachePath = /(?:^|\/)var\/cache(?:\/\*?|\/zypp(?:\/.*)?)?$/;

/** Verbs that change the installed packages and therefore ask "Is this ok [y/N]". */
export const yumDnfTransactionVerbs: ReadonlySet<string> = new Set([
  "install",
  "in",
  "localinstall",
  "groupinstall",
  "groupupdate",
  "groupremove",
  "reinstall",
  "rei",
  "remove",
  "rm",
  "erase",
  "update",
  "upgrade",
  "up",
  "update-minimal",
  "upgrade-minimal",
  "up-min",
  "downgrade",
  "dg",
  "distro-sync",
  "distrosync",
  "dsync",
  "autoremove",
  "swap",
  "group install",
  "group remove",
  "group update",
  "group upgrade",
  "module install",
  "module enable",
  "module disable",
  "module remove",
  "module reset",
  "module switch-to",
]);

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
  const rest = operands(command, yumDnfOptions);
  const first = rest.shift();
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

/**
 * Whether a yum/dnf action downloads metadata or packages into the cache: a verb that does, unless `-C`
 * (`--cacheonly`) keeps it to what is cached or `--assumeno` cancels the transaction.
 */
export function yumDnfFillsCache(action: PackageAction): boolean {
  return (
    yumDnfCacheVerbs.has(action.verb) &&
    !action.command.args.some(
      (a) => a.value === "-C" || a.value === "--cacheonly" || a.value === "--assumeno",
    )
  );
}

/** The action of a zypper command, or null for another command or a bare `zypper`. */
export function zypperAction(command: ShellCommand): PackageAction | null {
  if (command.base !== "zypper") return null;
  const rest = operands(command, zypperOptions);
  const first = rest.shift();
  if (!first) return null;
  return { command, verb: first.value, verbStart: first, verbEnd: first, operands: rest };
}

/** How a cache rule reads a script: which commands fill the package cache and which clean it. */
export interface CacheCommands {
  read(command: ShellCommand): PackageAction | null;
  fills(action: PackageAction): boolean;
  /** True when `command` (read as `action`) cleans what `pending`, the last command that filled it, left. */
  cleans(action: PackageAction | null, command: ShellCommand, pending: PackageAction): boolean;
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
      pending !== null &&
      (how.cleans(action, command, pending) || removesMatching(command, how.cachePath))
    )
      pending = null;
  }
  return pending;
}
