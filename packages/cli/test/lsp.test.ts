import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { Client, diagnosticsOf } from "../../lsp/test/client.js";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";

describe("hull lsp", () => {
  it("prints a usage line and exits 2 without a transport", async () => {
    const io = fakeIo({});
    expect(await main(["lsp"], io)).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toMatch(/^usage: hull lsp --stdio \| --node-ipc \| --socket=PORT \| --pipe=NAME\n/);
  });

  it("is listed in the help", async () => {
    const io = fakeIo({});
    await main(["--help"], io);
    expect(io.out).toMatch(/^ {2}lsp \[options\] +start the language server for editors/m);
  });
});

// The bundled server (bundle/lsp.cjs) requires ajv and yaml from the files beside it (scripts/config-libraries.mjs)
// only when it reads a config: a YAML config that turns a rule off must still be read.
const lspBundle = fileURLToPath(new URL("../bundle/lsp.cjs", import.meta.url));
const bin = fileURLToPath(new URL("../bin/hull.js", import.meta.url));

describe.skipIf(!existsSync(lspBundle))("bundled hull lsp", () => {
  it("reads a YAML config through the libraries beside the bundle", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hull-lsp-"));
    try {
      writeFileSync(
        join(dir, ".hullrc.yaml"),
        "rules:\n  maintainer-deprecated: off\n  no-latest-tag: error\n",
      );
      const file = join(dir, "Dockerfile");
      const text = "FROM alpine:latest\nMAINTAINER someone\n";
      writeFileSync(file, text);
      const client = new Client(spawn(process.execPath, [bin, "lsp", "--stdio"]));
      try {
        await client.request("initialize", {
          processId: null,
          rootUri: pathToFileURL(dir).href,
          capabilities: {},
        });
        client.send({ method: "initialized", params: {} });
        const uri = pathToFileURL(file).href;
        client.send({
          method: "textDocument/didOpen",
          params: { textDocument: { uri, languageId: "dockerfile", version: 1, text } },
        });
        const { diagnostics } = await diagnosticsOf(client, uri);
        expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["no-latest-tag", 1]]);
      } finally {
        client.process.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
