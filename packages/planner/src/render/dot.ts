import type { BuildPlan, PlanNode } from "../model.js";

function q(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function shape(n: PlanNode): string {
  if (n.kind === "config") return 'shape=note, style="dashed", color=gray40, fontcolor=gray30';
  if (n.kind === "source") return "shape=cylinder";
  if (n.kind === "merge") return "shape=invhouse";
  return 'shape=box, style="rounded,filled", fillcolor=lightblue';
}

/** Renders the graph in Graphviz DOT: one cluster per stage, layers filled boxes, config steps dashed notes. */
export function renderDot(plan: BuildPlan): string {
  const out = ["digraph plan {", "  rankdir=TB;", '  node [fontname="Helvetica", fontsize=10];'];
  for (const s of plan.stages) {
    out.push(`  subgraph cluster_${s.index} {`);
    out.push(
      `    label=${q(`stage ${s.index}${s.name ? ` ${s.name}` : ""}${s.pruned ? " (pruned)" : ""}`)};`,
    );
    if (s.pruned) out.push('    style="dashed"; color=gray60;');
    for (const n of plan.nodes) {
      if (n.stage !== s.index) continue;
      out.push(`    ${q(n.id)} [label=${q(`${n.id}: ${n.label}`)}, ${shape(n)}];`);
    }
    out.push("  }");
  }
  for (const e of plan.edges) {
    const style =
      e.kind === "prev" ? "" : ` [label=${q(e.kind)}, style=${e.kind === "source" ? "solid" : "bold"}]`;
    out.push(`  ${q(e.from)} -> ${q(e.to)}${style};`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}
