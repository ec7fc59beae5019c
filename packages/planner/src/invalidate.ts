import type { Dockerfile } from "@hull/parser";
import type { BuildPlan, PlanNode, PlanOptions } from "./model.js";
import { buildPlan } from "./plan.js";
import { sha256Prefix, stableJson, stableJsonAround } from "./hash.js";
import type { NodeRecord } from "./builder.js";
import type { EnvList } from "./env.js";
import { ExecOp } from "./exec-op.js";

/** What changed since the last build: context paths and build arg values. */
export interface InvalidationChange {
  /** Context paths (relative to the context root) whose content changed. */
  readonly paths?: readonly string[];
  /** Build args with their new values (an empty string counts as a value). */
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/** A node that loses its cache, and why. */
export interface InvalidatedNode {
  readonly id: string;
  readonly cause: "context" | "build-arg" | "input" | "operation";
  readonly reason: string;
  /**
   * True for a `COPY --from` rebuilt only because its source stage was: BuildKit keys the copy on the content of
   * the files it copies, so it stays cached when they come out the same, which the planner cannot know.
   */
  readonly maybeCached?: boolean;
}

/** Which nodes rebuild and which stay cached after a change. */
export interface Invalidation {
  readonly invalidated: readonly InvalidatedNode[];
  /** Unpruned filesystem nodes whose cache key is unchanged. */
  readonly cached: readonly string[];
  /** The plan after the change (its cache keys are the new ones). */
  readonly plan: BuildPlan;
}

/** A node of a plan with what its cache key hashes and the environment version its operation lists. */
interface Step {
  readonly node: PlanNode;
  /** What the node's cache key hashes: its operation, or for a RUN the operation with its env's digest. */
  readonly hashed: unknown;
  /** The env version a RUN's `op.env` lists when read; null for other nodes. */
  readonly env: EnvList | null;
}

/**
 * Plans before and after a change and compares cache keys node by node; a changed key means a cache miss.
 *
 * Each RUN's operation lists the whole environment of its moment, so a stage of n ARG+RUN pairs lists n² entries.
 * Nothing here lists them: whether a node's own operation changed compares what its key hashes (the env's digest
 * in place of the list), and searching an operation's text for a changed build arg or a changed context path
 * reads the env list chunk by chunk, each chunk summarized once however many versions share it.
 */
export function invalidate(ast: Dockerfile, options: PlanOptions, change: InvalidationChange): Invalidation {
  const old = new Previous(ast, options);
  const changedArgs = Object.entries(change.buildArgs ?? {}).filter(([k, v]) => options.buildArgs?.[k] !== v);
  const afterRecords: (NodeRecord | undefined)[] = [];
  const after = buildPlan(
    ast,
    {
      ...options,
      buildArgs: { ...(options.buildArgs ?? {}), ...(change.buildArgs ?? {}) },
      changedPaths: change.paths ?? [],
    },
    afterRecords,
  );
  const search: Search = {
    invalid: new Map(),
    alias: new Map(),
    args: changedArgs.map(([k, v]) => ({
      name: k,
      key: new Needle(`${k}=`),
      value: v === "" ? null : new Needle(v),
    })),
    placeholders: new WeakMap(),
  };
  const { invalid, alias } = search;
  const cached: string[] = [];
  // A FROM of an earlier stage builds nothing; it only forwards its parent's state, so it is never listed.
  for (const [i, node] of after.nodes.entries()) {
    if (node.pruned || node.kind === "config") continue;
    const prev = old.find(i, node.id);
    const isAlias = node.op["op"] === "stage";
    if (isAlias && node.inputs[0] !== undefined) alias.set(node.id, node.inputs[0]);
    if (prev >= 0 && old.sameKey(prev, node.cacheKey)) {
      if (!isAlias) cached.push(node.id);
      continue;
    }
    invalid.set(node.id, explain(step(node, afterRecords[i]), old, prev, search));
  }
  return { invalidated: [...invalid.values()].filter((i) => !alias.has(i.id)), cached, plan: after };
}

/**
 * The plan before the change, as much of it as comparing needs: each node's id, cache key and the digest of what
 * the key hashes, in plan order, the keys and digests as numbers in one typed array. The plan itself is made
 * without keeping its nodes (a `NodeSink` reads each as it is added): keeping them, then columns of hex strings,
 * made the plan before the change as large as the plan after it.
 */
class Previous {
  private readonly ids: string[] = [];
  /** Per node: the cache key's 64 bits, then the operation digest's 128 bits, as 32-bit words. */
  private words = new Uint32Array(wordsPerNode * 1024);
  private byId: Map<string, number> | null = null;

