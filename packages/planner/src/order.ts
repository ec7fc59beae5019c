import {
  flagNamed,
  suggestSpelling,
  type Instruction,
  type Range,
  type Stage as AstStage,
} from "@hull/parser";
import type { DependencyKind, PlanNode, StageDependency } from "./model.js";
import type { PlanBuilder } from "./builder.js";
import { expandOne } from "./expand.js";
import { parseTrigger } from "./dispatch/onbuild.js";

/** What a `--from` or mount `from=` value points at. */
export type StageRef =
  | { kind: "stage"; stage: number }
  | { kind: "image"; ref: string }
  | { kind: "context"; name: string; value: string }
  | { kind: "invalid" };

/** Resolves `--from=X` as BuildKit does: a variable is an error, a number is a stage index, else a stage name or an image. */
export function resolveStageRef(
  ctx: PlanBuilder,
  value: string,
  stages: readonly AstStage[],
  range: Range | null,
  mount = false,
): StageRef {
  // BuildKit expands the value with an empty environment and refuses it if anything changed.
  const probe = expandOne(value, new Map(), { escape: ctx.escape });
  const hasVariable = mount ? /\$./.test(value) : probe.error !== null || probe.value !== value;
  if (hasVariable) {
    if (range) {
      ctx.report(
        "variable-in-from",
        mount
          ? "'from' doesn't support variable expansion, define alias stage instead"
          : "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
        range,
      );
    }
    return { kind: "invalid" };
  }
  if (/^[+-]?\d+$/.test(value)) {
    const index = Number(value);
    if (index < 0 || index >= stages.length) {
      if (range) ctx.report("unknown-stage-index", `invalid stage index ${index}`, range);
      return { kind: "invalid" };
    }
    return { kind: "stage", stage: index };
  }
  const i = ctx.stageNamed(value);
  if (i !== null) return { kind: "stage", stage: i };
  const named = ctx.namedContext(value);
  if (named?.image !== undefined) return { kind: "image", ref: named.image };
  if (named !== null) return { kind: "context", name: value, value: named.value };
  return { kind: "image", ref: value };
}

const noDependencies: readonly StageDependency[] = Object.freeze([]);

/** A stage dependency with the range that creates it, for cycle messages. */
interface Dep extends StageDependency {
  readonly range: Range;
}

/** Stage dependencies, the target, what it reaches, and why the rest is pruned. */
export interface DependencyAnalysis {
  readonly byStage: readonly (readonly StageDependency[])[];
  readonly target: number;
  readonly reachable: ReadonlySet<number>;
  prunedReason(stage: number): string;
}

/** The `--from` refs an instruction makes, with their kind (COPY --from, RUN --mount from=). */
export function instructionRefs(
  instruction: Instruction,
): { value: string; kind: DependencyKind; range: Range; mount: boolean }[] {
  if (instruction.type === "Copy") {
    const flag = flagNamed(instruction, "from");
    return flag && flag.value !== null && flag.value !== ""
      ? [{ value: flag.value, kind: "copy-from", range: flag.valueRange ?? flag.range, mount: false }]
      : [];
  }
  if (instruction.type === "Run") {
    return instruction.mounts.flatMap((m) =>
      m.from !== null && m.from !== "" && m.mountType !== "tmpfs"
        ? [{ value: m.from, kind: "mount-from" as const, range: m.range, mount: true }]
        : [],
    );
  }
  return [];
}

