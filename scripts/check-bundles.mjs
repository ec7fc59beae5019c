// Rebuilds the committed bundles (packages/cli/bundle, packages/action/bundle) and fails when they differ from
// what git has: pre-commit, `npm install github:…` and the GitHub Action run them from a clone with no build
// step, so a stale bundle would ship old code. Part of `pnpm check:static` (and so of `.ci/run`); skips, with a
// message, outside a git checkout. A new bundle counts once it is staged (`git add`), so commit what it writes.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const build = spawnSync(process.execPath, ["scripts/bundle.mjs"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
if (spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: root }).status !== 0) {
  console.log("bundle check skipped: not a git checkout, so there are no committed bundles to compare.");
  process.exit(0);
}
const committed = ["packages/cli/bundle", "packages/action/bundle"];
const diff = spawnSync("git", ["diff", "--exit-code", "--stat", "--", ...committed], {
  cwd: root,
  stdio: "inherit",
});
if (diff.status !== 0) {
  console.error("The committed bundles are stale: run `pnpm bundle` and commit packages/*/bundle.");
  process.exit(1);
}
