import type { ShellCommand } from "../lexer.js";
import { toolCommands, type OptionSpec, type ToolCommand } from "../options.js";

/** apk's options that take a value in the next word (global ones and those of `apk add`). */
export const apkOptions: OptionSpec = {
  values: [
    "-t",
    "--virtual",
    "-X",
    "--repository",
    "-p",
    "--root",
    "--arch",
    "--keys-dir",
    "--cache-dir",
    "--repositories-file",
    "--cache-max-age",
    "--timeout",
  ],
};

/** Where apk keeps downloaded indexes and packages. */
export const apkCacheDir = "/var/cache/apk";

/** Cache mounts that keep apk's cache out of the layer (`/etc/apk/cache` links to it). */
export const apkCacheMounts = [apkCacheDir, "/etc/apk/cache"] as const;

/** Verbs that download an index into the cache unless `--no-cache` is given. */
export const apkCacheVerbs: ReadonlySet<string> = new Set(["add", "update", "upgrade"]);

/**
 * Whether an apk command keeps what it downloads in the cache: a verb that downloads, without `--no-cache` or
 * `--no-network` (which fetches nothing).
 */
export function apkFillsCache(command: ShellCommand, verb: string | undefined): boolean {
  return (
    verb !== undefined &&
    apkCacheVerbs.has(verb) &&
    !command.args.some((a) => a.value === "--no-cache" || a.value === "--no-network")
  );
}

/** The apk commands of a script, each with its verb (`add`, `del`…) and operands. */
export function apkCommands(commands: readonly ShellCommand[]): ToolCommand[] {
  return toolCommands(commands, ["apk"], apkOptions);
}
