import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The Neovim set-up of the README, run for real: the snippet is taken from the README itself, so that the
// documented configuration is the tested one. Debian's neovim is 0.7 (`.ci/apt-packages.txt`).
const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const driver = fileURLToPath(new URL("./nvim-driver.lua", import.meta.url));
const bin = fileURLToPath(new URL("../bin/hull-lsp.js", import.meta.url));
const bundle = fileURLToPath(new URL("../bundle/server.mjs", import.meta.url));
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const version = nvim.status === 0 ? /NVIM v(\S+)/.exec(nvim.stdout)?.[1] : undefined;

/** The first lua block after the "### Neovim" heading. */
function neovimSnippet(): string {
  const section = readme.slice(readme.indexOf("### Neovim"));
  const match = /```lua\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error("no lua block under ### Neovim in packages/lsp/README.md");
  return match[1]!;
}

describe.skipIf(!version || !existsSync(bundle))(
  `Neovim ${version ?? "(absent: skipped)"} with the README's set-up`,
  () => {
    it("shows diagnostics on open and after an edit, applies a code action's fix and renames a variable", () => {
      const dir = mkdtempSync(join(tmpdir(), "hull-nvim-"));
      try {
        // `hull-lsp` on PATH, as the snippet expects after an install.
        mkdirSync(join(dir, "bin"));
        const wrapper = join(dir, "bin", "hull-lsp");
        writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
        chmodSync(wrapper, 0o755);
        mkdirSync(join(dir, "project"));
        const dockerfile = join(dir, "project", "Dockerfile");
        writeFileSync(dockerfile, "FROM node:latest\nUSER node\nENV A 1\n");
        writeFileSync(join(dir, "init.lua"), neovimSnippet());
        const result = join(dir, "result.json");
        const run = spawnSync(
          "nvim",
          ["--headless", "-u", join(dir, "init.lua"), "-c", `luafile ${driver}`],
          {
            cwd: join(dir, "project"),
            env: {
              ...process.env,
              PATH: `${join(dir, "bin")}${delimiter}${process.env.PATH ?? ""}`,
              HULL_NVIM_FILE: dockerfile,
              HULL_NVIM_RESULT: result,
            },
            encoding: "utf8",
            timeout: 60_000,
          },
        );
        expect(existsSync(result), `nvim wrote no result: ${run.stderr}${run.stdout}`).toBe(true);
        expect(JSON.parse(readFileSync(result, "utf8"))).toMatchObject({
          filetype: "dockerfile",
          opened: true,
          on_open: ["legacy-key-value-format", "no-latest-tag"],
          edited: true,
          after_edit: ["legacy-key-value-format"],
          actions: expect.arrayContaining(["Fix this legacy-key-value-format problem"]),
          renamed: true,
        });
        expect(readFileSync(dockerfile, "utf8")).toBe("FROM node:22\nUSER node\nENV APP=1\n");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
