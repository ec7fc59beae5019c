import { processIo, type Io } from "../src/io.js";
import { main } from "../src/main.js";

/**
 * An in-memory Io for running `main()` in tests: files by path (relative paths are under `cwd`, default `/w`),
 * captured stdout and stderr; `writeFile` replaces a file's text, and `files` holds the texts by absolute path.
 */
export function fakeIo(
  relativeFiles: Record<string, string>,
  options: { stdin?: string; cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {},
): Io & { out: string; err: string; files: Record<string, string> } {
  const cwd = options.cwd ?? "/w";
  const files = Object.fromEntries(
    Object.entries(relativeFiles).map(([p, text]) => [p.startsWith("/") ? p : `${cwd}/${p}`, text]),
  );
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    for (let d = path.slice(0, path.lastIndexOf("/")); d.length > 0; d = d.slice(0, d.lastIndexOf("/")))
      dirs.add(d);
  }
  const io = {
    cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    out: "",
    err: "",
    files,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readFile(path: string) {
      const f = files[path];
      if (f === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return f;
    },
    readStdin: () => options.stdin ?? "",
    writeFile(path: string, text: string) {
      files[path] = text;
    },
    readDir(path: string) {
      const prefix = path.endsWith("/") ? path : `${path}/`;
      const names = new Map<string, boolean>();
      for (const p of [...Object.keys(files), ...dirs]) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const name = rest.split("/")[0]!;
        names.set(name, names.get(name) === true || rest.includes("/") || dirs.has(prefix + name));
      }
      return [...names].sort().map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    isDirectory: (path: string) => dirs.has(path.replace(/\/$/, "")),
    exists: (path: string) => path in files || dirs.has(path),
  };
  return io;
}

/** Runs the CLI on the real file system in `cwd`, capturing its output. */
export async function runIn(cwd: string, argv: string[]) {
  let out = "";
  let err = "";
  const io = {
    ...processIo,
    cwd,
    stdout: (s: string) => void (out += s),
    stderr: (s: string) => void (err += s),
  };
  const code = await main(argv, io);
  return { code, out, err };
}
