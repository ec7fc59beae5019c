import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The hooks' `files` and `exclude` are Python regular expressions with a leading (?i); this reads them into
// JavaScript ones and checks them against the names the bundled `hull lint DIR` really finds.
const root = fileURLToPath(new URL("..", import.meta.url));
const hooks = readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8");
const bin = join(root, "packages/cli/bin/hull.js");
const built = existsSync(join(root, "packages/cli/bundle/hull.cjs"));

function patterns(key: string): RegExp[] {
  return [...hooks.matchAll(new RegExp(`^ {2}${key}: (.*)$`, "gm"))].map((m) => {
    const source = m[1] ?? "";
    expect(source.startsWith("(?i)")).toBe(true);
    return new RegExp(source.slice(4), "i");
  });
}

const names = [
  "Dockerfile",
  "dockerfile",
  "Dockerfile.dev",
  "Dockerfile-windows",
  "app.Dockerfile",
  "app.dockerfile",
  "Containerfile",
  "Containerfile.prod",
  "Dockerfile.dockerignore",
  "app.Dockerfile.dockerignore",
  "Containerfile.containerignore",
  "README.md",
  "Dockerfiles.txt",
  "notDockerfile",
];

describe("pre-commit hooks", () => {
  const dir = mkdtempSync(join(tmpdir(), "hull-hooks-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("declare hull-lint and hull-fmt with the same file patterns", () => {
    expect([...hooks.matchAll(/^- id: (.*)$/gm)].map((m) => m[1])).toEqual(["hull-lint", "hull-fmt"]);
    expect(hooks).toContain("entry: hull lint --format compact");
    expect(hooks).toContain("entry: hull fmt --write");
    for (const key of ["files", "exclude"]) {
      const [lint, fmt] = patterns(key).map(String);
      expect(fmt).toBe(lint);
    }
  });

  it.skipIf(!built)("take every name `hull lint DIR` finds, and no ignore files", () => {
    const [files] = patterns("files");
    const [exclude] = patterns("exclude");
    const taken = (path: string) => files!.test(path) && !exclude!.test(path);
    for (const name of names) writeFileSync(join(dir, name), "FROM alpine:3.20\n");
    const run = spawnSync(
      process.execPath,
      [bin, "lint", "--format", "json", "--failure-threshold", "none", "."],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    expect(run.stderr).toBe("");
    const found = (JSON.parse(run.stdout) as { filePath: string }[]).map((f) => f.filePath);
    expect(found.length).toBeGreaterThan(0);
    // `hull lint DIR` also takes Podman's `Containerfile.containerignore` today (a discovery bug, reported to the
    // file discovery work); the hooks leave it out on purpose.
    expect(found.filter((f) => !taken(f) && !f.endsWith(".containerignore"))).toEqual([]);
    expect(names.filter((n) => taken(`sub/${n}`))).toEqual([
      "Dockerfile",
      "dockerfile",
      "Dockerfile.dev",
      "Dockerfile-windows",
      "app.Dockerfile",
      "app.dockerfile",
      "Containerfile",
      "Containerfile.prod",
    ]);
  });
});
