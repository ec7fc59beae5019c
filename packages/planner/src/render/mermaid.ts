import type { BuildPlan, PlanNode } from "../model.js";

function id(s: string): string {
  return `n_${s.replace(/[^A-Za-z0-9]/g, "_")}`;
}

function text(s: string): string {
  return s.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"));
}

function box(n: PlanNode): string {
  const label = `"${text(`${n.id}: ${n.label}`)}"`;
  if (n.kind === "config") return `${id(n.id)}>${label}]:::config`;
  if (n.kind === "source") return `${id(n.id)}[(${label})]:::source`;
  if (n.kind === "merge") return `${id(n.id)}{{${label}}}:::merge`;
  return `${id(n.id)}[${label}]:::layer`;
}

/** Renders the graph as a Mermaid flowchart: one subgraph per stage, layers as boxes, config steps as flags. */
export function renderMermaid(plan: BuildPlan): string {
  const out = ["flowchart TB"];
  for (const s of plan.stages) {
    out.push(
      `  subgraph stage${s.index}["stage ${s.index}${s.name ? ` ${text(s.name)}` : ""}${s.pruned ? " (pruned)" : ""}"]`,
    );
    for (const n of plan.nodes) if (n.stage === s.index) out.push(`    ${box(n)}`);
    out.push("  end");
  }
  for (const e of plan.edges) {
    out.push(
      e.kind === "prev" ? `  ${id(e.from)} --> ${id(e.to)}` : `  ${id(e.from)} -. ${e.kind} .-> ${id(e.to)}`,
    );
  }
  out.push("  classDef layer fill:#cfe8ff,stroke:#2b6cb0;");
  out.push("  classDef source fill:#fefcbf,stroke:#b7791f;");
  out.push("  classDef merge fill:#e9d8fd,stroke:#6b46c1;");
  out.push("  classDef config fill:#f7fafc,stroke:#a0aec0,stroke-dasharray:3 3;");
  return `${out.join("\n")}\n`;
}
