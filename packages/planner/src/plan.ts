import {
  defaultPath,
  formatPlatform,
  proxyArgs,
  type Dockerfile,
  type Range,
  type Stage as AstStage,
} from "@hull/parser";
import type {
  BuildPlan,
  HistoryEntry,
  PlanDiagnostic,
  PlanOptions,
  PlanStage,
  StageDependency,
} from "./model.js";
import {
  PlanBuilder,
  fileStart,
  planEdges,
  sourceDateEpoch,
  type Located,
  type PlanStep,
  type NodeRecord,
  type NodeSink,
} from "./builder.js";
import type { StageState } from "./state.js";
import { dispatchFrom, resolveStages, type ResolvedStage } from "./dispatch/from.js";
import { analyseDependencies, orderLevels } from "./order.js";
import { dispatch } from "./dispatch/index.js";
import { imageTriggers, onbuildTriggers } from "./dispatch/onbuild.js";
import { finishImage, newImageConfig } from "./image.js";
import { Environment } from "./env.js";

/**
 * Builds the whole plan: resolve stages, analyse dependencies, dispatch reachable and pruned stages, order.
 * `records`, when given, gets what each node's operation holds beyond its JSON (see `PlanBuilder`); `sink`, when
 * given, gets each node in place of the plan's `nodes` and `edges`, which are then empty.
 */
export function buildPlan(
  ast: Dockerfile,
  options: PlanOptions,
  records: (NodeRecord | undefined)[] | null = null,
  sink: NodeSink | null = null,
): BuildPlan {
  const ctx = new PlanBuilder(ast, options, records, sink);
  const astStages: readonly AstStage[] = ast.stages;
  if (astStages.length === 0) {
    ctx.report("no-stages", "dockerfile contains no stages to build", fileStart(ast));
    return emptyPlan(
      formatPlatform(ctx.targetPlatform),
      formatPlatform(ctx.buildPlatform),
      unusedBuildArgs(ctx),
      ctx.diagnostics,
    );
  }
  ctx.resolved = resolveStages(ctx, astStages);
  const deps = analyseDependencies(ctx, astStages);
  // The target and the stages it is built FROM, whose histories make the image's.
  const chain = new Set<number>();
  for (
    let s: number | null = deps.target;
    s !== null && !chain.has(s);
    s = ctx.resolved[s]?.baseStage ?? null
  )
    chain.add(s);
  const children = new Map<number, number>();
  for (const r of ctx.resolved)
    if (r.baseStage !== null) children.set(r.baseStage, (children.get(r.baseStage) ?? 0) + 1);

  for (const [i, astStage] of astStages.entries()) {
    const resolved = ctx.resolved[i] as ResolvedStage;
    const pruned = !deps.reachable.has(i);
    const base = resolved.baseStage;
    const onlyChild = base !== null && children.get(base) === 1;
    const st = newStageState(ctx, resolved, pruned, onlyChild, deps.target, chain.has(i));
    ctx.states[i] = st;
    ctx.current = st;
    dispatchFrom(ctx, st, astStage);
    const parent = resolved.baseStage === null ? undefined : ctx.states[resolved.baseStage];
    const triggers = parent
      ? onbuildTriggers(parent)
      : st.baseConfig
        ? imageTriggers(ctx, st, st.baseConfig.config.OnBuild ?? [])
        : [];
    for (const [k, trigger] of triggers.entries()) {
      st.ordinal = `t${k}`;
      st.onbuild = true;
      st.foreign = parent === undefined;
      st.at = astStage.from;
      dispatch(ctx, st, trigger);
    }
    st.onbuild = false;
    st.foreign = false;
    for (const [n, instruction] of astStage.instructions.entries()) {
      st.ordinal = String(n + 1);
      st.at = instruction;
      dispatch(ctx, st, instruction);
    }
    const { head, headKey, platform, os, baseConfig } = st;
    ctx.results[i] = { head, headKey, platform, os, baseConfig };
    // Its environment, config, ARGs and the maps beside them are read again only by a stage built FROM it; a
    // file of many independent stages kept them all until the end.
    if (!children.has(i) && i !== deps.target) ctx.states[i] = undefined;
  }

  ctx.current = null;
  const target = deps.target;
  const stages: PlanStage[] = astStages.map((s, i) => {
    const r = ctx.resolved[i] as ResolvedStage;
    const st = ctx.results[i];
    const dependencies = deps.byStage[i] ?? none;
    return new PlannedStage(
      i,
      s.name ?? null,
      r.baseName,
      r.baseKind,
      r.baseStage,
      r.baseKind === "image" ? (st?.baseConfig ? "known" : "unknown") : null,
      r.baseKind === "image" ? (st?.baseConfig?.digest ?? null) : null,
      st?.platform ?? r.platform,
      st?.os ?? r.os,
      dependencies.length === 0 ? none : [...new Set(dependencies.map((d) => d.stage))].sort((a, b) => a - b),
      dependencies,
      !deps.reachable.has(i),
      deps.reachable.has(i) ? null : deps.prunedReason(i),
      st?.head ?? null,
      s.from,
    );
  });
  const targetState = ctx.states[target];
  return assemble(ctx.nodes, {
    target,
    targetName: astStages[target]?.name ?? null,
    platform: formatPlatform(ctx.targetPlatform),
    buildPlatform: formatPlatform(ctx.buildPlatform),
    stages,
    order: orderLevels(ctx.nodes),
    image: targetState ? finishImage(targetState, ctx.created()) : null,
    contextSources: ctx.contextSources,
    unusedBuildArgs: unusedBuildArgs(ctx),
    diagnostics: ctx.diagnostics,
  });
}

