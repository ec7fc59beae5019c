// Everything the page asks of hull, as pure functions over the editor text and the config text.
// It runs in the Web Worker (worker.ts); nothing here touches the DOM.
import {
  ConfigError,
  applyFixes,
  defaultConfig,
  lint,
  loadConfigFile,
  rules,
  validateConfig,
  type ConfigReader,
  type Diagnostic,
  type LintOptions,
  type LoadedConfig,
} from "@hull/linter";
import { computeHover, createDocument, type Document, type FeatureConfig } from "@hull/lsp";
import { dump, format, parse, type Dockerfile, type Instruction, type Range } from "@hull/parser";
import {
  containerArgv,
  invalidate,
  plan,
  type BuildPlan,
  type ContainerRun,
  type PlanNode,
} from "@hull/planner";
import { isMap, isScalar, parse as parseYaml, parseDocument, type Node as YamlNode } from "yaml";
import { highlightRanges, type Highlight } from "./highlight.js";

/** A config problem with the text range it points at, for the config editor. */
export interface ConfigMark {
  from: number;
  to: number;
  message: string;
}

/** The config as the page uses it: what `lint` gets, and what is wrong with the text. */
export interface PageConfig {
  loaded: LoadedConfig;
  marks: ConfigMark[];
}

const configPath = "/playground/.hullrc";

/**
 * Reads the config panel's text exactly as `hull lint -c .hullrc.yaml` (or `.json`) would: same parser, same schema,
 * same resolution. When it is invalid, the defaults apply and every problem gets a range in the config text.
 */
export function readConfig(text: string): PageConfig {
  const name = text.trimStart().startsWith("{") ? ".hullrc.json" : ".hullrc.yaml";
  const path = `${configPath}/${name}`;
  const preset = presetOnly(text);
  if (preset) {
    // Compiling the schema validator is most of the worker's start-up (0.5 s); a config that only names a preset
    // cannot be invalid, so the first diagnostics need not wait for it (analysis.test.ts checks the equivalence).
    return { loaded: { ...defaultConfig(configPath), path, kind: "hull", preset }, marks: [] };
  }
  const reader: ConfigReader = { exists: (p) => p === path, readFile: () => text };
  try {
    return { loaded: loadConfigFile(path, reader, rules), marks: [] };
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    return { loaded: defaultConfig(configPath), marks: locateProblems(text, message) };
  }
}

/** The preset of a config that holds nothing but `preset` (and an empty `rules`); null for any other text. */
function presetOnly(text: string): LoadedConfig["preset"] | null {
  let value: unknown;
  try {
    value = parseYaml(text) ?? {};
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { preset = "recommended", rules: ruleSettings = {}, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (preset !== "recommended" && preset !== "all")) return null;
  const emptyRules =
    typeof ruleSettings === "object" && ruleSettings !== null && Object.keys(ruleSettings).length === 0;
  return emptyRules ? preset : null;
}

/** Finds where each problem of an invalid config is; the loader's message is kept for what it says. */
function locateProblems(text: string, loaderMessage: string): ConfigMark[] {
  const doc = parseDocument(text, { prettyErrors: false });
  const whole = { from: 0, to: Math.max(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")) };
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      from: e.pos[0],
      to: Math.max(e.pos[1], e.pos[0] + 1),
      message: e.message.split("\n")[0]!,
    }));
  }
  const problems = validateConfig(doc.toJS() ?? {}, rules);
  if (problems.length === 0) {
    // Not a schema problem (e.g. JSON syntax): the loader's message says what.
    return [{ ...whole, message: loaderMessage.replace(/^[^:]*: /, "") }];
  }
  return problems.map((p) => {
    // An unknown key is shown on the key; a bad value on the value.
    const onKey = p.message.startsWith("unknown ");
    const node = p.path === "" ? null : nodeAt(doc.contents, p.path, onKey);
    const range = node?.range;
    return {
      ...(range ? { from: range[0], to: range[1] } : whole),
      message: `${p.path || "(top level)"}: ${p.message}`,
    };
  });
}

