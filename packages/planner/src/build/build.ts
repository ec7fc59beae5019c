import type { Dockerfile, Instruction, Range, Stage as AstStage } from "@hull/parser";
import type { ExpandOptions } from "@hull/parser";
import type {
  BuildPlan,
  ContextSource,
  EdgeKind,
  HistoryEntry,
  HealthcheckConfig,
  NodeKind,
  PlanDiagnostic,
  PlanEdge,
  PlanNode,
  PlanOptions,
  PlanStage,
} from "../model.js";
import { cacheKey } from "../hash.js";
import { contentPlaceholder, createIgnore, type IgnoreMatcher } from "../context.js";
import { expandMany, expandOne, type Expanded } from "./expand.js";
import { defaultBuildPlatform, formatPlatform, parsePlatform, type Platform } from "./platform.js";
import { resolveStages, type ResolvedStage } from "./from.js";
import { analyseDependencies, orderLevels } from "./order.js";
import { dispatchRun } from "./run.js";
import { dispatchCopy } from "./copy.js";
import { dispatchAdd } from "./add.js";
import { dispatchWorkdir } from "./workdir.js";
import { dispatchEnv } from "./env.js";
import { dispatchArg } from "./arg.js";
import { dispatchUser } from "./user.js";
import { dispatchLabel } from "./label.js";
import { dispatchCmd } from "./cmd.js";
import { dispatchEntrypoint } from "./entrypoint.js";
import { dispatchHealthcheck } from "./healthcheck.js";
import { dispatchExpose } from "./expose.js";
import { dispatchVolume } from "./volume.js";
import { dispatchStopsignal } from "./stopsignal.js";
import { dispatchShell } from "./shell.js";
import { dispatchOnbuild, onbuildTriggers } from "./onbuild.js";
import { dispatchMaintainer } from "./maintainer.js";
import { finishImage, newImageConfig, type MutableImageConfig } from "../image.js";

/** The mutable state of one stage while its instructions are dispatched. */
export interface StageState {
  readonly index: number;
  readonly resolved: ResolvedStage;
  readonly pruned: boolean;
  os: string;
  platform: string;
  /** Id and key of the node holding the current filesystem. */
  head: string | null;
  headKey: string;
  /** The build state's environment: image ENV plus every ARG in scope, in BuildKit's order. */
  env: [string, string][];
  /** False when the chain starts from an image whose ENV the planner cannot see. */
  envKnown: boolean;
  /** ARGs declared in scope (BuildKit's buildArgs), with their values. */
  args: { key: string; value: string | null }[];
  workdir: string;
  config: MutableImageConfig;
  history: HistoryEntry[];
  cmdSet: boolean;
  baseImage: string | null;
  unknown: Set<string>;
  /** Ordinal of the instruction being dispatched, for node ids. */
  ordinal: string;
  /** Range and line the current instruction reports at (the child's FROM for ONBUILD triggers). */
  at: Range;
  onbuild: boolean;
  /** ONBUILD instructions of this stage, handed to stages built FROM it. */
  triggers: Instruction[];
}

/** Everything a dispatcher needs: the options, the graph being built and helpers that report and add nodes. */
export class BuildContext {
  readonly nodes: PlanNode[] = [];
  readonly edges: PlanEdge[] = [];
  readonly diagnostics: PlanDiagnostic[] = [];
  readonly contextSources: ContextSource[] = [];
  readonly states: (StageState | undefined)[] = [];
  readonly declaredArgs = new Set<string>();
  readonly buildArgs: ReadonlyMap<string, string>;
  readonly changedPaths: readonly string[];
  readonly ignore: IgnoreMatcher;
  readonly escape: "\\" | "`";
  readonly buildPlatform: Platform;
  readonly targetPlatform: Platform;
  globalArgs = new Map<string, string>();
  resolved: ResolvedStage[] = [];
  private readonly nodeIndex = new Map<string, PlanNode>();

