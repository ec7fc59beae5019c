import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parse } from "@hull/parser";
import { plan } from "../src/index.js";

/** Plans every file of a directory and reports crashes, plan errors by code, throughput and a linearity check. */
function main(dir: string | undefined): number {
  if (!dir) {
    process.stderr.write("usage: tsx scripts/plan-corpus.ts DIR\n");
    return 2;
  }
  const names = readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort();
  const texts = names.map((n) => readFileSync(join(dir, n), "utf8"));
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const crashes: string[] = [];
  const byCode = new Map<string, { files: Set<string>; example: string }>();
  let parseMs = 0;
  let planMs = 0;
  let nodes = 0;
  for (const [i, text] of texts.entries()) {
    const name = names[i] as string;
    try {
      const t0 = performance.now();
      const { ast } = parse(text);
      const t1 = performance.now();
      const p = plan(ast);
      const t2 = performance.now();
      parseMs += t1 - t0;
      planMs += t2 - t1;
      nodes += p.nodes.length;
      for (const d of p.diagnostics) {
        if (d.code === "internal-error") crashes.push(`${name}: ${d.message}`);
        if (d.severity !== "error") continue;
        const entry = byCode.get(d.code) ?? {
          files: new Set<string>(),
          example: `${name}:${d.range.start.line}: ${d.message}`,
        };
        entry.files.add(name);
        byCode.set(d.code, entry);
      }
    } catch (error) {
      crashes.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const mb = bytes / 1e6;
  const out: string[] = [];
  out.push(`files: ${names.length}, ${mb.toFixed(2)} MB, ${nodes} nodes`);
  out.push(`crashes: ${crashes.length}`);
  for (const c of crashes.slice(0, 20)) out.push(`  ${c}`);
  const withErrors = new Set([...byCode.values()].flatMap((e) => [...e.files]));
  out.push(`files with plan errors: ${withErrors.size}`);
  for (const [code, e] of [...byCode.entries()].sort((a, b) => b[1].files.size - a[1].files.size)) {
    out.push(`  ${code}: ${e.files.size} file(s), e.g. ${e.example}`);
  }
  out.push(`parse: ${(parseMs / 1000).toFixed(2)} s (${(mb / (parseMs / 1000)).toFixed(1)} MB/s)`);
  out.push(`plan:  ${(planMs / 1000).toFixed(2)} s (${(mb / (planMs / 1000)).toFixed(1)} MB/s)`);

  // Linearity: the largest file planned as written and repeated ten times (more stages, more nodes).
  const largest = texts.reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a), "");
  const timeIt = (text: string): number => {
    const { ast } = parse(text);
    const runs: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      plan(ast);
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[3] as number;
  };
  const base = largest.endsWith("\n") ? largest : `${largest}\n`;
  const t1 = timeIt(base);
  const t10 = timeIt(base.repeat(10));
  out.push(
    `linearity (largest file, ${Buffer.byteLength(base)} B): x1 ${t1.toFixed(2)} ms, x10 ${t10.toFixed(2)} ms, ratio ${(t10 / t1).toFixed(1)} (10 is linear)`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
  return crashes.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv[2]);
