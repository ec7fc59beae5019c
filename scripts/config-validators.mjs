// The config validators of the bundled rules, compiled when the CLI is bundled (scripts/bundle.mjs) instead of on
// every `hull lint` that finds a config file: there, requiring ajv, creating it and compiling the schemas took about
// 15 ms of a 105 ms run. ajv writes the compiled functions out as a module of their own (its "standalone code"),
// which needs no ajv at run time.
//
// The module exports `document` and `settingN` (the functions `validateConfig` would have compiled: the document
// with `rules` as a plain object, and each distinct schema of a key of `rules`, descriptions aside), `keys` (each key
// to the name of its function), `shellcheckCode` (the function for a ShellCheck code), and `signature`: what the
// schemas were made from (`validationSignature`). packages/linter/src/config/schema.ts uses the module only for a
// registry with the same signature, and compiles with ajv otherwise.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

/** The module's source, for the rules of packages/linter as they are now. */
export async function configValidatorsSource() {
  const dir = mkdtempSync(join(tmpdir(), "hull-config-validators-"));
  try {
    const entry = join(dir, "schemas.mjs");
    await build({
      stdin: {
        contents:
          'export { ajvOptions, configValidationSchemas, validationSignature } from "./src/config/schema.ts";\nexport { rules } from "./src/index.ts";',
        resolveDir: "packages/linter",
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      conditions: ["@hull/source"],
      external: ["ajv", "yaml"],
      banner: {
        js: "import { createRequire as __hullRequire } from 'node:module'; const require = __hullRequire(import.meta.url);",
      },
      outfile: entry,
      logLevel: "warning",
    });
    const { ajvOptions, configValidationSchemas, validationSignature, rules } = await import(
      pathToFileURL(entry).href
    );
    const schemas = configValidationSchemas(rules);
    const load = createRequire(new URL("../packages/linter/package.json", import.meta.url));
    const { Ajv } = load("ajv");
    const standaloneCode = load("ajv/dist/standalone").default;

    // Aliases share their rule's schema and most rules take no options: one function for each distinct schema.
    const withoutDescriptions = (schema) =>
      JSON.stringify(schema, (k, v) => (k === "description" ? undefined : v));
    const functions = new Map();
    const nameOf = (schema) => {
      const text = withoutDescriptions(schema);
      if (!functions.has(text)) functions.set(text, `setting${functions.size}`);
      return functions.get(text);
    };
    const keys = Object.fromEntries(
      Object.entries(schemas.keys).map(([key, schema]) => [key, nameOf(schema)]),
    );
    const shellcheckCode = nameOf(schemas.shellcheckCode);

    const ajv = new Ajv({ ...ajvOptions, code: { ...ajvOptions.code, source: true } });
    ajv.addSchema(schemas.document, "document");
    for (const [text, name] of functions) ajv.addSchema(JSON.parse(text), name);
    const exported = {
      document: "document",
      ...Object.fromEntries([...functions.values()].map((n) => [n, n])),
    };
    return [
      standaloneCode(ajv, exported),
      `exports.keys = ${JSON.stringify(keys)};`,
      `exports.shellcheckCode = ${JSON.stringify(shellcheckCode)};`,
      `exports.signature = ${JSON.stringify(validationSignature(rules))};`,
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
