import type { BuildPlan } from "./model.js";

/** Identical work found in several plans. */
export interface SharedReport {
  /** Stages whose final filesystem has the same cache key in two or more files. */
  readonly stages: readonly {
    readonly cacheKey: string;
    readonly members: readonly { file: string; stage: number; name: string | null }[];
  }[];
  /** Filesystem nodes (sources, layers, merges) with the same cache key in two or more files: built and stored once. */
  readonly nodes: readonly {
    readonly cacheKey: string;
    readonly instruction: string;
    readonly label: string;
    readonly members: readonly { file: string; id: string }[];
  }[];
}

/** Finds the stages and layers that several Dockerfiles share, by cache key. */
export function share(plans: readonly { file: string; plan: BuildPlan }[]): SharedReport {
  const nodes = new Map<
    string,
    { instruction: string; label: string; members: { file: string; id: string }[] }
  >();
  const stages = new Map<string, { file: string; stage: number; name: string | null }[]>();
  for (const { file, plan } of plans) {
    const byId = new Map(plan.nodes.map((n) => [n.id, n]));
    for (const n of plan.nodes) {
      if (n.kind === "config" || n.pruned || n.op["op"] === "stage") continue;
      const entry = nodes.get(n.cacheKey) ?? { instruction: n.instruction, label: n.label, members: [] };
      entry.members.push({ file, id: n.id });
      nodes.set(n.cacheKey, entry);
    }
    for (const s of plan.stages) {
      const head = s.head === null ? undefined : byId.get(s.head);
      if (!head || s.pruned) continue;
      const list = stages.get(head.cacheKey) ?? [];
      list.push({ file, stage: s.index, name: s.name });
      stages.set(head.cacheKey, list);
    }
  }
  const acrossFiles = (members: readonly { file: string }[]): boolean =>
    new Set(members.map((m) => m.file)).size > 1;
  return {
    stages: [...stages.entries()]
      .filter(([, m]) => acrossFiles(m))
      .map(([cacheKey, members]) => ({ cacheKey, members })),
    nodes: [...nodes.entries()]
      .filter(([, e]) => acrossFiles(e.members))
      .map(([cacheKey, e]) => ({ cacheKey, ...e })),
  };
}
