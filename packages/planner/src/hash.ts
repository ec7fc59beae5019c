import { hash } from "node:crypto";

/** Length of the hex cache keys: 16 hex digits (64 bits) keep plans readable and collisions negligible. */
const keyLength = 16;

/**
 * Hashes a resolved operation and its inputs' keys into a short hex cache key.
 * Operations are built by our own code with a fixed key order, so plain JSON is deterministic and much
 * cheaper than sorting keys (it was most of the planning time on the corpus).
 */
export function cacheKey(op: unknown, inputKeys: readonly string[]): string {
  // One text hashed at once: the same bytes as hashing the pieces one after another, without a Hash object
  // (each cost about as much as the hashing itself).
  let text = json(op);
  for (const k of inputKeys) text += `\0${k}`;
  return sha256Prefix(text, keyLength / 2);
}

/**
 * The hex of the first `bytes` bytes of a text's SHA-256, made on its own: a slice of the whole hex digest would
 * keep all of it alive.
 */
export function sha256Prefix(text: string, bytes: number): string {
  return hash("sha256", text, "buffer").toString("hex", 0, bytes);
}

// JSON.stringify as it behaves: undefined (though typed string) for undefined, functions and symbols.
const stringify: (value: unknown) => string | undefined = JSON.stringify;

/** JSON text, or `null` for what JSON cannot hold. */
function json(value: unknown): string {
  return stringify(value) ?? "null";
}

/** JSON with object keys sorted, so that key order in code never changes a hash. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return json(value);
  // What JSON writes for it, as `JSON.stringify` reads it (a RUN's operation lists its env so).
  if (typeof (value as { toJSON?: unknown }).toJSON === "function")
    return stableJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => byCodeUnits(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}

/**
 * The stable JSON of an object that has `key`, as the text before that key's value and the text after it; the
 * value itself is never read, so that a large one (a RUN's env, listed when read) can be searched piece by piece.
 */
export function stableJsonAround(value: Readonly<Record<string, unknown>>, key: string): [string, string] {
  // `key` may be a getter of the value's class (a RUN's env), which Object.keys does not list.
  const keys = [...Object.keys(value).filter((k) => k !== key && value[k] !== undefined), key].sort(
    byCodeUnits,
  );
  const at = keys.indexOf(key);
  const field = (k: string): string => `${JSON.stringify(k)}:${stableJson(value[k])}`;
  return [
    `{${keys
      .slice(0, at)
      .map((k) => `${field(k)},`)
      .join("")}${JSON.stringify(key)}:`,
    `${keys
      .slice(at + 1)
      .map((k) => `,${field(k)}`)
      .join("")}}`,
  ];
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
