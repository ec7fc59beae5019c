import { hash } from "node:crypto";

/** One environment entry: name and value. */
export type EnvEntry = readonly [string, string];

/** An entry as the list keeps it: with its `K=V` text, made once when it is set rather than each time it is listed. */
type Stored = readonly [key: string, value: string, text: string];

/** Bits of an index each level of the trie takes: 16 entries or children per chunk. */
const bits = 4;
const width = 1 << bits;
const mask = width - 1;

/** A node of the trie: entries at the bottom level, child chunks above it. Never changed once made. */
interface Chunk {
  readonly items: readonly (Stored | Chunk)[];
  /** The chunk's digest, filled on first use; a pure function of `items`, so a shared chunk may cache it. */
  digest: string | undefined;
}

const emptyChunk: Chunk = { items: [], digest: undefined };

/**
 * An ordered environment list (`K=V` entries in the order names were first set), as one immutable value.
 *
 * Every RUN runs with the environment of its moment, and BuildKit lists all of it in the RUN's operation, so a
 * stage of n ARG+RUN pairs holds n versions of a list growing to n entries. Copying the list for each RUN made
 * planning quadratic; this list is a persistent vector instead (a 16-way trie indexed by position, as Clojure's
 * vectors are): setting an entry copies only the path to it, so a version costs a few small arrays however long
 * the list, and versions share everything else. A version is listed only when its entries are read.
 *
 * Each chunk hashes its entries' text, or its children's digests, once: the list's `digest` is a Merkle root over
 * the entries in order, so a RUN's cache key costs the hashes along the changed path, not the whole list.
 */
export class EnvList {
  private constructor(
    /** The number of entries. */
    readonly size: number,
    private readonly root: Chunk,
    /** Bits of the index below the root's level: 0 when the root holds entries. */
    private readonly shift: number,
  ) {}

  /** The empty list. */
  static readonly empty: EnvList = new EnvList(0, emptyChunk, 0);

  /** A list of these entries. */
  static of(entries: Iterable<EnvEntry>): EnvList {
    let list = EnvList.empty;
    for (const e of entries) list = list.set(list.size, e);
    return list;
  }

  /** The entry at `index` (0 ≤ index < size), with its `K=V` text. */
  get(index: number): Stored {
    let chunk = this.root;
    for (let shift = this.shift; shift > 0; shift -= bits)
      chunk = chunk.items[(index >>> shift) & mask] as Chunk;
    return chunk.items[index & mask] as Stored;
  }

  /** A list with `entry` at `index`, replacing the entry there or, at `size`, appended. */
  set(index: number, [key, value]: EnvEntry): EnvList {
    const entry: Stored = [key, value, `${key}=${value}`];
    if (index === this.size && this.size === width << this.shift) {
      // The trie is full: a new root level holds the old root and a path to the new entry.
      const root = { items: [this.root, path(this.shift, entry)], digest: undefined };
      return new EnvList(this.size + 1, root, this.shift + bits);
    }
    const size = index === this.size ? this.size + 1 : this.size;
    return new EnvList(size, assoc(this.root, this.shift, index, entry), this.shift);
  }

  /** The entries in order. */
  entries(): EnvEntry[] {
    return this.stored().map(([k, v]) => [k, v]);
  }

  /** The entries as BuildKit lists them, `K=V`. */
  texts(): string[] {
    return this.stored().map((e) => e[2]);
  }

  private stored(): Stored[] {
    const out: Stored[] = [];
    const walk = (chunk: Chunk, shift: number): void => {
      if (shift === 0) for (const e of chunk.items) out.push(e as Stored);
      else for (const c of chunk.items) walk(c as Chunk, shift - bits);
    };
    walk(this.root, this.shift);
    return out;
  }

  /**
   * Summarizes the entries' `K=V` texts chunk by chunk: `leaf` summarizes the texts of a bottom chunk, `join` the
   * summaries of a chunk's children, in order. Versions of a list share all but the chunks on the paths they
   * changed, so with one `memo` kept across calls each chunk is summarized once: summarizing every version a
   * stage's RUNs hold costs the chunks each version added, not its length.
   */
  fold<T>(
    memo: WeakMap<object, T>,
    leaf: (texts: readonly string[]) => T,
    join: (parts: readonly T[]) => T,
  ): T {
    const visit = (chunk: Chunk, shift: number): T => {
      const known = memo.get(chunk);
      if (known !== undefined) return known;
      const value =
        shift === 0
          ? leaf(chunk.items.map((e) => (e as Stored)[2]))
          : join(chunk.items.map((c) => visit(c as Chunk, shift - bits)));
      memo.set(chunk, value);
      return value;
    };
    return visit(this.root, this.shift);
  }