  constructor(
    readonly ast: Dockerfile,
    readonly options: PlanOptions,
  ) {
    this.buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
    this.changedPaths = options.changedPaths ?? [];
    this.ignore = createIgnore(options.dockerignore ?? "");
    this.escape = ast.escapeChar === "`" ? "`" : "\\";
    const host =
      options.buildPlatform === undefined
        ? defaultBuildPlatform
        : parsePlatform(options.buildPlatform, defaultBuildPlatform);
    this.buildPlatform = "error" in host ? defaultBuildPlatform : host;
    const target =
      options.platform === undefined
        ? this.buildPlatform
        : parsePlatform(options.platform, this.buildPlatform);
    if ("error" in target) {
      this.report(
        "bad-platform",
        `failed to parse platform ${options.platform}: ${target.error}`,
        fileStart(ast),
      );
      this.targetPlatform = this.buildPlatform;
    } else {
      this.targetPlatform = target;
    }
  }

  /** The stage being dispatched, if any. */
  current: StageState | null = null;

  /** Records a plan-time problem. */
  report(code: string, message: string, range: Range, severity: "error" | "warning" = "error"): void {
    // BuildKit never dispatches a pruned stage, so its dispatch-time failures cannot fail the build.
    const pruned = this.current?.pruned === true && dispatchTimeCodes.has(code);
    this.diagnostics.push({
      code,
      message: pruned ? `${message} (in a pruned stage, so BuildKit would not report it)` : message,
      severity: pruned ? "warning" : severity,
      range,
    });
  }

  /** Expansion options for a stage: the file's escape character, case-insensitive names on Windows. */
  expandOptions(st: StageState | null, extra: ExpandOptions = {}): ExpandOptions {
    return {
      escape: this.escape,
      caseInsensitive: st?.os === "windows",
      // An image base's ENV is unknown: keep references to unset variables as written instead of erasing them.
      skipUnset: st !== null && !st.envKnown,
      ...extra,
    };
  }

  /** Expands a word against the stage's environment, reporting a lexer error at `range`. */
  expand(st: StageState, text: string, range: Range, extra: ExpandOptions = {}): string {
    return this.checked(expandOne(text, envMap(st.env, st.os), this.expandOptions(st, extra)), range).value;
  }

  /** Expands and splits words against the stage's environment. */
  expandWords(st: StageState, text: string, range: Range): readonly string[] {
    return this.checked(expandMany(text, envMap(st.env, st.os), this.expandOptions(st)), range).words;
  }

  private checked(r: Expanded, range: Range): Expanded {
    if (r.error !== null) this.report("expansion-error", r.error, range);
    return r;
  }

  /** Adds a node; its cache key hashes `op` and the inputs' keys. */
  addNode(
    st: StageState,
    spec: {
      id?: string;
      instruction: string;
      kind: NodeKind;
      layer: boolean;
      label: string;
      op: Record<string, unknown>;
      inputs: { id: string | null; key: string; kind: EdgeKind }[];
    },
  ): PlanNode {
    const id = spec.id ?? `s${st.index}.${st.ordinal}`;
    const node: PlanNode = {
      id,
      stage: st.index,
      line: st.at.start.line,
      range: st.at,
      instruction: spec.instruction,
      kind: spec.kind,
      layer: spec.layer,
      inputs: spec.inputs.flatMap((i) => (i.id === null ? [] : [i.id])),
      cacheKey: cacheKey(
        spec.op,
        spec.inputs.map((i) => i.key),
      ),
      label: spec.label,
      onbuild: st.onbuild,
      pruned: st.pruned,
      op: spec.op,
    };
    this.nodes.push(node);
    this.nodeIndex.set(id, node);
    for (const input of spec.inputs)
      if (input.id !== null) this.edges.push({ from: input.id, to: id, kind: input.kind });
    return node;
  }

  /** Adds a filesystem node that replaces the stage's head. */
  addLayer(st: StageState, spec: Parameters<BuildContext["addNode"]>[1], history: string | null): PlanNode {
    const node = this.addNode(st, spec);
    st.head = node.id;
    st.headKey = node.cacheKey;
    if (history !== null) this.history(st, history, true, node.id);
    return node;
  }

  /** Adds a config-only node (no layer) and its history entry. */
  addConfig(
    st: StageState,
    instruction: string,
    label: string,
    change: Record<string, unknown>,
    history: string | null,
  ): PlanNode {
    const node = this.addNode(st, {
      instruction,
      kind: "config",
      layer: false,
      label,
      op: { op: "config", ...change },
      inputs: [{ id: st.head, key: st.headKey, kind: "prev" }],
    });
    if (history !== null) this.history(st, history, false, node.id);
    return node;
  }

