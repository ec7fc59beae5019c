import type { ChildProcessWithoutNullStreams } from "node:child_process";

// A JSON-RPC client for tests that start a language server (this package's, or the CLI's `hull lsp`) over stdio.

/** Every wait for the server is bounded, so that a hung server fails the test instead of stalling the run. */
const timeoutMs = 10_000;

export interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** A minimal JSON-RPC client over the server's stdio, with `Content-Length` framing. */
export class Client {
  private buffer = Buffer.alloc(0);
  private readonly received: Message[] = [];
  private waiters: (() => void)[] = [];
  private nextId = 1;
  stderr = "";

  constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const headerEnd = this.buffer.indexOf("\r\n\r\n");
        if (headerEnd === -1) return;
        const length = Number(
          /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1],
        );
        if (this.buffer.length < headerEnd + 4 + length) return;
        const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
        this.buffer = this.buffer.subarray(headerEnd + 4 + length);
        this.received.push(JSON.parse(body) as Message);
        for (const wake of this.waiters.splice(0)) wake();
      }
    });
    process.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  send(message: object): void {
    const body = JSON.stringify({ jsonrpc: "2.0", ...message });
    this.process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  async request(method: string, params: unknown): Promise<unknown> {
    return (await this.response(method, params)).result;
  }

  /** The whole response to a request: its result, or its error. */
  async response(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.next((m) => m.id === id && m.method === undefined);
  }

  /** Waits for (and removes) the first message that matches. */
  async next(match: (m: Message) => boolean): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex(match);
      if (index !== -1) return this.received.splice(index, 1)[0]!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export const diagnosticsOf = (client: Client, uri: string) =>
  client
    .next((m) => m.method === "textDocument/publishDiagnostics" && (m.params as { uri: string }).uri === uri)
    .then(
      (m) =>
        m.params as { version?: number; diagnostics: { code: string; range: unknown; severity?: number }[] },
    );
