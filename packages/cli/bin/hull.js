#!/usr/bin/env node
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file (bin/package.json) */
// Starts the bundled CLI through V8's code cache: the bundle is compiled once, and later starts (a pre-commit
// hook, an editor's lint on save) skip most of the compiling. The cache sits beside the bundle; V8 rejects it
// when the bundle changes, and then it is written anew. Where the folder is read-only, hull runs without it.
//
// This file is CommonJS (bin/package.json says so): an ES module entry would load Node's ESM loader first,
// a few milliseconds of every run. Each command has a cache of its own, written after its first run, so that it
// holds the functions that command compiled: one shared cache would hold only those of whichever command ran
// first (often `--version`), and `hull lint` would compile its own every time.
//
// A cache holds only what the runs that wrote it compiled, so the first runs of a command each write it again
// (its first byte counts them, up to `cacheWrites`): a single first run that linted one small file, or failed,
// left a cache without most rules, and every later `hull lint` compiled them again (measured: 1.6 times
// `node -e 0` instead of 1.47). Runs that end in a usage error or print help never write it.
const { existsSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
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
const cacheFile = join(dir, `hull.${command}.cjs.cache`);
const cacheWrites = 3;
let cached;
try {
  cached = readFileSync(cacheFile);
} catch {
  cached = undefined;
}
const writes = cached && cached.length > 1 ? cached[0] : 0;
// The bundle is a CommonJS module already wrapped in its function (scripts/bundle.mjs), so the file is compiled
// as it is read.
const source = readFileSync(file, "utf8");
const script = new vm.Script(source, {
  filename: file,
  cachedData: writes > 0 ? cached.subarray(1) : undefined,
});
if (writes === 0 || script.cachedDataRejected || writes < cacheWrites) {
  // After the run, so that the functions the run compiled are in the cache too.
  process.once("beforeExit", () => {
    if (process.exitCode !== 0 && process.exitCode !== 1) return;
    if (process.argv.includes("--help") || process.argv.includes("-h")) return;
    const count = script.cachedDataRejected ? 1 : Math.min(writes + 1, cacheWrites);
    try {
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, Buffer.concat([Buffer.from([count]), script.createCachedData()]));
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install still works, only without the cache.
    }
  });
}
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dir);