  /** Appends an image history entry the way BuildKit's commitToHistory does. */
  history(st: StageState, createdBy: string, withLayer: boolean, node: string): void {
    st.history.push({
      created_by: withLayer ? `${createdBy} # buildkit` : createdBy,
      comment: "buildkit.dockerfile.v0",
      empty_layer: !withLayer,
      node,
    });
  }

  /** The node with this id. */
  node(id: string): PlanNode | undefined {
    return this.nodeIndex.get(id);
  }

  /** The placeholder for the content of a context path, which changes when a changed path falls under it. */
  contextContent(path: string): string {
    return contentPlaceholder(path, this.changedPaths, this.ignore);
  }

  /** Records that a node reads a context path. */
  useContext(node: string, path: string): void {
    this.contextSources.push({ node, path });
  }

  /** Adds (or reuses) a source node for an image named in `COPY --from` or a mount `from=`. */
  imageSource(st: StageState, ref: string): { id: string; key: string } {
    const id = `s${st.index}.${st.ordinal}.src`;
    const platform = st.platform;
    const node = this.addNode(st, {
      id,
      instruction: "FROM",
      kind: "source",
      layer: false,
      label: `image ${ref}`,
      op: { op: "source", image: ref, platform },
      inputs: [],
    });
    return { id: node.id, key: node.cacheKey };
  }
}

// Lookup maps are rebuilt only when an environment list changes (setEnv drops the entry); keyed by identity.
const envMaps = new WeakMap<object, Map<string, string>>();

/** Problems BuildKit finds only while dispatching a stage, which it never does for pruned stages. */
const dispatchTimeCodes = new Set([
  "expansion-error",
  "bad-expose",
  "bad-stop-signal",
  "invalid-mount-target",
  "empty-volume",
]);

/** The environment as a lookup map (case-insensitive keys on Windows, as BuildKit matches them). */
export function envMap(env: readonly (readonly [string, string])[], os: string): Map<string, string> {
  const cached = envMaps.get(env);
  if (cached) return cached;
  const m = new Map<string, string>();
  envMaps.set(env, m);
  for (const [k, v] of env) m.set(os === "windows" ? k.toUpperCase() : k, v);
  if (os === "windows") {
    // The lexer is told to match case-insensitively; keep the original spelling reachable too.
    for (const [k, v] of env) m.set(k, v);
  }
  return m;
}

/** Sets a variable in an ordered environment list, replacing an existing one in place (BuildKit's AddEnv). */
export function setEnv(env: [string, string][], key: string, value: string, os: string): void {
  const same = (k: string): boolean => (os === "windows" ? k.toUpperCase() === key.toUpperCase() : k === key);
  envMaps.delete(env);
  const i = env.findIndex(([k]) => same(k));
  if (i >= 0) env[i] = [key, value];
  else env.push([key, value]);
}

/** A zero-width range at the start of the file, for problems that have no better place. */
export function fileStart(ast: Dockerfile): Range {
  const p = { offset: ast.range?.start.offset ?? 0, line: 1, column: 1 };
  return { start: p, end: p };
}

/** The default shell BuildKit wraps shell-form commands with. */
export function defaultShell(os: string): string[] {
  return os === "windows" ? ["cmd", "/S", "/C"] : ["/bin/sh", "-c"];
}

/** Wraps shell-form arguments with the stage's SHELL (BuildKit's withShell). */
export function withShell(st: StageState, args: readonly string[]): string[] {
  const shell = st.config.Shell && st.config.Shell.length > 0 ? [...st.config.Shell] : defaultShell(st.os);
  return [...shell, args.join(" ")];
}

type Dispatcher = (ctx: BuildContext, st: StageState, instruction: never) => void;

