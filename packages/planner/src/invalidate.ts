import type { Dockerfile } from "@hull/parser";
import type { BuildPlan, PlanNode, PlanOptions } from "./model.js";
import { buildPlan } from "./plan.js";
import { stableJson } from "./hash.js";

/** What changed since the last build: context paths and build arg values. */
export interface InvalidationChange {
  /** Context paths (relative to the context root) whose content changed. */
  readonly paths?: readonly string[];
  /** Build args with their new values (an empty string counts as a value). */
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/** A node that loses its cache, and why. */
export interface InvalidatedNode {
  readonly id: string;
  readonly cause: "context" | "build-arg" | "input" | "operation";
  readonly reason: string;
  /**
   * True for a `COPY --from` rebuilt only because its source stage was: BuildKit keys the copy on the content of
   * the files it copies, so it stays cached when they come out the same, which the planner cannot know.
   */
  readonly maybeCached?: boolean;
}

/** Which nodes rebuild and which stay cached after a change. */
export interface Invalidation {
  readonly invalidated: readonly InvalidatedNode[];
  /** Unpruned filesystem nodes whose cache key is unchanged. */
  readonly cached: readonly string[];
  /** The plan after the change (its cache keys are the new ones). */
  readonly plan: BuildPlan;
}

/** Plans before and after a change and compares cache keys node by node; a changed key means a cache miss. */
export function invalidate(ast: Dockerfile, options: PlanOptions, change: InvalidationChange): Invalidation {
  const before = buildPlan(ast, { ...options, changedPaths: [] });
  const changedArgs = Object.entries(change.buildArgs ?? {}).filter(([k, v]) => options.buildArgs?.[k] !== v);
  const after = buildPlan(ast, {
    ...options,
    buildArgs: { ...(options.buildArgs ?? {}), ...(change.buildArgs ?? {}) },
    changedPaths: change.paths ?? [],
  });
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const invalid = new Map<string, InvalidatedNode>();
  const cached: string[] = [];
  // A FROM of an earlier stage builds nothing; it only forwards its parent's state, so it is never listed.
  const alias = new Map<string, string>();
  for (const node of after.nodes) {
    if (node.pruned || node.kind === "config") continue;
    const prev = old.get(node.id);
    const isAlias = node.op["op"] === "stage";
    if (isAlias && node.inputs[0] !== undefined) alias.set(node.id, node.inputs[0]);
    if (prev && prev.cacheKey === node.cacheKey) {
      if (!isAlias) cached.push(node.id);
      continue;
    }
    invalid.set(node.id, explain(node, prev, invalid, changedArgs, alias));
  }
  return { invalidated: [...invalid.values()].filter((i) => !alias.has(i.id)), cached, plan: after };
}

function explain(
  node: PlanNode,
  prev: PlanNode | undefined,
  invalid: ReadonlyMap<string, InvalidatedNode>,
  changedArgs: readonly (readonly [string, string])[],
  alias: ReadonlyMap<string, string>,
): InvalidatedNode {
  const direct = node.inputs.find((i) => invalid.has(i));
  const input = direct === undefined ? undefined : (alias.get(direct) ?? direct);
  const own = stableJson(node.op) !== stableJson(prev?.op ?? null);
  if (own) {
    const changed = changedContent(node);
    if (changed.length > 0)
      return { id: node.id, cause: "context", reason: `context changed: ${changed.join(", ")}` };
    const text = stableJson(node.op);
    const args = changedArgs
      .filter(([k, v]) => text.includes(`${k}=`) || (v !== "" && text.includes(v)))
      .map(([k]) => k);
    if (args.length > 0)
      return {
        id: node.id,
        cause: "build-arg",
        reason: `build arg ${args.join(", ")} changed and is part of the operation`,
      };
    if (input === undefined)
      return {
        id: node.id,
        cause: "operation",
        reason: prev ? "the resolved operation changed" : "new node",
      };
  }
  if (input !== undefined) {
    const fromStage = typeof node.op["from"] === "string" && node.op["from"].startsWith("stage:");
    const prevRebuilt = node.inputs[0] !== undefined && invalid.has(node.inputs[0]);
    return {
      id: node.id,
      cause: "input",
      reason: `input ${input} is rebuilt`,
      ...(fromStage && node.kind === "file" && !prevRebuilt ? { maybeCached: true } : {}),
    };
  }
  return { id: node.id, cause: "operation", reason: "an input's cache key changed" };
}

function changedContent(node: PlanNode): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      const m = /^context:(.*)@changed:(.*)$/.exec(v);
      if (m) out.push(`${m[2]} (under source ${m[1]})`);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(node.op);
  return out;
}
