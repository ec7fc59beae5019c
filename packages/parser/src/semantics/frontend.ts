import type { Dockerfile } from "../ast/nodes.js";
import { customFrontend } from "../syntax/directives.js";
import { isOfficialImage } from "./official-images.js";

/**
 * The frontend image that the file's `# syntax=` directive names when it is not Docker's Dockerfile frontend and
 * the file uses keywords the Dockerfile grammar does not know (`INCLUDE` under `devthefuture/dockerfile-x`), or
 * null. Those instructions are that frontend's: they may define stages, variables and files that hull does not see.
 */
export function foreignFrontend(ast: Dockerfile): string | null {
  const syntax = ast.directives.find((d) => d.name === "syntax");
  const frontend = syntax ? customFrontend(syntax.value) : null;
  if (frontend === null) return null;
  // Rules ask once per base name: the file's instructions are read once.
  let unknown = usesUnknown.get(ast);
  if (unknown === undefined)
    usesUnknown.set(ast, (unknown = ast.instructions.some((node) => node.type === "Unknown")));
  return unknown ? frontend : null;
}

/** Per file with another frontend's directive: whether it uses a keyword the Dockerfile grammar does not know. */
const usesUnknown = new WeakMap<Dockerfile, boolean>();

/**
 * True when a base name that no stage of the file has may be a stage that another frontend's instructions define
 * (`FROM runtime` after `INCLUDE runtime.dockerfile`): a bare name, which no official image has, in a file with
 * such instructions (`foreignFrontend`).
 */
export function mayBeForeignStage(ast: Dockerfile, name: string): boolean {
  return !/[/:@]/.test(name) && !isOfficialImage(name.toLowerCase()) && foreignFrontend(ast) !== null;
}
