import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  fstatSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { isatty } from "node:tty";
import type { ShellcheckOutput, ShellcheckRequest } from "@hull/linter";
import { runShellcheck, runShellcheckSync } from "@hull/linter/shellcheck-process";

/** Everything the CLI needs from the outside world; tests pass a fake. */
export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when standard output is a terminal (colour allowed). */
  stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file that must be valid UTF-8; throws an `EncodingError` if it is not, an Error with a readable message on other failures. */
  readFile(path: string): string;
  /** Reads standard input, which must be valid UTF-8 (as `readFile`). */
  readStdin(): string;
  /** Replaces a file's content with UTF-8 text (`replaceFile`); throws an Error with a readable message on failure. */
  writeFile?(path: string, text: string): void;
  /**
   * Lists a directory's files and sub-directories, marking the sub-directories and symbolic links (whose target
   * `isDirectory` tells); not its pipes, sockets and devices.
   */
  readDir(path: string): { name: string; isDirectory: boolean; isSymbolicLink?: boolean }[];
  isDirectory(path: string): boolean;
  exists(path: string): boolean;
  /**
   * Runs the ShellCheck program once on the request's scripts (written to temporary files); null when it
   * cannot be run or fails.
   */
  runShellcheck?(program: string, request: ShellcheckRequest): ShellcheckOutput | null;
  /**
   * `runShellcheck` without blocking, so that several runs can go side by side, with the error when it fails;
   * absent in most fakes.
   */
  runShellcheckAsync?(program: string, request: ShellcheckRequest): Promise<ShellcheckOutput | Error>;
  /** The path with every symbolic link resolved; absent in fakes without links. */
  realPath?(path: string): string;
  /** Runs a program to its end (git, for `--since`); a program that cannot start gives status 127 and the reason. */
  exec?(
    command: string,
    args: readonly string[],
    cwd: string,
  ): { status: number; stdout: string; stderr: string };
  /** How many threads may lint in parallel; absent or 1 means everything runs in this thread. */
  cpus?: number;
}

/** Bytes that are not UTF-8, at a 1-based line and column (UTF-16 code units, as every output counts them). */
export class EncodingError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly byte: number,
  ) {
    super(`${line}:${column}: not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")})`);
  }
}

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms, surrogates and
 * code points past U+10FFFF are ill-formed, as the WHATWG decoder treats them), or -1 when every byte is fine.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const tail =
      lead >= 0xc2 && lead <= 0xdf
        ? 1
        : lead >= 0xe0 && lead <= 0xef
          ? 2
          : lead >= 0xf0 && lead <= 0xf4
            ? 3
            : 0;
    if (tail === 0) return i;
    let cp = lead & (0x3f >> tail);
    for (let k = 1; k <= tail; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (tail === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    if (tail === 3 && (cp < 0x10000 || cp > 0x10ffff)) return i;
    i += tail + 1;
  }
  return -1;
}

/**
 * Decodes UTF-8 strictly: a byte order mark is kept (the parser knows it), anything ill-formed throws an
 * `EncodingError` naming where. Lenient decoding would turn each bad byte into U+FFFD, and `fmt --write`
 * would then write that damage back.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const bad = at < 0 ? bytes.length - 1 : at;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    // Skip a byte order mark on line 1, as the parser's columns do.
    if (lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && bad >= 3)
      lineStart = 3;
    const column = strictDecoder.decode(bytes.subarray(lineStart, bad)).length + 1;
    throw new EncodingError(line, column, bytes[bad] ?? 0);
  }
}

/** How a failure to read a file is reported, one line without the command's prefix. */
export function readFailure(displayPath: string, error: unknown): string {
  if (error instanceof EncodingError) return `${displayPath}:${error.message}`;
  return `cannot read ${displayPath}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Replaces a file's content, and nothing else about the file. Where it can, atomically: a temporary file beside it,
 * with the original's owner and permission bits, renamed over it, so that a crash or a full disk never leaves a
 * half-written Dockerfile. A symbolic link is followed: the link stays, its target gets the new content.
 *
 * A rename makes a new file, which is not always the same file with new content; there the file is rewritten in
 * place, as editors do: when it has other hard links (they would keep the old content), when the new file cannot
 * take its owner or group (a run as root on a user's checkout made the user's files root's), and when no file can
 * be made in its folder. A file this user may not write is left as it is (a rename would replace a file made
 * read-only, as a Perforce checkout does until `p4 edit`): the error says so.
 */
export function replaceFile(path: string, text: string): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A new file: write it where it was asked.
  }
  let original: Stats | undefined;
  try {
    original = statSync(target);
  } catch {
    original = undefined;
  }
  if (original !== undefined) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw new Error(
        (error as NodeJS.ErrnoException).code === "EROFS"
          ? "the file system is read-only"
          : "permission denied: the file is read-only to this user",
        { cause: error },
      );
    }
    if (original.nlink > 1) {
      writeFileSync(target, text, "utf8");
      return;
    }
  }
  const temp = join(
    dirname(target),
    `.${basename(target)}.hull-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  try {
    writeFileSync(temp, text, {
      encoding: "utf8",
      flag: "wx",
      mode: original === undefined ? 0o666 : original.mode & 0o7777,
    });
  } catch (error) {
    // A write that failed half-way (a full disk) leaves what it wrote.
    removeQuietly(temp);
    // A folder this user may not write, holding a file they may: in place.
    if (original === undefined || !isPermissionError(error)) throw error;
    writeFileSync(target, text, "utf8");
    return;
  }
  let renamed = false;
  try {
    if (original === undefined || takeIdentity(temp, original)) {
      renameSync(temp, target);
      renamed = true;
    }
  } finally {
    if (!renamed) removeQuietly(temp);
  }
  // Another user's file: in place, so that it stays theirs.
  if (!renamed) writeFileSync(target, text, "utf8");
}

