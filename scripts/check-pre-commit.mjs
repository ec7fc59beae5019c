// Installs this repository's pre-commit hooks from a git clone with the real pre-commit tool and checks their exit
// codes on a clean and a bad Dockerfile. Run by .ci/run; `node scripts/check-pre-commit.mjs [LOG]` also writes the
// whole pre-commit output to LOG. Skips (exit 0, with a message) where pre-commit is not installed.
// The clone is of HEAD: commit first, uncommitted changes are not in it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// `pnpm check:pre-commit -- LOG` passes the `--` on.
const logFile = process.argv.slice(2).find((arg) => arg !== "--");
if (spawnSync("pre-commit", ["--version"]).status !== 0) {
  console.log("pre-commit check skipped: the pre-commit tool is not installed (Debian package pre-commit).");
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "hull-pre-commit-"));
const git = (cwd, ...args) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
const log = [];
let failures = 0;

try {
  const clone = join(work, "hull");
  git(root, "clone", "--quiet", root, clone);
  const rev = git(clone, "rev-parse", "HEAD");
  const project = join(work, "project");
  git(work, "init", "--quiet", project);
  git(project, "config", "user.email", "ci@example.com");
  git(project, "config", "user.name", "ci");
  writeFileSync(
    join(project, ".pre-commit-config.yaml"),
    `repos:\n  - repo: file://${clone}\n    rev: ${rev}\n    hooks:\n      - id: hull-lint\n      - id: hull-fmt\n`,
  );
  // pre-commit keeps its environments here, so that every run of this script installs the hooks anew.
  const env = { ...process.env, PRE_COMMIT_HOME: join(work, "cache"), NO_COLOR: "1" };

  const step = (title, files, expected, expectInOutput) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
    git(project, "add", "--all");
    const started = Date.now();
    const run = spawnSync("pre-commit", ["run", "--all-files", "--color", "never"], {
      cwd: project,
      env,
      encoding: "utf8",
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const output = `${run.stdout}${run.stderr}`;
    const ok = run.status === expected && expectInOutput.every((s) => output.includes(s));
    if (!ok) failures++;
    log.push(
      `## ${title}: exit ${run.status} (expected ${expected}), ${seconds} s ${ok ? "ok" : "FAILED"}`,
      output,
    );
  };

  step(
    "clean Dockerfile (first run installs the hooks)",
    { Dockerfile: "FROM alpine:3.20\nUSER nobody\n" },
    0,
    ["hull lint....", "Passed"],
  );
  step("bad Dockerfile", { "app.Dockerfile": "FROM node:latest\nmaintainer me\nADD . /app\n" }, 1, [
    "- hook id: hull-lint",
    "app.Dockerfile:3:1: error prefer-copy-over-add",
    "- hook id: hull-fmt",
    "files were modified by this hook",
  ]);
  step(
    "after hull fmt, with the findings fixed by hand",
    { "app.Dockerfile": "FROM node:22\nUSER node\n" },
    0,
    ["hull fmt...."],
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

const text = `${log.join("\n")}\n`;
if (logFile) writeFileSync(logFile, text);
process.stdout.write(text);
if (failures > 0) {
  console.error(`pre-commit check: ${failures} step(s) failed`);
  process.exit(1);
}
console.log("pre-commit check: passed");
