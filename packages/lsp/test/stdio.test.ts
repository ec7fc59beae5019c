import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { configLibraries } from "../../../scripts/config-libraries.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, diagnosticsOf } from "./client.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../bin/hull-lsp.js", import.meta.url));
const bundle = fileURLToPath(new URL("../bundle/server.mjs", import.meta.url));

describe("hull-lsp over stdio", () => {
  let client: Client;

  beforeAll(async () => {
    // `pnpm test` bundles first; a bare `vitest run` may not have, so build the server bundle when it is missing.
    if (!existsSync(bundle)) {
      await build({
        absWorkingDir: root,
        entryPoints: ["packages/lsp/src/main.ts"],
        outfile: bundle,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        conditions: ["@hull/source"],
        logLevel: "warning",
        banner: {
          js: "import { createRequire as __hullRequire } from 'node:module'; const require = __hullRequire(import.meta.url);",
        },
        plugins: [configLibraries()],
      });
    }
    client = new Client(spawn(process.execPath, [bin, "--stdio"], { cwd: root }));
  });

  afterAll(() => {
    client.process.kill();
  });

  it("answers initialize, publishes diagnostics on open, change and close", async () => {
    const init = (await client.request("initialize", {
      processId: null,
      rootUri: null,
      capabilities: {},
    })) as {
      capabilities: { textDocumentSync: unknown; hoverProvider: boolean };
      serverInfo: { name: string };
    };
    expect(init.serverInfo.name).toBe("hull-lsp");
    expect(init.capabilities.textDocumentSync).toEqual({
      openClose: true,
      change: 2,
      save: { includeText: false },
    });
    expect(init.capabilities.hoverProvider).toBe(true);
    client.send({ method: "initialized", params: {} });

    // An untitled document: no file system, default config.
    const uri = "untitled:Dockerfile-e2e";
    client.send({
      method: "textDocument/didOpen",
      params: { textDocument: { uri, languageId: "dockerfile", version: 1, text: "FROM node:latest\n" } },
    });
    const opened = await diagnosticsOf(client, uri);
    expect(opened.version).toBe(1);
    expect(opened.diagnostics.map((d) => [d.code, d.range])).toEqual([
      ["no-latest-tag", { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }],
    ]);

    client.send({
      method: "textDocument/didChange",
      params: {
        textDocument: { uri, version: 2 },
        contentChanges: [
          { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }, text: "22" },
        ],
      },
    });
    const changed = await diagnosticsOf(client, uri);
    expect(changed).toMatchObject({ version: 2, diagnostics: [] });

    const hover = (await client.request("textDocument/hover", {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    })) as { contents: { kind: string; value: string } };
    expect(hover.contents.kind).toBe("markdown");
    expect(hover.contents.value).toMatch(/^\*\*FROM\*\*/);

    client.send({ method: "textDocument/didClose", params: { textDocument: { uri } } });
    expect((await diagnosticsOf(client, uri)).diagnostics).toEqual([]);

    expect(await client.request("shutdown", null)).toBeNull();
    const exited = new Promise<number | null>((resolve) => client.process.on("exit", resolve));
    client.send({ method: "exit" });
    expect(await exited).toBe(0);
    expect(client.stderr).toBe("");
  });
});

