import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFix, corpusDir } from "./fix-check.js";

// 300 files spread evenly over the sorted corpus keep this under a few seconds;
// `packages/cli/scripts/fix-corpus.ts` runs the same checks on every file.
const sampleSize = 300;
const dir = corpusDir();
const sample = (() => {
  if (!dir) return [];
  const names = readdirSync(dir).sort();
  const step = Math.max(1, Math.floor(names.length / sampleSize));
  return names.filter((_, i) => i % step === 0).slice(0, sampleSize);
})();

describe.skipIf(!dir)("hull lint --fix on a sample of the corpus", () => {
  it.each([false, true])(
    "unsafe=%s: idempotent, parses as before, no new findings, cache keys kept",
    (unsafe) => {
      const broken: Record<string, unknown> = {};
      let changed = 0;
      for (const name of sample) {
        const check = checkFix(readFileSync(join(dir!, name), "utf8"), unsafe);
        if (check.changed) changed++;
        const problems = {
          ...(check.notIdempotent ? { notIdempotent: true } : {}),
          ...(check.newParseErrors.length ? { newParseErrors: check.newParseErrors } : {}),
          ...(check.moreFindings.length ? { moreFindings: check.moreFindings } : {}),
          ...(check.keyChanges.length ? { keyChanges: check.keyChanges } : {}),
        };
        if (Object.keys(problems).length) broken[name] = problems;
      }
      expect(broken).toEqual({});
      // The property must be tested on files that fixes change, not only on files they leave alone.
      expect(changed).toBeGreaterThan(sampleSize / 10);
    },
  );
});

if (!dir) {
  describe("hull lint --fix on the corpus", () => {
    it.skip("skipped: no corpus at ../shared/corpus/files (set HULL_CORPUS to its path)", () => {});
  });
}