  constructor(ast: Dockerfile, options: PlanOptions) {
    buildPlan(ast, { ...options, changedPaths: [] }, null, {
      add: (node, hashed) => {
        const at = this.ids.length * wordsPerNode;
        if (at + wordsPerNode > this.words.length) {
          const grown = new Uint32Array(this.words.length * 2);
          grown.set(this.words);
          this.words = grown;
        }
        this.ids.push(node.id);
        hexWords(node.cacheKey, this.words, at);
        hexWords(operationDigest(hashed), this.words, at + keyWords);
      },
    });
  }

  /**
   * Where a node's version is, or -1: most often at the same position, as both plans are made from one AST and
   * their nodes line up unless the change turned a base or a source into another kind; a map of every id is made
   * only when some node is not in its place.
   */
  find(position: number, id: string): number {
    // Source nodes of a RUN's mounts may share an id (the last one counts): those are looked up by id.
    if (this.ids[position] === id && !id.endsWith(".src")) return position;
    this.byId ??= new Map(this.ids.map((n, k) => [n, k]));
    return this.byId.get(id) ?? -1;
  }

  /** Whether the node at `k` had this cache key. */
  sameKey(k: number, key: string): boolean {
    return this.same(k * wordsPerNode, key);
  }

  /** Whether the node at `k` hashed an operation with this digest (`operationDigest`). */
  sameOperation(k: number, digest: string): boolean {
    return this.same(k * wordsPerNode + keyWords, digest);
  }

  private same(at: number, hex: string): boolean {
    for (let w = 0; w < hex.length / 8; w++)
      if (this.words[at + w] !== Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16)) return false;
    return true;
  }
}

/** 32-bit words of a cache key (16 hex digits) and of an operation digest (32). */
const keyWords = 2;
const wordsPerNode = keyWords + 4;

/** Writes a hex text's 32-bit words (8 digits each) at `at`. */
function hexWords(hex: string, out: Uint32Array, at: number): void {
  for (let w = 0; w < hex.length / 8; w++) out[at + w] = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16);
}

/** A digest of an operation's stable JSON (128 bits): equal exactly when the texts are, but for a collision. */
function operationDigest(hashed: unknown): string {
  return sha256Prefix(stableJson(hashed), 16);
}

function step(node: PlanNode, record: NodeRecord | undefined): Step {
  return record ? { node, hashed: record.hashed, env: record.env } : { node, hashed: node.op, env: null };
}

/** What explaining a node needs: the nodes found so far, and the searches for each changed build arg. */
interface Search {
  readonly invalid: Map<string, InvalidatedNode>;
  readonly alias: Map<string, string>;
  /** For each changed build arg, the texts whose presence in an operation ties it to the arg. */
  readonly args: readonly { name: string; key: Needle; value: Needle | null }[];
  /** The changed content placeholders among each env chunk's entries. */
  readonly placeholders: WeakMap<object, readonly string[]>;
}

/** Why a node rebuilds; `prev` is where its version before the change is in `old`, or -1 for a new node. */
function explain(s: Step, old: Previous, prev: number, search: Search): InvalidatedNode {
  const { node } = s;
  const direct = node.inputs.find((i) => search.invalid.has(i));
  const input = direct === undefined ? undefined : (search.alias.get(direct) ?? direct);
  // Equal hashed values list equal operations: a RUN's env digest is equal exactly when its list is.
  const own = prev < 0 || !old.sameOperation(prev, operationDigest(s.hashed));
  if (own) {
    const changed = changedContent(s, search.placeholders);
    if (changed.length > 0)
      return { id: node.id, cause: "context", reason: `context changed: ${changed.join(", ")}` };
    // An arg is part of the operation when its `K=` or its new value shows in the operation's stable JSON.
    const text = opText(s);
    const args = search.args
      .filter((a) => a.key.foundIn(text) || (a.value !== null && a.value.foundIn(text)))
      .map((a) => a.name);
    if (args.length > 0)
      return {
        id: node.id,
        cause: "build-arg",
        reason: `build arg ${args.join(", ")} changed and is part of the operation`,
      };
    if (input === undefined)
      return {
        id: node.id,
        cause: "operation",
        reason: prev >= 0 ? "the resolved operation changed" : "new node",
      };
  }
  if (input !== undefined) {
    const fromStage = typeof node.op["from"] === "string" && node.op["from"].startsWith("stage:");
    const prevRebuilt = node.inputs[0] !== undefined && search.invalid.has(node.inputs[0]);
    return {
      id: node.id,
      cause: "input",
      reason: `input ${input} is rebuilt`,
      ...(fromStage && node.kind === "file" && !prevRebuilt ? { maybeCached: true } : {}),
    };
  }
  return { id: node.id, cause: "operation", reason: "an input's cache key changed" };
}

