import type { ShellCommand, ShellWord } from "../lexer.js";

/** wget options that silence the progress display, log elsewhere or download nothing. */
const wgetQuietOptions: ReadonlySet<string> = new Set([
  "--quiet",
  "--no-verbose",
  "--output-file",
  "--append-output",
  "--background",
  "--spider",
  "--version",
  "--help",
  "-nv",
  "-V",
  "-h",
]);

/** wget's short options that take a value (the rest of a cluster after one of them is that value). */
const wgetShortValues = "OPUTtwYeAREHDBIXl";

/** True when wget is told to stay quiet, to log elsewhere, or to download nothing. */
export function wgetIsQuiet(command: ShellCommand): boolean {
  for (const a of command.args) if (quietensWget(a.value)) return true;
  return false;
}

/** True when one wget argument makes it quiet (see `wgetIsQuiet`). */
function quietensWget(v: string): boolean {
  if (v.startsWith("--")) return v.startsWith("--progress") || wgetQuietOptions.has(v.split("=")[0]!);
  if (wgetQuietOptions.has(v)) return true;
  // A cluster of short options such as `-qO-`: after `O` (or another option with a value) comes its value.
  if (!/^-[A-Za-z]/.test(v) || v.startsWith("-n")) return false;
  for (let i = 1; i < v.length; i++) {
    const c = v[i]!;
    if (c === "q" || c === "o" || c === "a" || c === "b") return true;
    if (wgetShortValues.includes(c)) return false;
  }
  return false;
}

/** `https://e.com/a/app.tgz?x=1` → `app.tgz`: the file name a download gets by default. */
export function urlBasename(url: string): string {
  const path = url.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1);
}

const remoteUrl = /^(?:https?|ftp):\/\//i;
/** curl's `-O` alone or in a cluster of flags (`-fsSLO`): save under the URL's file name. */
const remoteNameCluster = /^-[A-Za-z]*O[A-Za-z]*$/;

/** The commands `downloadTarget` reads. */
export const downloadTools: ReadonlySet<string> = new Set(["curl", "wget"]);

/**
 * The file a `curl` or `wget` command writes, as written (`-o file`, `-O` with the URL's name, `wget -P dir`);
 * `-` for standard output, null when the command is not a download to a file.
 */
export function downloadTarget(command: ShellCommand): string | null {
  const name = command.base;
  if (name === null || !downloadTools.has(name)) return null;
  const args = command.args;
  // The URL is looked for only when the file is named after it (most downloads name their file, or print it).
  if (name === "curl") {
    const output = optionValue(args, "o", "--output", "--output=");
    if (output !== null) return output;
    for (const a of args) {
      if (a.value === "--remote-name" || remoteNameCluster.test(a.value)) {
        const url = firstUrl(args);
        return url === undefined ? null : urlBasename(url);
      }
    }
    return null;
  }
  const output = optionValue(args, "O", "--output-document", "--output-document=");
  if (output !== null) return output;
  const url = firstUrl(args);
  if (url === undefined) return null;
  const dir = optionValue(args, "P", "--directory-prefix", "--directory-prefix=");
  return dir === null ? urlBasename(url) : `${dir}/${urlBasename(url)}`;
}

/** The first argument that is an http(s) or ftp URL. */
function firstUrl(args: readonly ShellWord[]): string | undefined {
  for (const a of args) if (remoteUrl.test(a.value)) return a.value;
  return undefined;
}

/**
 * The value of the first of the arguments that sets the option: `--long value`, `--long=value`, or the short letter
 * in a cluster (`-fsSLo file`, `-o file`, `-ofile`, `-qO-`), whose value follows the letter or is the next word.
 */
function optionValue(args: readonly ShellWord[], short: string, long: string, longEq: string): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.value;
    if (a.charCodeAt(0) !== 45) continue;
    if (a.charCodeAt(1) === 45) {
      if (a === long) return args[i + 1]?.value ?? null;
      if (a.startsWith(longEq)) return a.slice(longEq.length);
      continue;
    }
    const at = clusterValueAt(a, short);
    if (at >= 0) return at < a.length ? a.slice(at) : (args[i + 1]?.value ?? null);
  }
  return null;
}

/**
 * Where the value of `short` starts in a cluster `-` + letters (`-fsSLo…`): after the last `short` among the
 * letters the cluster starts with (as getopt reads it, the rest is the value); -1 when there is none, or when the
 * rest spans lines.
 */
function clusterValueAt(a: string, short: string): number {
  const letter = short.charCodeAt(0);
  let at = -1;
  for (let i = 1; i < a.length; i++) {
    const c = a.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    if (a.charCodeAt(i) === letter) at = i;
  }
  if (at < 0) return -1;
  for (let i = at + 1; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return -1;
  }
  return at + 1;
}
