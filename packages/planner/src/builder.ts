import {
  defaultPlatform,
  namedContextKey,
  type Dockerfile,
  type ExpandOptions,
  type Platform,
  type Range,
} from "@hull/parser";
import type {
  ContextSource,
  EdgeKind,
  NodeKind,
  PlanDiagnostic,
  PlanEdge,
  PlanNode,
  PlanOptions,
} from "./model.js";
import { cacheKey } from "./hash.js";
import { contentPlaceholder, createIgnore, type IgnoreMatcher } from "./context.js";
import { expandMany, expandOne, type Expanded } from "./expand.js";
import { parsePlatform } from "./platform.js";
import type { ResolvedStage } from "./dispatch/from.js";
import type { StageState } from "./state.js";
import type { BaseImage } from "./base-image.js";
import type { EnvList } from "./env.js";
import { normalizeReference } from "./reference.js";
import { LazyHistoryEntry } from "./exec-op.js";
import { nodeJson } from "./render/json.js";

/**
 * What a node's operation holds beyond its JSON, kept for `invalidate` only: what the cache key hashes in place
 * of the operation and the environment version the operation's `env` lists when read (a RUN's).
 */
export interface NodeRecord {
  readonly hashed: unknown;
  readonly env: EnvList | null;
}

/**
 * Where a plan made only for its cache keys (`invalidate`'s plan before a change) hands each node as it is added,
 * with what the node's key hashes (its operation, or a RUN's operation with its env's digest). Such a plan keeps
 * neither its nodes nor its edges: each node is let go once the sink has read it.
 */
export interface NodeSink {
  add(node: PlanNode, hashed: unknown): void;
}

/** What a dispatched stage leaves: its final filesystem (what `COPY --from` and mounts read) and its platform. */
export interface StageResult {
  readonly head: string | null;
  readonly headKey: string;
  readonly platform: string;
  readonly os: string;
  readonly baseConfig: BaseImage | null;
}

/** Something with a range (an AST node), read only when a problem is reported there. */
export interface Located {
  readonly range: Range;
}

/** Everything a dispatcher needs: the options, the graph being built and helpers that report and add nodes.
 * (Named for what it builds, the plan; Docker's "build context" is the file set `context.ts` models.) */
export class PlanBuilder {
  readonly nodes: PlanStep[] = [];
  readonly diagnostics: PlanDiagnostic[] = [];
  readonly contextSources: ContextSource[] = [];
  /**
   * The state of each stage dispatched so far, while a later stage may still be built FROM it (or it is the
   * target, whose image is read at the end); the others' are dropped once they are dispatched.
   */
  readonly states: (StageState | undefined)[] = [];
  /** What each dispatched stage leaves for later stages and the plan's stage list. */
  readonly results: (StageResult | undefined)[] = [];
  readonly declaredArgs = new Set<string>();
  readonly buildArgs: ReadonlyMap<string, string>;
  readonly changedPaths: readonly string[];
  readonly ignore: IgnoreMatcher;
  readonly escape: "\\" | "`";
  readonly buildPlatform: Platform;
  readonly targetPlatform: Platform;
  globalArgs = new Map<string, string>();
  resolved: ResolvedStage[] = [];
  private readonly baseImages = new Map<string, BaseImage>();

