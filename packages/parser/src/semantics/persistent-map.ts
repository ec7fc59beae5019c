/** One entry, with the position its name was first set at (a later `set` of the name keeps it, as `Map` does). */
class Leaf<V> {
  constructor(
    readonly key: string,
    readonly value: V,
    readonly hash: number,
    readonly seq: number,
  ) {}
}

/**
 * A node of the trie: one array, a bitmap of which of 16 slots are taken, then the taken ones in order (an object
 * holding the bitmap and an array of the items cost 48 bytes more a node, and a model keeps many versions of each).
 * Never changed once made.
 */
type Branch<V> = readonly [bitmap: number, ...items: Item<V>[]];

/** Below the hash's last bits: the leaves whose whole hashes are equal. */
class Collision<V> {
  constructor(readonly leaves: readonly Leaf<V>[]) {}
}

type Item<V> = Leaf<V> | Branch<V> | Collision<V>;

// 16 slots a level (as the planner's EnvList): a new version copies at most 16 items a level, so a version costs
// about the same at any size, where 32 slots made the copies grow with the map until a level filled up.
const bits = 4;
/** The most entries a map keeps as a flat list before it becomes a trie. */
const smallLimit = 8;
const slotMask = (1 << bits) - 1;
const emptyBranch: Branch<never> = [0];

/**
 * An immutable map from strings that lists its entries in the order their names were first set, as `Map` does:
 * `set` and `delete` return a new map and leave this one as it was. It is a hash array mapped trie (as
 * Clojure's and Immutable.js's maps): a new version copies only the path to one entry, at most eight small
 * arrays, and shares the rest with the old one. So a stage built on another starts from its base's map without
 * copying it, and every version stays valid for whoever holds it. Up to `smallLimit` entries it is a flat list
 * instead (as Clojure's array maps): most stages hold a handful of names, which a scan finds faster than a hash.
 */
