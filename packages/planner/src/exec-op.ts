import type { HistoryEntry } from "./model.js";
import type { EnvList } from "./env.js";

// A generated file can hold millions of RUNs, and each keeps its operation and (in the target's chain of stages)
// a history entry whose `env` and `created_by` are listed only when read. As object literals with getters each
// of them was an object of its own shape, with a closure and its context: about 750 bytes a RUN. As instances of
// these classes they share one shape and the getters are on the prototype; `toJSON` writes them as before.

const LIST: unique symbol = Symbol("list");

/** A RUN's operation: its env is listed from the environment version the RUN ran with each time it is read. */
export class ExecOp {
  /** Read as plan nodes' operations are, by key. */
  [key: string]: unknown;
  readonly op = "exec";
  declare private readonly [LIST]: EnvList;

  /** The keys the operation's JSON lists, in order. */
  static readonly keys = ["op", "argv", "env", "cwd", "user", "network", "security", "mounts", "platform"];

  constructor(
    readonly argv: readonly string[],
    list: EnvList,
    readonly cwd: string,
    readonly user: string,
    readonly network: string,
    readonly security: string,
    readonly mounts: readonly Record<string, unknown>[],
    readonly platform: string,
  ) {
    this[LIST] = list;
  }

  /** The environment the RUN ran with, `K=V` in BuildKit's order, listed anew on each read. */
  get env(): string[] {
    return this[LIST].texts();
  }

  /** The plain object the operation stands for, with its env listed. */
  toJSON(): Record<string, unknown> {
    return {
      op: this.op,
      argv: this.argv,
      env: this.env,
      cwd: this.cwd,
      user: this.user,
      network: this.network,
      security: this.security,
      mounts: this.mounts,
      platform: this.platform,
    };
  }
}

const TEXT: unique symbol = Symbol("text");

/**
 * A history entry whose `created_by` is made each time it is read (a RUN's, which lists every ARG in scope: n RUNs
 * keeping theirs would hold n² of them).
 */
export class LazyHistoryEntry implements HistoryEntry {
  declare private readonly [TEXT]: () => string;
  declare readonly created?: string;

  constructor(
    text: () => string,
    created: string | null,
    readonly comment: string,
    readonly empty_layer: boolean,
    readonly node: string,
  ) {
    this[TEXT] = text;
    if (created !== null) this.created = created;
  }

  get created_by(): string {
    return this[TEXT]();
  }

  /** The plain object the entry stands for, keys in the order of the other entries. */
  toJSON(): Record<string, unknown> {
    return {
      created_by: this.created_by,
      ...(this.created !== undefined ? { created: this.created } : {}),
      comment: this.comment,
      empty_layer: this.empty_layer,
      node: this.node,
    };
  }
}