  constructor(
    readonly ast: Dockerfile,
    readonly options: PlanOptions,
    /**
     * When given, gets one entry per node, in the order of `nodes`: the node's record when its spec has a `key`
     * (a RUN), else undefined (the key hashes the operation, which lists nothing when read).
     */
    private readonly records: (NodeRecord | undefined)[] | null = null,
    /** When given, gets each node instead of `nodes`, which stays empty. */
    private readonly sink: NodeSink | null = null,
  ) {
    this.buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
    this.changedPaths = options.changedPaths ?? [];
    this.ignore = createIgnore(options.dockerignore ?? "");
    this.escape = ast.escapeChar === "`" ? "`" : "\\";
    for (const [ref, image] of Object.entries(options.imageConfigs ?? {}))
      this.baseImages.set(normalizeReference(ref), image);
    // Without a build platform, BuildKit's usual build node, so that plans are reproducible.
    const host =
      options.buildPlatform === undefined
        ? defaultPlatform
        : parsePlatform(options.buildPlatform, defaultPlatform);
    this.buildPlatform = "error" in host ? defaultPlatform : host;
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
    // A trigger from a base image's config has no place in this file: its problems belong to the FROM.
    if (this.current?.foreign === true) range = this.current.at.range;
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

  /**
   * Expands a word against the stage's environment, reporting a lexer error at `at`'s range. The node is given
   * rather than its range: an AST node makes its range each time it is read, and only an error needs it.
   */
  expand(st: StageState, text: string, at: Located, extra: ExpandOptions = {}): string {
    return this.checked(expandOne(text, st.env.map, this.expandOptions(st, extra)), at).value;
  }

  /**
   * Whether a word names a variable the stage's environment lacks while that environment is not fully known
   * (an image base whose config was not given): its value then depends on the base image's ENV.
   */
  unresolved(st: StageState, text: string): boolean {
    if (st.envKnown || !text.includes("$")) return false;
    return expandOne(text, st.env.map, this.expandOptions(st)).missing.length > 0;
  }

  /** Expands and splits words against the stage's environment. */
  expandWords(st: StageState, text: string, at: Located): readonly string[] {
    return this.checked(expandMany(text, st.env.map, this.expandOptions(st)), at).words;
  }

  private checked(r: Expanded, at: Located): Expanded {
    if (r.error !== null) this.report("expansion-error", r.error, at.range);
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
      /** What the cache key hashes in place of `op`, when `op` lists what a digest stands for (a RUN's env). */
      key?: unknown;
      /** The environment version `op.env` lists when read, with `key` (a RUN's). */
      env?: EnvList;
      inputs: { id: string | null; key: string; kind: EdgeKind }[];
      /**
       * The absolute paths the node may write, for content keys (`contentKey`); "all" when it may write anything.
       * Config nodes write nothing; other kinds default to "all".
       */
      writes?: readonly string[] | "all";
    },
  ): PlanNode {
    const id = spec.id ?? `s${st.index}.${st.ordinal}`;
    this.added++;
    this.pack(spec.op);
    const node = new PlanStep(
      id,
      st.index,
      st.at,
      spec.instruction,
      spec.kind,
      spec.layer,
      spec.inputs,
      cacheKey(
        spec.key ?? spec.op,
        spec.inputs.map((i) => i.key),
      ),
      this.intern(spec.label),
      st.onbuild,
      st.pruned,
      spec.op,
    );
    if (this.sink === null) this.nodes.push(node);
    else this.sink.add(node, spec.key ?? spec.op);
    this.records?.push(spec.key === undefined ? undefined : { hashed: spec.key, env: spec.env ?? null });
    const writes = spec.writes ?? (spec.kind === "config" ? [] : "all");
    // A config node is never a stage's head nor the previous filesystem of one, so no content key walks to it.
    if (writes !== "all" && spec.kind !== "config") {
      const prev = spec.inputs.find((i) => i.kind === "prev" || i.kind === "base");
      const others = spec.inputs.filter((i) => i !== prev);
      this.writers.set(id, {
        prev: prev?.id ?? null,
        prevKey: prev?.key ?? "",
        // A written path with a wildcard (a --parents pattern) may write anywhere under its fixed folders.
        writes:
          writes.length === 0
            ? emptyList
            : writes.length === 1
              ? this.intern(selectedPath(writes[0] as string))
              : writes.map((w) => this.intern(selectedPath(w))),
        local:
          writes.length === 0
            ? ""
            : cacheKey(
                spec.op,
                others.map((i) => i.key),
              ),
      });
    }
    return node;
  }

  /**
   * The strings nodes keep, each text once: a generated file repeats its paths, platforms, values and labels in
   * every block, and each node kept a copy of each (a label made by joining texts, a tree of the pieces). Cleared
   * when full, so that a file of texts that never repeat costs the map at most its limit.
   */
  private readonly strings = new Map<string, string>();

  /** Nodes added so far. */
  private added = 0;

