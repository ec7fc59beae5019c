#!/usr/bin/env node
// The bundled CLI starts in a fraction of the time the unbundled module graph needs.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../bundle/hull.mjs", import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write("hull: the CLI is not built yet; run `pnpm bundle` at the repository root.\n");
  process.exit(2);
}
await import(bundle.href);
