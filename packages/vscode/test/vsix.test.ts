import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { defaultSettings, parseSettings } from "@hull/lsp";

const dir = fileURLToPath(new URL("../", import.meta.url));
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: { id: string; filenames: string[]; filenamePatterns: string[] }[];
    configuration: { properties: Record<string, { default: unknown; enum?: unknown[] }> };
  };
  devDependencies: Record<string, string>;
};
const vsix = join(dir, `hull-${manifest.version}.vsix`);

/** The entries of a zip file with their contents. */
function unzip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

describe("the VS Code extension's manifest", () => {
  it("activates on Dockerfiles and Containerfiles", () => {
    expect(manifest.activationEvents).toContain("onLanguage:dockerfile");
    expect(
      manifest.activationEvents.some(
        (e) => e.startsWith("workspaceContains:") && e.includes("Containerfile"),
      ),
    ).toBe(true);
    const language = manifest.contributes.languages.find((l) => l.id === "dockerfile");
    expect(language?.filenames).toEqual(["Dockerfile", "Containerfile"]);
    expect(language?.filenamePatterns).toEqual(
      expect.arrayContaining(["*.Dockerfile", "Dockerfile.*", "Containerfile.*"]),
    );
  });

  it("pins its client library and packager, and names a CommonJS entry point", () => {
    for (const name of ["vscode-languageclient", "@vscode/vsce"])
      expect(manifest.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.main).toBe("./dist/extension.cjs");
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
  });

  it("offers exactly the settings the server reads, with the server's defaults", () => {
    const properties = manifest.contributes.configuration.properties;
    expect(Object.keys(properties).sort()).toEqual([
      "hull.configPath",
      "hull.imageConfigs",
      "hull.preset",
      "hull.run",
      "hull.shellcheck",
      "hull.trace.server",
    ]);
    expect(properties["hull.run"]?.enum).toEqual(["onType", "onSave"]);
    expect(parseSettings({ hull: { run: properties["hull.run"]?.default } })).toEqual(defaultSettings);
    // Each non-default value the editor can send changes what the server does.
    expect(parseSettings({ hull: { run: "onSave" } }).run).toBe("onSave");
    for (const preset of properties["hull.preset"]?.enum ?? [])
      expect(parseSettings({ hull: { preset } }).preset).toBe(preset === "" ? null : preset);
    expect(parseSettings({ hull: { configPath: "a.yaml" } }).configPath).toBe("a.yaml");
    expect(properties["hull.imageConfigs"]?.default).toBe(defaultSettings.imageConfigs);
    expect(parseSettings({ hull: { imageConfigs: true } }).imageConfigs).toBe(true);
    expect(properties["hull.shellcheck"]?.default).toBe(defaultSettings.shellcheck);
    expect(parseSettings({ hull: { shellcheck: false } }).shellcheck).toBe(false);
    expect(parseSettings({ hull: { shellcheck: "bin/shellcheck" } }).shellcheck).toBe("bin/shellcheck");
  });
});

describe("the .vsix", () => {
  it("holds the client and the hull language server, which starts", async () => {
    // `.ci/run` packs it before the tests; build it here when it is missing (about 10 s).
    if (!existsSync(vsix)) execFileSync("pnpm", ["run", "package"], { cwd: dir, stdio: "ignore" });
    const entries = await unzip(vsix);
    expect([...entries.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "extension.vsixmanifest",
      "extension/dist/extension.cjs",
      "extension/dist/server.cjs",
      "extension/package.json",
      "extension/readme.md",
    ]);
    // The bundled server is hull's: started without a transport, it prints its usage line.
    const scratch = mkdtempSync(join(tmpdir(), "hull-vsix-"));
    try {
      const server = join(scratch, "server.cjs");
      writeFileSync(server, entries.get("extension/dist/server.cjs")!);
      const run = spawnSync(process.execPath, [server], { encoding: "utf8" });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^usage: hull-lsp --stdio/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
