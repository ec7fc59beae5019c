// Bundles the processes we start (the CLI, the language server, the GitHub Action) so that they start fast and
// install with nothing else: `@hull/cli` ships packages/cli/bundle and has no dependencies.
// packages/cli/bundle and packages/action/bundle are committed (pre-commit and `uses: hull-dev/hull@ref` run them
// from a clone, with no build step); `pnpm check:bundles` (in the gate) fails when they differ from a fresh build.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";
import { configLibraries } from "./config-libraries.mjs";
import { configValidatorsSource } from "./config-validators.mjs";

const cli = JSON.parse(readFileSync(new URL("../packages/cli/package.json", import.meta.url), "utf8"));

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // esbuild turns a regular expression with `\p{…}` into `new RegExp(…)` for every target, in case the engine does
  // not know the property; Node 20 knows every one we use. Kept as literals, they are not built again on each
  // evaluation (a loop over characters in rules/utils/stage-env.ts built three per character).
  supported: { "regexp-unicode-property-escapes": true },
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
 * Modules that only some runs need, each with what loads it at run time: crypto hashes for the SARIF and GitLab
 * formats and the planner, child_process runs ShellCheck and git, worker_threads lints many files, os counts
 * the processors for them, tty tells a terminal (on a character device only), fs/promises writes ShellCheck's
 * temporary files (and loads eight more of Node's modules, readline's among them); most runs need none of them, and
 * loading them costs every `hull lint` a few milliseconds (bench/startup.mjs). The CLI's bundles hold a stand-in for
 * each, whose exports load the built-in on first use.
 */