export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private static readonly none = new PersistentMap<never>(emptyBranch, [], 0, 0);
  private orderedCache: Leaf<V>[] | undefined;

  private constructor(
    private readonly root: Branch<V>,
    /** While the map is small: its keys and values in turn, in order; null once it is a trie. */
    private readonly flat: readonly (string | V)[] | null,
    readonly size: number,
    /** The position the next new name gets. */
    private readonly nextSeq: number,
  ) {}

  /** The empty map. */
  static empty<V>(): PersistentMap<V> {
    return PersistentMap.none;
  }

  /** A map of these entries, in order. */
  static of<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get(key: string): V | undefined {
    const flat = this.flat;
    if (flat === null) return this.leaf(key, hashOf(key))?.value;
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === key) return flat[i + 1] as V;
    return undefined;
  }

  has(key: string): boolean {
    const flat = this.flat;
    if (flat === null) return this.leaf(key, hashOf(key)) !== undefined;
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === key) return true;
    return false;
  }

  /** This map with `key` set to `value`; this map itself when it holds that already. */
  set(key: string, value: V): PersistentMap<V> {
    const flat = this.flat;
    if (flat !== null) return this.setFlat(flat, key, value);
    const hash = hashOf(key);
    const old = this.leaf(key, hash);
    if (old !== undefined && old.value === value) return this;
    const leaf = new Leaf(key, value, hash, old ? old.seq : this.nextSeq);
    const root = assoc(this.root, 0, leaf);
    return old
      ? new PersistentMap(root, null, this.size, this.nextSeq)
      : new PersistentMap(root, null, this.size + 1, this.nextSeq + 1);
  }

  /** This map without `key`; this map itself when it does not hold it. */
  delete(key: string): PersistentMap<V> {
    const flat = this.flat;
    if (flat !== null) {
      for (let i = 0; i < flat.length; i += 2) {
        if (flat[i] !== key) continue;
        const rest = [...flat.slice(0, i), ...flat.slice(i + 2)];
        return new PersistentMap(emptyBranch, rest, this.size - 1, this.nextSeq);
      }
      return this;
    }
    const hash = hashOf(key);
    if (this.leaf(key, hash) === undefined) return this;
    return new PersistentMap(dissoc(this.root, 0, key, hash), null, this.size - 1, this.nextSeq);
  }

  private setFlat(flat: readonly (string | V)[], key: string, value: V): PersistentMap<V> {
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i] !== key) continue;
      if (flat[i + 1] === value) return this;
      const copy = flat.slice();
      copy[i + 1] = value;
      return new PersistentMap(emptyBranch, copy, this.size, this.nextSeq);
    }
    if (this.size < smallLimit) {
      const copy = new Array<string | V>(flat.length + 2);
      for (let i = 0; i < flat.length; i++) copy[i] = flat[i]!;
      copy[flat.length] = key;
      copy[flat.length + 1] = value;
      return new PersistentMap(emptyBranch, copy, this.size + 1, this.nextSeq + 1);
    }
    // Past the flat form's size: a trie, with the entries' positions as listed.
    let root: Branch<V> = emptyBranch;
    for (let i = 0; i < flat.length; i += 2) {
      const k = flat[i] as string;
      root = assoc(root, 0, new Leaf(k, flat[i + 1] as V, hashOf(k), i / 2));
    }
    root = assoc(root, 0, new Leaf(key, value, hashOf(key), this.size));
    return new PersistentMap(root, null, this.size + 1, this.size + 1);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const leaf of this.ordered()) callback.call(thisArg, leaf.value, leaf.key, this);
  }

  entries(): MapIterator<[string, V]> {
    const out: [string, V][] = [];
    for (const leaf of this.ordered()) out.push([leaf.key, leaf.value]);
    return out.values();
  }

  keys(): MapIterator<string> {
    const out: string[] = [];
    for (const leaf of this.ordered()) out.push(leaf.key);
    return out.values();
  }

  values(): MapIterator<V> {
    const out: V[] = [];
    for (const leaf of this.ordered()) out.push(leaf.value);
    return out.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  private leaf(key: string, hash: number): Leaf<V> | undefined {
    let node = this.root;
    for (let shift = 0; ; shift += bits) {
      const bit = 1 << ((hash >>> shift) & slotMask);
      const bitmap = node[0];
      if ((bitmap & bit) === 0) return undefined;
      const item = node[1 + popcount(bitmap & (bit - 1))] as Item<V>;
      if (item instanceof Leaf) return item.key === key ? item : undefined;
      if (item instanceof Collision) return item.leaves.find((leaf) => leaf.key === key);
      node = item;
    }
  }

  /**
   * The leaves in order, listed on first use and kept (the map never changes). Listing is rare (completion,
   * spelling suggestions) and lookups, which are not, never sort. An array iterator stands in for a `Map`'s: it
   * yields the same values and has the same methods at run time.
   */
  private ordered(): readonly Leaf<V>[] {
    if (this.orderedCache) return this.orderedCache;
    const leaves: Leaf<V>[] = [];
    const flat = this.flat;
    if (flat !== null) {
      for (let i = 0; i < flat.length; i += 2)
        leaves.push(new Leaf(flat[i] as string, flat[i + 1] as V, 0, i / 2));
      return (this.orderedCache = leaves);
    }
    const collect = (node: Branch<V>): void => {
      for (let i = 1; i < node.length; i++) {
        const item = node[i] as Item<V>;
        if (item instanceof Leaf) leaves.push(item);
        else if (item instanceof Collision) leaves.push(...item.leaves);
        else collect(item);
      }
    };
    collect(this.root);
    leaves.sort((a, b) => a.seq - b.seq);
    return (this.orderedCache = leaves);
  }
}

/** An immutable set of strings in the order they were first added: a `PersistentMap` of names. */
// Not declared to implement ReadonlySet: newer TypeScript libraries add the ES2025 set methods to it, which a
// program compiled against them would then find missing here. It has every method of ES2023's ReadonlySet.
export class PersistentSet {
  private static readonly none = new PersistentSet(PersistentMap.empty());
  private orderedCache: Set<string> | undefined;

  private constructor(private readonly map: PersistentMap<true>) {}