/** The YAML node at a dotted key path; keys may contain dots (label names), so the longest key that fits wins. */
function nodeAt(node: unknown, path: string, onKey: boolean): YamlNode | null {
  if (!isMap(node)) return null;
  let best: { key: string; value: unknown; keyNode: unknown } | null = null;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if ((path === key || path.startsWith(`${key}.`)) && (!best || key.length > best.key.length)) {
      best = { key, value: pair.value, keyNode: pair.key };
    }
  }
  if (!best) return null;
  if (best.key === path) return ((onKey ? best.keyNode : best.value) ?? best.keyNode) as YamlNode;
  return nodeAt(best.value, path.slice(best.key.length + 1), onKey) ?? (best.keyNode as YamlNode);
}

/** The options `hull lint` passes for a file under this config (stdin: no .dockerignore). */
export function lintOptions(config: PageConfig): LintOptions {
  const { loaded } = config;
  return { preset: loaded.preset, rules: loaded.rules, settings: loaded.settings, registry: rules };
}

export interface Analysis {
  diagnostics: Diagnostic[];
  highlights: Highlight[];
  configMarks: ConfigMark[];
  /** Milliseconds spent in parse + lint inside the worker. */
  lintMs: number;
  /** Milliseconds the worker has spent reading configs so far (set by the worker). */
  configMs?: number;
}

// The editor's text as a language server document: one parse and one semantic model per version of the text,
// shared by the diagnostics and every hover on that version (a document per hover parsed the text again each time).
let current: Document | undefined;

/** The document of this text: the current one while the text is unchanged, else a new version. */
function documentOf(text: string): Document {
  if (current?.text !== text)
    current = createDocument("untitled:Dockerfile", (current?.version ?? 0) + 1, text);
  return current;
}

/** Lints the text and computes the highlighting from the same parse. */
export function analyze(text: string, config: PageConfig): Analysis {
  const start = performance.now();
  const document = documentOf(text);
  const result = lint(text, {
    ...lintOptions(config),
    parseResult: document.parsed,
    semantic: document.semantic,
  });
  const lintMs = performance.now() - start;
  return {
    diagnostics: result.diagnostics,
    highlights: highlightRanges(result.parseResult.ast, text),
    configMarks: config.marks,
    lintMs,
  };
}

/** Applies every fix, re-linting between passes because a fix can reveal or move other findings. */
export function fixAll(text: string, config: PageConfig): { output: string; fixed: number } {
  const options = lintOptions(config);
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const { output, fixed: n } = applyFixes(current, lint(current, options).diagnostics);
    if (n === 0 || output === current) break;
    fixed += n;
    current = output;
  }
  return { output: current, fixed };
}

export interface HoverResult {
  markdown: string;
  from: number;
  to: number;
}

/** The language server's hover at an offset (instruction keywords, rule ids in ignore comments, variables). */
export function hover(text: string, config: PageConfig, offset: number): HoverResult | null {
  const document = documentOf(text);
  const feature: FeatureConfig = {
    loaded: config.loaded,
    error: null,
    readDockerignore: () => null,
    registry: rules,
  };
  const found = computeHover(document, document.lines.positionAt(offset), feature);
  if (!found) return null;
  return {
    markdown: found.contents,
    from: document.lines.offsetAt(found.range.start),
    to: document.lines.offsetAt(found.range.end),
  };
}

/** One node of the AST tree shown in the AST tab. */
export interface TreeNode {
  label: string;
  detail: string;
  from: number;
  to: number;
  range: string;
  children: TreeNode[];
}

const rangeText = (r: Range) => `${r.start.line}:${r.start.column}–${r.end.line}:${r.end.column}`;

/**
 * The AST as a tree for display: every object with a `type` and a `range` becomes a node, named by the key that
 * holds it; other fields become the detail. Back references (`onbuild`) and tokens are left out.
 */