const lazyModules = [
  "node:crypto",
  "node:child_process",
  "node:worker_threads",
  "node:os",
  "node:tty",
  "node:fs/promises",
];
const lazyLoad = {
  name: "lazy-modules",
  setup(build) {
    // What a stand-in requires is the built-in by the same name, loaded at run time. (First, so that the stand-in's
    // own require is not resolved to the stand-in again.)
    build.onResolve({ filter: /.*/, namespace: "lazy-module" }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onResolve({ filter: new RegExp(`^(${lazyModules.join("|")})$`) }, (args) => ({
      path: args.path,
      namespace: "lazy-module",
    }));
    build.onLoad({ filter: /.*/, namespace: "lazy-module" }, (args) => {
      const getters = Object.keys(createRequire(import.meta.url)(args.path)).map(
        (name) => `get ${JSON.stringify(name)}() { return load()[${JSON.stringify(name)}]; }`,
      );
      return {
        contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\nmodule.exports = { ${getters.join(", ")} };\n`,
        loader: "js",
      };
    });
  },
};

/** The libraries `configLibraries({ sideBundles: true })` leaves beside a bundle (scripts/config-libraries.mjs). */
const configLibraryNames = ["ajv", "yaml"];

/** ajv and yaml as bundles of their own in `dir`, for the bundles there made with `configLibraries({ sideBundles: true })`. */
const sideBundles = (dir) =>
  configLibraryNames.map((name) => ({
    ...commonjs,
    stdin: {
      contents: `module.exports = require(${JSON.stringify(name)});`,
      resolveDir: "packages/linter",
      loader: "js",
    },
    outfile: `${dir}/${name}.cjs`,
  }));

/**
 * Every bundle, one line each: what it starts from and where it goes. A .cjs or .mjs file written to
 * packages/cli/bundle ships in @hull/cli and in the root package (their `files`) with nothing else to change.
 */
const bundles = [
  // The CLI is CommonJS so that bin/hull.js can compile it with V8's code cache (Node 20 has no module compile cache).
  // `diff` is left out: bundle/diff.cjs holds it, required only by --fix-dry-run.
  // The file holds the module wrapped as Node wraps a CommonJS module, so that bin/hull.js compiles the file's own
  // text: wrapping it there made a second copy of half a megabyte to compile on every start.
  {
    ...commonjs,
    banner: { js: `(function (exports, require, module, __filename, __dirname) {${commonjs.banner.js}` },
    footer: { js: "})" },
    entryPoints: ["packages/cli/src/cli.ts"],
    outfile: "packages/cli/bundle/hull.cjs",
    external: ["diff"],
    plugins: [lazyLoad, configLibraries({ sideBundles: true })],
  },
  // The worker thread `hull lint` starts to lint many files in parallel; it must sit beside hull.cjs.
  {
    ...common,
    entryPoints: ["packages/cli/src/commands/lint-worker.ts"],
    outfile: "packages/cli/bundle/lint-worker.mjs",
    external: ["diff"],
    plugins: [lazyLoad, configLibraries({ sideBundles: true })],
  },
  // The language server for `hull lsp`, CommonJS like the CLI: hull.cjs requires it only for that command, so
  // that the other commands do not load it.
  {
    ...commonjs,
    entryPoints: ["packages/lsp/src/main.ts"],
    outfile: "packages/cli/bundle/lsp.cjs",
    plugins: [configLibraries({ sideBundles: true })],
  },
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
  // ajv and yaml, loaded by hull.cjs, lint-worker.mjs and lsp.cjs when a config file needs them (config-libraries.mjs).
  ...sideBundles("packages/cli/bundle"),
  // The language server that editors start (`hull-lsp --stdio`).
  {
    ...common,
    entryPoints: ["packages/lsp/src/main.ts"],
    outfile: "packages/lsp/bundle/server.mjs",
    plugins: [configLibraries()],
  },
  // The GitHub Action (action.yml); it runs the CLI bundle above, so it holds only its own code. Not minified, so
  // that a user can read what runs in their workflow.
  {
    ...commonjs,
    minify: false,
    entryPoints: ["packages/action/src/main.ts"],
    outfile: "packages/action/bundle/action.cjs",
  },
  // Library bundles for the benchmark adapters in bench/adapters, and the per-rule timing. The linter's holds ajv and
  // yaml beside it, as @hull/linter requires them from its dependencies only when a config file is read: inside, as
  // wrapped modules never run, they cost every import their parsing (2 MB of resident memory at load).
  { ...common, entryPoints: ["packages/parser/src/index.ts"], outfile: "bench/dist/parser.mjs" },
  {
    ...common,
    entryPoints: ["packages/linter/src/index.ts"],
    outfile: "bench/dist/linter.mjs",
    plugins: [configLibraries({ sideBundles: true })],
  },
  ...sideBundles("bench/dist"),
  // Per-rule time is measured on the code as it ships: run from the sources through tsx, each module's imports go
  // through getters, and a rule that calls many helpers of other modules looks slower than it is.
  {
    ...common,
    entryPoints: ["packages/linter/scripts/rule-timing.ts"],
    outfile: "bench/dist/rule-timing.mjs",
    plugins: [configLibraries({ sideBundles: true })],
  },
];

await Promise.all(bundles.map((options) => build(options)));

// The config validators compiled from the rules, beside each set of side bundles (scripts/config-validators.mjs).
const validators = await configValidatorsSource();
for (const { outfile } of bundles.filter((b) => b.outfile?.endsWith("/ajv.cjs")))
  writeFileSync(outfile.replace(/ajv\.cjs$/, "config-validators.cjs"), validators);

// V8 accepts a code cache for any source of the length it was made for, and then runs the code it holds: after a
// rebuild or a `git pull` that kept hull.cjs's length (a version 0.1.0 -> 0.1.1, a `<` made `>`), bin/hull.js would
// have run the old build. The last line of each file bin/hull.js compiles with a cache (the CLI and the config
// libraries it requires) names the build, and bin/hull.js uses a cache only for the build it names.
for (const name of ["hull", ...configLibraryNames, "config-validators"]) {
  const file = `packages/cli/bundle/${name}.cjs`;
  const text = readFileSync(file, "utf8");
  const fingerprint = createHash("sha256").update(text).digest("hex");
  writeFileSync(file, `${text}//# hull-build=${fingerprint}\n`);
}

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
