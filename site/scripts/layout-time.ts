// Times the plan tab's layout (plan-graph.ts) on a Dockerfile: planning excluded.
// Usage: pnpm exec tsx --conditions=@hull/source site/scripts/layout-time.ts <Dockerfile> [runs=10]
import { readFileSync } from "node:fs";
import { parse } from "@hull/parser";
import { plan } from "@hull/planner";
import { layoutPlan } from "../src/plan-graph.js";

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx site/scripts/layout-time.ts <Dockerfile> [runs]");
  process.exit(2);
}
const built = plan(parse(readFileSync(file, "utf8")).ast);
const times: number[] = [];
for (let i = 0; i < Number(runsArg ?? 10); i++) {
  const start = performance.now();
  layoutPlan(built);
  times.push(performance.now() - start);
}
const first = times[0]!;
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    file,
    nodes: built.nodes.length,
    edges: built.edges.length,
    stages: built.stages.length,
    firstMs: Math.round(first * 10) / 10,
    medianMs: Math.round(times[times.length >> 1]! * 10) / 10,
  }),
);
