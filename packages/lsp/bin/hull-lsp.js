#!/usr/bin/env node
// The bundled server starts in a fraction of the time the unbundled module graph needs.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../bundle/server.mjs", import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    "hull-lsp: the server is not built yet; run `pnpm bundle` (or `pnpm build`) at the repository root.\n",
  );
  process.exit(2);
}
await import(bundle.href);
