import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// In a process of its own: this one's module caches hold whatever other tests loaded.
const probe = `
import { createRequire } from "node:module";
const linter = await import(${JSON.stringify(new URL("../index.ts", import.meta.url).href)});
const loaded = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((p) => /[\\\\/]node_modules[\\\\/](ajv|yaml)[\\\\/]/.test(p))
    .length > 0;
const lint = linter.lint("FROM node:latest\\n").diagnostics.length > 0;
const afterLint = loaded();
const config = linter.loadConfigFile("/repo/.hullrc.yaml", { exists: () => true, readFile: () => "preset: all\\n" });
console.log(JSON.stringify({ lint, afterLint, preset: config.preset, afterConfig: loaded() }));
`;

it("loads ajv and yaml with the first config file, not with the entry or lint()", () => {
  const root = fileURLToPath(new URL("../../../..", import.meta.url));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=@hull/source", "--input-type=module", "--eval", probe],
    { cwd: root, encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual({ lint: true, afterLint: false, preset: "all", afterConfig: true });
});