  /** The one copy of a text among the plan's, once the plan is large (below that, the map costs more than it saves). */
  private intern(text: string): string {
    if (this.added < internFrom) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size >= internLimit) this.strings.clear();
    this.strings.set(text, text);
    return text;
  }

  /**
   * Replaces an operation's lists by copies of their exact size (empty ones by one shared list), and in a large
   * plan its texts, its lists' texts and the texts of the objects its lists hold (a copy's sources) by their one
   * copy (`intern`). An array filled by `push`, a spread or `filter` keeps room for 17 elements (about 150 bytes)
   * however few it holds, and a generated file's plan keeps millions of them. The values are the same.
   */
  private pack(op: Record<string, unknown>): void {
    const interns = this.added >= internFrom;
    for (const key of Object.keys(op)) {
      const value = op[key];
      if (typeof value === "string" && interns) op[key] = this.intern(value);
      else if (Array.isArray(value))
        op[key] =
          value.length === 0
            ? emptyList
            : interns
              ? value.map((v: unknown) =>
                  typeof v === "string" ? this.intern(v) : (this.internFields(v), v),
                )
              : value.slice();
    }
  }

  /** Replaces the texts of a plain object the operation made (a copy's source, a mount) by their one copy. */
  private internFields(value: unknown): void {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return;
    const fields = value as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const v = fields[key];
      if (typeof v === "string") fields[key] = this.intern(v);
    }
  }

  /**
   * What each filesystem node that does not write everything writes (one path as itself, not a list of one), its
   * key without the previous filesystem's, and the previous filesystem's node and key. Nodes that may write
   * anything have no entry: a walk stops at them and takes the key it came with, so no map of every node's key
   * is kept beside this one.
   */
  private readonly writers = new Map<
    string,
    { prev: string | null; prevKey: string; writes: string | readonly string[]; local: string }
  >();

  /**
   * A key for the content of `path` in the filesystem of node `head`, as BuildKit keys a `COPY --from` (and a
   * read-only mount `from=`) on the checksum of the files it selects (solver/llbsolver/ops/file.go and exec.go,
   * `NewContentHashFunc`). The walk goes down the chain of previous filesystems and keeps only the nodes that
   * may write under `path`: a step that writes elsewhere (a COPY to another folder, a config step) cannot change
   * those files. It stops at a step that may write anything (a RUN, a base image), whose whole key stands for the
   * content, and after `contentWalkLimit` steps, so that a long chain costs a constant per copy.
   */
  contentKey(head: string | null, headKey: string, path: string): string {
    const selected = selectedPath(path);
    const parts: string[] = [];
    // A node's key travels with its id: each step's input names both (a stage's head and its key, a previous
    // filesystem and its key).
    let id = head;
    let key = headKey;
    for (let steps = 0; id !== null; steps++) {
      const w = this.writers.get(id);
      if (w === undefined || steps >= contentWalkLimit) {
        parts.push(key);
        break;
      }
      const writes = w.writes;
      if (typeof writes === "string" ? overlaps(writes, selected) : writes.some((d) => overlaps(d, selected)))
        parts.push(w.local);
      id = w.prev;
      key = w.prevKey;
    }
    return cacheKey({ content: selected }, parts);
  }

  /** Adds a filesystem node that replaces the stage's head. */
  addLayer(st: StageState, spec: Parameters<PlanBuilder["addNode"]>[1], history: string | null): PlanNode {
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

  /**
   * Appends an image history entry the way BuildKit's commitToHistory does. The text may be given as a function,
   * made each time it is read: a RUN's lists every ARG in scope, and n RUNs keeping theirs would hold n² of them.
   */
  history(st: StageState, createdBy: string | (() => string), withLayer: boolean, node: string): void {
    // Only the target's chain of stages has its history read (the image's); other stages keep none.
    if (!st.keepsHistory) return;
    const created = this.created();
    const suffix = withLayer ? " # buildkit" : "";
    if (typeof createdBy === "string")
      st.history.push({
        created_by: createdBy + suffix,
        ...(created !== null ? { created } : {}),
        comment: "buildkit.dockerfile.v0",
        empty_layer: !withLayer,
        node,
      });
    else
      st.history.push(
        new LazyHistoryEntry(() => createdBy() + suffix, created, "buildkit.dockerfile.v0", !withLayer, node),
      );
  }

  private epoch: string | null | undefined;

  /**
   * The time `SOURCE_DATE_EPOCH` sets, as the image config writes it (RFC 3339, UTC), or null. BuildKit reads it
   * from the build args, else from a global ARG with a non-empty value (convert.go, getBuildArgValue), and stamps
   * every history entry the Dockerfile adds and the image's `created` with it. A value that is not a number of
   * seconds names a context or stage whose files' time BuildKit reads; the planner cannot know it.
   */
  created(): string | null {
    if (this.epoch !== undefined) return this.epoch;
    const value = this.buildArgs.get(sourceDateEpoch) ?? this.globalArgs.get(sourceDateEpoch) ?? "";
    const seconds = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
    const time = new Date(seconds * 1000);
    this.epoch = Number.isNaN(time.getTime()) ? null : time.toISOString().replace(".000Z", "Z");
    return this.epoch;
  }

  private stageNames: Map<string, number> | null = null;

  /** The first stage named so (names compare lower-cased, as BuildKit stores them), from one map built once. */
  stageNamed(name: string): number | null {
    if (this.stageNames === null) {
      this.stageNames = new Map();
      for (const [i, s] of this.ast.stages.entries())
        if (s.name !== null && !this.stageNames.has(s.name)) this.stageNames.set(s.name, i);
    }
    return this.stageNames.get(name.toLowerCase()) ?? null;
  }

  /**
   * The named build context a name stands for: `image` set for `docker-image://REF`, null when there is none.
   * Names match as given, or as the same image reference (`alpine` and `docker.io/library/alpine:latest`).
   */
  namedContext(name: string): { value: string; image?: string } | null {
    const contexts = this.options.buildContexts ?? {};
    const key = namedContextKey(contexts, name);
    if (key === undefined) return null;
    const value = contexts[key] as string;
    return value.startsWith("docker-image://")
      ? { value, image: value.slice("docker-image://".length) }
      : { value };
  }

  /** Adds a source node for a named build context read by `COPY --from` or a mount `from=`. */
  contextSource(st: StageState, name: string, value: string): { id: string; key: string } {
    const node = this.addNode(st, {
      id: `s${st.index}.${st.ordinal}.src`,
      instruction: "FROM",
      kind: "source",
      layer: false,
      label: `context ${name}=${value}`,
      op: { op: "source", context: name, value, platform: st.platform },
      inputs: [],
    });
    return { id: node.id, key: node.cacheKey };
  }

  /** The config given for a base image, matched on the reference's canonical spelling. */
  baseImage(ref: string): BaseImage | null {
    return this.baseImages.get(normalizeReference(ref)) ?? null;
  }

  /** The placeholder for the content of a context path, which changes when a changed path falls under it. */
  contextContent(path: string, excludes: IgnoreMatcher | null = null): string {
    return contentPlaceholder(path, this.changedPaths, this.ignore, excludes);
  }

  /** Records that a node reads a context path. */
  useContext(node: string, path: string): void {
    this.contextSources.push({ node, path: this.intern(path) });
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

/**
 * A node of the plan. Its JSON is what `hull plan --format json` lists for it (all but the range), so that the
 * JSON output can write the plan's nodes as they are, one by one, rather than a copy of each made up front.
 *
 * A plan of a generated file has millions of nodes, so each keeps little, and makes the rest when read (equal but
 * not identical from one read to the next): its range and line from the AST node it was made for, which makes its
 * range from its offsets when read (a range and its two positions are three objects, about 136 bytes; six numbers
 * kept here were 48, and the plan's readers hold its AST anyway), its stage, kind and flags from one number, a
 * lone input as its id (a list of one is two objects), and the kinds of its inputs packed in one number, from
 * which the plan's edges are made when read (`planEdges`) rather than kept as one object each. What is made on
 * read is on the prototype, so a spread (`{ ...node }`) copies only what is kept: copy a node field by field.
 */
export class PlanStep implements PlanNode {
  /** The AST node the step was made for, whose range is the step's. */
  private readonly at: Located;
  /** The stage times 64, plus the kind's index times 8, plus 4 if a layer, 2 if from ONBUILD, 1 if pruned. */
  private readonly bits: number;
  /** The input ids: none (one shared empty list), one (the id itself, not a list of one) or a list. */
  private readonly ids: string | readonly string[];
  /** The kind of each input: 3 bits each, or a list when there are more than fit in one small integer. */
  private readonly kinds: number | readonly EdgeKind[];

  constructor(
    readonly id: string,
    stage: number,
    at: Located,
    readonly instruction: string,
    kind: NodeKind,
    layer: boolean,
    /** The inputs; those with a null id (an image's, a context's) are not nodes, and are left out. */
    inputs: readonly { id: string | null; kind: EdgeKind }[],
    readonly cacheKey: string,
    readonly label: string,
    onbuild: boolean,
    pruned: boolean,
    readonly op: Readonly<Record<string, unknown>>,
  ) {
    this.at = at;
    this.bits =
      stage * 64 + nodeKinds.indexOf(kind) * 8 + (layer ? 4 : 0) + (onbuild ? 2 : 0) + (pruned ? 1 : 0);
    // One pass, which makes no list for the nodes of one input (most) and packs the kinds 3 bits each.
    let count = 0;
    let kinds = 0;
    let first = "";
    for (const input of inputs) {
      if (input.id === null) continue;
      if (count === 0) first = input.id;
      if (count < packedInputs) kinds += edgeKinds.indexOf(input.kind) << (count * kindBits);
      count++;
    }
    this.ids = count === 0 ? emptyList : count === 1 ? first : inputIds(inputs);
    this.kinds = count > packedInputs ? inputs.filter((i) => i.id !== null).map((i) => i.kind) : kinds;
  }

  get stage(): number {
    return (this.bits - (this.bits % 64)) / 64;
  }

  get kind(): NodeKind {
    return nodeKinds[(this.bits % 64) >> 3] as NodeKind;
  }

  get layer(): boolean {
    return (this.bits & 4) !== 0;
  }

  get onbuild(): boolean {
    return (this.bits & 2) !== 0;
  }

  get pruned(): boolean {
    return (this.bits & 1) !== 0;
  }

  /** A new list on each read when there is one input. */
  get inputs(): readonly string[] {
    return typeof this.ids === "string" ? [this.ids] : this.ids;
  }

  get range(): Range {
    return this.at.range;
  }

  get line(): number {
    return this.at.range.start.line;
  }

  /** The kind of the input `inputs[k]`. */
  inputKind(k: number): EdgeKind {
    const kinds = this.kinds;
    return typeof kinds === "number"
      ? (edgeKinds[(kinds >> (k * kindBits)) & kindMask] as EdgeKind)
      : (kinds[k] as EdgeKind);
  }

  toJSON(): Record<string, unknown> {
    return nodeJson(this);
  }
}

/** The plan's edges, made from its nodes' inputs: one per input, node by node, in the order they were added. */
export function planEdges(nodes: readonly PlanStep[]): PlanEdge[] {
  let count = 0;
  for (const n of nodes) count += n.inputs.length;
  const edges = new Array<PlanEdge>(count);
  let e = 0;
  for (const n of nodes)
    for (let k = 0; k < n.inputs.length; k++)
      edges[e++] = { from: n.inputs[k] as string, to: n.id, kind: n.inputKind(k) };
  return edges;
}

const edgeKinds: readonly EdgeKind[] = ["prev", "base", "copy-from", "mount-from", "source"];
const nodeKinds: readonly NodeKind[] = ["source", "exec", "file", "merge", "config"];
const kindBits = 3;
const kindMask = (1 << kindBits) - 1;
/** Inputs whose kinds pack into one small integer (3 bits each, under V8's 31-bit small integers). */
const packedInputs = 10;

/** The ids of the inputs that are nodes, in an array of just their number (`filter` and `flatMap` leave room). */
function inputIds(inputs: readonly { id: string | null }[]): readonly string[] {
  let n = 0;
  for (const i of inputs) if (i.id !== null) n++;
  if (n === inputs.length) return inputs.map((i) => i.id as string);
  const ids = inputs.slice(0, n).map(() => "");
  let k = 0;
  for (const i of inputs) if (i.id !== null) ids[k++] = i.id;
  return ids;
}

const emptyList: readonly never[] = Object.freeze([]);

/** The nodes a plan has before `intern` keeps one copy of each text: few files have as many. */
const internFrom = 1024;

/** Texts `intern` keeps at most before it starts again. */
const internLimit = 1 << 16;

/** The build arg that fixes the image's timestamps (a BuildKit built-in, Dockerfile 1.5). */
export const sourceDateEpoch = "SOURCE_DATE_EPOCH";

/** Steps a content key walks down a chain before it takes the whole key of where it stands. */
const contentWalkLimit = 256;

/** The part of a source path a glob cannot change: the folders before its first wildcard. */
function selectedPath(p: string): string {
  const parts = p.split("/");
  const glob = parts.findIndex((part) => /[*?[\\]/.test(part));
  return glob < 0 ? p : parts.slice(0, glob).join("/") || "/";
}

/** Whether a write to `dest` can change what lies under `path` (one contains the other). */
function overlaps(dest: string, path: string): boolean {
  const d = dest.length > 1 && dest.endsWith("/") ? dest.slice(0, -1) : dest;
  const p = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  return d === p || d === "/" || p === "/" || p.startsWith(`${d}/`) || d.startsWith(`${p}/`);
}

/** Problems BuildKit finds only while dispatching a stage, which it never does for pruned stages. */
const dispatchTimeCodes = new Set([
  "expansion-error",
  "bad-expose",
  "bad-stop-signal",
  "invalid-mount-target",
  "invalid-mount",
  "empty-volume",
  "bad-chmod",
  "bad-checksum",
  "copy-remote-source",
  "workdir-too-long",
]);

/** A zero-width range at the start of the file, for problems that have no better place. */
export function fileStart(ast: Dockerfile): Range {
  const p = { offset: ast.range.start.offset, line: 1, column: 1 };
  return { start: p, end: p };
}
