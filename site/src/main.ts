// The playground page: two editors, the tabs, and the buttons. hull itself runs in the worker (worker.ts).
import { setDiagnostics } from "@codemirror/lint";
import { EditorState, type Text } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { Diagnostic } from "@hull/linter";
import type { PlanView, TreeNode } from "./analysis.js";
import { HullClient } from "./client.js";
import { configExtensions, dockerfileExtensions, setHighlights, toCmDiagnostic } from "./editor.js";
import { decodeState, encodeState, type PageState } from "./share.js";

declare const HULL_VERSION: string;

const sample = `# syntax=docker/dockerfile:1
FROM node:latest AS build
WORKDIR /app
COPY . .
RUN npm install
RUN apt-get update && apt-get install curl
RUN npm run build

FROM nginx:1.27 as docs
COPY docs/ /usr/share/nginx/html/

FROM gcr.io/distroless/nodejs22-debian12
COPY --from=build /app/dist /app
WORKDIR /app
EXPOSE 3000
CMD ["server.js"]
`;

const sampleConfig = `# .hullrc.yaml: the same schema and meaning as for \`hull lint\`.
preset: recommended
rules: {}
`;

const tabs = ["problems", "config", "ast", "dump", "plan", "format", "report"] as const;
type Tab = (typeof tabs)[number];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Numbers the page reports for the browser test and the benchmarks (see site/README.md). */
interface Stats {
  /** Milliseconds from a text change to its diagnostics shown, one per change. */
  latencies: number[];
  /** Worker time (parse + lint) per analysis. */
  lintMs: number[];
  /** Analyses applied so far. */
  analyses: number;
  /** The last diagnostics shown, as hull reported them. */
  diagnostics: Diagnostic[];
  /** True while a change waits for its diagnostics. */
  pending: boolean;
  /** performance.now() when the page became usable (editor shown, handlers attached). */
  readyAt: number;
  ready: boolean;
}

const stats: Stats = {
  latencies: [],
  lintMs: [],
  analyses: 0,
  diagnostics: [],
  pending: false,
  readyAt: 0,
  ready: false,
};
(window as unknown as { hullStats: Stats }).hullStats = stats;

const client = new HullClient(new URL("worker.js", import.meta.url).href);
let currentTab: Tab = "problems";
let editor: EditorView;
let configEditor: EditorView;

// --- linting as you type ---------------------------------------------------------------------------------------
// One request at a time: while the worker lints, changes only mark the text dirty; the newest text goes next.
let inFlight = false;
let dirty = false;
/** performance.now() of each change not yet answered by diagnostics. */
const waiting: number[] = [];

function scheduleAnalysis(): void {
  waiting.push(performance.now());
  stats.pending = true;
  if (inFlight) {
    dirty = true;
    return;
  }
  void runAnalysis();
}

async function runAnalysis(): Promise<void> {
  inFlight = true;
  dirty = false;
  const doc = editor.state.doc;
  const configDoc = configEditor.state.doc;
  const answered = waiting.length;
  try {
    const result = await client.request("analyze", { text: doc.toString(), config: configDoc.toString() });
    if (editor.state.doc === doc) {
      editor.dispatch(
        setDiagnostics(
          editor.state,
          result.diagnostics.map((d) => toCmDiagnostic(d, doc)),
        ),
        { effects: setHighlights.of({ doc, spans: result.highlights }) },
      );
      stats.diagnostics = result.diagnostics;
      renderProblems(result.diagnostics, doc);
    }
    if (configEditor.state.doc === configDoc) {
      configEditor.dispatch(
        setDiagnostics(
          configEditor.state,
          result.configMarks.map((m) => ({
            from: Math.min(m.from, configDoc.length),
            to: Math.min(m.to, configDoc.length),
            severity: "error" as const,
            message: m.message,
          })),
        ),
      );
      renderConfigProblems(result.configMarks.map((m) => m.message));
    }
    // A change counts as answered when diagnostics for its text (or a later one) are on screen, not before.
    if (editor.state.doc === doc && configEditor.state.doc === configDoc) {
      const now = performance.now();
      for (const t of waiting.splice(0, answered)) stats.latencies.push(now - t);
    }
    stats.lintMs.push(result.lintMs);
    stats.analyses++;
    performance.mark("hull:diagnostics");
  } catch (error) {
    showError(error);
  } finally {
    inFlight = false;
    // scheduleAnalysis sets `dirty` while the worker lints: the narrowing from before the await does not hold.
    const changed = dirty as boolean;
    stats.pending = changed;
    if (changed) void runAnalysis();
    // The other tabs follow the text once it settles, not on every keystroke.
    else if (currentTab !== "problems" && currentTab !== "config") void refreshTab();
  }
}

