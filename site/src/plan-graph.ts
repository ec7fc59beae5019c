// The plan tab's picture: dagre lays the graph out (17 kB gzipped, against ELK's 450 kB and Mermaid's 966 kB;
// see site/README.md), and this file draws it as SVG: one box per step inside one frame per stage.
import dagre from "@dagrejs/dagre";
import type { BuildPlan, PlanNode } from "@hull/planner";

const svgNs = "http://www.w3.org/2000/svg";
const charWidth = 7.2;
const nodeHeight = 34;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function nodeText(n: PlanNode): string {
  return clip(n.label, 44);
}

/** The CSS class of a node: what kind of step it is, and whether it is pruned or rebuilt. */
function nodeClass(n: PlanNode, rebuilt: ReadonlySet<string>): string {
  const kind = n.kind === "config" ? "meta" : n.layer ? "layer" : n.kind;
  return ["node", `node-${kind}`, n.pruned ? "pruned" : "", rebuilt.has(n.id) ? "rebuilt" : ""]
    .filter(Boolean)
    .join(" ");
}

export interface GraphOptions {
  rebuilt: ReadonlySet<string>;
  /** Called with the node when its box is clicked. */
  onSelect: (node: PlanNode) => void;
}

/** Draws the plan; returns the SVG element (its nodes carry `data-node` ids, stage frames `data-stage`). */
export function drawPlan(plan: BuildPlan, options: GraphOptions): SVGSVGElement {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 18, ranksep: 28, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const level = new Map<string, number>();
  plan.order.forEach((ids, i) => ids.forEach((id) => level.set(id, i)));
  for (const s of plan.stages) {
    const name = `stage ${s.index}${s.name ? ` ${s.name}` : ""}`;
    const label = s.pruned ? `${name} (pruned: ${s.prunedReason ?? "not needed by the target"})` : name;
    g.setNode(`stage:${s.index}`, {
      label,
      paddingTop: 26,
      paddingLeft: 10,
      paddingRight: 10,
      paddingBottom: 10,
    });
  }
  for (const n of plan.nodes) {
    const text = nodeText(n);
    g.setNode(n.id, { width: Math.max(90, (text.length + 6) * charWidth), height: nodeHeight });
    g.setParent(n.id, `stage:${n.stage}`);
  }
  plan.edges.forEach((e, i) => {
    if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to, { kind: e.kind }, String(i));
  });
  dagre.layout(g);

  const graph = g.graph();
  const width = Math.ceil(graph.width ?? 100);
  const height = Math.ceil(graph.height ?? 100);
  const svg = el("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: "plan-graph",
    role: "img",
    "aria-label": "build graph",
  });
  const defs = el("defs", {});
  const marker = el("marker", {
    id: "arrow",
    viewBox: "0 0 10 10",
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: "auto-start-reverse",
  });
  marker.append(el("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }));
  defs.append(marker);
  svg.append(defs);

  for (const s of plan.stages) {
    const box = g.node(`stage:${s.index}`);
    if (!box || box.width === undefined) continue;
    const group = el("g", { class: `stage${s.pruned ? " pruned" : ""}`, "data-stage": s.index });
    const x = box.x - box.width / 2;
    const y = box.y - box.height / 2;
    group.append(el("rect", { x, y, width: box.width, height: box.height, rx: 8 }));
    group.append(el("text", { x: x + 10, y: y + 17, class: "stage-label" }, String(box.label)));
    svg.append(group);
  }
  for (const e of g.edges()) {
    const edge = g.edge(e) as { points: { x: number; y: number }[]; kind: string };
    const d = edge.points
      .map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(" ");
    svg.append(el("path", { d, class: `edge edge-${edge.kind}`, "marker-end": "url(#arrow)" }));
  }
  for (const n of plan.nodes) {
    const box = g.node(n.id);
    const x = box.x - box.width / 2;
    const y = box.y - box.height / 2;
    const group = el("g", { class: nodeClass(n, options.rebuilt), "data-node": n.id, tabindex: 0 });
    group.append(
      el("rect", { x, y, width: box.width, height: box.height, rx: n.kind === "source" ? 14 : 4 }),
    );
    const lvl = level.get(n.id);
    group.append(el("text", { x: x + 8, y: y + 21, class: "node-label" }, nodeText(n)));
    if (lvl !== undefined) {
      group.append(el("text", { x: x + box.width - 6, y: y + 12, class: "node-level" }, `L${lvl}`));
    }
    group.append(el("title", {}, `${n.id} · line ${n.line} · ${n.kind}${n.layer ? ", adds a layer" : ""}`));
    group.addEventListener("click", () => options.onSelect(n));
    svg.append(group);
  }
  return svg;
}
