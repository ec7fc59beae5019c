// Builds the extension into dist/: the client (extension.cjs) and the hull language server (server.cjs), both
// CommonJS bundles for VS Code's Node, so that the .vsix needs no node_modules.
import { build } from "esbuild";
import { configLibraries } from "../../../scripts/config-libraries.mjs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  conditions: ["@hull/source"],
  logLevel: "warning",
  minify: true,
  define: { "import.meta.url": "__hullMetaUrl" },
  banner: { js: "var __hullMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await build({
  ...common,
  entryPoints: ["packages/vscode/src/extension.ts"],
  outfile: "packages/vscode/dist/extension.cjs",
  external: ["vscode"],
});
await build({
  ...common,
  entryPoints: ["packages/lsp/src/main.ts"],
  outfile: "packages/vscode/dist/server.cjs",
  plugins: [configLibraries()],
});
