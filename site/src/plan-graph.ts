// The plan tab's picture: dagre lays the graph out (17 kB gzipped, against ELK's 450 kB and Mermaid's 966 kB;
// see site/README.md), and this file draws it as SVG: one box per step inside one frame per stage.
// The layout is pure (no DOM) so that it can be measured and tested in Node.
import dagre, { type Graph } from "@dagrejs/dagre";
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

/** A box: top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything goes: node and stage boxes, and each edge as a polyline. */
export interface PlanLayout {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  stages: Map<number, Box & { label: string; reason: string | null }>;
  edges: { from: string; to: string; kind: string; points: { x: number; y: number }[] }[];
}

const stagePadding = 10;
/** The reason line of a pruned stage is cut to this many characters; the full text is in its tooltip. */
const reasonChars = 48;
const titleHeight = (s: BuildPlan["stages"][number]) => (s.pruned ? 40 : 24);

function stageLabel(s: BuildPlan["stages"][number]): string {
  return `stage ${s.index}${s.name ? ` ${s.name}` : ""}${s.pruned ? " (pruned)" : ""}`;
}

/** Why a pruned stage is not built, on a second title line; null for stages that are built. */
function stageReason(s: BuildPlan["stages"][number]): string | null {
  return s.pruned ? (s.prunedReason ?? "not needed by the target") : null;
}

/**
 * Lays the plan out in two levels: dagre places each stage's steps, then places the stages as boxes by their
 * dependencies. One compound dagre layout of the whole graph gives the same picture but took seconds on a 59-stage
 * file (site/README.md); these layouts are small, and edges between stages are drawn straight.
 */
export function layoutPlan(plan: BuildPlan): PlanLayout {
  const inner = new Map<number, { width: number; height: number; graph: Graph }>();
  const stageOf = new Map(plan.nodes.map((n) => [n.id, n.stage]));
  for (const s of plan.stages) {
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: "TB", nodesep: 18, ranksep: 24, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of plan.nodes) {
      if (n.stage === s.index)
        g.setNode(n.id, { width: Math.max(90, (nodeText(n).length + 6) * charWidth), height: nodeHeight });
    }
    plan.edges.forEach((e, i) => {
      if (stageOf.get(e.from) === s.index && stageOf.get(e.to) === s.index)
        g.setEdge(e.from, e.to, { kind: e.kind }, String(i));
    });
    dagre.layout(g);
    const title = Math.max(stageLabel(s).length, Math.min(stageReason(s)?.length ?? 0, reasonChars));
    const width = Math.max((g.graph().width ?? 0) + 2 * stagePadding, title * charWidth + 2 * stagePadding);
    const height = (g.graph().height ?? 0) + titleHeight(s) + 2 * stagePadding;
    inner.set(s.index, { width, height, graph: g });
  }
  const outer = new dagre.graphlib.Graph();
  outer.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 36, marginx: 12, marginy: 12 });
  outer.setDefaultEdgeLabel(() => ({}));
  for (const s of plan.stages) {
    const size = inner.get(s.index)!;
    outer.setNode(String(s.index), { width: size.width, height: size.height });
  }
  for (const s of plan.stages) {
    for (const d of s.dependsOn) if (d !== s.index) outer.setEdge(String(d), String(s.index));
  }
  dagre.layout(outer);

  const layout: PlanLayout = {
    width: Math.ceil(outer.graph().width ?? 100),
    height: Math.ceil(outer.graph().height ?? 100),
    nodes: new Map(),
    stages: new Map(),
    edges: [],
  };
  for (const s of plan.stages) {
    const place = outer.node(String(s.index));
    const { width, height, graph } = inner.get(s.index)!;
    const x = place.x - width / 2;
    const y = place.y - height / 2;
    layout.stages.set(s.index, { x, y, width, height, label: stageLabel(s), reason: stageReason(s) });
    const dx = x + stagePadding + (width - 2 * stagePadding - (graph.graph().width ?? 0)) / 2;
    const dy = y + titleHeight(s) + stagePadding;
    for (const id of graph.nodes()) {
      const n = graph.node(id);
      layout.nodes.set(id, {
        x: dx + n.x - n.width / 2,
        y: dy + n.y - n.height / 2,
        width: n.width,
        height: n.height,
      });
    }
    for (const e of graph.edges()) {
      const edge = graph.edge(e) as { points: { x: number; y: number }[]; kind: string };
      layout.edges.push({
        from: e.v,
        to: e.w,
        kind: edge.kind,
        points: edge.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
      });
    }
  }
  for (const e of plan.edges) {
    if (stageOf.get(e.from) === stageOf.get(e.to)) continue;
    const a = layout.nodes.get(e.from);
    const b = layout.nodes.get(e.to);
    if (!a || !b) continue;
    layout.edges.push({
      from: e.from,
      to: e.to,
      kind: e.kind,
      points: [
        { x: a.x + a.width / 2, y: a.y + a.height },
        { x: b.x + b.width / 2, y: b.y },
      ],
    });
  }
  return layout;
}

export interface GraphOptions {
  rebuilt: ReadonlySet<string>;
  /** Called with the node when its box is clicked. */
  onSelect: (node: PlanNode) => void;
}

/** Draws the plan; returns the SVG element (its nodes carry `data-node` ids, stage frames `data-stage`). */
export function drawPlan(plan: BuildPlan, options: GraphOptions): SVGSVGElement {
  const layout = layoutPlan(plan);
  const level = new Map<string, number>();
  plan.order.forEach((ids, i) => ids.forEach((id) => level.set(id, i)));
  const { width, height } = layout;
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
    const box = layout.stages.get(s.index)!;
    const group = el("g", { class: `stage${s.pruned ? " pruned" : ""}`, "data-stage": s.index });
    group.append(el("rect", { x: box.x, y: box.y, width: box.width, height: box.height, rx: 8 }));
    group.append(el("text", { x: box.x + 10, y: box.y + 17, class: "stage-label" }, box.label));
    if (box.reason) {
      group.append(
        el("text", { x: box.x + 10, y: box.y + 33, class: "stage-reason" }, clip(box.reason, reasonChars)),
      );
      group.append(el("title", {}, box.reason));
    }
    svg.append(group);
  }
  for (const e of layout.edges) {
    const d = e.points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
    svg.append(el("path", { d, class: `edge edge-${e.kind}`, "marker-end": "url(#arrow)" }));
  }
  for (const n of plan.nodes) {
    const box = layout.nodes.get(n.id);
    if (!box) continue;
    const { x, y } = box;
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
