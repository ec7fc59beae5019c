import { createHash } from "node:crypto";

/** Length of the hex cache keys: 16 hex digits (64 bits) keep plans readable and collisions negligible. */
const keyLength = 16;

/**
 * Hashes a resolved operation and its inputs' keys into a short hex cache key.
 * Operations are built by our own code with a fixed key order, so plain JSON is deterministic and much
 * cheaper than sorting keys (it was most of the planning time on the corpus).
 */
export function cacheKey(op: unknown, inputKeys: readonly string[]): string {
  const h = createHash("sha256").update(json(op));
  for (const k of inputKeys) h.update(`\0${k}`);
  return h.digest("hex").slice(0, keyLength);
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
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}
