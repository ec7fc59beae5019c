// Measures the numbers in the README: server start to `initialize` response, change → published diagnostics
// latency over stdio (median and p95 of 200 edits of a 300-line Dockerfile), and the server's memory over 10,000
// edits. Run from the repository root after `pnpm bundle`:
//   npx tsx --conditions=@hull/source packages/lsp/scripts/timing.ts [--hull] [--edits N]
// `--hull` starts `hull lsp --stdio` (the CLI's subcommand) instead of `hull-lsp --stdio`.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { defaultFeatureConfig } from "../src/config.js";
import { createDocument } from "../src/documents.js";
import { computeDiagnostics } from "../src/features/diagnostics.js";

const viaHull = process.argv.includes("--hull");
const argv = viaHull
  ? [fileURLToPath(new URL("../../cli/bin/hull.js", import.meta.url)), "lsp", "--stdio"]
  : [fileURLToPath(new URL("../bin/hull-lsp.js", import.meta.url)), "--stdio"];
const editsFlag = process.argv.indexOf("--edits");
const memoryEdits = editsFlag === -1 ? 10_000 : Number(process.argv[editsFlag + 1]);
const runs = 15;
const latencyEdits = 200;

/** A typical multi-stage Dockerfile of about `size` lines with a handful of findings. */
function typicalDockerfile(size: number): string {
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
  for (let i = 0; lines.length < size - 12; i++) {
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

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}
const median = (values: number[]) => quantile(values, 0.5);

/** The CPU time (user + system) a process has used, in ms (Linux), or NaN where /proc is missing. */
function cpuMs(pid: number | undefined): number {
  try {
    // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses, in clock ticks (100 per second).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** The resident memory of a process in MB (Linux), or NaN where /proc is missing. */
function rssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Starts the server and returns a function that sends a message and one that waits for a matching message. */
function startServer() {
  const child = spawn(process.execPath, argv);
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

const text = typicalDockerfile(300);
console.log(
  `Dockerfile: ${text.split("\n").length - 1} lines, ${text.length} characters; server: ${viaHull ? "hull lsp" : "hull-lsp"} --stdio`,
);

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
/** Waits for the diagnostics of exactly this version, so that each measured edit was linted. */
const published = (version: number) =>
  server.wait(
    (m) =>
      m.method === "textDocument/publishDiagnostics" &&
      (m.params as { version?: number }).version === version,
  );
let next = published(1);
server.send({
  method: "textDocument/didOpen",
  params: { textDocument: { uri, languageId: "dockerfile", version: 1, text } },
});
await next;
let version = 1;
/** One keystroke-sized edit (a path changes back and forth); resolves when its diagnostics arrive. */
async function edit(): Promise<number> {
  version++;
  const change = {
    textDocument: { uri, version },
    contentChanges: [
      {
        range: { start: { line: 5, character: 9 }, end: { line: 5, character: 13 } },
        text: version % 2 ? "/app" : "/src",
      },
    ],
  };
  next = published(version);
  const t0 = performance.now();
  server.send({ method: "textDocument/didChange", params: change });
  await next;
  return performance.now() - t0;
}
for (let i = 0; i < 20; i++) await edit(); // warm-up
const latencies: number[] = [];
const cpuBefore = cpuMs(server.child.pid);
for (let i = 0; i < latencyEdits; i++) latencies.push(await edit());
const cpuPerEdit = (cpuMs(server.child.pid) - cpuBefore) / latencyEdits;
console.log(
  `didChange → publishDiagnostics over stdio, ${latencyEdits} edits: median ${median(latencies).toFixed(1)} ms, ` +
    `p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; ` +
    `server CPU ${cpuPerEdit.toFixed(1)} ms per edit; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
);
const samples: string[] = [];
const every = Math.max(1, Math.floor(memoryEdits / 10));
for (let i = 1; i <= memoryEdits; i++) {
  await edit();
  if (i % every === 0) samples.push(`${i}: ${rssMb(server.child.pid).toFixed(0)}`);
}
console.log(`server RSS (MB) after N more edits: ${samples.join(", ")}`);
server.child.kill();

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
