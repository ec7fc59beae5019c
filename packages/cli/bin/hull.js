#!/usr/bin/env node
// Starts the bundled CLI through V8's code cache: the bundle is compiled once, and later starts (a pre-commit
// hook, an editor's lint on save) skip most of the compiling. The cache sits beside the bundle; V8 rejects it
// when the bundle changes, and then it is written anew. Where the folder is read-only, hull runs without it.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const file = fileURLToPath(new URL("../bundle/hull.cjs", import.meta.url));
if (!existsSync(file)) {
  process.stderr.write("hull: the CLI is not built yet; run `pnpm bundle` at the repository root.\n");
  process.exit(2);
}
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(file, "utf8");
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: file,
  cachedData,
});
if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so that the functions the run compiled are in the cache too.
  process.once("beforeExit", () => {
    try {
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install still works, only without the cache.
    }
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