/**
 * A stage of the plan, whose range and line are made from its FROM when read: a generated file has many stages, and
 * a range made for each up front was three objects, about 136 bytes. Read field by field, as a spread sees neither.
 */
class PlannedStage implements PlanStage {
  constructor(
    readonly index: number,
    readonly name: string | null,
    readonly base: string | null,
    readonly baseKind: PlanStage["baseKind"],
    readonly baseStage: number | null,
    readonly baseConfig: PlanStage["baseConfig"],
    readonly baseDigest: string | null,
    readonly platform: string,
    readonly os: string,
    readonly dependsOn: readonly number[],
    readonly dependencies: readonly StageDependency[],
    readonly pruned: boolean,
    readonly prunedReason: string | null,
    readonly head: string | null,
    private readonly from: Located,
  ) {}

  get line(): number {
    return this.from.range.start.line;
  }

  get range(): Range {
    return this.from.range;
  }

  /** The plain object, field by field as the stage was written before it was a class (without the FROM node). */
  toJSON(): Record<string, unknown> {
    return {
      index: this.index,
      name: this.name,
      base: this.base,
      baseKind: this.baseKind,
      baseStage: this.baseStage,
      baseConfig: this.baseConfig,
      baseDigest: this.baseDigest,
      platform: this.platform,
      os: this.os,
      dependsOn: this.dependsOn,
      dependencies: this.dependencies,
      pruned: this.pruned,
      prunedReason: this.prunedReason,
      head: this.head,
      line: this.line,
      range: this.range,
    };
  }
}

/** The one empty list of the stages that have no dependencies (most). */
const none: readonly never[] = Object.freeze([]);

/**
 * The plan object, whose edges are made from the nodes' inputs each time they are read: kept, they were as many
 * objects again as the nodes. (Made here, not in `buildPlan`, whose closures would keep its builder alive.)
 */
function assemble(nodes: readonly PlanStep[], p: Omit<BuildPlan, "nodes" | "edges">): BuildPlan {
  return {
    target: p.target,
    targetName: p.targetName,
    platform: p.platform,
    buildPlatform: p.buildPlatform,
    stages: p.stages,
    nodes,
    get edges() {
      return planEdges(nodes);
    },
    order: p.order,
    image: p.image,
    contextSources: p.contextSources,
    unusedBuildArgs: p.unusedBuildArgs,
    diagnostics: p.diagnostics,
  };
}

/**
 * The state a stage starts from. `onlyChild` says that no other stage is built FROM its base stage: it then takes
 * the base's environment, ARGs and (unless the base is the target, whose image is read at the end) config over
 * instead of copying them, since nothing reads them once a stage is dispatched. Copies made a chain of n stages,
 * each adding an ARG or ENV, quadratic.
 */
