import type { ShellCommand } from "../lexer.js";

/**
 * Tar archives, plain or compressed with gzip, bzip2, xz or zstd: what `ADD` unpacks by itself (BuildKit detects
 * the compression from the content) and what a layer that downloads one usually removes again.
 */
const tarArchive = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

/** True when the file name ends in a tar archive extension (`app.tgz`, `src.tar.zst`). */
export function isTarArchive(name: string): boolean {
  return tarArchive.test(name);
}

/** The commands `extractDir` reads. */
export const extractTools: ReadonlySet<string> = new Set(["tar", "unzip"]);

/** The directory `tar -C dir`/`--directory=dir` or `unzip -d dir` extracts into, as written, or null. */
export function extractDir(command: ShellCommand): string | null {
  const name = command.base;
  if (name === null || !extractTools.has(name)) return null;
  const { args } = command;
  const tar = name === "tar";
  let target: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!.value;
    if (tar ? arg === "-C" || arg === "--directory" : arg === "-d") target = args[i + 1]?.value ?? null;
    else if (tar && arg.startsWith("--directory=")) target = arg.slice("--directory=".length);
  }
  return target;
}
