import { createRequire } from "node:module";
import type * as AjvLibrary from "ajv";
import type * as YamlLibrary from "yaml";

// ajv validates a config file and yaml reads a YAML one; `lint()`, and a run that finds no config file, need
// neither. Loading them with the package's entry cost every importer of @hull/linter (the language server, the
// ESLint plugin, a script that only lints) their evaluation, so they are required on first use: synchronously,
// because config loading is synchronous, and both publish CommonJS builds (`yaml` under its "node" condition).
// scripts/bundle.mjs replaces this file in the bundles: the CLI's require its own ajv.cjs and yaml.cjs, the
// others hold the libraries, evaluated on first use too.
const load = createRequire(import.meta.url);

let ajv: typeof AjvLibrary | undefined;
let yaml: typeof YamlLibrary | undefined;

/** The ajv library, loaded on the first call. */
export function ajvLibrary(): typeof AjvLibrary {
  return (ajv ??= load("ajv") as typeof AjvLibrary);
}

/** The yaml library, loaded on the first call. */
export function yamlLibrary(): typeof YamlLibrary {
  return (yaml ??= load("yaml") as typeof YamlLibrary);
}
