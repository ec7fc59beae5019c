// Bundles the processes we start (the CLI and the language server) so that they start fast.
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["@hull/source"],
  logLevel: "warning",
  minify: true,
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __hullRequire } from 'node:module'; const require = __hullRequire(import.meta.url);",
  },
};

// The CLI is CommonJS so that bin/hull.js can compile it with V8's code cache (Node 20 has no module compile cache).
await build({
  ...common,
  format: "cjs",
  entryPoints: ["packages/cli/src/cli.ts"],
  outfile: "packages/cli/bundle/hull.cjs",
  // Loaded from diff.cjs (below) only by --fix-dry-run.
  external: ["diff"],
  define: { "import.meta.url": "__hullMetaUrl" },
  banner: { js: "var __hullMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The language server that editors start (`hull-lsp --stdio`).
await build({
  ...common,
  entryPoints: ["packages/lsp/src/main.ts"],
  outfile: "packages/lsp/bundle/server.mjs",
});
// The same server for `hull lsp`, beside the CLI bundle and CommonJS like it: the CLI requires it only for that
// command, so that the other commands do not load it.
await build({
  ...common,
  format: "cjs",
  entryPoints: ["packages/lsp/src/main.ts"],
  outfile: "packages/cli/bundle/lsp.cjs",
  define: { "import.meta.url": "__hullMetaUrl" },
  banner: { js: "var __hullMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The diff library for `hull lint --fix-dry-run`, beside the CLI bundle.
await build({
  ...common,
  format: "cjs",
  stdin: {
    contents: 'export { createTwoFilesPatch } from "diff";',
    resolveDir: "packages/cli",
    loader: "js",
  },
  outfile: "packages/cli/bundle/diff.cjs",
  banner: {},
});
// The worker thread `hull lint` starts to lint many files in parallel.
await build({
  ...common,
  entryPoints: ["packages/cli/src/commands/lint.ts"],
  outfile: "packages/cli/bundle/lint-worker.mjs",
  // Workers never print diffs.
  external: ["diff"],
});

// Library bundles for the benchmark adapters in bench/adapters.
const library = common;
await build({ ...library, entryPoints: ["packages/parser/src/index.ts"], outfile: "bench/dist/parser.mjs" });
await build({ ...library, entryPoints: ["packages/linter/src/index.ts"], outfile: "bench/dist/linter.mjs" });
