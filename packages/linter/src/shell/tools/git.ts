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

/**
 * True for the address of a branch's head in a forge's API (`https://api.github.com/repos/o/r/git/refs/heads/main`,
 * `…/commits/main`, GitLab's `…/repository/branches/main`). `ADD` of one before a `git clone` is the idiom that
 * rebuilds the clone when the branch moves: the response changes with each commit, and with it the ADD's cache key.
 * The file is never read, and a checksum would fail the build at the next commit.
 */
export function isBranchHeadUrl(url: string): boolean {
  return /^https?:\/\/(?:api\.github\.com\/repos\/[^/]+\/[^/]+\/(?:git\/refs\/heads|commits|branches)\/|[^/]+\/api\/v4\/projects\/[^/]+\/repository\/(?:branches|commits)\/)/i.test(
    url,
  );
}
