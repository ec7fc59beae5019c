import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeUtf8, processIo, type Io } from "../src/io.js";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";

// Real files in a temporary directory: --fix is about what lands on disk (bytes, mode, atomic rename).
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hull-fix-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in `dir` on the real file system; `overrides` replace parts of its Io (a failing write). */
async function run(argv: string[], stdin?: Uint8Array, overrides: Partial<Io> = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    ...processIo,
    cwd: dir,
    env: {},
    stdoutIsTTY: false,
    cpus: 1,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    // The real strict decoding, on the given bytes.
    ...(stdin ? { readStdin: () => decodeUtf8(stdin) } : {}),
    ...overrides,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const file = (name: string) => join(dir, name);
const safeOnly =
  "FROM alpine:3.20 as Build\n# keep this comment\n\nENV A 1\nrun make \\\n\n    && make install\nUSER app\n";
const safeFixed =
  "FROM alpine:3.20 AS build\n# keep this comment\n\nENV A=1\nRUN make \\\n    && make install\nUSER app\n";
const withUnsafe = "FROM alpine:3.20\nMAINTAINER me\nENV A 1\n";

describe("hull lint --fix", () => {
  it("fixes in place, keeps the file's mode, and exits 0 when nothing is left", async () => {
    writeFileSync(file("Dockerfile"), safeOnly);
    chmodSync(file("Dockerfile"), 0o640);
    const result = await run(["lint", "--fix", "Dockerfile"]);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toBe(
      "hull: fixed 5 problems in 1 file (consistent-instruction-casing 1, from-as-casing 1, " +
        "legacy-key-value-format 1, no-empty-continuation 1, stage-name-casing 1).\n",
    );
    expect(readFileSync(file("Dockerfile"), "utf8")).toBe(safeFixed);
    expect(statSync(file("Dockerfile")).mode & 0o777).toBe(0o640);
    // The temporary file was renamed over the Dockerfile: nothing else is left in the directory.
    expect(readdirSync(dir)).toEqual(["Dockerfile"]);
  });

  it("leaves unsafe fixes to --unsafe-fixes and reports them with the flag that fixes them", async () => {
    writeFileSync(file("Dockerfile"), withUnsafe);
    const result = await run(["lint", "--fix", "Dockerfile"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("maintainer-deprecated");
    expect(result.stdout).toContain("1 problem can be fixed with `hull lint --fix --unsafe-fixes`");
    expect(readFileSync(file("Dockerfile"), "utf8")).toBe("FROM alpine:3.20\nMAINTAINER me\nENV A=1\n");

    const unsafe = await run(["lint", "--fix", "--unsafe-fixes", "Dockerfile"]);
    expect(unsafe).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(file("Dockerfile"), "utf8")).toBe(
      'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me"\nENV A=1\n',
    );
  });

  it("is idempotent: a second run changes nothing", async () => {
    writeFileSync(file("Dockerfile"), safeOnly);
    await run(["lint", "--fix", "Dockerfile"]);
    const again = await run(["lint", "--fix", "Dockerfile"]);
    expect(again).toMatchObject({ code: 0, stderr: "hull: nothing to fix.\n" });
    expect(readFileSync(file("Dockerfile"), "utf8")).toBe(safeFixed);
  });

  it("--fix-dry-run prints a unified diff and changes nothing", async () => {
    writeFileSync(file("Dockerfile"), withUnsafe);
    const result = await run(["lint", "--fix-dry-run", "Dockerfile"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n");
    expect(result.stdout).toContain("-ENV A 1\n+ENV A=1\n");
    expect(result.stderr).toContain("hull: would fix 1 problem in 1 file (legacy-key-value-format 1).\n");
    expect(readFileSync(file("Dockerfile"), "utf8")).toBe(withUnsafe);
  });

  it("says which file it could not write, and still reports that file's findings (exit 2)", async () => {
    writeFileSync(file("Dockerfile"), withUnsafe);
    const { code, stdout, stderr } = await run(
      ["lint", "--fix", "--format", "compact", "Dockerfile"],
      undefined,
      {
        writeFile: () => {
          throw new Error("ENOSPC: no space left on device");
        },
      },
    );
    expect(code).toBe(2);
    expect(stderr).toBe("hull: cannot write the fix to Dockerfile: ENOSPC: no space left on device\n");
    // The file is as it was: the finding the fix would have removed is still there, and the one it leaves.
    expect(stdout).toContain("legacy-key-value-format");
    expect(stdout).toContain("maintainer-deprecated");
    expect(readFileSync(file("Dockerfile"), "utf8")).toBe(withUnsafe);
  });

  it("replaces the file a symbolic link points to, keeping the link", async () => {
    writeFileSync(file("real.Dockerfile"), safeOnly);
    symlinkSync("real.Dockerfile", file("Dockerfile"));
    expect((await run(["lint", "--fix", "Dockerfile"])).code).toBe(0);
    expect(lstatSync(file("Dockerfile")).isSymbolicLink()).toBe(true);
    expect(readFileSync(file("real.Dockerfile"), "utf8")).toBe(safeFixed);
  });

  it("leaves a file that is not UTF-8 untouched, says why, and exits 2; other files are fixed", async () => {
    // A Latin-1 é in a comment: a lossy decode would write U+FFFD in its place.
    const latin1 = Buffer.from("FROM alpine:3.20\n# caf\xe9\nENV A 1\n", "latin1");
    writeFileSync(file("a.Dockerfile"), latin1);
    writeFileSync(file("b.Dockerfile"), safeOnly);
    const result = await run(["lint", "--fix", "."]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("hull: a.Dockerfile:2:6: not valid UTF-8 (byte 0xE9); not fixed\n");
    expect(readFileSync(file("a.Dockerfile")).equals(latin1)).toBe(true);
    expect(readFileSync(file("b.Dockerfile"), "utf8")).toBe(safeFixed);
  });

  it("keeps a byte order mark", async () => {
    writeFileSync(file("Dockerfile"), `\ufeff${safeOnly}`);
    await run(["lint", "--fix", "Dockerfile"]);
    expect(readFileSync(file("Dockerfile"), "utf8")).toBe(`\ufeff${safeFixed}`);
  });

  it("with -, prints the fixed text and reports what is left on stderr", async () => {
    const result = await run(["lint", "--fix", "-"], new TextEncoder().encode(withUnsafe));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("FROM alpine:3.20\nMAINTAINER me\nENV A=1\n");
    expect(result.stderr).toContain("maintainer-deprecated");
  });

  it("with -, refuses standard input that is not UTF-8", async () => {
    const result = await run(["lint", "--fix", "-"], Buffer.from("FROM a\n# \xff\n", "latin1"));
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe("hull lint: <stdin>:2:3: not valid UTF-8 (byte 0xFF)\n");
  });

  it.each([
    [["--unsafe-fixes"], "--unsafe-fixes needs --fix or --fix-dry-run"],
    [["--fix", "--fix-dry-run"], "--fix and --fix-dry-run cannot be combined"],
  ])("rejects %j", async (flags, message) => {
    const io = fakeIo({ Dockerfile: withUnsafe });
    expect(await main(["lint", ...flags, "Dockerfile"], io)).toBe(2);
    expect(io.err).toContain(message);
  });
});
