// The parser's memory on a folder of Dockerfiles: the heap the ASTs of every file keep (all held at once, as
// an editor holds open files), the same on a generated file of short instructions (bytes per instruction), and
// the bytes parsing allocates per pass over the folder, garbage included, with the functions that allocate most.
//
//   pnpm tsx --conditions=@hull/source --expose-gc bench/parse-memory.mjs DIR [--module PARSER.mjs] [--top N]
//
// --module measures another build of the parser (e.g. one bundled from an older commit) in place of the source.
// Allocation is sampled by V8's heap profiler (one sample per 16 kB on average), after a warm-up pass.
import { Session } from "node:inspector/promises";
import { pathToFileURL } from "node:url";
import { readFolder } from "./inputs.mjs";

const args = process.argv.slice(2);
let dir = null;
let module = new URL("../packages/parser/src/index.ts", import.meta.url).href;
let top = 12;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--module") module = pathToFileURL(args[++i]).href;
  else if (args[i] === "--top") top = Number(args[++i]);
  else dir = args[i];
}
if (!dir || typeof globalThis.gc !== "function") {
  console.error("usage: node --expose-gc bench/parse-memory.mjs DIR [--module PARSER.mjs] [--top N]");
  process.exit(2);
}
const gc = globalThis.gc;
const { parse } = await import(module);
const texts = readFolder(dir).map(([, text]) => text);
const bytes = texts.reduce((n, t) => n + t.length, 0);

/** Heap kept by the results of `run`, after full collections; the texts exist before and are not counted. */
function kept(run) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const results = run();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (results.length === 0) throw new Error("nothing parsed");
  return after - before;
}

for (const text of texts) parse(text);
const corpus = kept(() => texts.map((text) => parse(text)));
console.log(
  `ASTs of ${texts.length} files (${(bytes / 1e6).toFixed(2)} MB) keep ${(corpus / 1e6).toFixed(1)} MB of heap: ` +
    `${(corpus / bytes).toFixed(1)}× the input`,
);

// The adversarial "50 MB file" block (bench/adversarial.mjs), 4,000 times: 48,000 short instructions.
const block =
  "FROM node:20-slim AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && npm cache clean --force\n" +
  "COPY . .\nRUN npm run build\nFROM gcr.io/distroless/nodejs20\nCOPY --from=build /app/dist /app\n" +
  'ENV NODE_ENV=production PORT=8080\nEXPOSE 8080\nUSER 1000\nCMD ["/app/server.js"]\n';
const generated = block.repeat(4000);
let instructions = 0;
const one = kept(() => {
  const result = parse(generated);
  instructions = result.ast.instructions.length;
  return [result];
});
console.log(
  `generated file (${(generated.length / 1e6).toFixed(2)} MB, ${instructions} instructions) keeps ` +
    `${(one / 1e6).toFixed(1)} MB: ${(one / instructions).toFixed(0)} bytes per instruction, ` +
    `${(one / generated.length).toFixed(1)}× the input`,
);

const session = new Session();
session.connect();
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 16384,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
for (const text of texts) parse(text);
const { profile } = await session.post("HeapProfiler.stopSampling");
const byFunction = new Map();
let total = 0;
(function visit(node) {
  const key = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.split("/").pop()}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) visit(child);
})(profile.head);
console.log(`parsing allocates ${(total / 1e6).toFixed(0)} MB per pass over the folder (sampled); most by:`);
for (const [key, size] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(size / 1e6).toFixed(1).padStart(8)} MB  ${key}`);
}
