// Starting ShellCheck, for the hosts that lint with it (the CLI and the language server): a module of its own, as
// the linter itself never starts a process and runs where there is none (the playground).
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ShellcheckOutput, ShellcheckRequest } from "./shellcheck.js";

export { runShellcheckBatch, shellcheckEachScript, type AsyncShellcheckRunner } from "./batch.js";

// ShellCheck reads files: each script is written to a temporary folder as `<i>.sh`, and the program runs there with
// the file names as arguments, so that its output names them the same way on every platform.
const fileNames = (request: ShellcheckRequest) => request.scripts.map((_, i) => `${i}.sh`);
const options = { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, windowsHide: true } as const;

/**
 * Runs ShellCheck on the request's scripts and waits for it. Returns its output, or the error that kept it from
 * checking the files (`code` "ENOENT" when there is no such program).
 */
export function runShellcheckSync(program: string, request: ShellcheckRequest): ShellcheckOutput | Error {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), "hull-shellcheck-"));
    const files = fileNames(request);
    request.scripts.forEach((text, i) => writeFileSync(join(dir!, files[i]!), text, "utf8"));
    const result = spawnSync(program, [...request.args, ...files], { ...options, cwd: dir });
    if (result.error) return result.error;
    // ShellCheck exits with 1 when it has findings; anything else means it did not check the files.
    if (result.status !== 0 && result.status !== 1)
      return new Error(
        `exited with ${result.status ?? result.signal}: ${result.stderr.trim().slice(0, 200)}`,
      );
    return { files, stdout: result.stdout };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** `runShellcheckSync` without blocking: the language server's runs, and runs side by side. */
export async function runShellcheck(
  program: string,
  request: ShellcheckRequest,
): Promise<ShellcheckOutput | Error> {
  let dir: string | undefined;
  try {
    dir = await mkdtemp(join(tmpdir(), "hull-shellcheck-"));
    const files = fileNames(request);
    await Promise.all(request.scripts.map((text, i) => writeFile(join(dir!, files[i]!), text, "utf8")));
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(program, [...request.args, ...files], { ...options, cwd: dir }, (error, out) => {
        if (error && error.code !== 1) reject(error);
        else resolve(out);
      });
    });
    return { files, stdout };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
