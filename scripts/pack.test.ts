import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Packs the publishable packages with pnpm (which rewrites `workspace:^` to `^<version>`) and installs the
// tarballs with npm into projects outside the repository, as a user would.
const root = fileURLToPath(new URL("..", import.meta.url));
const libraries = ["parser", "linter", "planner", "eslint-plugin", "prettier-plugin"];
const cliVersion = (
  JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { version: string }
).version;
const devVersion = (name: string) =>
  (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies[name];
const built = existsSync(join(root, "packages/cli/bundle/hull.cjs"));
if (!built) console.warn("pack tests skipped: run `node scripts/bundle.mjs` first");

const work = mkdtempSync(join(tmpdir(), "hull-pack-"));
const tarballs = join(work, "tarballs");
const tarball = (name: string) => join(tarballs, `hull-${name}-${cliVersion}.tgz`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bad = "FROM node:latest\nMAINTAINER me\nADD . /app\n";
const clean = "FROM alpine:3.20\nUSER nobody\n";

// A user's npm runs without the npm_config_* settings that pnpm (or the caller) hands to this test process.
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...userEnv, ...env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name, version: "1.0.0", private: true, type: "module" }),
  );
  writeFileSync(join(dir, "Dockerfile"), bad);
  mkdirSync(join(dir, "ok"));
  writeFileSync(join(dir, "ok", "Dockerfile"), clean);
  return dir;
}

