import { readFileSync, readdirSync, statSync, existsSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";

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