function showError(error: unknown): void {
  const box = $("error");
  box.hidden = false;
  box.textContent = `Internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function renderProblems(diagnostics: Diagnostic[], doc: Text): void {
  const list = $("problems-list");
  list.replaceChildren();
  $("problem-count").textContent = String(diagnostics.length);
  if (diagnostics.length === 0) {
    list.append(
      Object.assign(document.createElement("li"), { textContent: "No problems.", className: "empty" }),
    );
    return;
  }
  for (const d of diagnostics) {
    const li = document.createElement("li");
    li.className = `problem sev-${d.severity}`;
    li.dataset.rule = d.ruleId;
    const where = document.createElement("button");
    where.className = "where";
    where.textContent = `${d.range.start.line}:${d.range.start.column}`;
    where.addEventListener("click", () => select(d.range.start.offset, d.range.end.offset));
    const message = document.createElement("span");
    message.className = "message";
    message.textContent = d.message;
    const rule = Object.assign(document.createElement("a"), {
      href: `rules/${d.ruleId}.html`,
      target: "_blank",
      textContent: d.ruleId,
      className: "rule-link",
    });
    li.append(where, ` ${d.severity} `, message, " ", rule);
    if (d.fix) {
      const fix = document.createElement("button");
      fix.className = "quick-fix";
      fix.textContent = "Fix";
      const edits = d.fix.edits;
      fix.addEventListener("click", () => {
        if (editor.state.doc !== doc) return;
        editor.dispatch({
          changes: edits.map((e) => ({ from: e.range.start.offset, to: e.range.end.offset, insert: e.text })),
          userEvent: "input.fix",
        });
      });
      li.append(" ", fix);
    }
    list.append(li);
  }
}

function renderConfigProblems(messages: string[]): void {
  const box = $("config-problems");
  box.replaceChildren(
    ...messages.map((m) => Object.assign(document.createElement("li"), { textContent: m })),
  );
  box.hidden = messages.length === 0;
  $("config-state").textContent = messages.length === 0 ? "valid" : "invalid: defaults in use";
  $("config-state").className = messages.length === 0 ? "ok" : "bad";
}

function select(from: number, to: number): void {
  const length = editor.state.doc.length;
  editor.dispatch({
    selection: { anchor: Math.min(from, length), head: Math.min(to, length) },
    scrollIntoView: true,
  });
  editor.focus();
}

// --- tabs ------------------------------------------------------------------------------------------------------
function showTab(tab: Tab): void {
  currentTab = tab;
  for (const t of tabs) {
    $(`tab-${t}`).setAttribute("aria-selected", String(t === tab));
    $(`panel-${t}`).hidden = t !== tab;
  }
  if (tab === "config") configEditor.requestMeasure();
  void refreshTab();
}

let tabVersion = 0;

async function refreshTab(): Promise<void> {
  const version = ++tabVersion;
  const text = editor.state.doc.toString();
  try {
    if (currentTab === "ast" || currentTab === "dump") {
      const view = await client.request("syntax", { text });
      if (version !== tabVersion) return;
      $("dump-output").textContent =
        view.dump + (view.errors.length ? `\n# errors:\n${view.errors.join("\n")}` : "");
      const tree = $("ast-tree");
      tree.replaceChildren(treeItem(view.tree, 0));
    } else if (currentTab === "plan") {
      const view = await client.request("plan", { text, ...planInputs() });
      if (version !== tabVersion) return;
      // The graph layout library is only needed here: it is loaded on first use, not with the page.
      const { drawPlan } = await import("./plan-graph.js");
      if (version !== tabVersion) return;
      renderPlan(view, drawPlan);
    } else if (currentTab === "format") {
      const result = await client.request("format", { text });
      if (version !== tabVersion) return;
      const { diffLines } = await import("diff");
      if (version !== tabVersion) return;
      renderDiff(text, result.output, result.changed, diffLines);
    } else if (currentTab === "report") {
      await renderReport();
    }
  } catch (error) {
    showError(error);
  }
}

