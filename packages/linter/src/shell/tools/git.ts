import type { OptionSpec } from "../options.js";

/** `git clone`'s options that take a value in the next word. */
export const gitCloneOptions: OptionSpec = {
  values: [
    "-b",
    "--branch",
    "--depth",
    "-c",
    "--config",
    "-o",
    "--origin",
    "--reference",
    "-j",
    "--jobs",
    "--filter",
    "--separate-git-dir",
    "-u",
    "--upload-pack",
    "--shallow-since",
    "--shallow-exclude",
  ],
};
