#!/usr/bin/env node
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file (bin/package.json) */
// Starts the bundled CLI through V8's code cache: the bundle is compiled once, and later starts (a pre-commit
// hook, an editor's lint on save) skip most of the compiling. The cache sits beside the bundle, or, where that
// folder is read-only (a global install by root, an image), in the user's cache folder; a run that can write
// neither still works, only without it (measured: twice the CPU time of a run with it).
//
// This file is CommonJS (bin/package.json says so): an ES module entry would load Node's ESM loader first,
// a few milliseconds of every run. Each command has a cache of its own, written after its first run, so that it
// holds the functions that command compiled: one shared cache would hold only those of whichever command ran
// first (often `--version`), and `hull lint` would compile its own every time.
//
// A cache holds only what the runs that wrote it compiled, so the first runs of a command each write it again
// (its first byte counts them, up to `cacheWrites`): a single first run that linted one small file, or failed,
// left a cache without most rules, and every later `hull lint` compiled them again (measured: 1.6 times
// `node -e 0` instead of 1.47). Runs that end in a usage error or print help never write it, and a `hull lint`
// that linted in worker threads writes it without being counted (src/run-record.ts). The config libraries the
// bundle requires when it reads a config file have caches of their own, written the same way (`bundleRequire`).
//
// V8 checks only that a cache was made for a source of the same length, and then runs the code it holds: a cache
// of an older build whose hull.cjs had the same length would run that build. So the cache also records the build
// it was made for (the fingerprint on the bundle's last line, scripts/bundle.mjs), and is used for that build only.
const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const vm = require("node:vm");

const dir = join(__dirname, "..", "bundle");
const file = join(dir, "hull.cjs");
if (!existsSync(file)) {
  process.stderr.write("hull: the CLI is not built yet; run `pnpm bundle` at the repository root.\n");
  process.exit(2);
}
// The commands (packages/cli/src/main.ts); any other first argument (help, a typo) shares one cache.
const command = ["lint", "fmt", "parse", "plan", "rules", "lsp"].includes(process.argv[2])
  ? process.argv[2]
  : "other";
const userCache = userCacheDir();
const cacheWrites = 3;
const marker = "//# hull-build=";
// The bundle is a CommonJS module already wrapped in its function (scripts/bundle.mjs), so the file is compiled
// as it is read.
const script = cachedScript(file, `hull.${command}.cjs`, command, false);
const bundle = { exports: {} };
const plainRequire = createRequire(file);
const libraries = new Map();
script.runInThisContext()(bundle.exports, bundleRequire, bundle, file, dir);

/**
 * The bundle's `require`. The config libraries beside it (ajv.cjs, yaml.cjs and config-validators.cjs, the
 * validators compiled from the rules; scripts/config-libraries.mjs), which a run loads when it reads a config file,
 * are compiled through caches of their own: compiling them, and ajv's first compile of a schema, made `hull lint`
 * beside a `.hullrc.yaml` 60 ms slower than without one.
 */
function bundleRequire(id) {
  if (id !== "./ajv.cjs" && id !== "./yaml.cjs" && id !== "./config-validators.cjs") return plainRequire(id);
  let library = libraries.get(id);
  if (library === undefined) {
    const path = join(dir, id);
    if (!existsSync(path)) {
      process.stderr.write(
        `hull: ${id.slice(2)} is missing beside the CLI bundle; reinstall hull (or run \`pnpm bundle\`).\n`,
      );
      process.exit(2);
    }
    const name = id.slice(2, -".cjs".length);
    library = { exports: {} };
    libraries.set(id, library);
    cachedScript(path, `${name}.cjs`, name, true).runInThisContext()(
      library.exports,
      createRequire(path),
      library,
      path,
      dir,
    );
  }
  return library.exports;
}

/**
 * `path` compiled with its code cache: `name.cache` beside it, else `BUILD.userName.cache` in the user's cache
 * folder. After the run, the cache is written while fewer than `cacheWrites` runs wrote it. `wrap`: the file is a
 * plain CommonJS module, wrapped here as Node wraps one (the config libraries are also required as they are).
 */
function cachedScript(path, name, userName, wrap) {
  const text = readFileSync(path, "utf8");
  const at = text.lastIndexOf(marker);
  const build = at < 0 ? "" : text.slice(at + marker.length).trim();
  const source = wrap ? `(function (exports, require, module, __filename, __dirname) {${text}\n})` : text;
  // Beside the bundle, else in the user's cache folder, where hulls of several builds may meet (hence the name).
  const cacheFiles = [join(dir, `${name}.cache`)];
  if (userCache !== undefined && build !== "") cacheFiles.push(join(userCache, `${build}.${userName}.cache`));
  // A cache file: one byte that counts the runs that wrote it, the build (as in the bundle), then V8's data.
  const header = 1 + build.length;
  let cached;
  for (const cacheFile of build === "" ? [] : cacheFiles) {
    try {
      cached = readFileSync(cacheFile);
    } catch {
      continue;
    }
    if (cached.length > header && cached.toString("latin1", 1, header) === build) break;
    cached = undefined;
  }
  const writes = cached ? cached[0] : 0;
  const compiled = new vm.Script(source, {
    filename: path,
    cachedData: cached ? cached.subarray(header) : undefined,
  });
  if (build !== "" && (writes === 0 || compiled.cachedDataRejected || writes < cacheWrites)) {
    // After the run, so that the functions the run compiled are in the cache too.
    process.once("beforeExit", () => {
      if (process.exitCode !== 0 && process.exitCode !== 1) return;
      if (process.argv.includes("--help") || process.argv.includes("-h")) return;
      // An atypical run (src/run-record.ts: one in worker threads, or of many files) writes a cache only where
      // there is none, since it is better than none, and does not count, so that the next runs still write theirs.
      const atypical = bundle.exports.runRecord?.atypical === true;
      if (atypical && cached !== undefined && !compiled.cachedDataRejected) return;
      const counted = atypical ? 0 : 1;
      const count = compiled.cachedDataRejected ? counted : Math.min(writes + counted, cacheWrites);
      const data = Buffer.concat([
        Buffer.from([count]),
        Buffer.from(build, "latin1"),
        compiled.createCachedData(),
      ]);
      for (const cacheFile of cacheFiles) {
        try {
          if (cacheFile !== cacheFiles[0]) mkdirSync(userCache, { recursive: true, mode: 0o700 });
          const temporary = `${cacheFile}.${process.pid}`;
          writeFileSync(temporary, data);
          renameSync(temporary, cacheFile);
          return;
        } catch {
          // A read-only folder: try the next one.
        }
      }
    });
  }
  return compiled;
}

/** The user's cache folder for hull (XDG on Linux, as Node's and npm's tools use), or undefined without a home. */
function userCacheDir() {
  const env = process.env;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "hull");
  if (process.platform === "win32")
    return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "hull", "Cache") : undefined;
  if (!env.HOME) return undefined;
  return process.platform === "darwin"
    ? join(env.HOME, "Library", "Caches", "hull")
    : join(env.HOME, ".cache", "hull");
}