function treeItem(node: TreeNode, depth: number): HTMLElement {
  const label = document.createElement("span");
  label.className = "ast-label";
  label.textContent = node.label;
  label.addEventListener("click", (event) => {
    event.preventDefault();
    select(node.from, node.to);
  });
  const range = Object.assign(document.createElement("span"), {
    className: "ast-range",
    textContent: node.range,
  });
  const detail = Object.assign(document.createElement("span"), {
    className: "ast-detail",
    textContent: node.detail.length > 160 ? `${node.detail.slice(0, 159)}…` : node.detail,
  });
  if (node.children.length === 0) {
    const leaf = document.createElement("div");
    leaf.className = "ast-leaf";
    leaf.append(label, " ", range, " ", detail);
    return leaf;
  }
  const details = document.createElement("details");
  details.open = depth < 2;
  const summary = document.createElement("summary");
  summary.append(label, " ", range, " ", detail);
  details.append(summary, ...node.children.map((c) => treeItem(c, depth + 1)));
  return details;
}

function planInputs() {
  return {
    target: $<HTMLSelectElement>("plan-target").value,
    buildArgs: $<HTMLInputElement>("plan-build-args").value,
    runArgs: $<HTMLInputElement>("plan-run-args").value,
    changedPath: $<HTMLInputElement>("plan-changed").value,
  };
}

function renderPlan(view: PlanView, drawPlan: typeof import("./plan-graph.js").drawPlan): void {
  const target = $<HTMLSelectElement>("plan-target");
  const wanted = target.value || pendingTarget;
  const options = ["", ...view.stageNames];
  if ([...target.options].map((o) => o.value).join("\n") !== options.join("\n")) {
    target.replaceChildren(
      ...options.map((name) =>
        Object.assign(document.createElement("option"), { value: name, textContent: name || "(last stage)" }),
      ),
    );
  }
  target.value = options.includes(wanted) ? wanted : "";
  pendingTarget = "";
  const rebuilt = new Set((view.rebuilt ?? []).map((r) => r.id));
  const graph = drawPlan(view.plan, {
    rebuilt,
    onSelect: (n) => select(n.range.start.offset, n.range.end.offset),
  });
  $("plan-graph").replaceChildren(graph);
  const { plan } = view;
  $("plan-summary").textContent =
    `${plan.stages.length} stages (${plan.stages.filter((s) => s.pruned).length} pruned), ` +
    `${plan.nodes.filter((n) => n.layer && !n.pruned).length} layers, ` +
    `${plan.order.length} parallel levels: ${plan.order.map((l, i) => `L${i} ${l.join(" ")}`).join(" · ")}`;
  $("plan-rebuild").textContent =
    view.rebuilt === null
      ? ""
      : view.rebuilt.length === 0
        ? "Nothing rebuilds."
        : view.rebuilt.map((r) => `${r.id}: ${r.reason}`).join("\n");
  $("plan-image").textContent = plan.image ? JSON.stringify(plan.image.config, null, 2) : "(no image)";
  const run = view.run;
  $("plan-run").textContent = run
    ? run.error
      ? run.error
      : `${JSON.stringify([...(run.entrypoint ?? []), ...(run.cmd ?? [])])}${run.notes.length ? `\n${run.notes.join("\n")}` : ""}`
    : "";
  $("plan-diagnostics").textContent = plan.diagnostics
    .map((d) => `${d.range.start.line}: ${d.message}`)
    .join("\n");
}

function renderDiff(
  before: string,
  after: string,
  changed: boolean,
  diffLines: typeof import("diff").diffLines,
): void {
  const out = $("format-diff");
  out.replaceChildren();
  $<HTMLButtonElement>("format-apply").disabled = !changed;
  formatted = changed ? { before, after } : null;
  if (!changed) {
    out.textContent = "Already formatted: `hull fmt` changes nothing.";
    return;
  }
  for (const part of diffLines(before, after)) {
    const cls = part.added ? "add" : part.removed ? "del" : "same";
    const sign = part.added ? "+" : part.removed ? "-" : " ";
    const lines = part.value.replace(/\n$/, "").split("\n");
    for (const line of lines) {
      out.append(
        Object.assign(document.createElement("div"), {
          className: `diff-${cls}`,
          textContent: `${sign} ${line}`,
        }),
      );
    }
  }
}

let formatted: { before: string; after: string } | null = null;
let pendingTarget = "";

function replaceText(text: string): void {
  editor.dispatch({
    changes: { from: 0, to: editor.state.doc.length, insert: text },
    userEvent: "input.replace",
  });
}

// --- share and report ------------------------------------------------------------------------------------------
function currentState(): PageState {
  return {
    text: editor.state.doc.toString(),
    config: configEditor.state.doc.toString(),
    tab: currentTab,
    ...planInputs(),
  };
}

async function shareUrl(): Promise<string> {
  const hash = await encodeState(currentState());
  return `${location.href.split("#")[0]}${hash}`;
}

