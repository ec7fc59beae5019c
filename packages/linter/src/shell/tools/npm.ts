import type { ShellCommand } from "../lexer.js";
import { toolCommands, type OptionSpec, type ToolCommand } from "../options.js";

/** npm's options that take a value in the next word. */
export const npmOptions: OptionSpec = {
  values: [
    "--prefix",
    "--registry",
    "--cache",
    "--tag",
    "--depth",
    "-w",
    "--workspace",
    "--omit",
    "--include",
    "--install-strategy",
    "--userconfig",
    "--loglevel",
  ],
};

/** yarn's options that take a value in the next word. */
export const yarnOptions: OptionSpec = {
  values: ["--cwd", "--cache-folder", "--modules-folder", "--network-timeout", "--mutex"],
};

/** npm's spellings of `install`: its aliases and the typos it accepts. */
export const npmInstallVerbs: ReadonlySet<string> = new Set([
  "install",
  "i",
  "add",
  "isntall",
  "in",
  "ins",
  "inst",
  "insta",
  "instal",
  "isnt",
  "isnta",
  "isntal",
]);

/** Where npm keeps its package cache. */
export const npmCacheDir = "~/.npm";

/** Where yarn 1 keeps its package cache (as root, and under a home). */
export const yarnCacheDirs = ["~/.cache/yarn", "/usr/local/share/.cache/yarn"] as const;

/** Cache mount targets that keep yarn's cache (yarn 1 or berry) out of the layer. */
export const yarnCacheMounts: readonly RegExp[] = [
  /\.cache\/yarn/,
  /\/\.yarn\/berry\/cache$/,
  // A project's own berry cache (`enableGlobalCache: false`), e.g. `/src/.yarn/cache`.
  /\/\.yarn\/cache$/,
  /\/yarn-cache$/,
];

/** The npm commands of a script, each with its verb and operands. */
export function npmCommands(commands: readonly ShellCommand[]): ToolCommand[] {
  return toolCommands(commands, ["npm"], npmOptions);
}

/** The yarn commands of a script, each with its verb (undefined for a bare `yarn`) and operands. */
export function yarnCommands(commands: readonly ShellCommand[]): ToolCommand[] {
  return toolCommands(commands, ["yarn"], yarnOptions);
}

/** Whether a yarn command keeps its cache in a folder it names (`--cache-folder`), not in yarn's global cache. */
export function yarnOwnCacheFolder(command: ShellCommand): boolean {
  return command.args.some((a) => a.value === "--cache-folder" || a.value.startsWith("--cache-folder="));
}

/** npm's spellings of `install` that fill its cache from the registry. */
export const npmCacheVerbs: ReadonlySet<string> = new Set(["install", "i", "ci", "add"]);