  /**
   * A digest of the entries in order: equal lists have equal digests however they were made, and a different
   * entry, order or length gives a different one (sha256 over the `K=V` texts of each chunk, then over the
   * chunks' digests up to the root, and the length, which fixes the trie's shape).
   */
  digest(): string {
    return sha256(`list ${this.size} ${chunkDigest(this.root, this.shift)}`);
  }
}

function assoc(chunk: Chunk, shift: number, index: number, entry: Stored): Chunk {
  const { items } = chunk;
  const i = (index >>> shift) & mask;
  const item =
    shift === 0
      ? entry
      : i < items.length
        ? assoc(items[i] as Chunk, shift - bits, index, entry)
        : path(shift - bits, entry);
  // A copy of exactly the new length: a copy written past its end keeps room for about twenty more items, in every
  // version a plan keeps (each RUN's env).
  return { items: i < items.length ? items.with(i, item) : items.toSpliced(i, 0, item), digest: undefined };
}

/** A chain of chunks from level `shift` down to one holding only `entry`. */
function path(shift: number, entry: Stored): Chunk {
  let chunk: Chunk = { items: [entry], digest: undefined };
  for (let s = 0; s < shift; s += bits) chunk = { items: [chunk], digest: undefined };
  return chunk;
}

function chunkDigest(chunk: Chunk, shift: number): string {
  if (chunk.digest !== undefined) return chunk.digest;
  const text =
    shift === 0
      ? `entries ${JSON.stringify(chunk.items.map((e) => (e as Stored)[2]))}`
      : `chunks ${chunk.items.map((c) => chunkDigest(c as Chunk, shift - bits)).join(" ")}`;
  chunk.digest = sha256(text);
  return chunk.digest;
}

function sha256(text: string): string {
  return hash("sha256", text);
}

/**
 * A stage's environment while it is dispatched (BuildKit's dispatch state env): image ENV plus every ARG in scope,
 * in BuildKit's order. Setting a name that is set replaces its entry in place (BuildKit's AddEnv; names compare
 * case-insensitively on Windows). `list` is the current version, kept by whatever needs the environment of this
 * moment; the lookup maps beside it serve expansion and setting without a scan of the list.
 */
export class Environment {
  private constructor(
    private readonly windows: boolean,
    private current: EnvList,
    /** Where each (folded) name stands in the list; an entry never moves, so this holds for every version. */
    private readonly slots: Map<string, number>,
    /** Name to value for expansion; on Windows both the upper-cased and the written name. */
    private readonly lookup: Map<string, string>,
  ) {}

  /**
   * An environment holding `entries` on `os`, as an image config lists them. A name listed twice keeps both
   * entries; setting it replaces the first, and expansion reads the last.
   */
  static of(os: string, entries: readonly EnvEntry[]): Environment {
    const windows = os === "windows";
    const env = new Environment(windows, EnvList.of(entries), new Map(), new Map());
    for (const [i, [k]] of entries.entries()) if (!env.slots.has(env.fold(k))) env.slots.set(env.fold(k), i);
    // Upper-cased names first, then the names as written, so that a written name wins over a folded one.
    if (windows) for (const [k, v] of entries) env.lookup.set(env.fold(k), v);
    for (const [k, v] of entries) env.lookup.set(k, v);
    return env;
  }

  /** A copy for a stage built FROM this one: it shares every version and changes only its own. */
  fork(): Environment {
    return new Environment(this.windows, this.current, new Map(this.slots), new Map(this.lookup));
  }

  /** The current version of the list. */
  get list(): EnvList {
    return this.current;
  }

  /** Name to value, for expansion. */
  get map(): ReadonlyMap<string, string> {
    return this.lookup;
  }

  /** Sets a variable, replacing an existing entry of the name in place or appending one. */
  set(key: string, value: string): void {
    const name = this.fold(key);
    const slot = this.slots.get(name);
    if (slot === undefined) {
      this.slots.set(name, this.current.size);
      this.current = this.current.set(this.current.size, [key, value]);
    } else {
      const [old] = this.current.get(slot);
      this.current = this.current.set(slot, [key, value]);
      // The entry's old spelling no longer names anything (no other entry folds to the same name).
      if (this.windows && old !== key) this.lookup.delete(old);
    }
    if (this.windows) this.lookup.set(name, value);
    this.lookup.set(key, value);
  }

  /**
   * The value `list` (a version of this environment or of the one it was forked from) holds for exactly the name
   * `key`, spelled so; undefined when it holds none.
   */
  valueIn(list: EnvList, key: string): string | undefined {
    const slot = this.slots.get(this.fold(key));
    if (slot === undefined || slot >= list.size) return undefined;
    const [k, v] = list.get(slot);
    return k === key ? v : undefined;
  }

  private fold(key: string): string {
    return this.windows ? key.toUpperCase() : key;
  }
}
