import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
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
      const server = spawn(process.execPath, [bin, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
      const send = (message: object) => {
        const body = JSON.stringify({ jsonrpc: "2.0", ...message });
        server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      };
      const diagnostics = new Promise<{ code: string; severity: number }[]>((resolve, reject) => {
        let buffer = Buffer.alloc(0);
        server.on("error", reject);
        server.on("exit", (code) => reject(new Error(`the server exited (${code}) before publishing`)));
        server.stdout.on("data", (chunk: Buffer) => {
          buffer = Buffer.concat([buffer, chunk]);
          for (;;) {
            const header = buffer.indexOf("\r\n\r\n");
            if (header < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
            if (buffer.length < header + 4 + length) return;
            const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString()) as {
              method?: string;
              params?: { diagnostics: { code: string; severity: number }[] };
            };
            buffer = buffer.subarray(header + 4 + length);
            if (message.method === "textDocument/publishDiagnostics") resolve(message.params!.diagnostics);
          }
        });
      });
      const uri = pathToFileURL(file).href;
      send({
        id: 1,
        method: "initialize",
        params: { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {} },
      });
      send({ method: "initialized", params: {} });
      send({
        method: "textDocument/didOpen",
        params: { textDocument: { uri, languageId: "dockerfile", version: 1, text } },
      });
      try {
        const found = await diagnostics;
        expect(found.map((d) => [d.code, d.severity])).toEqual([["no-latest-tag", 1]]);
      } finally {
        server.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
