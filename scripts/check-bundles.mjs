// Fails when the committed bundles (packages/cli/bundle, packages/action/bundle) differ from a fresh build:
// pre-commit and the GitHub Action run them from a clone, with no build step. Part of `pnpm check`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (command, ...args) => spawnSync(command, args, { cwd: root, stdio: "inherit" }).status;

if (run(process.execPath, "scripts/bundle.mjs") !== 0) process.exit(1);
if (
  run("git", "diff", "--exit-code", "--stat", "--", "packages/cli/bundle", "packages/action/bundle") !== 0
) {
  console.error("The committed bundles are stale: run `pnpm bundle` and commit packages/*/bundle.");
  process.exit(1);
}
