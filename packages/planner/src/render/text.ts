import type { BuildPlan, PlanNode } from "../model.js";
import { unknownFromBase, type ContainerRun } from "../container.js";
import type { InvalidatedNode } from "../invalidate.js";

/** Extra sections of the text output. */
export interface TextExtras {
  readonly file?: string;
  readonly run?: ContainerRun;
  readonly invalidation?: {
    readonly invalidated: readonly InvalidatedNode[];
    readonly cached: readonly string[];
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function nodeLine(n: PlanNode, invalid: ReadonlyMap<string, InvalidatedNode>): string {
  const mark = n.kind === "config" ? "·" : n.layer ? "■" : n.kind === "merge" ? "⋈" : "○";
  const inv = invalid.get(n.id);
  const inputs = n.inputs.length > 1 ? `  ← ${n.inputs.slice(1).join(", ")}` : "";
  const rebuilt = inv ? `  ✗ rebuild: ${inv.reason}` : "";
  return `  ${mark} ${pad(n.id, 10)} ${pad(`${n.line}`, 4)} ${pad(n.instruction, 11)} ${n.label}${inputs}${n.kind === "config" ? "" : `  [${n.cacheKey}]`}${n.onbuild ? "  (ONBUILD)" : ""}${rebuilt}`;
}

/** Renders a plan as a readable tree: stages with their steps, build order, image, history and problems. */
export function renderText(plan: BuildPlan, extras: TextExtras = {}): string {
  const pieces: string[] = [];
  writeText(plan, extras, (text) => pieces.push(text));
  return pieces.join("");
}

/** Lines gathered before a write, so that writes are few and the text is never one string. */
const linesPerWrite = 1024;

/**
 * Writes `renderText`'s text in pieces of about a thousand lines: a large file's plan is more text than a string
 * may hold (a 50 MB Dockerfile's, about 600 MB).
 */
export function writeText(plan: BuildPlan, extras: TextExtras, write: (text: string) => void): void {
  let lines: string[] = [];
  const out = {
    push(line: string): void {
      lines.push(line);
      if (lines.length >= linesPerWrite) {
        write(`${lines.join("\n")}\n`);
        lines = [];
      }
    },
  };
  const invalid = new Map((extras.invalidation?.invalidated ?? []).map((i) => [i.id, i]));
  // Each stage's nodes, grouped in one pass (a scan of every node per stage was quadratic in the stages).
  let byStage: PlanNode[][] | null = null;
  const nodesOf = (stage: number): readonly PlanNode[] => {
    if (byStage === null) {
      const groups: PlanNode[][] = plan.stages.map(() => []);
      for (const n of plan.nodes) groups[n.stage]?.push(n);
      byStage = groups;
    }
    return byStage[stage] ?? [];
  };
  const target = plan.stages[plan.target];
  out.push(
    `${extras.file ?? "Dockerfile"}: target ${target ? (target.name ?? `stage-${target.index}`) : "none"}, platform ${plan.platform}`,
  );
  out.push("legend: ■ layer  ○ source  ⋈ merge  · config (no layer)");
  for (const s of plan.stages) {
    const label = s.name ?? `stage-${s.index}`;
    const deps =
      s.dependencies.length > 0
        ? `  needs ${s.dependencies.map((d) => `${d.stage} (${d.kind})`).join(", ")}`
        : "";
    out.push("");
    out.push(`stage ${s.index} ${label}: FROM ${s.base ?? "?"} [${s.baseKind}, ${s.platform}]${deps}`);
    if (s.pruned) {
      out.push(`  pruned: ${s.prunedReason ?? ""}`);
      continue;
    }
    for (const n of nodesOf(s.index)) out.push(nodeLine(n, invalid));
  }
  out.push("");
  out.push(`build order (${plan.order.length} levels, nodes in a level build in parallel):`);
  plan.order.forEach((level, i) => out.push(`  ${i + 1}. ${level.join(" ")}`));
  const img = plan.image;
  if (img) {
    out.push("");
    out.push(
      `image (stage ${img.stage}, ${img.platform}${img.baseImage ? `, based on ${img.baseImage}` : ""}):`,
    );
    for (const [k, v] of Object.entries(img.config))
      if (v !== null) out.push(`  ${pad(k, 12)} ${JSON.stringify(v)}`);
    if (img.unknown.length > 0)
      out.push(
        `  unknown: ${img.unknown.join(", ")} may come from ${img.baseImage ?? "the base image"}, whose config was not given (--image-config, --resolve)`,
      );
    const layers = img.history.filter((h) => !h.empty_layer).length;
    out.push(`history (${img.history.length} entries, ${layers} layers):`);
    for (const h of img.history) out.push(`  ${h.empty_layer ? "  " : "■ "}${h.created_by}`);
  }
  if (extras.run) {
    out.push("");
    const run = extras.run;
    // People read the unknown parts where they go; JSON keeps them out of the argv as structured fields.
    const parts = [
      ...(run.entrypoint === unknownFromBase ? ["(base ENTRYPOINT)"] : []),
      JSON.stringify(run.argv),
      ...(run.cmd === unknownFromBase && run.args.length === 0 ? ["(base CMD)"] : []),
    ];
    out.push(`docker run argv: ${parts.join(" ")}${run.complete ? "" : " (incomplete)"}`);
    for (const n of extras.run.notes) out.push(`  note: ${n}`);
    if (extras.run.error) out.push(`  error: ${extras.run.error}`);
  }
  if (extras.invalidation) {
    out.push("");
    out.push(
      `invalidated: ${extras.invalidation.invalidated.length} node(s); cached: ${extras.invalidation.cached.length}`,
    );
    for (const i of extras.invalidation.invalidated)
      out.push(
        `  ✗ ${pad(i.id, 10)} ${i.reason}${i.maybeCached === true ? " (cached if the copied files come out the same)" : ""}`,
      );
  }
  if (plan.unusedBuildArgs.length > 0) out.push(`\nunused build args: ${plan.unusedBuildArgs.join(", ")}`);
  if (plan.diagnostics.length > 0) {
    out.push("");
    out.push("problems:");
    for (const d of plan.diagnostics)
      out.push(`  ${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code}: ${d.message}`);
  }
  if (lines.length > 0) write(`${lines.join("\n")}\n`);
}