function newStageState(
  ctx: PlanBuilder,
  resolved: ResolvedStage,
  pruned: boolean,
  onlyChild: boolean,
  target: number,
  keepsHistory: boolean,
): StageState {
  const parent = resolved.baseStage === null ? undefined : ctx.states[resolved.baseStage];
  if (parent) {
    const takeConfig = onlyChild && parent.index !== target;
    // A stage built FROM an earlier stage starts from its final state: config (except OnBuild), ARGs, env, history.
    return {
      index: resolved.index,
      resolved,
      pruned,
      os: parent.os,
      platform: parent.platform,
      head: parent.head,
      headKey: parent.headKey,
      env: onlyChild ? parent.env : parent.env.fork(),
      envKnown: parent.envKnown,
      // Entries are never changed, and RUNs keep a count of the list they saw: appending after them is safe.
      args: onlyChild ? parent.args : parent.args.slice(),
      workdir: parent.workdir,
      config: takeConfig
        ? Object.assign(parent.config, { OnBuild: null })
        : { ...structuredClone(parent.config), OnBuild: null },
      history: [],
      keepsHistory,
      // Only a stage that records history reads its parent's.
      inherited: keepsHistory ? parent : null,
      cmdSet: false,
      baseImage: parent.baseImage,
      baseConfig: parent.baseConfig,
      unknown: new Set(parent.unknown),
      assumedShell: new Set(parent.assumedShell),
      ordinal: "0",
      at: resolved.from,
      onbuild: false,
      triggers: [],
      foreign: false,
    };
  }
  // An OCI layout has an image config the planner does not read; a folder or a Git/HTTP context has none.
  const isImage =
    resolved.baseKind === "image" ||
    (resolved.baseKind === "context" && (resolved.context ?? "").startsWith("oci-layout://"));
  const base = isImage && resolved.baseName !== null ? ctx.baseImage(resolved.baseName) : null;
  // The image's config is where a stage starts; its ONBUILD triggers run in this stage and do not carry on.
  const config = base ? { ...structuredClone(base.config), OnBuild: null } : newImageConfig();
  // BuildKit's config of an empty image has the working directory `/` (dockerfile2llb emptyImage).
  if (resolved.baseKind === "scratch") config.WorkingDir = "/";
  const env: [string, string][] = (config.Env ?? []).map((e) => {
    const eq = e.indexOf("=");
    return eq < 0 ? [e, ""] : [e.slice(0, eq), e.slice(eq + 1)];
  });
  if ((!isImage || base) && resolved.os !== "windows" && !env.some(([k]) => k === "PATH")) {
    // BuildKit makes sure PATH is set (convert.go, "make sure that PATH is always set"), except on Windows.
    env.push(["PATH", defaultPath]);
    config.Env = [...(config.Env ?? []), `PATH=${defaultPath}`];
  }
  const history: HistoryEntry[] = keepsHistory
    ? (base?.history ?? []).map((h) => ({ ...h, node: null }))
    : [];
  const unknown = isImage ? (base ? (base.history === null ? ["History"] : []) : inheritedKeys) : [];
  return {
    index: resolved.index,
    resolved,
    pruned,
    os: resolved.os,
    platform: resolved.platform,
    head: null,
    headKey: "",
    env: Environment.of(resolved.os, env),
    // A base that could not be resolved (blank, bad reference) may have any ENV: keep unset references as written.
    envKnown:
      resolved.baseKind === "scratch" || (resolved.baseKind === "context" && !isImage) || base !== null,
    args: [],
    workdir: base?.config.WorkingDir ?? "/",
    config,
    history,
    keepsHistory,
    inherited: null,
    cmdSet: false,
    baseImage: isImage ? resolved.baseName : null,
    baseConfig: base,
    unknown: new Set(unknown),
    assumedShell: new Set(),
    ordinal: "0",
    at: resolved.from,
    onbuild: false,
    triggers: [],
    foreign: false,
  };
}

/** Config keys an image base may set, which the planner cannot see without pulling it. */
const inheritedKeys = [
  "Env",
  "Entrypoint",
  "Cmd",
  "WorkingDir",
  "User",
  "ExposedPorts",
  "Volumes",
  "Labels",
  "StopSignal",
  "Healthcheck",
  "Shell",
  "History",
];

function unusedBuildArgs(ctx: PlanBuilder): string[] {
  return (
    [...ctx.buildArgs.keys()]
      // BuildKit itself reads SOURCE_DATE_EPOCH, so it is used whether or not an ARG declares it.
      .filter((k) => !ctx.declaredArgs.has(k) && !proxyArgs.has(k.toUpperCase()) && k !== sourceDateEpoch)
      .sort()
  );
}

/** A plan with no stages, for a file without any and for a planner bug caught at the top. */
export function emptyPlan(
  platform: string,
  buildPlatform: string,
  unused: string[],
  diagnostics: PlanDiagnostic[],
): BuildPlan {
  return {
    target: -1,
    targetName: null,
    platform,
    buildPlatform,
    stages: [],
    nodes: [],
    edges: [],
    order: [],
    image: null,
    contextSources: [],
    unusedBuildArgs: unused,
    diagnostics,
  };
}
