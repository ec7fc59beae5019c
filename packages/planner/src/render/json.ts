import type { BuildPlan, PlanDiagnostic } from "../model.js";
import type { ContainerRun } from "../container.js";
import type { InvalidatedNode } from "../invalidate.js";
import type { SharedReport } from "../share.js";

/** What the JSON output adds to a plan: the file name, `--run` and `--changed` results, parse diagnostics. */
export interface JsonExtras {
  readonly file?: string | null;
  readonly run?: ContainerRun;
  readonly invalidation?: {
    readonly invalidated: readonly InvalidatedNode[];
    readonly cached: readonly string[];
  };
  /** Problems found before planning (parse errors), listed first. */
  readonly diagnostics?: readonly PlanDiagnostic[];
}

/** Version of the JSON shape; bumped on any incompatible change to `schema/plan.json` (2: `run` keeps unknown parts out of `argv` as `unknown-from-base` fields; inherited history entries have a null `node`). */
export const jsonVersion = 2;

function diagnostic(d: PlanDiagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
  };
}

/** The JSON value of one plan, with the field names the issue promises to scripts. */
export function toJson(plan: BuildPlan, extras: JsonExtras = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    version: jsonVersion,
    file: extras.file ?? null,
    target: { index: plan.target, name: plan.targetName },
    platform: plan.platform,
    buildPlatform: plan.buildPlatform,
    stages: plan.stages.map((s) => ({
      index: s.index,
      name: s.name,
      base: s.base,
      baseKind: s.baseKind,
      baseStage: s.baseStage,
      baseConfig: s.baseConfig,
      baseDigest: s.baseDigest,
      platform: s.platform,
      dependsOn: s.dependsOn,
      dependencies: s.dependencies,
      pruned: s.pruned,
      prunedReason: s.prunedReason,
      head: s.head,
      line: s.line,
    })),
    nodes: plan.nodes.map((n) => ({
      id: n.id,
      stage: n.stage,
      line: n.line,
      instruction: n.instruction,
      kind: n.kind,
      layer: n.layer,
      inputs: n.inputs,
      cacheKey: n.cacheKey,
      label: n.label,
      onbuild: n.onbuild,
      pruned: n.pruned,
      op: n.op,
    })),
    edges: plan.edges,
    order: plan.order,
    image: plan.image && {
      stage: plan.image.stage,
      platform: plan.image.platform,
      baseImage: plan.image.baseImage,
      config: plan.image.config,
      unknown: plan.image.unknown,
      assumedShell: plan.image.assumedShell,
      // Only when SOURCE_DATE_EPOCH fixes it; otherwise it is the time of the build.
      ...(plan.image.created !== null ? { created: plan.image.created } : {}),
      history: plan.image.history,
    },
    contextSources: plan.contextSources,
    unusedBuildArgs: plan.unusedBuildArgs,
    diagnostics: [...(extras.diagnostics ?? []), ...plan.diagnostics].map(diagnostic),
  };
  if (extras.run) out["run"] = extras.run;
  if (extras.invalidation) {
    out["invalidated"] = extras.invalidation.invalidated.map((i) => i.id);
    out["invalidation"] = extras.invalidation.invalidated;
    out["cached"] = extras.invalidation.cached;
  }
  return out;
}

/** The JSON value for several files: each plan plus what they share. */
export function toJsonMulti(
  plans: readonly { plan: BuildPlan; extras: JsonExtras }[],
  shared: SharedReport,
): Record<string, unknown> {
  return { version: jsonVersion, plans: plans.map((p) => toJson(p.plan, p.extras)), shared };
}

/** Renders one plan as pretty JSON text. */
export function renderJson(plan: BuildPlan, extras: JsonExtras = {}): string {
  return `${JSON.stringify(toJson(plan, extras), null, 2)}\n`;
}
