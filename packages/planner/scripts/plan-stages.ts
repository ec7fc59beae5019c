import { performance } from "node:perf_hooks";
import { parse } from "@hull/parser";
import { plan } from "../src/index.js";

/**
 * Times `plan` on generated files of many stages (issue 10): `copy` chains stages by `COPY --from` of the previous
 * stage, `from` by `FROM` of it. Usage: tsx --conditions=@hull/source scripts/plan-stages.ts [copy|from] [N,N,…]
 */
const shapes: Record<string, (i: number) => string> = {
  copy: (i) => `FROM alpine AS s${i}\n${i > 0 ? `COPY --from=s${i - 1} /a /a\n` : ""}RUN echo ${i}\n`,
  from: (i) => `FROM ${i > 0 ? `s${i - 1}` : "alpine"} AS s${i}\nRUN echo ${i}\n`,
};
const shape = shapes[process.argv[2] ?? "copy"];
if (!shape) throw new Error(`shape must be one of ${Object.keys(shapes).join(", ")}`);
for (const n of (process.argv[3] ?? "4000,8000,16000,32000").split(",").map(Number)) {
  const text = Array.from({ length: n }, (_, i) => shape(i)).join("");
  const { ast } = parse(text);
  const t0 = performance.now();
  const p = plan(ast);
  const ms = performance.now() - t0;
  process.stdout.write(
    `${n} stages\t${(text.length / 1e6).toFixed(2)} MB\tplan ${ms.toFixed(0)} ms\t${p.nodes.length} nodes\n`,
  );
}
