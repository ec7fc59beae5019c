import { parse } from "@hull/parser";
import { plan, type BuildPlan, type PlanNode, type PlanOptions } from "../src/index.js";

/** Plans Dockerfile text; the one helper every planner test goes through. */
export function planText(text: string, options: PlanOptions = {}): BuildPlan {
  return plan(parse(text).ast, options);
}

/** The node of a plan by id; fails the test if missing. */
export function node(p: BuildPlan, id: string): PlanNode {
  const n = p.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id} in ${p.nodes.map((x) => x.id).join(", ")}`);
  return n;
}

/** The environment an exec node runs with, as a record. */
export function execEnv(p: BuildPlan, id: string): Record<string, string> {
  const env = node(p, id).op["env"] as string[];
  return Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
}

/** Diagnostic codes with their lines, e.g. `unknown-target@1`. */
export function codes(p: BuildPlan): string[] {
  return p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
}