/** A changed content placeholder, `context:<source>@changed:<paths>`. */
const placeholder = /^context:(.*)@changed:(.*)$/;

/** The changed context sources an operation reads, in the order its fields list them (a RUN's env in its place). */
function changedContent(s: Step, memo: WeakMap<object, readonly string[]>): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      const m = placeholder.exec(v);
      if (m) out.push(`${m[2]} (under source ${m[1]})`);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  // Keys, not values: reading a RUN's `env` would list it.
  const op = s.node.op;
  for (const key of op instanceof ExecOp ? ExecOp.keys : Object.keys(op)) {
    if (key === "env" && s.env !== null)
      s.env
        .fold(
          memo,
          (texts) => matching(texts.filter((t) => placeholder.test(t))),
          (parts) => matching(parts.flat()),
        )
        .forEach(visit);
    else visit(s.node.op[key]);
  }
  return out;
}

const none: readonly string[] = [];

/** The list, or one shared empty list, so that the chunks without a match (nearly all) hold no array of their own. */
function matching(list: readonly string[]): readonly string[] {
  return list.length === 0 ? none : list;
}

/**
 * An operation's stable JSON, as text or, for a RUN, as the text around its env and the env list itself, which is
 * searched chunk by chunk.
 */
type OpText =
  { readonly whole: string } | { readonly before: string; readonly env: EnvList; readonly after: string };

function opText(s: Step): OpText {
  if (s.env === null) return { whole: stableJson(s.node.op) };
  const [before, after] = stableJsonAround(s.node.op, "env");
  return { before, env: s.env, after };
}

/**
 * What a search for the needle needs to know of a piece of text: whether the needle is in it, and its first and
 * last (needle length − 1) characters, where a match may start in one piece and end in the next.
 */
interface Piece {
  readonly found: boolean;
  readonly length: number;
  readonly head: string;
  readonly tail: string;
}

/** A text searched for in operations, a RUN's env list summarized chunk by chunk, each chunk once. */
class Needle {
  private readonly edge: number;
  private readonly chunks = new WeakMap<object, Piece>();
  private readonly comma: Piece;

  constructor(private readonly text: string) {
    this.edge = text.length - 1;
    this.comma = this.piece(",");
  }

  /** Whether the needle occurs in the operation's stable JSON. */
  foundIn(op: OpText): boolean {
    if ("whole" in op) return op.whole.includes(this.text);
    // The env lists as stableJson lists an array of strings: `[` the JSON strings joined by `,` `]`.
    const list = op.env.fold(
      this.chunks,
      (texts) => this.piece(texts.map((t) => JSON.stringify(t)).join(",")),
      (parts) => parts.reduce((all, p) => this.join(this.join(all, this.comma), p)),
    );
    return this.join(this.join(this.piece(`${op.before}[`), list), this.piece(`]${op.after}`)).found;
  }

  private piece(text: string): Piece {
    return {
      found: text.includes(this.text),
      length: text.length,
      head: text.slice(0, this.edge),
      tail: text.slice(Math.max(0, text.length - this.edge)),
    };
  }

  /** The piece for two pieces' texts one after the other. */
  private join(a: Piece, b: Piece): Piece {
    const edge = this.edge;
    const tails = a.tail + b.tail;
    return {
      found: a.found || b.found || (a.tail + b.head).includes(this.text),
      length: a.length + b.length,
      head: a.length >= edge ? a.head : (a.head + b.head).slice(0, edge),
      tail: b.length >= edge ? b.tail : tails.slice(Math.max(0, tails.length - edge)),
    };
  }
}
