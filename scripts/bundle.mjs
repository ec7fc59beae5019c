// Bundles the processes we start (the CLI, the language server, the GitHub Action) so that they start fast and
// install with nothing else: `@hull/cli` ships packages/cli/bundle and has no dependencies.
// packages/cli/bundle and packages/action/bundle are committed (pre-commit and `uses: hull-dev/hull@ref` run them
// from a clone, with no build step); `pnpm check:bundles` (in the gate) fails when they differ from a fresh build.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const cli = JSON.parse(readFileSync(new URL("../packages/cli/package.json", import.meta.url), "utf8"));

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["@hull/source"],
  logLevel: "warning",
  minify: true,
  // packages/cli/src/version.ts: `hull --version` prints the version of the package that ships the bundle.
  define: { HULL_VERSION: JSON.stringify(cli.version) },
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __hullRequire } from 'node:module'; const require = __hullRequire(import.meta.url);",
  },
};

// CommonJS bundles: import.meta.url becomes the bundle's own file URL.
const commonjs = {
  ...common,
  format: "cjs",
  define: { ...common.define, "import.meta.url": "__hullMetaUrl" },
  banner: { js: "var __hullMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * Modules that only some runs need, each with what loads it at run time: ajv validates a config file, yaml reads a
 * YAML one, crypto hashes for the SARIF and GitLab formats and the planner, child_process runs ShellCheck and
 * git, worker_threads lints many files; most runs need none of them, and loading them costs every `hull lint` a
 * few milliseconds (bench/startup.mjs). The CLI's bundles hold a stand-in for each, whose exports load the module
 * on first use: a Node built-in, or a library from its own bundle beside the CLI's (`lazyBundles` below).
 */
const lazyModules = {
  ajv: "./ajv.cjs",
  yaml: "./yaml.cjs",
  "node:crypto": "node:crypto",
  "node:child_process": "node:child_process",
  "node:worker_threads": "node:worker_threads",
};
const linterRequire = createRequire(new URL("../packages/linter/package.json", import.meta.url));
const lazyLoad = {
  name: "lazy-modules",
  setup(build) {
    // What a stand-in requires is loaded at run time: a built-in, or a bundle beside the CLI's. (First: the
    // stand-in of a built-in requires the built-in by the same name.)
    build.onResolve({ filter: /.*/, namespace: "lazy-module" }, (args) => ({
      path: args.path,
      external: true,
    }));
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    build.onResolve(
      { filter: new RegExp(`^(${Object.keys(lazyModules).map(escape).join("|")})$`) },
      (args) => ({
        path: args.path,
        namespace: "lazy-module",
      }),
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-module" }, (args) => {
      // The same export names as the module (for a library, its CommonJS build, which its bundle holds).
      const getters = Object.keys(linterRequire(args.path)).map(
        (name) => `get ${JSON.stringify(name)}() { return load()[${JSON.stringify(name)}]; }`,
      );
      const target = JSON.stringify(lazyModules[args.path]);
      return {
        contents: `let loaded;\nconst load = () => (loaded ??= require(${target}));\nmodule.exports = { ${getters.join(", ")} };\n`,
        loader: "js",
      };
    });
  },
};
const lazyBundles = ["ajv", "yaml"].map((name) => ({
  ...commonjs,
  stdin: {
    contents: `module.exports = require(${JSON.stringify(name)});`,
    resolveDir: "packages/linter",
    loader: "js",
  },
  outfile: `packages/cli/bundle/${name}.cjs`,
}));

/**
 * Every bundle, one line each: what it starts from and where it goes. A .cjs or .mjs file written to
 * packages/cli/bundle ships in @hull/cli and in the root package (their `files`) with nothing else to change.
 */
const bundles = [
  // The CLI is CommonJS so that bin/hull.js can compile it with V8's code cache (Node 20 has no module compile cache).
  // `diff` is left out: bundle/diff.cjs holds it, required only by --fix-dry-run.
  {
    ...commonjs,
    entryPoints: ["packages/cli/src/cli.ts"],
    outfile: "packages/cli/bundle/hull.cjs",
    external: ["diff"],
    plugins: [lazyLoad],
  },
  // The worker thread `hull lint` starts to lint many files in parallel; it must sit beside hull.cjs.
  {
    ...common,
    entryPoints: ["packages/cli/src/commands/lint-worker.ts"],
    outfile: "packages/cli/bundle/lint-worker.mjs",
    external: ["diff"],
    plugins: [lazyLoad],
  },
  // The language server for `hull lsp`, CommonJS like the CLI: hull.cjs requires it only for that command, so
  // that the other commands do not load it.
  { ...commonjs, entryPoints: ["packages/lsp/src/main.ts"], outfile: "packages/cli/bundle/lsp.cjs" },
  // The diff library for `hull lint --fix-dry-run`.
  {
    ...commonjs,
    stdin: {
      contents: 'export { createTwoFilesPatch } from "diff";',
      resolveDir: "packages/cli",
      loader: "js",
    },
    outfile: "packages/cli/bundle/diff.cjs",
  },
  // ajv and yaml, loaded by hull.cjs and lint-worker.mjs when a config file needs them (lazyLoad above).
  ...lazyBundles,
  // The language server that editors start (`hull-lsp --stdio`).
  { ...common, entryPoints: ["packages/lsp/src/main.ts"], outfile: "packages/lsp/bundle/server.mjs" },
  // The GitHub Action (action.yml); it runs the CLI bundle above, so it holds only its own code. Not minified, so
  // that a user can read what runs in their workflow.
  {
    ...commonjs,
    minify: false,
    entryPoints: ["packages/action/src/main.ts"],
    outfile: "packages/action/bundle/action.cjs",
  },
  // Library bundles for the benchmark adapters in bench/adapters.
  { ...common, entryPoints: ["packages/parser/src/index.ts"], outfile: "bench/dist/parser.mjs" },
  { ...common, entryPoints: ["packages/linter/src/index.ts"], outfile: "bench/dist/linter.mjs" },
];

await Promise.all(bundles.map((options) => build(options)));

// V8 keeps a script's source one byte per character only while every character is Latin-1, and esbuild escapes
// non-ASCII characters in strings but not in regular expression literals: one `μ` in a regex held the whole
// linter bundle's source in two bytes per character (1.2 MB instead of 0.6). Write such characters as `\u` escapes.
for (const { outfile } of bundles) {
  const text = readFileSync(outfile, "utf8");
  const at = text.search(/[\u0080-\uffff]/);
  if (at < 0) continue;
  const line = text.slice(0, at).split("\n").length;
  const context = text.slice(Math.max(0, at - 40), at + 20);
  process.stderr.write(
    `bundle: ${outfile}:${line}: a non-ASCII character (in ${JSON.stringify(context)}); write it as a \\u escape\n`,
  );
  process.exitCode = 1;
}
