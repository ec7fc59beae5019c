import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { discoverFiles, isDockerfileName } from "../src/discover.js";
import { processIo } from "../src/io.js";
import { main } from "../src/main.js";
import { fakeIo, runIn } from "./fake-io.js";

const root = mkdtempSync(join(tmpdir(), "hull-discover-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bad = "FROM alpine:3.20\nMAINTAINER me\n";

/** Writes files (relative to a fresh directory) and returns the directory. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, "t-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The files `hull lint --format compact` reported findings for, in order. */
const linted = (out: string) => [
  ...new Set(
    out
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split(":")[0]),
  ),
];

describe("file names", () => {
  it.each([
    "Dockerfile",
    "dockerfile",
    "DOCKERFILE",
    "Dockerfile-windows",
    "Dockerfile.dev",
    "dev.Dockerfile",
    "app.dockerfile",
    "Containerfile",
    "containerfile.arm64",
    "Containerfile-rhel",
    "Dockerfile_arm64",
    "app.containerfile",
  ])("%s is a Dockerfile", (name) => {
    expect(isDockerfileName(name)).toBe(true);
  });

  it.each([
    "Dockerfile.dockerignore",
    "dev.Dockerfile.dockerignore",
    "Containerfile.containerignore",
    ".dockerignore",
    "Dockerfiles",
    "MyDockerfile",
    "docker-compose.yml",
    ".Dockerfile",
    "README.md",
  ])("%s is not", (name) => {
    expect(isDockerfileName(name)).toBe(false);
  });

  it("agrees with the pre-commit hooks' files and exclude patterns", () => {
    const hooks = fileURLToPath(new URL("../../../.pre-commit-hooks.yaml", import.meta.url));
    if (!existsSync(hooks)) return;
    const text = readFileSync(hooks, "utf8");
    // pre-commit's Python patterns start with (?i); JavaScript takes that as a flag.
    const pattern = (key: string) =>
      [...text.matchAll(new RegExp(`^\\s*${key}: (.*)$`, "gm"))].map(
        (m) => new RegExp(m[1]!.replace(/^\(\?i\)/, ""), m[1]!.startsWith("(?i)") ? "i" : ""),
      );
    const files = pattern("files");
    const excludes = pattern("exclude");
    expect(files.length).toBeGreaterThan(0);
    const names = [
      "Dockerfile",
      "dockerfile",
      "Dockerfile-windows",
      "Dockerfile.dev",
      "dev.Dockerfile",
      "Containerfile",
      "Containerfile.arm64",
      "Dockerfile.dockerignore",
      "Containerfile.containerignore",
      "README.md",
      "Dockerfiles",
      "MyDockerfile",
      "docker-compose.yml",
      "x.containerfile",
    ];
    for (const name of names) {
      for (const path of [name, `svc/${name}`]) {
        for (const [i, files1] of files.entries()) {
          const hook = files1.test(path) && !(excludes[i]?.test(path) ?? false);
          expect([path, hook]).toEqual([path, isDockerfileName(name)]);
        }
      }
    }
  });
});

describe("discovery problems", () => {
  it("reports an unreadable sub-directory like an unreadable file, lints the rest, exits 2", async () => {
    const io = fakeIo(
      { "a/Dockerfile": bad, "locked/Dockerfile": bad, "z/Dockerfile": bad },
      { cwd: "/repo" },
    );
    const readDir = io.readDir.bind(io);
    io.readDir = (path) => {
      if (path === "/repo/locked") throw new Error("EACCES: permission denied, scandir '/repo/locked'");
      return readDir(path);
    };
    expect(await main(["lint", "--format", "compact", "."], io)).toBe(2);
    expect(linted(io.out)).toEqual(["a/Dockerfile", "z/Dockerfile"]);
    expect(io.err).toBe(
      "hull lint: cannot read directory locked: EACCES: permission denied, scandir '/repo/locked'\n",
    );

    io.out = "";
    expect(await main(["lint", "--format", "sarif", "."], io)).toBe(2);
    const run = JSON.parse(io.out).runs[0];
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: "error",
            message: {
              text: "cannot read directory locked: EACCES: permission denied, scandir '/repo/locked'",
            },
          },
        ],
      },
    ]);
    expect(run.results.length).toBeGreaterThan(0);
  });

  it("records no notification in SARIF when everything was read", async () => {
    const io = fakeIo({ Dockerfile: bad }, { cwd: "/repo" });
    await main(["lint", "--format", "sarif", "."], io);
    expect(JSON.parse(io.out).runs[0].invocations).toEqual([
      { executionSuccessful: true, toolExecutionNotifications: [] },
    ]);
  });

  it("reports a missing path and lints the others", async () => {
    const io = fakeIo({ Dockerfile: bad }, { cwd: "/repo" });
    expect(await main(["lint", "--format", "compact", "gone", "Dockerfile"], io)).toBe(2);
    expect(linted(io.out)).toEqual(["Dockerfile"]);
    expect(io.err).toBe("hull lint: no such file or directory: gone\n");
  });

  it.each([["lint"], ["fmt", "--check"]])(
    "hull %s on a path with no Dockerfiles exits 2, or 0 with --allow-empty",
    async (...command) => {
      const io = fakeIo({ "docs/README.md": "x" }, { cwd: "/repo" });
      expect(await main([...command, "docs"], io)).toBe(2);
      expect(io.err).toBe(
        `hull ${command[0]}: no Dockerfiles found in docs (pass --allow-empty if that is expected)\n`,
      );
      const allowed = fakeIo({ "docs/README.md": "x" }, { cwd: "/repo" });
      expect(await main([...command, "--allow-empty", "docs"], allowed)).toBe(0);
      expect(allowed.err).toBe("");
    },
  );
});

