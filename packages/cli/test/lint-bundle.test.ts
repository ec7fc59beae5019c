import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../bin/hull.js", import.meta.url));
const worker = fileURLToPath(new URL("../bundle/lint-worker.mjs", import.meta.url));
const bundle = fileURLToPath(new URL("../bundle/hull.cjs", import.meta.url));
const built = existsSync(bundle) && existsSync(worker);
if (!built) console.warn("bundled CLI tests skipped: run `node scripts/bundle.mjs` first");

describe.skipIf(!built)("bundled hull lint", () => {
  const dir = mkdtempSync(join(tmpdir(), "hull-lint-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Enough files for the worker pool to start, in nested directories so that ordering is exercised.
  for (let i = 0; i < 60; i++) {
    const sub = join(dir, `svc-${i % 7}`, `part-${i}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, i % 2 ? "Dockerfile" : "app.Dockerfile"),
      `FROM alpine:3.20\nMAINTAINER n${i}\nENV A ${i}\nCOPY\n`,
    );
  }
  const lint = (threads: string) => {
    try {
      return execFileSync(process.execPath, [bin, "lint", "--format", "compact", "."], {
        cwd: dir,
        env: { ...process.env, HULL_LINT_THREADS: threads },
        encoding: "utf8",
      });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      expect(e.stderr).toBe("");
      expect(e.status).toBe(1);
      return e.stdout;
    }
  };

  it("gives the same output, in the same order, with and without worker threads", () => {
    const single = lint("1");
    const parallel = lint("4");
    expect(single.split("\n").filter(Boolean)).toHaveLength(60 * 3);
    expect(parallel).toBe(single);
  });

  it("starts from V8's code cache, and from scratch when the cache is damaged", () => {
    // Each command has its own cache beside the bundle (bin/hull.js).
    const cache = join(dirname(bundle), "hull.lint.cjs.cache");
    const first = lint("1");
    expect(existsSync(cache)).toBe(true);
    writeFileSync(cache, "not a code cache");
    expect(lint("1")).toBe(first);
    expect(readFileSync(cache).toString()).not.toBe("not a code cache");
  });

  it("writes the cache after each of a command's first three successful runs, never after a usage error", () => {
    // A copy of the CLI, so that the tests that run the real one at the same time cannot write this cache.
    const copy = mkdtempSync(join(tmpdir(), "hull-cli-"));
    try {
      for (const path of ["bin/hull.js", "bin/package.json", "bundle/hull.cjs"]) {
        mkdirSync(dirname(join(copy, path)), { recursive: true });
        writeFileSync(join(copy, path), readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url))));
      }
      const run = (...args: string[]) => {
        try {
          execFileSync(process.execPath, [join(copy, "bin/hull.js"), "lint", ...args], {
            cwd: dir,
            env: { ...process.env, HULL_LINT_THREADS: "1" },
            stdio: "pipe",
          });
          return 0;
        } catch (error) {
          return (error as { status: number }).status;
        }
      };
      const cache = join(copy, "bundle", "hull.lint.cjs.cache");
      expect(run("--no-such-flag")).toBe(2);
      expect(run("--help")).toBe(0);
      expect(existsSync(cache)).toBe(false);
      const counts = [1, 2, 3, 3].map(() => (run("--no-shellcheck", "."), readFileSync(cache)[0]));
      expect(counts).toEqual([1, 2, 3, 3]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
