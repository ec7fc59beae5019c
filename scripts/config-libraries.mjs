/**
 * An esbuild plugin for every bundle that holds the linter. packages/linter/src/config/libraries.ts requires ajv
 * and yaml on first use, resolved from the linter's own folder at run time, which a bundle cannot do (the
 * libraries are not beside it, and esbuild does not follow `createRequire`). The plugin gives the bundle that
 * file with `require` calls esbuild sees: with `sideBundles` they name ajv.cjs and yaml.cjs beside the bundle (the
 * CLI's, scripts/bundle.mjs), else the libraries go into the bundle, wrapped by esbuild so that they too are
 * evaluated on first use.
 * @param {{ sideBundles?: boolean }} [options]
 * @returns {import("esbuild").Plugin}
 */
export function configLibraries({ sideBundles = false } = {}) {
  return {
    name: "config-libraries",
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/]linter[\\/]src[\\/]config[\\/]libraries\.ts$/ }, () => {
        const from = (name) => JSON.stringify(sideBundles ? `./${name}.cjs` : name);
        return {
          contents: [
            "let ajv, yaml, validators;",
            `export const ajvLibrary = () => (ajv ??= require(${from("ajv")}));`,
            `export const yamlLibrary = () => (yaml ??= require(${from("yaml")}));`,
            // The validators compiled from the bundled rules (scripts/config-validators.mjs) sit beside the side
            // bundles; a bundle that holds the libraries compiles its validators with ajv.
            sideBundles
              ? 'export const precompiledValidators = () => (validators ??= require("./config-validators.cjs"));'
              : "export const precompiledValidators = () => undefined;",
          ].join("\n"),
          loader: "js",
        };
      });
      if (sideBundles) {
        build.onResolve({ filter: /^\.\/(ajv|yaml|config-validators)\.cjs$/ }, (args) => ({
          path: args.path,
          external: true,
        }));
      }
    },
  };
}
