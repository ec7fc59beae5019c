// What the bench scripts read: a folder's files and the build of the linter to measure.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** Every file directly in `dir` (sub-folders skipped), as [path, text] pairs. */
export function readFolder(dir) {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => [path, readFileSync(path, "utf8")]);
}

/** The URL of the linter build to import: the one given with --module, else bench/dist/linter.mjs. */
export function linterUrl(modulePath) {
  return modulePath
    ? pathToFileURL(resolve(modulePath)).href
    : new URL("dist/linter.mjs", import.meta.url).href;
}