/** Finds every stage dependency, reports bad refs and cycles, resolves the target and prunes what it does not reach. */
export function analyseDependencies(ctx: PlanBuilder, stages: readonly AstStage[]): DependencyAnalysis {
  const byStage: Dep[][] = stages.map(() => []);
  for (const [i, s] of stages.entries()) {
    const deps = byStage[i] as Dep[];
    const r = ctx.resolved[i];
    if (r?.baseStage !== null && r?.baseStage !== undefined)
      deps.push({ stage: r.baseStage, kind: "base", line: s.from.range.start.line, range: s.from.range });
    const scan = (instruction: Instruction, kind: DependencyKind | null, at: Range): void => {
      for (const ref of instructionRefs(instruction)) {
        const target = resolveStageRef(
          ctx,
          ref.value,
          stages,
          kind === "onbuild" ? null : ref.range,
          ref.mount,
        );
        if (target.kind === "stage")
          deps.push({ stage: target.stage, kind: kind ?? ref.kind, line: at.start.line, range: at });
      }
    };
    for (const instruction of s.instructions) scan(instruction, null, instruction.range);
    // ONBUILD triggers of a base stage run in this stage, so their --from sources are this stage's dependencies.
    const parent = r?.baseStage === null || r?.baseStage === undefined ? undefined : stages[r.baseStage];
    for (const instruction of parent?.instructions ?? []) {
      if (instruction.type === "Onbuild" && instruction.trigger)
        scan(instruction.trigger, "onbuild", s.from.range);
    }
    // So do the triggers of a base image's config (BuildKit parses them before it orders the stages).
    const image = r?.baseKind === "image" && r.baseName !== null ? ctx.baseImage(r.baseName) : null;
    for (const text of image?.config.OnBuild ?? []) {
      const trigger = parseTrigger(text);
      if (trigger) scan(trigger, "onbuild", s.from.range);
    }
  }

  const cycle = findCycle(byStage);
  if (cycle) {
    const stage = stages[cycle.stage];
    const name = stage?.name ?? `stage-${cycle.stage}`;
    ctx.report("circular-dependency", `circular dependency detected on stage: ${name}`, cycle.range);
  }

  let target = stages.length - 1;
  const wanted = ctx.options.target;
  if (wanted !== undefined && wanted !== "") {
    const i = ctx.stageNamed(wanted) ?? -1;
    if (i < 0) {
      const names = stages.flatMap((s) => (s.name ? [s.name] : []));
      const match = suggestSpelling(wanted, names, { limit: "buildkit" });
      const hint =
        match !== null
          ? ` (did you mean ${match}?)`
          : names.length > 0
            ? ` (stages: ${names.join(", ")})`
            : " (no stage has a name)";
      ctx.report(
        "unknown-target",
        `target stage "${wanted}" could not be found${hint}`,
        stages[target]?.from.range ?? stages[0]!.from.range,
      );
    } else {
      target = i;
    }
  }

  // Reachability from the target over every kind of dependency, remembering who first needed each stage.
  const reachable = new Set<number>([target]);
  const neededBy = new Map<number, { by: number; kind: DependencyKind }>();
  const queue = [target];
  // An index into the queue rather than shift(), which moves every element and made this quadratic.
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head] as number;
    for (const d of byStage[s] ?? []) {
      if (reachable.has(d.stage)) continue;
      reachable.add(d.stage);
      neededBy.set(d.stage, { by: s, kind: d.kind });
      queue.push(d.stage);
    }
  }
  const targetLabel = stages[target]?.name ?? `stage-${target}`;
  // Who uses each stage, built once: asking per pruned stage by scanning every stage was quadratic.
  let users: number[][] | null = null;
  const usersOf = (stage: number): number[] => {
    if (users === null) {
      const u: number[][] = stages.map(() => []);
      for (const [i, ds] of byStage.entries()) for (const s of new Set(ds.map((d) => d.stage))) u[s]?.push(i);
      users = u;
    }
    return users[stage] ?? [];
  };
  return {
    // Most stages have no dependency: they share one empty list.
    byStage: byStage.map((ds) =>
      ds.length === 0 ? noDependencies : ds.map(({ stage, kind, line }) => ({ stage, kind, line })),
    ),
    target,
    reachable,
    prunedReason: (stage) => {
      const usedBy = usersOf(stage);
      const label = stages[stage]?.name ?? `stage-${stage}`;
      if (usedBy.length === 0)
        return `${label} is not needed by target ${targetLabel}: no stage depends on it`;
      const names = usedBy.map((i) => stages[i]?.name ?? `stage-${i}`);
      return `${label} is not needed by target ${targetLabel}: only ${names.join(", ")} use it, and they are pruned too`;
    },
  };
}

/** Depth-first search for a cycle in stage dependencies, as BuildKit's validateCircularDependency does. */
function findCycle(byStage: readonly Dep[][]): { stage: number; range: Range } | null {
  const visited = new Set<number>();
  const onPath = new Set<number>();
  const visit = (s: number): Dep | null => {
    if (visited.has(s)) return null;
    visited.add(s);
    onPath.add(s);
    for (const d of byStage[s] ?? []) {
      if (onPath.has(d.stage)) return d;
      // Report the first instruction of the cycle, where the user most likely reads it from.
      if (visit(d.stage)) return d;
    }
    onPath.delete(s);
    return null;
  };
  for (let s = 0; s < byStage.length; s++) {
    const d = visit(s);
    if (d) return { stage: s, range: d.range };
  }
  return null;
}

/** Groups unpruned filesystem nodes into levels: a node's level is one more than its deepest input's. */
export function orderLevels(nodes: readonly PlanNode[]): string[][] {
  const level = new Map<string, number>();
  // Indexed by level, so possibly sparse.
  const levels: (string[] | undefined)[] = [];
  // Nodes are created in dispatch order, so every input is levelled before the nodes that read it.
  for (const n of nodes) {
    if (n.pruned || n.kind === "config") continue;
    // A FROM of an earlier stage builds nothing: it stands at its parent's level and is not listed.
    const alias = n.op["op"] === "stage";
    let l = alias ? -1 : 0;
    for (const i of n.inputs) {
      const li = level.get(i);
      if (li !== undefined) l = Math.max(l, alias ? li : li + 1);
    }
    level.set(n.id, l);
    if (alias) continue;
    (levels[l] ??= []).push(n.id);
  }
  return levels.filter((l) => l !== undefined);
}
