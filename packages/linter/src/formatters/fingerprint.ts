import { createHash } from "node:crypto";
import type { Diagnostic } from "../engine.js";
import type { FileResult } from "./types.js";

/**
 * A fingerprint per diagnostic that survives lines being inserted above it: a hash of the rule id and the
 * whitespace-normalised text of the line it starts on, plus `:n` for the n-th equal hash in the file
 * (the shape of GitHub's `primaryLocationLineHash`).
 */
export function lineHashes(file: FileResult): string[] {
  const lines = file.source?.split("\n");
  const seen = new Map<string, number>();
  return file.diagnostics.map((d: Diagnostic) => {
    const line = lines ? (lines[d.range.start.line - 1] ?? "") : d.message;
    const hash = createHash("sha256")
      .update(`${d.ruleId}\u0000${line.replace(/\s+/g, " ").trim()}`)
      .digest("hex")
      .slice(0, 16);
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return `${hash}:${count}`;
  });
}
