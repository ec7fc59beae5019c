import type { BuildPlan, PlanDiagnostic, PlanNode } from "../model.js";
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

/** The JSON value of one plan node: everything but its range. */
export function nodeJson(n: PlanNode): Record<string, unknown> {
  return {
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
  };
}

/**
 * The JSON value of one plan, with the field names the issue promises to scripts, as `JSON.stringify` reads it: the
 * planner's nodes (and RUN operations) are objects whose `toJSON` gives what is written for them.
 */
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
    // The planner's nodes write themselves so (one by one, as they are written); others are copied.
    nodes: plan.nodes.map((n) => ("toJSON" in n ? n : nodeJson(n))),
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

/** Text gathered before a write: large enough that writes are few, small enough that memory stays flat. */
const chunkSize = 1 << 16;

/**
 * Writes `value` as `renderJson` writes it (`JSON.stringify(value, null, 2)` and a line break) in pieces of about
 * 64 KB, so that a plan's JSON is never one string: a 50 MB Dockerfile's plan lists over a gigabyte of JSON, more
 * than a string may hold. Arrays and the objects in them are written element by element down to `depth` levels;
 * what lies deeper is written by `JSON.stringify`, each value at once (the nodes of a plan at the default depth).
 */
export function writeJson(value: unknown, write: (text: string) => void, depth = 2): void {
  let pieces: string[] = [];
  let size = 0;
  const push = (text: string): void => {
    pieces.push(text);
    size += text.length;
    if (size >= chunkSize) {
      write(pieces.join(""));
      pieces = [];
      size = 0;
    }
  };
  // A value at `level` levels of nesting, indented as there: JSON.stringify indents it so inside as many arrays,
  // whose brackets are then cut off (cheaper than indenting its lines again). The brackets' lines take
  // level * (level + 1) characters on each side, and the value's first line starts with 2 * level spaces.
  const leaf = (v: unknown, level: number): void => {
    if (v === null || typeof v !== "object") return push(JSON.stringify(v));
    if (level === 0) return push(JSON.stringify(v, null, 2));
    let wrapped: unknown = v;
    for (let i = 0; i < level; i++) wrapped = [wrapped];
    const brackets = level * (level + 1);
    push(JSON.stringify(wrapped, null, 2).slice(brackets + 2 * level, -brackets));
  };
  // `v` has had its toJSON applied, and is not undefined, a function or a symbol.
  const emit = (v: unknown, indent: string, level: number): void => {
    if (level >= depth || v === null || typeof v !== "object" || !isPlainContainer(v)) return leaf(v, level);
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return push("[]");
      push("[\n");
      for (let i = 0; i < v.length; i++) {
        push(inner);
        const item = jsonValue(v[i], String(i));
        if (omitted(item)) push("null");
        else emit(item, inner, level + 1);
        push(i < v.length - 1 ? ",\n" : "\n");
      }
      return push(`${indent}]`);
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const item = jsonValue((v as Record<string, unknown>)[key], key);
      if (omitted(item)) continue;
      push(first ? `{\n${inner}` : `,\n${inner}`);
      first = false;
      push(`${JSON.stringify(key)}: `);
      emit(item, inner, level + 1);
    }
    push(first ? "{}" : `\n${indent}}`);
  };
  const top = jsonValue(value, "");
  if (omitted(top)) throw new TypeError("writeJson: the value has no JSON");
  emit(top, "", 0);
  push("\n");
  if (size > 0) write(pieces.join(""));
}

/** The value JSON writes for a property: what its `toJSON` gives, if it has one. */
function jsonValue(v: unknown, key: string): unknown {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function"
    ? (v as { toJSON: (key: string) => unknown }).toJSON(key)
    : v;
}

/** Values JSON leaves out of objects (and writes as null in arrays). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/** An array or an object JSON writes key by key (not a boxed number, string or boolean, nor a bigint). */
function isPlainContainer(v: object): boolean {
  return !(v instanceof Number || v instanceof String || v instanceof Boolean);
}