describe("hull-lsp settings and entry points", () => {
  const start = (argv: string[]) => new Client(spawn(process.execPath, argv, { cwd: root }));
  const initialize = async (client: Client, initializationOptions?: unknown) => {
    await client.request("initialize", {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions,
    });
    client.send({ method: "initialized", params: {} });
  };
  const open = (client: Client, uri: string, text: string) =>
    client.send({
      method: "textDocument/didOpen",
      params: { textDocument: { uri, languageId: "dockerfile", version: 1, text } },
    });
  const change = (client: Client, uri: string, version: number, text: string) =>
    client.send({
      method: "textDocument/didChange",
      params: { textDocument: { uri, version }, contentChanges: [{ text }] },
    });

  it("with run: onSave, lints on open and save but not on change", async () => {
    const client = start([bin, "--stdio"]);
    try {
      await initialize(client, { run: "onSave" });
      const uri = "untitled:on-save";
      open(client, uri, "FROM node:latest\n");
      expect((await diagnosticsOf(client, uri)).version).toBe(1);
      change(client, uri, 2, "FROM node:22\n");
      change(client, uri, 3, "FROM node:22\nMAINTAINER me\n");
      client.send({ method: "textDocument/didSave", params: { textDocument: { uri } } });
      // The first diagnostics after the changes are those of the save, of the last version.
      const saved = await diagnosticsOf(client, uri);
      expect(saved.version).toBe(3);
      expect(saved.diagnostics.map((d) => d.code)).toEqual(["maintainer-deprecated"]);
    } finally {
      client.process.kill();
    }
  });

  it("goes to a stage's definition, renames it, and refuses a name BuildKit would not take", async () => {
    const client = start([bin, "--stdio"]);
    try {
      await initialize(client);
      const uri = "untitled:navigation";
      open(client, uri, "FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /bin/sh /sh\n");
      const at = { textDocument: { uri }, position: { line: 2, character: 14 } };
      expect(await client.request("textDocument/definition", at)).toEqual([
        { uri, range: { start: { line: 0, character: 20 }, end: { line: 0, character: 25 } } },
      ]);
      expect(await client.request("textDocument/rename", { ...at, newName: "base" })).toEqual({
        changes: {
          [uri]: [
            {
              range: { start: { line: 0, character: 20 }, end: { line: 0, character: 25 } },
              newText: "base",
            },
            {
              range: { start: { line: 2, character: 12 }, end: { line: 2, character: 17 } },
              newText: "base",
            },
          ],
        },
      });
      const refused = await client.response("textDocument/rename", { ...at, newName: "9lives" });
      expect(refused.error?.message).toMatch(/is not a stage name/);
    } finally {
      client.process.kill();
    }
  });

  it("lints every change on type, each version once", async () => {
    const client = start([bin, "--stdio"]);
    try {
      await initialize(client);
      const uri = "untitled:on-type";
      open(client, uri, "FROM node:latest\n");
      await diagnosticsOf(client, uri);
      change(client, uri, 2, "FROM node:22\n");
      expect(await diagnosticsOf(client, uri)).toMatchObject({ version: 2, diagnostics: [] });
      change(client, uri, 3, "FROM node:22\nMAINTAINER me\n");
      expect((await diagnosticsOf(client, uri)).version).toBe(3);
    } finally {
      client.process.kill();
    }
  });

  it("reports ShellCheck's findings after lint's, and keeps those of an unchanged RUN while other lines change", async () => {
    // A stand-in ShellCheck: SC2086 at the first `$` of each file it is given; each run logs how many files.
    const dir = mkdtempSync(join(tmpdir(), "hull-lsp-shellcheck-test-"));
    const program = join(dir, "shellcheck");
    const log = join(dir, "runs");
    writeFileSync(
      program,
      `#!${process.execPath}
const fs = require("node:fs");
const files = process.argv.slice(2).filter((a) => !a.startsWith("-"));
fs.appendFileSync(${JSON.stringify(log)}, files.length + "\\n");
const comments = files.flatMap((file) => {
  const lines = fs.readFileSync(file, "utf8").split("\\n");
  const line = lines.findIndex((l) => l.includes("$"));
  if (line < 0) return [];
  const column = lines[line].indexOf("$") + 1;
  return [{ file, line: line + 1, endLine: line + 1, column, endColumn: column + 2, level: "info", code: 2086, message: "Double quote." }];
});
process.stdout.write(JSON.stringify({ comments }));
process.exit(comments.length > 0 ? 1 : 0);
`,
    );
    chmodSync(program, 0o755);
    const client = start([bin, "--stdio"]);
    try {
      await initialize(client, { shellcheck: program });
      const uri = "untitled:shellcheck";
      open(client, uri, "FROM alpine:3.20\nRUN echo $a\n");
      const shellcheckOf = (d: { diagnostics: { code: string; range: unknown }[] }) =>
        d.diagnostics.filter((x) => x.code.startsWith("shellcheck/"));
      // Lint's findings come first, without waiting for ShellCheck; ShellCheck's follow for the same version.
      const first = await diagnosticsOf(client, uri);
      expect(first.version).toBe(1);
      expect(shellcheckOf(first)).toEqual([]);
      const second = await diagnosticsOf(client, uri);
      expect(second.version).toBe(1);
      const sc2086 = {
        code: "shellcheck/SC2086",
        range: { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } },
      };
      expect(shellcheckOf(second)).toMatchObject([sc2086]);
      // Another line changes: the RUN's finding is there at once, and its script is not checked again.
      change(client, uri, 2, "FROM alpine:3.21\nRUN echo $a\n");
      const changed = await diagnosticsOf(client, uri);
      expect(changed.version).toBe(2);
      expect(shellcheckOf(changed)).toMatchObject([sc2086]);
      expect(readFileSync(log, "utf8")).toBe("1\n");
      // A file of 1,100 RUNs is checked a thousand scripts a run; the last version published has every finding.
      const many = `FROM alpine:3.20\n${Array.from({ length: 1100 }, (_, i) => `RUN echo $v${i}\n`).join("")}`;
      change(client, uri, 3, many);
      for (;;) {
        const published = await diagnosticsOf(client, uri);
        expect(published.version).toBe(3);
        if (shellcheckOf(published).length === 1100) break;
      }
      // Each run of a thousand is shared out among processes side by side, as many as the machine has processors.
      const runs = readFileSync(log, "utf8").trim().split("\n").map(Number);
      expect(runs[0]).toBe(1);
      let checked = 0;
      const ends = runs.slice(1).map((n) => (checked += n));
      expect(checked).toBe(1100);
      expect(ends).toContain(1000);
      const processes = (scripts: number) =>
        Math.max(1, Math.min(availableParallelism(), Math.floor(scripts / 4)));
      expect(runs).toHaveLength(1 + processes(1000) + processes(100));
      const logged = readFileSync(log, "utf8");
      // More than 2,000 scripts to check: not checked, and said so.
      const tooMany = `FROM alpine:3.20\n${Array.from({ length: 2001 }, (_, i) => `RUN echo $w${i}\n`).join("")}`;
      change(client, uri, 4, tooMany);
      expect((await diagnosticsOf(client, uri)).version).toBe(4);
      const told = await client.next((m) => m.method === "window/logMessage");
      expect((told.params as { message: string }).message).toBe(
        `hull: ShellCheck skipped for ${uri}: 2001 scripts to check, more than 2000`,
      );
      expect(readFileSync(log, "utf8")).toBe(logged);
    } finally {
      client.process.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says that a ShellCheck it was given could not run, and goes on without it", async () => {
    const client = start([bin, "--stdio"]);
    try {
      await initialize(client, { shellcheck: "no-such-dir/shellcheck" });
      const uri = "untitled:no-shellcheck";
      open(client, uri, "FROM alpine:3.20\nRUN echo $a\n");
      expect((await diagnosticsOf(client, uri)).version).toBe(1);
      const logged = await client.next((m) => m.method === "window/logMessage");
      expect((logged.params as { message: string }).message).toMatch(
        /^hull: ShellCheck \(.*no-such-dir\/shellcheck\) could not run: /,
      );
      change(client, uri, 2, "FROM alpine:3.20\nRUN echo $b\n");
      const changed = await diagnosticsOf(client, uri);
      expect(changed.version).toBe(2);
      expect(changed.diagnostics.filter((d) => d.code.startsWith("shellcheck/"))).toEqual([]);
    } finally {
      client.process.kill();
    }
  });

  it("prints a usage line and exits 2 without a transport", async () => {
    const child = spawn(process.execPath, [bin], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^usage: hull-lsp --stdio \| --node-ipc \| --socket=PORT \| --pipe=NAME\n/);
  });

  const hull = fileURLToPath(new URL("../../cli/bin/hull.js", import.meta.url));
  const cliServer = fileURLToPath(new URL("../../cli/bundle/lsp.cjs", import.meta.url));
  it.skipIf(!existsSync(cliServer))(
    "hull lsp --stdio serves the same server (needs `pnpm bundle`)",
    async () => {
      const client = start([hull, "lsp", "--stdio"]);
      try {
        const init = (await client.request("initialize", {
          processId: null,
          rootUri: null,
          capabilities: {},
        })) as {
          serverInfo: { name: string };
        };
        expect(init.serverInfo.name).toBe("hull-lsp");
        client.send({ method: "initialized", params: {} });
        const uri = "untitled:via-hull";
        open(client, uri, "FROM node:latest\n");
        expect((await diagnosticsOf(client, uri)).diagnostics.map((d) => d.code)).toEqual(["no-latest-tag"]);
      } finally {
        client.process.kill();
      }
    },
  );
});
