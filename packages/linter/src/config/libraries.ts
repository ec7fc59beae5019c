import { createRequire } from "node:module";
import type * as AjvLibrary from "ajv";
import type * as YamlLibrary from "yaml";

// ajv validates a config file and yaml reads a YAML one; `lint()`, and a run that finds no config file, need
// neither. Loading them with the package's entry cost every importer of @hull/linter (the language server, the
// ESLint plugin, a script that only lints) their evaluation, so they are required on first use: synchronously,
// because config loading is synchronous, and both publish CommonJS builds (`yaml` under its "node" condition).
// A bundle cannot resolve them from here: our bundles replace this file (scripts/config-libraries.mjs), and a
// bundle made without that says what is missing.
const load = createRequire(import.meta.url);

let ajv: typeof AjvLibrary | undefined;
let yaml: typeof YamlLibrary | undefined;

function required<T>(name: string): T {
  try {
    return load(name) as T;
  } catch (error) {
    throw new Error(
      `@hull/linter: cannot load '${name}' to read a config file (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); a bundle of the linter needs scripts/config-libraries.mjs`,
      { cause: error },
    );
  }
}

/** The ajv library, loaded on the first call. */
export function ajvLibrary(): typeof AjvLibrary {
  return (ajv ??= required<typeof AjvLibrary>("ajv"));
}

/** The yaml library, loaded on the first call. */
export function yamlLibrary(): typeof YamlLibrary {
  return (yaml ??= required<typeof YamlLibrary>("yaml"));
}

/**
 * Config validators compiled ahead of time from the bundled rules (scripts/config-validators.mjs): ajv's
 * validation functions by name, `keys` naming the function of each key of `rules`, and what the schemas were made
 * from (`validationSignature`).
 */
export interface PrecompiledValidators {
  readonly signature: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly shellcheckCode: string;
  readonly [name: string]: unknown;
}

/** The bundled CLI's validators; the package itself has none (the bundles replace this file). */
export function precompiledValidators(): PrecompiledValidators | undefined {
  return undefined;
}
