import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, existsSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { ShellcheckOutput, ShellcheckRequest } from "@hull/linter";

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
  /**
   * Runs the ShellCheck program once on the request's scripts (written to temporary files); null when it
   * cannot be run or fails.
   */
  runShellcheck?(program: string, request: ShellcheckRequest): ShellcheckOutput | null;
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
  runShellcheck: runShellcheckProcess,
  cpus: availableParallelism(),
};

function runShellcheckProcess(program: string, request: ShellcheckRequest): ShellcheckOutput | null {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), "hull-shellcheck-"));
    const files = request.scripts.map((_, i) => `${i}.sh`);
    request.scripts.forEach((text, i) => writeFileSync(join(dir!, files[i]!), text, "utf8"));
    const result = spawnSync(program, [...request.args, ...files], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      windowsHide: true,
    });
    // ShellCheck exits with 1 when it has findings; anything else means it did not check the files.
    if (result.error || (result.status !== 0 && result.status !== 1)) return null;
    return { files, stdout: result.stdout };
  } catch {
    return null;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
