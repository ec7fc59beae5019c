import { execFileSync, spawnSync } from "node:child_process";
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

  /**
   * A copy of the CLI (bin, hull.cjs and the other `bundleFiles`) in a temporary folder, so that the tests that run
   * the real one at the same time cannot write its caches, and a way to run it there.
   */
  const copyCli = (...bundleFiles: string[]) => {
    const copy = mkdtempSync(join(tmpdir(), "hull-cli-"));
    for (const path of [
      "bin/hull.js",
      "bin/package.json",
      "bundle/hull.cjs",
      ...bundleFiles.map((f) => `bundle/${f}`),
    ]) {
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      writeFileSync(join(copy, path), readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url))));
    }
    const run = (args: string[], env: Record<string, string> = {}) =>
      execFileSync(process.execPath, [join(copy, "bin/hull.js"), ...args], {
        cwd: dir,
        env: { ...process.env, HULL_LINT_THREADS: "1", ...env },
        encoding: "utf8",
      });
    return { copy, run };
  };

  it("gives the same output, in the same order, with and without worker threads", () => {
    const single = lint("1");
    const parallel = lint("4");
    expect(single.split("\n").filter(Boolean)).toHaveLength(60 * 3);
    expect(parallel).toBe(single);
  });

  it("loads none of the built-in modules that only some runs need to lint one file", () => {
    // scripts/bundle.mjs makes them load on first use; each costs every start a few milliseconds, and fs/promises
    // alone brings eight more of Node's modules. The list Node keeps of the modules it loaded is printed on exit.
    const preload = join(dir, "modules.cjs");
    writeFileSync(
      preload,
      'process.on("exit", () => require("node:fs").writeSync(2, process.moduleLoadList.join("\\n")));\n',
    );
    const file = join(dir, "svc-0", "part-0", "app.Dockerfile");
    const run = spawnSync(process.execPath, ["-r", preload, bin, "lint", "--no-shellcheck", file], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    const loaded = run.stderr.split("\n");
    expect(loaded).toContain("NativeModule vm");
    for (const name of ["crypto", "child_process", "worker_threads", "fs/promises", "readline"])
      expect(loaded).not.toContain(`NativeModule ${name}`);
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
    const { copy } = copyCli();
    try {
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
      const one = join("svc-1", "part-1", "Dockerfile");
      const counts = [1, 2, 3, 3].map(() => (run("--no-shellcheck", one), readFileSync(cache)[0]));
      expect(counts).toEqual([1, 2, 3, 3]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("keeps the cache a short run wrote when a run lints many files in this thread", () => {
    const { copy } = copyCli();
    try {
      const run = (...paths: string[]) => {
        try {
          execFileSync(process.execPath, [join(copy, "bin/hull.js"), "lint", "--no-shellcheck", ...paths], {
            cwd: dir,
            env: { ...process.env, HULL_LINT_THREADS: "1" },
            stdio: "pipe",
          });
        } catch (error) {
          expect((error as { status: number }).status).toBe(1);
        }
      };
      const cache = join(copy, "bundle", "hull.lint.cjs.cache");
      // The 60 files, with no cache yet: one is written (better than none), not counted.
      run(".");
      expect(readFileSync(cache)[0]).toBe(0);
      run(join("svc-1", "part-1", "Dockerfile"));
      const short = readFileSync(cache);
      expect(short[0]).toBe(1);
      run(".");
      expect(readFileSync(cache).equals(short)).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("writes the cache after a run in worker threads without counting it", () => {
    // With the worker beside the bundle, so that the 60 files are linted in threads.
    const { copy } = copyCli("lint-worker.mjs");
    try {
      const run = (threads: string, ...paths: string[]) => {
        try {
          execFileSync(process.execPath, [join(copy, "bin/hull.js"), "lint", "--no-shellcheck", ...paths], {
            cwd: dir,
            env: { ...process.env, HULL_LINT_THREADS: threads },
            stdio: "pipe",
          });
        } catch (error) {
          expect((error as { status: number }).status).toBe(1);
        }
      };
      const cache = join(copy, "bundle", "hull.lint.cjs.cache");
      run("2", ".");
      expect(readFileSync(cache)[0]).toBe(0);
      run("2", ".");
      expect(readFileSync(cache)[0]).toBe(0);
      // One file never starts a thread: that run counts.
      run("2", join("svc-1", "part-1", "Dockerfile"));
      expect(readFileSync(cache)[0]).toBe(1);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("compiles the config libraries a config file needs through caches of their own", () => {
    const { copy } = copyCli("ajv.cjs", "yaml.cjs", "config-validators.cjs");
    const project = mkdtempSync(join(tmpdir(), "hull-config-"));
    try {
      writeFileSync(join(project, "Dockerfile"), "FROM alpine:3.20\nMAINTAINER someone\n");
      writeFileSync(join(project, ".hullrc.yaml"), "rules:\n  maintainer-deprecated: off\n");
      const run = () => {
        try {
          return execFileSync(
            process.execPath,
            [join(copy, "bin/hull.js"), "lint", "--format", "compact", "."],
            {
              cwd: project,
              encoding: "utf8",
              stdio: "pipe",
            },
          );
        } catch (error) {
          const e = error as { status: number; stdout: string; stderr: string };
          return `exit ${e.status}\n${e.stdout}${e.stderr}`;
        }
      };
      // The config is checked by the validators compiled from the rules when the CLI was bundled: ajv is not loaded.
      const caches = ["config-validators", "yaml"].map((name) => join(copy, "bundle", `${name}.cjs.cache`));
      const counts = () => caches.map((cache) => readFileSync(cache)[0]);
      // The config's setting holds with the libraries compiled afresh, from their caches, and from damaged ones.
      expect(run()).toBe("");
      expect(counts()).toEqual([1, 1]);
      expect(run()).toBe("");
      expect(counts()).toEqual([2, 2]);
      for (const cache of caches) writeFileSync(cache, "not a code cache");
      expect(run()).toBe("");
      expect(counts()).toEqual([1, 1]);
      // A config that fails validation ends the run with exit 2 and writes no cache.
      writeFileSync(join(project, ".hullrc.yaml"), "rules:\n  maintainer-deprecated: sometimes\n");
      expect(run()).toMatch(/^exit 2\n.*rules\.maintainer-deprecated/s);
      expect(counts()).toEqual([1, 1]);
      expect(existsSync(join(copy, "bundle", "ajv.cjs.cache"))).toBe(false);
      // An install that lost a library says so, without a stack trace.
      rmSync(join(copy, "bundle", "config-validators.cjs"));
      expect(run()).toBe(
        "exit 2\nhull: config-validators.cjs is missing beside the CLI bundle; reinstall hull (or run `pnpm bundle`).\n",
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("says that diff.cjs is missing, without a stack trace, when a dry run needs it", () => {
    const { copy } = copyCli();
    try {
      const result = spawnSync(
        process.execPath,
        [join(copy, "bin/hull.js"), "lint", "--fix-dry-run", join("svc-1", "part-1", "Dockerfile")],
        { cwd: dir, encoding: "utf8" },
      );
      expect(result.stderr).toBe(
        "hull lint: diff.cjs is missing beside the CLI bundle; reinstall hull (or run `pnpm bundle`).\n",
      );
      expect(result.status).toBe(2);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("never runs the cache of another build, even one of the same length", () => {
    const { copy, run } = copyCli();
    try {
      expect(run(["--version"]).trim()).toBe("0.1.0");
      expect(existsSync(join(copy, "bundle", "hull.other.cjs.cache"))).toBe(true);
      // Another build of the same length (V8 checks no more than that): another version and fingerprint.
      const file = join(copy, "bundle", "hull.cjs");
      const text = readFileSync(file, "utf8");
      const next = text
        .replace('"0.1.0"', '"9.1.0"')
        .replace(/hull-build=[0-9a-f]{64}/, `hull-build=${"0".repeat(64)}`);
      expect(next).not.toBe(text);
      expect(next).toHaveLength(text.length);
      writeFileSync(file, next);
      expect(run(["--version"]).trim()).toBe("9.1.0");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("keeps the cache in the user's cache folder when it cannot be written beside the bundle", () => {
    const { copy, run } = copyCli();
    const home = mkdtempSync(join(tmpdir(), "hull-home-"));
    try {
      // A folder where the cache file would go: it can be neither read nor replaced (even by root).
      mkdirSync(join(copy, "bundle", "hull.lint.cjs.cache", "x"), { recursive: true });
      const build = /hull-build=([0-9a-f]{64})/.exec(
        readFileSync(join(copy, "bundle", "hull.cjs"), "utf8"),
      )![1]!;
      const cache = join(home, "hull", `${build}.lint.cache`);
      const counts = [1, 2].map(() => {
        try {
          run(["lint", "--no-shellcheck", join("svc-1", "part-1", "Dockerfile")], { XDG_CACHE_HOME: home });
        } catch (error) {
          expect((error as { status: number }).status).toBe(1);
        }
        return readFileSync(cache)[0];
      });
      // The second run read the first one's cache (else it would count 1 again).
      expect(counts).toEqual([1, 2]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
