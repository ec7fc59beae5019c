import { createHash } from "node:crypto";

/** Length of the hex cache keys: 16 hex digits (64 bits) keep plans readable and collisions negligible. */
const keyLength = 16;

/** Hashes a resolved operation and its inputs' keys into a short hex cache key. */
export function cacheKey(op: unknown, inputKeys: readonly string[]): string {
  return createHash("sha256")
    .update(stableJson({ op, inputs: inputKeys }))
    .digest("hex")
    .slice(0, keyLength);
}

/** JSON with object keys sorted, so that key order in code never changes a hash. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}
