// Measures the numbers in the README: server start to `initialize` response, and how long a change takes to
// become diagnostics. Run from the repository root after `pnpm bundle`:
//   npx tsx --conditions=@hull/source packages/lsp/scripts/timing.ts
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { defaultFeatureConfig } from "../src/config.js";
import { createDocument } from "../src/documents.js";
import { computeDiagnostics } from "../src/features/diagnostics.js";

const bin = fileURLToPath(new URL("../bin/hull-lsp.js", import.meta.url));
const runs = 15;

/** A typical 100-line multi-stage Dockerfile with a handful of findings. */
function typicalDockerfile(): string {
  const lines = [
    "# syntax=docker/dockerfile:1",
    "ARG NODE_VERSION=22",
    "ARG ALPINE_VERSION=3.20",
    "",
    "FROM node:${NODE_VERSION}-bookworm AS deps",
    "WORKDIR /app",
    "COPY package.json package-lock.json ./",
    "RUN --mount=type=cache,target=/root/.npm \\",
    "    npm ci --omit=dev",
    "",
    "FROM node:${NODE_VERSION}-bookworm AS build",
    "WORKDIR /app",
    "RUN apt-get update && \\",
    "    apt-get install -y --no-install-recommends python3 make g++ && \\",
    "    rm -rf /var/lib/apt/lists/*",
    "COPY --from=deps /app/node_modules ./node_modules",
    "COPY . .",
    "ENV NODE_ENV=production",
    "RUN npm run build",
  ];
  for (let i = 0; lines.length < 88; i++) {
    lines.push(
      "",
      `# Worker ${i}.`,
      `FROM alpine:\${ALPINE_VERSION} AS worker-${i}`,
      `RUN apk add --no-cache curl ca-certificates`,
      `COPY --from=build /app/dist/worker-${i} /srv/worker`,
      `ENV WORKER_ID=${i} LOG_LEVEL=info`,
      `USER 1000:1000`,
      `CMD ["/srv/worker/run", "--id", "${i}"]`,
    );
  }
  lines.push(
    "",
    "FROM node:${NODE_VERSION}-bookworm-slim",
    "LABEL org.opencontainers.image.source=https://example.com/app",
    "WORKDIR /app",
    "COPY --from=build /app/dist ./dist",
    "COPY --from=deps /app/node_modules ./node_modules",
    "EXPOSE 3000",
    "HEALTHCHECK --interval=30s CMD node dist/health.js",
    "USER node",
    'CMD ["node", "dist/server.js"]',
  );
  return lines.join("\n") + "\n";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Starts the server and returns a function that sends a message and one that waits for a matching message. */
function startServer() {
  const child = spawn(process.execPath, [bin, "--stdio"]);
  let buffer = Buffer.alloc(0);
  const waiters: { match: (m: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, end).toString())![1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()) as Record<
        string,
        unknown
      >;
      buffer = buffer.subarray(end + 4 + length);
      const index = waiters.findIndex((w) => w.match(message));
      if (index !== -1) waiters.splice(index, 1)[0]!.resolve();
    }
  });
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: "2.0", ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const wait = (match: (m: Record<string, unknown>) => boolean) =>
    new Promise<void>((resolve) => waiters.push({ match, resolve }));
  return { child, send, wait };
}

const text = typicalDockerfile();
console.log(`Dockerfile: ${text.split("\n").length - 1} lines, ${text.length} characters`);

const starts: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const server = startServer();
  const answered = server.wait((m) => m.id === 1);
  server.send({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
  await answered;
  starts.push(performance.now() - t0);
  server.child.kill();
}
console.log(`start → initialize response: median ${median(starts).toFixed(0)} ms over ${runs} runs`);

const server = startServer();
const ready = server.wait((m) => m.id === 1);
server.send({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
await ready;
server.send({ method: "initialized", params: {} });
const uri = "untitled:timing";
const published = () => server.wait((m) => m.method === "textDocument/publishDiagnostics");
let next = published();
server.send({
  method: "textDocument/didOpen",
  params: { textDocument: { uri, languageId: "dockerfile", version: 1, text } },
});
await next;
const debounced: number[] = [];
const saved: number[] = [];
for (let version = 2; version < 2 + 2 * runs; version++) {
  const change = {
    textDocument: { uri, version },
    contentChanges: [
      {
        range: { start: { line: 5, character: 9 }, end: { line: 5, character: 13 } },
        text: version % 2 ? "/app" : "/src",
      },
    ],
  };
  next = published();
  const t0 = performance.now();
  server.send({ method: "textDocument/didChange", params: change });
  // Every other change is saved right away, which publishes without waiting for the typing pause.
  if (version % 2) server.send({ method: "textDocument/didSave", params: { textDocument: { uri } } });
  await next;
  (version % 2 ? saved : debounced).push(performance.now() - t0);
}
server.child.kill();
console.log(`didChange → publishDiagnostics (200 ms debounce): median ${median(debounced).toFixed(1)} ms`);
console.log(`didChange + didSave → publishDiagnostics (no debounce): median ${median(saved).toFixed(1)} ms`);

const config = defaultFeatureConfig();
const inProcess: number[] = [];
for (let i = 0; i < 5; i++) computeDiagnostics(createDocument(uri, -i, text), config);
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  // A new version each time, so that parse and lint run again as after a change.
  computeDiagnostics(createDocument(uri, i, text), config);
  inProcess.push(performance.now() - t0);
}
console.log(`in-process parse + lint + convert: median ${median(inProcess).toFixed(2)} ms`);
