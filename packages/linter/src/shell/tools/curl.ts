import type { ShellCommand } from "../lexer.js";

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
  return command.args.some((a) => {
    const v = a.value;
    if (v.startsWith("--")) return v.startsWith("--progress") || wgetQuietOptions.has(v.split("=")[0]!);
    if (wgetQuietOptions.has(v)) return true;
    // A cluster of short options such as `-qO-`: after `O` (or another option with a value) comes its value.
    if (!/^-[A-Za-z]/.test(v) || v.startsWith("-n")) return false;
    for (const c of v.slice(1)) {
      if (c === "q" || c === "o" || c === "a" || c === "b") return true;
      if (wgetShortValues.includes(c)) return false;
    }
    return false;
  });
}

/** `https://e.com/a/app.tgz?x=1` → `app.tgz`: the file name a download gets by default. */
export function urlBasename(url: string): string {
  const path = url.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1);
}

/** A short option with a value inside a cluster (`-fsSLo file`, `-ofile`): the value after the letter, maybe empty. */
const clusters = { o: /^-[A-Za-z]*o(.*)$/, O: /^-[A-Za-z]*O(.*)$/, P: /^-[A-Za-z]*P(.*)$/ };

/**
 * The file a `curl` or `wget` command writes, as written (`-o file`, `-O` with the URL's name, `wget -P dir`);
 * `-` for standard output, null when the command is not a download to a file.
 */
export function downloadTarget(command: ShellCommand): string | null {
  const name = command.base ?? "";
  if (name !== "curl" && name !== "wget") return null;
  const args = command.args.map((a) => a.value);
  const url = args.find((a) => /^(?:https?|ftp):\/\//i.test(a));
  const value = (short: keyof typeof clusters, long: string): string | null => {
    const cluster = clusters[short];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === `--${long}`) return args[i + 1] ?? null;
      if (a.startsWith(`--${long}=`)) return a.slice(long.length + 3);
      const m = a.startsWith("--") ? null : cluster.exec(a);
      // `-fsSLo file`, `-o file`, `-ofile`, `-qO-`: the value follows the letter, or is the next word.
      if (m) return m[1] !== "" ? m[1]! : (args[i + 1] ?? null);
    }
    return null;
  };
  if (name === "curl") {
    const output = value("o", "output");
    if (output !== null) return output;
    return url && args.some((a) => a === "--remote-name" || /^-[A-Za-z]*O[A-Za-z]*$/.test(a))
      ? urlBasename(url)
      : null;
  }
  const output = value("O", "output-document");
  if (output !== null || !url) return output;
  const dir = value("P", "directory-prefix");
  return dir === null ? urlBasename(url) : `${dir}/${urlBasename(url)}`;
}