  /** The empty set. */
  static empty(): PersistentSet {
    return PersistentSet.none;
  }

  get size(): number {
    return this.map.size;
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  /** This set with `name`; this set itself when it holds it already. */
  add(name: string): PersistentSet {
    const map = this.map.set(name, true);
    return map === this.map ? this : new PersistentSet(map);
  }

  /** This set without `name`; this set itself when it does not hold it. */
  delete(name: string): PersistentSet {
    const map = this.map.delete(name);
    return map === this.map ? this : new PersistentSet(map);
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const name of this.ordered()) callback.call(thisArg, name, name, this);
  }

  entries(): SetIterator<[string, string]> {
    return this.ordered().entries();
  }

  keys(): SetIterator<string> {
    return this.ordered().keys();
  }

  values(): SetIterator<string> {
    return this.ordered().values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  private ordered(): Set<string> {
    return (this.orderedCache ??= new Set(this.map.keys()));
  }
}

/** The branch with `leaf` put in, replacing a leaf of the same key. */
function assoc<V>(node: Branch<V>, shift: number, leaf: Leaf<V>): Branch<V> {
  const bit = 1 << ((leaf.hash >>> shift) & slotMask);
  const bitmap = node[0];
  const index = 1 + popcount(bitmap & (bit - 1));
  // Copies of exactly the new length (toSpliced, with): a copy that splice() lengthened kept room for about twenty
  // more items, in every version a model keeps.
  if ((bitmap & bit) === 0) return withBitmap(node.toSpliced(index, 0, leaf), bitmap | bit);
  const item = node[index] as Item<V>;
  const next =
    item instanceof Leaf
      ? item.key === leaf.key
        ? leaf
        : pair(item, leaf, shift + bits)
      : item instanceof Collision
        ? new Collision([...item.leaves.filter((other) => other.key !== leaf.key), leaf])
        : assoc(item, shift + bits, leaf);
  return replaced(node, index, next);
}

/** A node of two leaves of different keys whose hashes agree below `shift`. */
function pair<V>(a: Leaf<V>, b: Leaf<V>, shift: number): Branch<V> | Collision<V> {
  // Past the hash's 32 bits the two hashes are equal: the leaves share a list.
  if (shift >= 32) return new Collision([a, b]);
  const bitA = 1 << ((a.hash >>> shift) & slotMask);
  const bitB = 1 << ((b.hash >>> shift) & slotMask);
  if (bitA === bitB) return [bitA, pair(a, b, shift + bits)];
  return bitA < bitB ? [bitA | bitB, a, b] : [bitA | bitB, b, a];
}

/** The branch without the leaf of `key`, which it holds. */
function dissoc<V>(node: Branch<V>, shift: number, key: string, hash: number): Branch<V> {
  const bit = 1 << ((hash >>> shift) & slotMask);
  const bitmap = node[0];
  const index = 1 + popcount(bitmap & (bit - 1));
  const item = node[index] as Item<V>;
  if (item instanceof Collision) {
    const rest = item.leaves.filter((leaf) => leaf.key !== key);
    if (rest.length > 0) return replaced(node, index, new Collision(rest));
  } else if (!(item instanceof Leaf)) {
    const child = dissoc(item, shift + bits, key, hash);
    if (child.length > 1) return replaced(node, index, child);
  }
  // The leaf itself, or a node left empty: the slot is freed.
  return withBitmap(node.toSpliced(index, 1), bitmap & ~bit);
}

/** A copy of a branch with the item at `index` replaced; the bitmap stays. */
function replaced<V>(node: Branch<V>, index: number, item: Item<V>): Branch<V> {
  return node.with(index, item) as unknown as Branch<V>;
}

/** A fresh copy of a branch's array, made a branch with this bitmap. */
function withBitmap<V>(copy: (number | Item<V>)[], bitmap: number): Branch<V> {
  copy[0] = bitmap;
  return copy as unknown as Branch<V>;
}

function popcount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * FNV-1a over the UTF-16 code units: cheap, and spreads the short, similar names of an environment well.
 * Exported for the tests, which need names whose hashes collide.
 */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
