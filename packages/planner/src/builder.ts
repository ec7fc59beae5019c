import type { Dockerfile, ExpandOptions, Range } from "@hull/parser";
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
import { defaultBuildPlatform, parsePlatform, type Platform } from "./platform.js";
import type { ResolvedStage } from "./dispatch/from.js";
import { envMap, type StageState } from "./state.js";
import type { BaseImage } from "./base-image.js";
import { normalizeReference } from "./reference.js";

/** Everything a dispatcher needs: the options, the graph being built and helpers that report and add nodes.
 * (Named for what it builds, the plan; Docker's "build context" is the file set `context.ts` models.) */
export class PlanBuilder {
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
  private readonly baseImages = new Map<string, BaseImage>();

  constructor(
    readonly ast: Dockerfile,
    readonly options: PlanOptions,
  ) {
    this.buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
    this.changedPaths = options.changedPaths ?? [];
    this.ignore = createIgnore(options.dockerignore ?? "");
    this.escape = ast.escapeChar === "`" ? "`" : "\\";
    for (const [ref, image] of Object.entries(options.imageConfigs ?? {}))
      this.baseImages.set(normalizeReference(ref), image);
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
    // A trigger from a base image's config has no place in this file: its problems belong to the FROM.
    if (this.current?.foreign === true) range = this.current.at;
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

  /**
   * Whether a word names a variable the stage's environment lacks while that environment is not fully known
   * (an image base whose config was not given): its value then depends on the base image's ENV.
   */
  unresolved(st: StageState, text: string): boolean {
    if (st.envKnown || !text.includes("$")) return false;
    return expandOne(text, envMap(st.env, st.os), this.expandOptions(st)).missing.length > 0;
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

  /** Appends an image history entry the way BuildKit's commitToHistory does. */
  history(st: StageState, createdBy: string, withLayer: boolean, node: string): void {
    st.history.push({
      created_by: withLayer ? `${createdBy} # buildkit` : createdBy,
      comment: "buildkit.dockerfile.v0",
      empty_layer: !withLayer,
      node,
    });
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
    const key =
      name in contexts
        ? name
        : Object.keys(contexts).find((k) => normalizeReference(k) === normalizeReference(name));
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

  /** The node with this id. */
  node(id: string): PlanNode | undefined {
    return this.nodeIndex.get(id);
  }

  /** The placeholder for the content of a context path, which changes when a changed path falls under it. */
  contextContent(path: string, excludes: IgnoreMatcher | null = null): string {
    return contentPlaceholder(path, this.changedPaths, this.ignore, excludes);
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

/** Problems BuildKit finds only while dispatching a stage, which it never does for pruned stages. */
const dispatchTimeCodes = new Set([
  "expansion-error",
  "bad-expose",
  "bad-stop-signal",
  "invalid-mount-target",
  "empty-volume",
  "bad-chmod",
  "bad-checksum",
  "copy-remote-source",
]);

/** A zero-width range at the start of the file, for problems that have no better place. */
export function fileStart(ast: Dockerfile): Range {
  const p = { offset: ast.range.start.offset, line: 1, column: 1 };
  return { start: p, end: p };
}