describe("discovery on a real file system", () => {
  it("lints a symlinked file once, under its real path, and ends a symbolic link loop", async () => {
    const dir = tree({ "svc/Dockerfile": bad, "other/Containerfile.dev": bad });
    symlinkSync("../svc/Dockerfile", join(dir, "other", "linked.Dockerfile"));
    symlinkSync("..", join(dir, "svc", "loop"));
    symlinkSync("../other", join(dir, "svc", "other-again"));
    const result = await runIn(dir, ["lint", "--format", "compact", "."]);
    expect(result.err).toBe("");
    expect(linted(result.out)).toEqual(["other/Containerfile.dev", "svc/Dockerfile"]);
  });

  it("finds the names real repositories use, case-insensitively", async () => {
    const names = [
      "Dockerfile-windows",
      "dockerfile",
      "Dockerfile.dev",
      "dev.Dockerfile",
      "Containerfile.arm64",
    ];
    const dir = tree(
      Object.fromEntries([...names.map((n, i) => [`d${i}/${n}`, bad]), ["d9/notes.txt", bad]]),
    );
    const found = discoverFiles(["."], { ...processIo, cwd: dir }).files.map((f) =>
      f.path.slice(dir.length + 1),
    );
    expect(found.sort()).toEqual(names.map((n, i) => `d${i}/${n}`).sort());
  });

  it("respects .gitignore files of the work tree, nested ones and negations, and the ignorePaths config", async () => {
    const dir = tree({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": "build/\n*.generated.Dockerfile\n",
      "build/Dockerfile": bad,
      "app/x.generated.Dockerfile": bad,
      "app/Dockerfile": bad,
      "app/.gitignore": "Dockerfile.local\n!keep.generated.Dockerfile\n",
      "app/Dockerfile.local": bad,
      "app/keep.generated.Dockerfile": bad,
      "vendor/Dockerfile": bad,
      ".hullrc.yaml": "ignorePaths: [vendor/]\n",
    });
    const fromRoot = await runIn(dir, ["lint", "--format", "compact", "."]);
    expect(linted(fromRoot.out)).toEqual(["app/Dockerfile", "app/keep.generated.Dockerfile"]);
    // Searching a sub-directory still applies the .gitignore files above it, up to the work tree's root.
    const fromApp = await runIn(join(dir, "app"), ["lint", "--format", "compact", "."]);
    expect(linted(fromApp.out)).toEqual(["Dockerfile", "keep.generated.Dockerfile"]);
    // A file named on the command line is linted whatever ignores it.
    const named = await runIn(dir, ["lint", "--format", "compact", "build/Dockerfile"]);
    expect(linted(named.out)).toEqual(["build/Dockerfile"]);
  });
});

describe("hull lint --since", () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd, encoding: "utf8" });

  it("lints the Dockerfiles added, modified, renamed or untracked since a revision, not deleted ones", async () => {
    const dir = tree({
      "same/Dockerfile": bad,
      "modified/Dockerfile": bad,
      "renamed/old.Dockerfile": bad,
      "deleted/Dockerfile": bad,
      "notes.txt": "x",
    });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "base");
    writeFileSync(join(dir, "modified/Dockerfile"), `${bad}ENV A 1\n`);
    renameSync(join(dir, "renamed/old.Dockerfile"), join(dir, "renamed/new.Dockerfile"));
    unlinkSync(join(dir, "deleted/Dockerfile"));
    mkdirSync(join(dir, "added"));
    writeFileSync(join(dir, "added/Dockerfile"), bad);
    git(dir, "add", "-A", "renamed", "deleted", "added");
    writeFileSync(join(dir, "untracked.Dockerfile"), bad);
    writeFileSync(join(dir, "notes.txt"), "changed, but not a Dockerfile");

    const result = await runIn(dir, ["lint", "--format", "compact", "--since", "HEAD"]);
    expect(result.err).toBe("");
    expect(linted(result.out)).toEqual([
      "added/Dockerfile",
      "modified/Dockerfile",
      "renamed/new.Dockerfile",
      "untracked.Dockerfile",
    ]);
    // Paths narrow the changed files further.
    const narrowed = await runIn(dir, ["lint", "--format", "compact", "--since", "HEAD", "modified"]);
    expect(linted(narrowed.out)).toEqual(["modified/Dockerfile"]);
    // Nothing changed is a success, said on stderr.
    const none = await runIn(dir, ["lint", "--since", "HEAD", "same"]);
    expect(none).toEqual({ code: 0, out: "", err: "hull lint: no Dockerfiles changed since HEAD in same\n" });
  });

  it("gives a clear error for an unknown revision and outside a git repository", async () => {
    const repo = tree({ Dockerfile: bad });
    git(repo, "init", "-q");
    const unknown = await runIn(repo, ["lint", "--since", "no-such-rev"]);
    expect(unknown).toEqual({
      code: 2,
      out: "",
      err: "hull lint: --since no-such-rev: no such revision in this repository\n",
    });
    const outside = await runIn(tree({ Dockerfile: bad }), ["lint", "--since", "HEAD"]);
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(/^hull lint: --since HEAD: fatal: not a git repository/);
  });
});
