/** How far a suggestion may be from the word. */
export interface SuggestOptions {
  /**
   * `loose` (keywords, flags, rule ids, config keys): up to 2 edits, or a third of the word's length if more.
   * `tight` (variable and stage names, where a wrong guess misleads): at most 2 edits and a third of the length,
   * and always a difference in case alone.
   * `buildkit` (messages that repeat one of BuildKit's, such as an unknown `--target`): BuildKit's own
   * `suggest.Search`, so hull suggests what `docker build` would: case-sensitive Levenshtein distance (no swaps,
   * case counts in full) below 3, and no suggestion at all when a candidate is the word itself.
   */
  readonly limit?: "loose" | "tight" | "buildkit";
}

/**
 * Candidates compared so far, in this process: what a complexity test counts (tests only; nothing reads it to
 * decide anything).
 */
export const spellingWork = { comparisons: 0 };

/**
 * The candidate a misspelt word most likely meant, for "did you mean" messages, or null when none is close.
 * Distances ignore case, except that a difference in case alone counts half an edit; a swap of two neighbouring
 * letters counts as one edit (optimal string alignment). The word itself is never suggested; of equally close
 * candidates the first wins, so callers that want a stable choice pass them sorted.
 */
export function suggestSpelling(
  word: string,
  candidates: Iterable<string>,
  options: SuggestOptions = {},
): string | null {
  if (options.limit === "buildkit") return buildkitSearch(word, candidates);
  const third = Math.floor(word.length / 3);
  const limit = options.limit === "tight" ? Math.max(0.5, Math.min(2, third)) : Math.max(2, third);
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    spellingWork.comparisons++;
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    // A length difference alone costs that many edits: such a candidate can never be returned.
    if (Math.abs(other.length - lower.length) > limit) continue;
    const distance = other === lower ? 0.5 : editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** The `buildkit` limit: the first candidate closest to the word, within 2 edits; null if one equals the word. */
function buildkitSearch(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    spellingWork.comparisons++;
    if (candidate === word) return null;
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate, false);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Rows reused by every `editDistance` call (the parser asks for a hint on every unknown keyword). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps each cost one;
 * plain Levenshtein distance when `swaps` is false.
 */
function editDistance(a: string, b: string, swaps = true): number {
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  // Three rolling rows: the swap looks two rows back.
  let [before, previous, current] = rows;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (
        swaps &&
        i > 1 &&
        j > 1 &&
        ai === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
    }
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}
