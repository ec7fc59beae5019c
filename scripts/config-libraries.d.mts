import type { Plugin } from "esbuild";

/** The esbuild plugin that puts ajv and yaml into a bundle of the linter, or beside it (scripts/config-libraries.mjs). */
export declare function configLibraries(options?: { sideBundles?: boolean }): Plugin;