describe.skipIf(!built)("packed packages", () => {
  beforeAll(() => {
    // The libraries ship tsc's dist/; build it (incremental: quick when it is current).
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b"], { cwd: root });
    for (const name of ["cli", ...libraries]) {
      execFileSync("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(root, "packages", name) });
    }
  }, 300_000);

  it("rewrites workspace ranges and ships only what runs", () => {
    const manifest = (name: string) =>
      JSON.parse(
        execFileSync("tar", ["-xOzf", tarball(name), "package/package.json"], { encoding: "utf8" }),
      ) as {
        private?: boolean;
        dependencies?: Record<string, string>;
        scripts?: Record<string, string>;
      };
    const files = (name: string) =>
      execFileSync("tar", ["-tzf", tarball(name)], { encoding: "utf8" }).split("\n");
    expect(manifest("cli").dependencies ?? {}).toEqual({});
    expect(files("cli").filter(Boolean).sort()).toEqual([
      "package/README.md",
      "package/bin/hull.js",
      "package/bin/package.json",
      "package/bundle/ajv.cjs",
      "package/bundle/config-validators.cjs",
      "package/bundle/diff.cjs",
      "package/bundle/hull.cjs",
      "package/bundle/lint-worker.mjs",
      "package/bundle/lsp.cjs",
      "package/bundle/yaml.cjs",
      "package/package.json",
    ]);
    expect(manifest("linter").dependencies?.["@hull/parser"]).toBe(`^${cliVersion}`);
    expect(manifest("eslint-plugin").dependencies?.["@hull/linter"]).toBe(`^${cliVersion}`);
    for (const name of libraries) {
      expect(manifest(name).private).toBeUndefined();
      expect(files(name)).toContain("package/dist/index.js");
      expect(files(name)).toContain("package/dist/index.d.ts");
      expect(
        files(name).some((f) => f.endsWith(".test.js") || f.includes("/src/") || f.endsWith(".map")),
      ).toBe(false);
    }
  });

  it("installs the CLI offline from its tarball alone, locally (`npx hull lint`) and with -g", () => {
    const dir = project("cli-user");
    const emptyCache = join(work, "empty-npm-cache");
    const install = run(
      "npm",
      ["install", "--offline", "--cache", emptyCache, "--no-audit", "--no-fund", tarball("cli")],
      dir,
    );
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.status).toBe(0);
    const npx = (...args: string[]) => run("npx", ["--offline", "--cache", emptyCache, "hull", ...args], dir);
    expect(npx("--version")).toMatchObject({ status: 0, stdout: `${cliVersion}\n` });
    const findings = npx("lint", "--format", "compact", "Dockerfile");
    expect(findings.status).toBe(1);
    expect(findings.stdout).toContain("Dockerfile:3:1: error prefer-copy-over-add");
    expect(npx("lint", "ok")).toMatchObject({ status: 0, stderr: "" });

    // `npm install -g` (into a prefix of its own, not the machine's).
    const prefix = join(work, "global");
    const global = run(
      "npm",
      ["install", "-g", "--prefix", prefix, "--offline", "--cache", emptyCache, tarball("cli")],
      dir,
    );
    expect(global.status).toBe(0);
    expect(
      run(join(prefix, "bin", "hull"), ["lint", "--format", "compact", "Dockerfile"], dir),
    ).toMatchObject({
      status: 1,
      stdout: expect.stringContaining("Dockerfile:3:1: error prefer-copy-over-add") as unknown,
    });
  });

  it("installs the libraries and plugins together; the API, the types, ESLint and Prettier use them", (context) => {
    const dir = project("library-user");
    // Their registry dependencies (ajv, yaml, …, and ESLint and Prettier here) need the registry's
    // metadata to resolve, which an empty cache cannot give; so this uses npm's own cache, offline when it can.
    const install = run(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        ...libraries.map(tarball),
        `eslint@${devVersion("eslint")}`,
        `prettier@${devVersion("prettier")}`,
      ],
      dir,
    );
    if (
      install.status !== 0 &&
      /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(install.stderr)
    ) {
      console.warn(`library install skipped: the npm registry is unreachable\n${install.stderr}`);
      context.skip();
    }
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.status).toBe(0);

    writeFileSync(
      join(dir, "use.ts"),
      [
        'import { lint, type Diagnostic } from "@hull/linter";',
        'import { parse } from "@hull/parser";',
        'import { plan } from "@hull/planner";',
        'import { runShellcheckSync } from "@hull/linter/shellcheck-process";',
        `const source = ${JSON.stringify(bad)};`,
        "const found: Diagnostic[] = lint(source).diagnostics;",
        'console.log(found.map((d) => d.ruleId).join(" "));',
        "console.log(plan(parse(source).ast).stages.length);",
        // The subpath that starts ShellCheck resolves, with its types, from the tarball.
        'console.log(runShellcheckSync("hull-no-such-shellcheck", { args: [], scripts: ["echo"] }) instanceof Error);',
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "nodenext", strict: true, noEmit: true, types: [] },
        files: ["use.ts"],
      }),
    );
    expect(
      run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "."], dir),
    ).toMatchObject({
      status: 0,
      stdout: "",
    });
    writeFileSync(
      join(dir, "use.mjs"),
      readFileSync(join(dir, "use.ts"), "utf8").replace(/: Diagnostic\[\]|, type Diagnostic/g, ""),
    );
    const api = run(process.execPath, ["use.mjs"], dir);
    expect(api.stderr).toBe("");
    expect(api.stdout).toMatch(/^.*\bprefer-copy-over-add\b.*\n1\ntrue\n$/);

    writeFileSync(
      join(dir, "eslint.config.js"),
      'import hull from "@hull/eslint-plugin";\nexport default [hull.configs.recommended];\n',
    );
    const eslint = run(
      join(dir, "node_modules/.bin/eslint"),
      ["--format", "json", "Dockerfile", "ok/Dockerfile"],
      dir,
    );
    expect(eslint.stderr).toBe("");
    expect(eslint.status).toBe(1);
    const reports = JSON.parse(eslint.stdout) as {
      filePath: string;
      messages: { ruleId: string; line: number; column: number; severity: number }[];
    }[];
    expect(reports.map((r) => [r.filePath.slice(dir.length + 1), r.messages.length > 0])).toEqual([
      ["Dockerfile", true],
      ["ok/Dockerfile", false],
    ]);
    expect(reports[0]?.messages).toContainEqual(
      expect.objectContaining({ ruleId: "hull/prefer-copy-over-add", line: 3, column: 1, severity: 2 }),
    );

    writeFileSync(join(dir, ".prettierrc.json"), JSON.stringify({ plugins: ["@hull/prettier-plugin"] }));
    writeFileSync(join(dir, "ok", "Dockerfile"), "from alpine:3.20\nrun apk add curl \\\n  jq\n");
    const prettier = run(join(dir, "node_modules/.bin/prettier"), ["ok/Dockerfile"], dir);
    // The plugin formatted the file: keywords upper-cased, the continuation line kept.
    expect(prettier).toMatchObject({ status: 0, stderr: "" });
    expect(prettier.stdout).toMatch(/^FROM alpine:3\.20\nRUN apk add curl \\\n +jq\n$/);
  });
});
