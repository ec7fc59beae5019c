// Parses every file of a directory and reports files, bytes, errors, round-trip failures and throughput.
// Usage: pnpm tsx --conditions=@hull/source packages/parser/scripts/parse-corpus.ts DIR [--show-errors] [--manifest FILE]
// With --manifest (a TSV with `file` and `kind` columns, like the shared corpus's MANIFEST.tsv), files of kind
// `dockerfile` that get an error are listed: on real, buildable files any error is a parser bug to look at.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parse, print } from "../src/index.js";

const [dir, ...flags] = process.argv.slice(2);
const manifestPath = flags.includes("--manifest") ? flags[flags.indexOf("--manifest") + 1] : undefined;
const kinds = new Map<string, string>();
if (manifestPath) {
  const [header, ...rows] = readFileSync(manifestPath, "utf8").trimEnd().split("\n");
  const columns = header!.split("\t");
  const fileColumn = columns.indexOf("file");
  const kindColumn = columns.indexOf("kind");
  for (const row of rows) {
    const cells = row.split("\t");
    kinds.set(cells[fileColumn]!, cells[kindColumn]!);
  }
}
if (!dir) {
  process.stderr.write("usage: parse-corpus.ts DIR [--show-errors]\n");
  process.exit(2);
}
const files = readdirSync(dir)
  .map((name) => join(dir, name))
  .filter((path) => statSync(path).isFile())
  .sort();
const texts = files.map((path) => readFileSync(path, "utf8"));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

let roundTripFailures = 0;
let crashes = 0;
const filesWithErrors: string[] = [];
const errorCodes = new Map<string, number>();
for (let i = 0; i < files.length; i++) {
  try {
    const { ast, diagnostics } = parse(texts[i]!);
    if (print(ast) !== texts[i]) {
      roundTripFailures++;
      process.stdout.write(`round-trip failure: ${files[i]}\n`);
    }
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) filesWithErrors.push(files[i]!);
    for (const e of errors) {
      errorCodes.set(e.code, (errorCodes.get(e.code) ?? 0) + 1);
      if (flags.includes("--show-errors")) {
        process.stdout.write(
          `${files[i]}:${e.range.start.line}:${e.range.start.column}: ${e.code} ${e.message}\n`,
        );
      }
    }
  } catch (error) {
    crashes++;
    process.stdout.write(`crash: ${files[i]}: ${String(error)}\n`);
  }
}

// Throughput: warm up, then the best of five passes.
for (const t of texts) parse(t);
let best = Infinity;
for (let pass = 0; pass < 5; pass++) {
  const start = performance.now();
  for (const t of texts) parse(t);
  best = Math.min(best, performance.now() - start);
}
process.stdout.write(
  [
    `files: ${files.length}`,
    `bytes: ${bytes}`,
    `crashes: ${crashes}`,
    `round-trip failures: ${roundTripFailures}`,
    `files with errors: ${filesWithErrors.length}`,
    `errors by code: ${JSON.stringify(Object.fromEntries([...errorCodes].sort()))}`,
    `best pass: ${best.toFixed(0)} ms, ${(bytes / 1e6 / (best / 1000)).toFixed(2)} MB/s`,
  ].join("\n") + "\n",
);
if (manifestPath) {
  const buildable = filesWithErrors.filter((path) => kinds.get(basename(path)) === "dockerfile");
  const total = [...kinds.values()].filter((kind) => kind === "dockerfile").length;
  process.stdout.write(`buildable files (kind dockerfile): ${total}, with errors: ${buildable.length}\n`);
  for (const path of buildable) process.stdout.write(`  ${basename(path)}\n`);
}
