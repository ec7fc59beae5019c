import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runShellcheck, runShellcheckSync } from "./process.js";
import { shellcheckArgs } from "./shellcheck.js";

const shellcheckFound = spawnSync("shellcheck", ["--version"]).status === 0;
const scripts = ["#!/bin/sh\necho $a\n", "#!/bin/sh\necho fine\n"];

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A stand-in program (POSIX sh) that prints its arguments and exits with `status`. */
function program(status: number): string {
  const folder = mkdtempSync(join(tmpdir(), "hull-sc-test-"));
  folders.push(folder);
  const path = join(folder, "sc");
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@"\nexit ${status}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe.each([
  [
    "runShellcheckSync",
    async (p: string, r: Parameters<typeof runShellcheckSync>[1]) => runShellcheckSync(p, r),
  ],
  ["runShellcheck", runShellcheck],
])("%s", (_, run) => {
  it("gives the error when the program does not exist", async () => {
    const result = await run("hull-test-no-such-program", { args: [], scripts: ["echo"] });
    expect(result).toBeInstanceOf(Error);
    expect((result as NodeJS.ErrnoException).code).toBe("ENOENT");
  });

  it.skipIf(process.platform === "win32")(
    "passes the options and one file per script, and takes exit 1 (findings) as a run",
    async () => {
      const result = await run(program(1), { args: ["--format=json1"], scripts });
      if (result instanceof Error) throw result;
      expect(result).toEqual({ files: ["0.sh", "1.sh"], stdout: "--format=json1\n0.sh\n1.sh\n" });
    },
  );

  it.skipIf(process.platform === "win32")("takes another exit status as a failure", async () => {
    expect(await run(program(3), { args: [], scripts })).toBeInstanceOf(Error);
  });

  it.skipIf(!shellcheckFound)("runs the real ShellCheck (skipped where it is absent)", async () => {
    const result = await run("shellcheck", { args: shellcheckArgs, scripts });
    if (result instanceof Error) throw result;
    expect(result.files).toEqual(["0.sh", "1.sh"]);
    const comments = (JSON.parse(result.stdout) as { comments: { file: string; code: number }[] }).comments;
    expect(comments.map((c) => [c.file, c.code])).toContainEqual(["0.sh", 2086]);
    expect(comments.filter((c) => c.file === "1.sh")).toEqual([]);
  });
});