export function astTree(ast: Dockerfile): TreeNode {
  const skip = new Set([
    "range",
    "type",
    "tokens",
    "onbuild",
    "children",
    "instructions",
    "comments",
    "preamble",
  ]);
  const isNode = (v: unknown): v is { type: string; range: Range } =>
    typeof v === "object" && v !== null && "type" in v && "range" in v;
  const build = (value: { type: string; range: Range }, key: string | null): TreeNode => {
    const children: TreeNode[] = [];
    const details: string[] = [];
    for (const [k, v] of Object.entries<unknown>(value)) {
      if (skip.has(k)) continue;
      if (isNode(v)) children.push(build(v, k));
      else if (Array.isArray(v) && v.some(isNode)) {
        v.forEach((item, i) => {
          if (isNode(item)) children.push(build(item, `${k}[${i}]`));
        });
      } else if (v !== null && typeof v !== "object") details.push(`${k}=${JSON.stringify(v)}`);
      else if (Array.isArray(v) && v.length > 0) details.push(`${k}=${JSON.stringify(v)}`);
      else if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
        details.push(`${k}=${JSON.stringify(v)}`);
      }
    }
    return {
      label: key ? `${key}: ${value.type}` : value.type,
      detail: details.join(" "),
      from: value.range.start.offset,
      to: value.range.end.offset,
      range: rangeText(value.range),
      children,
    };
  };
  // The file's children in source order (directives, comments, instructions), not the stage view twice.
  const root = build(ast, null);
  root.children = ast.children
    .filter((c) => c.type !== "Whitespace")
    .map((c) => build(c as Instruction, null));
  return root;
}

export interface PlanRequest {
  target: string;
  buildArgs: string;
  runArgs: string;
  changedPath: string;
}

export interface PlanView {
  plan: BuildPlan;
  run: ContainerRun | null;
  /** Node ids that rebuild when `changedPath` changes, with why. */
  rebuilt: { id: string; reason: string }[] | null;
  stageNames: string[];
}

/** Splits `a=1 b=2` (or one per line) into build args; a word without `=` means an empty value. */
export function parseBuildArgs(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const eq = word.indexOf("=");
    if (eq === -1) args[word] = "";
    else args[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return args;
}

/** Splits `docker run IMAGE …` arguments as a POSIX shell would for plain and quoted words. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(pattern)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? m[3]!));
  }
  return out;
}

/** The plan tab: the plan for a target and build args, the `docker run` argv, and what a changed path rebuilds. */
export function planView(text: string, request: PlanRequest): PlanView {
  const { ast } = parse(text);
  const options = {
    ...(request.target.trim() ? { target: request.target.trim() } : {}),
    buildArgs: parseBuildArgs(request.buildArgs),
  };
  const built = plan(ast, options);
  const run = built.image ? containerArgv(built.image, splitArgs(request.runArgs)) : null;
  let rebuilt: PlanView["rebuilt"] = null;
  const path = request.changedPath.trim().replace(/^\.?\//, "");
  if (path) {
    const result = invalidate(ast, options, { paths: [path] });
    rebuilt = result.invalidated.map((n) => ({ id: n.id, reason: n.reason }));
  }
  return {
    // The view reaches the page by structured clone, which copies own data only: the planner's RUN operations keep
    // their environment behind a getter (packages/planner/src/exec-op.ts), so each operation goes as its JSON view,
    // and a node makes most of its fields when read (getters of its class), so each is copied by name.
    plan: { ...built, nodes: built.nodes.map(nodeView) },
    run,
    rebuilt,
    stageNames: ast.stages.map((s) => s.name ?? String(s.index)),
  };
}

/** A plan node as plain data, every field read. */
function nodeView(n: PlanNode): PlanNode {
  return {
    id: n.id,
    stage: n.stage,
    line: n.line,
    range: n.range,
    instruction: n.instruction,
    kind: n.kind,
    layer: n.layer,
    inputs: n.inputs,
    cacheKey: n.cacheKey,
    label: n.label,
    onbuild: n.onbuild,
    pruned: n.pruned,
    op: plainJson(n.op),
  };
}

function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The AST and BuildKit dump tabs. */
export function syntaxView(text: string): { tree: TreeNode; dump: string; errors: string[] } {
  const { ast, diagnostics } = parse(text);
  return {
    tree: astTree(ast),
    dump: dump(ast),
    errors: diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}: ${d.message}`),
  };
}

/** `hull fmt` on the text. */
export function formatText(text: string): { output: string; changed: boolean } {
  return format(text);
}