/**
 * Gives a new file the owner, group and permission bits of the file it replaces; false when it cannot take the
 * owner or group. The owner first: changing it clears the set-user-ID and set-group-ID bits.
 */
function takeIdentity(file: string, original: Stats): boolean {
  const made = statSync(file);
  if (made.uid !== original.uid || made.gid !== original.gid) {
    try {
      chownSync(file, original.uid, original.gid);
    } catch {
      return false;
    }
  }
  // The creation mode was filtered by the umask; set the original's bits exactly.
  chmodSync(file, original.mode & 0o7777);
  return true;
}

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "EACCES" || code === "EPERM";
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Nothing was created, or it is gone already.
  }
}

/**
 * Writes to standard output or error with write(2), without `process.stdout`: making that stream loads Node's
 * stream modules (and for a pipe or a terminal, net), a few milliseconds of every `hull lint` (bench/startup.mjs),
 * and a write to a file, pipe or terminal is synchronous on Linux anyway. A descriptor left non-blocking by
 * whoever shares it can refuse a write (EAGAIN); the rest of the output then goes through the stream, which waits.
 * When the reader has gone (`hull lint | head -1`, EPIPE), the rest of the output is dropped without a stack
 * trace, and the run ends with its own exit code (a gate under `set -o pipefail` still fails on findings).
 * On Windows the stream is used from the start: a console shows bytes in its own code page, and only the stream
 * writes text to it as text.
 */
function writerOf(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let fallback: NodeJS.WriteStream | undefined;
  let closed = false;
  if (process.platform === "win32") {
    return (text) => {
      if (!fallback) {
        exitQuietlyOnBrokenPipe();
        fallback = stream();
      }
      fallback.write(text);
    };
  }
  return (text) => {
    if (closed) return;
    if (fallback) {
      fallback.write(text);
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") {
        closed = true;
        return;
      }
      if (code !== "EAGAIN") throw error;
      exitQuietlyOnBrokenPipe();
      fallback = stream();
      fallback.write(bytes.subarray(done));
    }
  };
}

/**
 * True when the descriptor is a terminal. Only a character device can be one, and `/dev/null` (output thrown away)
 * never is: asking node:tty loads the modules that `writerOf` avoids, so a pipe, a file or `/dev/null` is told by
 * its status alone.
 */
function isTerminal(fd: number): boolean {
  try {
    const status = fstatSync(fd);
    if (!status.isCharacterDevice()) return false;
    if (process.platform !== "win32") {
      const devNull = statSync("/dev/null");
      if (status.rdev === devNull.rdev && status.ino === devNull.ino) return false;
    }
  } catch {
    return false;
  }
  return isatty(fd);
}

let stdoutIsTTY: boolean | undefined;

/** The real process IO. */
export const processIo: Io = {
  cwd: process.cwd(),
  env: process.env,
  get stdoutIsTTY() {
    return (stdoutIsTTY ??= isTerminal(1));
  },
  stdout: writerOf(1, () => process.stdout),
  stderr: writerOf(2, () => process.stderr),
  readFile: (path) => decodeUtf8(readFileSync(path)),
  readStdin: () => decodeUtf8(readFileSync(0)),
  writeFile: replaceFile,
  // Pipes, sockets and devices are left out: reading a named pipe called Dockerfile would wait for a writer for
  // ever, and `hull lint .` never ended.
  readDir: (path) =>
    readdirSync(path, { withFileTypes: true }).flatMap((d) => {
      if (!d.isSymbolicLink())
        return d.isFile() || d.isDirectory() ? [{ name: d.name, isDirectory: d.isDirectory() }] : [];
      let isDirectory = false;
      try {
        const target = statSync(join(path, d.name));
        if (!target.isFile() && !target.isDirectory()) return [];
        isDirectory = target.isDirectory();
      } catch {
        // A dangling link: neither a directory nor a readable file; reading it reports the error.
      }
      return [{ name: d.name, isDirectory, isSymbolicLink: true }];
    }),
  isDirectory: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  exists: (path) => existsSync(path),
  runShellcheck: (program, request) => orNull(runShellcheckSync(program, request)),
  runShellcheckAsync: runShellcheck,
  realPath: (path) => realpathSync(path),
  exec: (command, args, cwd) => {
    const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
    if (result.error) return { status: 127, stdout: "", stderr: `${command}: ${result.error.message}` };
    return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
  },
  get cpus() {
    return availableParallelism();
  },
};

/** A run that failed is one the CLI does again file by file, or goes without: why it failed is not shown. */
const orNull = (output: ShellcheckOutput | Error): ShellcheckOutput | null =>
  output instanceof Error ? null : output;

let quietOnBrokenPipe = false;

/**
 * Ends the process quietly when whoever reads our output stops reading (`hull lint | head -1`): an EPIPE on
 * standard output is not a failure of hull, so no stack trace. For the streams themselves (`process.stdout`),
 * which the language server uses, and `processIo` only when a write would block.
 */
export function exitQuietlyOnBrokenPipe(): void {
  if (quietOnBrokenPipe) return;
  quietOnBrokenPipe = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    });
  }
}
