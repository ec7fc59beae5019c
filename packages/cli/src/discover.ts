import { dirname, relative, resolve, sep } from "node:path";
import { isDockerfileName } from "@hull/parser";
import ignore, { type Ignore } from "ignore";
import type { Io } from "./io.js";

// The file names `hull lint DIR` picks up are the parser's `isDockerfileName`, shared with the editor plugins.
export { isDockerfileName };

/** Directories never searched, ignored or not: they hold other people's files. */
const skippedDirectories = new Set([".git", "node_modules"]);

/** A path that ends the run before anything is linted (exit code 2). */
export class DiscoveryError extends Error {}

export interface DiscoveredFile {
  /** Absolute path: the real path for files found in a directory, the path as given for files named on the command line. */
  path: string;
  /** Named on the command line: linted whatever its name, `.gitignore` and `ignorePaths`. */
  explicit: boolean;
}

export interface Discovery {
  /** The files to lint, each real file once, in the order found. */
  files: DiscoveredFile[];
  /** Paths that could not be searched (missing, unreadable), one line each; the run reports them and exits 2. */
  problems: string[];
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The `.gitignore` rules that apply inside one directory, with the directory they are relative to. */
interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

function slashed(path: string): string {
  return path.split(sep).join("/");
}

/** Whether `.gitignore` rules, outermost first, leave a path ignored; a deeper `!pattern` re-includes it, as in git. */
function gitIgnored(levels: readonly IgnoreLevel[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = slashed(relative(level.base, path));
    if (rel === "" || rel.startsWith("../")) continue;
    const result = level.rules.test(isDirectory ? `${rel}/` : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function readIgnoreLevel(dir: string, io: Io): IgnoreLevel | null {
  const file = resolve(dir, ".gitignore");
  if (!io.exists(file) || io.isDirectory(file)) return null;
  try {
    return { base: dir, rules: ignore().add(io.readFile(file)) };
  } catch {
    // An unreadable or non-UTF-8 .gitignore ignores nothing, as an absent one.
    return null;
  }
}

/** The `.gitignore` files from the enclosing git work tree's root down to `dir` (none outside a work tree). */
function enclosingIgnores(dir: string, io: Io): IgnoreLevel[] {
  const chain: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    chain.unshift(d);
    if (io.exists(resolve(d, ".git"))) break;
    if (dirname(d) === d) return [];
  }
  // The directory itself is read by the walk; only its ancestors here.
  chain.pop();
  return chain.map((d) => readIgnoreLevel(d, io)).filter((l): l is IgnoreLevel => l !== null);
}

/**
 * Finds the Dockerfiles under the given paths. Directories are searched recursively, skipping `.git`,
 * `node_modules` and what `.gitignore` files ignore; a symbolic link is followed to its real path, so that each
 * real file and directory is visited once and a link loop ends; a directory that cannot be read becomes a problem
 * and the search goes on. Never throws.
 */
export function discoverFiles(paths: readonly string[], io: Io): Discovery {
  const files = new Map<string, DiscoveredFile>();
  const problems: string[] = [];
  const visited = new Set<string>();
  const real = (path: string) => realPathOf(path, io);
  const walk = (dir: string, levels: readonly IgnoreLevel[]) => {
    const realDir = real(dir);
    if (visited.has(realDir)) return;
    visited.add(realDir);
    let entries: ReturnType<Io["readDir"]>;
    try {
      entries = io.readDir(dir);
    } catch (error) {
      problems.push(`cannot read directory ${displayOf(dir, io)}: ${errorMessage(error)}`);
      return;
    }
    const own = readIgnoreLevel(dir, io);
    const here = own ? [...levels, own] : levels;
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = resolve(dir, entry.name);
      if (entry.isDirectory) {
        if (!skippedDirectories.has(entry.name) && !gitIgnored(here, full, true)) walk(full, here);
      } else if (isDockerfileName(entry.name) && !gitIgnored(here, full, false)) {
        const key = entry.isSymbolicLink ? real(full) : full;
        if (!files.has(key)) files.set(key, { path: key, explicit: false });
      }
    }
  };
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    if (io.isDirectory(full)) walk(full, enclosingIgnores(full, io));
    else if (io.exists(full)) {
      const key = real(full);
      const seen = files.get(key);
      if (seen === undefined || !seen.explicit) files.set(key, { path: full, explicit: true });
    } else problems.push(`no such file or directory: ${path}`);
  }
  return { files: [...files.values()], problems };
}

/** The path with symbolic links resolved, or as given when that fails (the read reports why). */
export function realPathOf(path: string, io: Io): string {
  try {
    return io.realPath ? io.realPath(path) : path;
  } catch {
    return path;
  }
}

/** A path as the CLI shows it: relative to the working directory, with forward slashes. */
export function displayOf(path: string, io: Io): string {
  const rel = relative(io.cwd, path);
  return rel === "" ? "." : slashed(rel);
}

/** Runs git in the working directory; its output, or a DiscoveryError with git's own message. */
function git(io: Io, args: string[], what: string): string {
  if (!io.exec) throw new DiscoveryError(`${what}: git is not available here`);
  const result = io.exec("git", args, io.cwd);
  if (result.status !== 0) {
    const reason = result.stderr.trim().split("\n")[0] ?? "";
    throw new DiscoveryError(`${what}: ${reason || `git exited with status ${result.status}`}`);
  }
  return result.stdout;
}

/**
 * The absolute real paths of the files changed since a git revision: added, modified and renamed (under the new
 * name) between the revision and the work tree, staged or not, plus untracked files that `.gitignore` does not
 * exclude (a new Dockerfile is a change before it is committed). Deleted files are left out: there is nothing
 * to lint. Throws a DiscoveryError outside a git work tree or for an unknown revision.
 */
export function changedSince(revision: string, io: Io): Set<string> {
  const what = `--since ${revision}`;
  const top = git(io, ["rev-parse", "--show-toplevel"], what).trim();
  try {
    git(io, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], what);
  } catch {
    throw new DiscoveryError(`${what}: no such revision in this repository`);
  }
  const diff = git(io, ["diff", "--name-only", "-z", "-M", "--diff-filter=AMR", revision, "--"], what);
  const untracked = git(
    io,
    ["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", top],
    what,
  );
  const changed = new Set<string>();
  for (const name of [...diff.split("\0"), ...untracked.split("\0")]) {
    if (name === "") continue;
    changed.add(realPathOf(resolve(top, name), io));
  }
  return changed;
}
