import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";

/** Everything the CLI needs from the outside world; tests pass a fake. */
export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when standard output is a terminal (colour allowed). */
  stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file; throws an Error with a readable message on failure. */
  readFile(path: string): string;
  readStdin(): string;
  /** Writes a UTF-8 file, replacing it; throws an Error with a readable message on failure. */
  writeFile?(path: string, text: string): void;
  /** Reads a file's bytes, for callers that must not decode lossily; throws like `readFile`. */
  readBytes?(path: string): Uint8Array;
  /** Reads standard input's bytes. */
  readStdinBytes?(): Uint8Array;
  /**
   * Replaces a file's text atomically: readers see the old file or the new one, never a half-written one.
   * Keeps the file's mode; through a symbolic link, replaces the file it points to.
   */
  replaceFile?(path: string, text: string): void;
  /** Lists a directory's entries, marking sub-directories. */
  readDir(path: string): { name: string; isDirectory: boolean }[];
  isDirectory(path: string): boolean;
  exists(path: string): boolean;
  /** How many threads may lint in parallel; absent or 1 means everything runs in this thread. */
  cpus?: number;
}

/** The real process IO. */
export const processIo: Io = {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFileSync(path, "utf8"),
  readStdin: () => readFileSync(0, "utf8"),
  writeFile: (path, text) => writeFileSync(path, text, "utf8"),
  readBytes: (path) => readFileSync(path),
  readStdinBytes: () => readFileSync(0),
  replaceFile,
  readDir: (path) =>
    readdirSync(path, { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory() })),
  isDirectory: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  exists: (path) => existsSync(path),
  cpus: availableParallelism(),
};

/** Writes a temporary file beside the target (same file system, so that rename is atomic), then renames it over. */
function replaceFile(path: string, text: string): void {
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.hull-tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", mode);
    // The mode given to open is masked by the umask; set it exactly.
    fchmodSync(fd, mode);
    writeSync(fd, text, null, "utf8");
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}
