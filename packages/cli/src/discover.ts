import { relative, resolve, sep } from "node:path";
import type { Io } from "./io.js";

/** Names `hull lint DIR` picks up: Dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.*, Containerfile.*. */
export function isDockerfileName(name: string): boolean {
  if (name.endsWith(".dockerignore")) return false;
  return (
    name === "Dockerfile" ||
    name === "Containerfile" ||
    name.endsWith(".Dockerfile") ||
    name.endsWith(".dockerfile") ||
    name.startsWith("Dockerfile.") ||
    name.startsWith("Containerfile.")
  );
}

const skippedDirectories = new Set([".git", "node_modules"]);

/** A path that cannot be searched: the run reports it and ends with exit code 2. */
export class DiscoveryError extends Error {}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Finds the files to lint under the given paths, sorted; explicit files are kept whatever their name. */
export function collectFiles(paths: readonly string[], io: Io): { path: string; explicit: boolean }[] {
  const found = new Map<string, boolean>();
  const walk = (dir: string) => {
    let entries: { name: string; isDirectory: boolean }[];
    try {
      entries = io.readDir(dir);
    } catch (error) {
      throw new DiscoveryError(`cannot read directory ${displayOf(dir, io)}: ${errorMessage(error)}`);
    }
    for (const entry of entries) {
      const full = resolve(dir, entry.name);
      if (entry.isDirectory) {
        if (!skippedDirectories.has(entry.name)) walk(full);
      } else if (isDockerfileName(entry.name) && !found.has(full)) found.set(full, false);
    }
  };
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    if (io.isDirectory(full)) walk(full);
    else if (io.exists(full)) found.set(full, true);
    else throw new DiscoveryError(`no such file or directory: ${path}`);
  }
  return [...found].map(([path, explicit]) => ({ path, explicit }));
}

/** A path as the CLI shows it: relative to the working directory, with forward slashes. */
export function displayOf(path: string, io: Io): string {
  const rel = relative(io.cwd, path);
  return (rel === "" ? "." : rel).split(sep).join("/");
}