const dispatchers: Partial<Record<Instruction["type"], Dispatcher>> = {
  Run: dispatchRun as Dispatcher,
  Copy: dispatchCopy as Dispatcher,
  Add: dispatchAdd as Dispatcher,
  Workdir: dispatchWorkdir as Dispatcher,
  Env: dispatchEnv as Dispatcher,
  Arg: dispatchArg as Dispatcher,
  User: dispatchUser as Dispatcher,
  Label: dispatchLabel as Dispatcher,
  Cmd: dispatchCmd as Dispatcher,
  Entrypoint: dispatchEntrypoint as Dispatcher,
  Healthcheck: dispatchHealthcheck as Dispatcher,
  Expose: dispatchExpose as Dispatcher,
  Volume: dispatchVolume as Dispatcher,
  Stopsignal: dispatchStopsignal as Dispatcher,
  Shell: dispatchShell as Dispatcher,
  Onbuild: dispatchOnbuild as Dispatcher,
  Maintainer: dispatchMaintainer as Dispatcher,
};

/** Dispatches one instruction to the file that knows its semantics. */
export function dispatch(ctx: BuildContext, st: StageState, instruction: Instruction): void {
  const fn = dispatchers[instruction.type];
  if (fn) fn(ctx, st, instruction as never);
}

/** Builds the whole plan: resolve stages, analyse dependencies, dispatch reachable and pruned stages, order. */
export function buildPlan(ast: Dockerfile, options: PlanOptions): BuildPlan {
  const ctx = new BuildContext(ast, options);
  const astStages: readonly AstStage[] = ast.stages ?? [];
  if (astStages.length === 0) {
    ctx.report("no-stages", "dockerfile contains no stages to build", fileStart(ast));
    return emptyPlan(ctx);
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
    for (const [n, instruction] of (astStage.instructions ?? []).entries()) {
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

function newStageState(ctx: BuildContext, resolved: ResolvedStage, pruned: boolean): StageState {
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

/** The default Linux PATH BuildKit adds when the base image defines none. */
export const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

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

function dispatchFrom(ctx: BuildContext, st: StageState, astStage: AstStage): void {
  const r = st.resolved;
  st.ordinal = "0";
  st.at = astStage.from.range;
  if (r.baseKind === "stage" && r.baseStage !== null) {
    const parent = ctx.states[r.baseStage];
    ctx.addLayer(
      st,
      {
        instruction: "FROM",
        kind: "source",
        layer: false,
        label: `stage ${r.baseName ?? r.baseStage}`,
        op: { op: "stage" },
        inputs: [{ id: parent?.head ?? null, key: parent?.headKey ?? `stage:${r.baseStage}`, kind: "base" }],
      },
      null,
    );
    return;
  }
  if (r.baseKind === "image") {
    ctx.addLayer(
      st,
      {
        instruction: "FROM",
        kind: "source",
        layer: false,
        label: `image ${r.baseName}`,
        op: { op: "source", image: r.baseName, platform: st.platform },
        inputs: [],
      },
      null,
    );
    return;
  }
  ctx.addLayer(
    st,
    {
      instruction: "FROM",
      kind: "source",
      layer: false,
      label: r.baseKind === "scratch" ? "scratch" : `unresolved base ${r.baseName ?? ""}`,
      op: { op: "source", scratch: true, platform: st.platform },
      inputs: [],
    },
    null,
  );
}

function unusedBuildArgs(ctx: BuildContext): string[] {
  return [...ctx.buildArgs.keys()]
    .filter((k) => !ctx.declaredArgs.has(k) && !proxyArgs.has(k.toUpperCase()))
    .sort();
}

/** Proxy args are passed to RUN without being declared, and kept out of cache keys and history. */
export const proxyArgs = new Set(["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"]);

function emptyPlan(ctx: BuildContext): BuildPlan {
  return {
    target: -1,
    targetName: null,
    platform: formatPlatform(ctx.targetPlatform),
    buildPlatform: formatPlatform(ctx.buildPlatform),
    stages: [],
    nodes: [],
    edges: [],
    order: [],
    image: null,
    contextSources: [],
    unusedBuildArgs: unusedBuildArgs(ctx),
    diagnostics: ctx.diagnostics,
  };
}

/** Parses Go durations (`1m30s`, `500ms`) into nanoseconds; null when invalid. */
export function parseDuration(text: string): number | null {
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  if (text === "0") return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * (units[m[2] as string] as number);
    matched += m[0].length;
  }
  return matched === text.length && matched > 0 ? Math.round(total) : null;
}

export type { HealthcheckConfig };
