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

/**
 * True when a `tar` command extracts an archive it reads from its standard input: `tar xz`, `tar -xzf -`,
 * `tar --extract -f - -C /opt` (GNU tar reads stdin when no `-f` names a file).
 */
export function extractsFromStdin(command: ShellCommand): boolean {
  if (command.base !== "tar") return false;
  const args = command.args.map((a) => a.value);
  let extract = false;
  let archive: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--extract" || arg === "--get") extract = true;
    else if (arg.startsWith("--file=")) archive = arg.slice("--file=".length);
    else if (arg === "--file") archive = args[i + 1] ?? null;
    // Bundled letters, with or without a dash in the first word (`xzf`, `-xzf`): `f` takes the next free word.
    else if (/^-?[A-Za-z]+$/.test(arg) && (arg.startsWith("-") || i === 0)) {
      if (arg.includes("x")) extract = true;
      if (arg.includes("f")) archive = args[i + 1] ?? null;
    }
  }
  return extract && (archive === null || archive === "-");
}
