import type { Dockerfile, Stage as AstStage } from "@hull/parser";
import type { BuildPlan, PlanDiagnostic, PlanOptions, PlanStage } from "./model.js";
import { PlanBuilder, fileStart } from "./builder.js";
import { defaultPath, proxyArgs, type StageState } from "./state.js";
import { formatPlatform } from "./platform.js";
import { dispatchFrom, resolveStages, type ResolvedStage } from "./dispatch/from.js";
import { analyseDependencies, orderLevels } from "./order.js";
import { dispatch } from "./dispatch/index.js";
import { onbuildTriggers } from "./dispatch/onbuild.js";
import { finishImage, newImageConfig } from "./image.js";

/** Builds the whole plan: resolve stages, analyse dependencies, dispatch reachable and pruned stages, order. */
export function buildPlan(ast: Dockerfile, options: PlanOptions): BuildPlan {
  const ctx = new PlanBuilder(ast, options);
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

  for (const [i, astStage] of astStages.entries()) {
    const resolved = ctx.resolved[i] as ResolvedStage;
    const pruned = !deps.reachable.has(i);
    const st = newStageState(ctx, resolved, pruned);
    ctx.states[i] = st;
    ctx.current = st;
    dispatchFrom(ctx, st, astStage);
    const parent = resolved.baseStage === null ? undefined : ctx.states[resolved.baseStage];
    if (parent) {
      for (const [k, trigger] of onbuildTriggers(ctx, parent, astStage).entries()) {
        st.ordinal = `t${k}`;
        st.onbuild = true;
        st.at = astStage.from.range;
        dispatch(ctx, st, trigger);
      }
      st.onbuild = false;
    }
    for (const [n, instruction] of astStage.instructions.entries()) {
      st.ordinal = String(n + 1);
      st.at = instruction.range;
      dispatch(ctx, st, instruction);
    }
  }

  ctx.current = null;
  const target = deps.target;
  const stages: PlanStage[] = astStages.map((s, i) => {
    const r = ctx.resolved[i] as ResolvedStage;
    const st = ctx.states[i];
    return {
      index: i,
      name: s.name ?? null,
      base: r.baseName,
      baseKind: r.baseKind,
      baseStage: r.baseStage,
      platform: st?.platform ?? r.platform,
      os: st?.os ?? r.os,
      dependsOn: [...new Set(deps.byStage[i]?.map((d) => d.stage) ?? [])].sort((a, b) => a - b),
      dependencies: deps.byStage[i] ?? [],
      pruned: !deps.reachable.has(i),
      prunedReason: deps.reachable.has(i) ? null : deps.prunedReason(i),
      head: st?.head ?? null,
      line: s.from.range.start.line,
      range: s.from.range,
    };
  });
  const targetState = ctx.states[target];
  return {
    target,
    targetName: astStages[target]?.name ?? null,
    platform: formatPlatform(ctx.targetPlatform),
    buildPlatform: formatPlatform(ctx.buildPlatform),
    stages,
    nodes: ctx.nodes,
    edges: ctx.edges,
    order: orderLevels(ctx.nodes),
    image: targetState ? finishImage(targetState) : null,
    contextSources: ctx.contextSources,
    unusedBuildArgs: unusedBuildArgs(ctx),
    diagnostics: ctx.diagnostics,
  };
}

function newStageState(ctx: PlanBuilder, resolved: ResolvedStage, pruned: boolean): StageState {
  const parent = resolved.baseStage === null ? undefined : ctx.states[resolved.baseStage];
  if (parent) {
    // A stage built FROM an earlier stage starts from its final state: config (except OnBuild), ARGs, env, history.
    return {
      index: resolved.index,
      resolved,
      pruned,
      os: parent.os,
      platform: parent.platform,
      head: parent.head,
      headKey: parent.headKey,
      env: parent.env.map(([k, v]) => [k, v]),
      envKnown: parent.envKnown,
      args: parent.args.map((a) => ({ ...a })),
      workdir: parent.workdir,
      config: { ...structuredClone(parent.config), OnBuild: null },
      history: [...parent.history],
      cmdSet: false,
      baseImage: parent.baseImage,
      unknown: new Set(parent.unknown),
      ordinal: "0",
      at: resolved.range,
      onbuild: false,
      triggers: [],
    };
  }
  const isImage = resolved.baseKind === "image";
  const env: [string, string][] = [];
  const config = newImageConfig();
  if (!isImage && resolved.os !== "windows") {
    // BuildKit always defines PATH; for scratch nothing else can provide it.
    env.push(["PATH", defaultPath]);
    config.Env = [`PATH=${defaultPath}`];
  }
  return {
    index: resolved.index,
    resolved,
    pruned,
    os: resolved.os,
    platform: resolved.platform,
    head: null,
    headKey: "",
    env,
    envKnown: !isImage,
    args: [],
    workdir: "/",
    config,
    history: [],
    cmdSet: false,
    baseImage: isImage ? resolved.baseName : null,
    unknown: new Set(isImage ? inheritedKeys : []),
    ordinal: "0",
    at: resolved.range,
    onbuild: false,
    triggers: [],
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
  return [...ctx.buildArgs.keys()]
    .filter((k) => !ctx.declaredArgs.has(k) && !proxyArgs.has(k.toUpperCase()))
    .sort();
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
