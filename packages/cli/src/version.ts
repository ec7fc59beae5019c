// The bundler (scripts/bundle.mjs) and vitest.config.ts define HULL_VERSION as the version in
// packages/cli/package.json, so that the version is written in one place only.
declare const HULL_VERSION: string | undefined;

/** The version of the `@hull/cli` package; `hull --version` prints it. */
export const version: string = typeof HULL_VERSION === "string" ? HULL_VERSION : "0.0.0-unbundled";