async function renderReport(): Promise<void> {
  const url = await shareUrl();
  const findings = stats.diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId} ${d.message}`)
    .join("\n");
  const config = configEditor.state.doc.toString().trim();
  $<HTMLTextAreaElement>("report-text").value = [
    `hull ${HULL_VERSION} (playground, ${navigator.userAgent.match(/(Chrome|Firefox|Safari)\/[\d.]+/)?.[0] ?? "browser"})`,
    "",
    "Dockerfile:",
    "```dockerfile",
    editor.state.doc.toString().replace(/\n$/, ""),
    "```",
    "",
    "Config (.hullrc):",
    "```yaml",
    config,
    "```",
    "",
    "Findings:",
    "```text",
    findings || "(none)",
    "```",
    "",
    `Playground link: ${url}`,
    "",
    "What I expected instead:",
    "",
  ].join("\n");
}

/** Puts a state into the page: the editors, the plan inputs and the tab. */
function applyState(state: PageState): void {
  if (state.text !== editor.state.doc.toString()) replaceText(state.text);
  if (state.config !== configEditor.state.doc.toString()) {
    configEditor.dispatch({ changes: { from: 0, to: configEditor.state.doc.length, insert: state.config } });
  }
  $<HTMLInputElement>("plan-build-args").value = state.buildArgs ?? "";
  $<HTMLInputElement>("plan-run-args").value = state.runArgs ?? "";
  $<HTMLInputElement>("plan-changed").value = state.changedPath ?? "";
  pendingTarget = state.target ?? "";
  showTab((tabs as readonly string[]).includes(state.tab) ? (state.tab as Tab) : "problems");
}

// --- start -----------------------------------------------------------------------------------------------------
async function start(): Promise<void> {
  const initial = (await decodeState(location.hash)) ?? {
    text: sample,
    config: sampleConfig,
    tab: "problems",
  };
  editor = new EditorView({
    parent: $("editor"),
    state: EditorState.create({
      doc: initial.text,
      extensions: dockerfileExtensions({
        hover: (offset) =>
          client.request("hover", {
            text: editor.state.doc.toString(),
            config: configEditor.state.doc.toString(),
            offset,
          }),
        onChange: () => scheduleAnalysis(),
      }),
    }),
  });
  configEditor = new EditorView({
    parent: $("config-editor"),
    state: EditorState.create({
      doc: initial.config,
      extensions: configExtensions(() => scheduleAnalysis()),
    }),
  });
  for (const t of tabs) $(`tab-${t}`).addEventListener("click", () => showTab(t));
  $("fix-all").addEventListener("click", async () => {
    const result = await client.request("fixAll", {
      text: editor.state.doc.toString(),
      config: configEditor.state.doc.toString(),
    });
    $("status").textContent = result.fixed === 0 ? "Nothing to fix." : `Applied ${result.fixed} fixes.`;
    if (result.output !== editor.state.doc.toString()) replaceText(result.output);
  });
  $("format").addEventListener("click", () => showTab("format"));
  $("format-apply").addEventListener("click", () => {
    if (formatted && formatted.before === editor.state.doc.toString()) replaceText(formatted.after);
  });
  $("share").addEventListener("click", async () => {
    const url = await shareUrl();
    history.replaceState(null, "", url);
    $<HTMLInputElement>("share-url").value = url;
    $("share-box").hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      $("status").textContent = "Link copied.";
    } catch {
      // No clipboard permission (e.g. a headless browser): the link is in the box to copy by hand.
      $("status").textContent = "Link ready.";
    }
  });
  for (const id of ["plan-target", "plan-build-args", "plan-run-args", "plan-changed"]) {
    $(id).addEventListener("input", () => void refreshTab());
  }
  $("report-copy").addEventListener("click", () => {
    $<HTMLTextAreaElement>("report-text").select();
    void navigator.clipboard.writeText($<HTMLTextAreaElement>("report-text").value).catch(() => undefined);
  });
  window.addEventListener("hashchange", async () => {
    const state = await decodeState(location.hash);
    if (state) applyState(state);
  });
  applyState(initial);
  scheduleAnalysis();
  // For the browser test and the measuring script: the editor text without going through the DOM.
  Object.assign(window, {
    hullPage: {
      getText: () => editor.state.doc.toString(),
      getConfig: () => configEditor.state.doc.toString(),
      setText: (text: string) => replaceText(text),
      setCursor: (offset: number) => editor.dispatch({ selection: { anchor: offset } }),
      tab: () => currentTab,
    },
  });
  stats.readyAt = performance.now();
  stats.ready = true;
  document.body.dataset.ready = "true";
}

void start();
