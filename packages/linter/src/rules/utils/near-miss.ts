import { suggestSpelling } from "@hull/parser";

/**
 * How many names of one file a rule compares with every candidate for a near miss. A search reads all the
 * candidates, so a generated file with thousands of misspelled names made a rule quadratic (4,000 `COPY --from`
 * names that no stage has took 7 s); past this many, a name is reported without a suggestion, as TypeScript stops
 * suggesting spellings after ten in a file.
 */
export const nearMissSearches = 100;

/** What a rule keeps for `nearMiss`, in its per-file state. */
export interface NearMissBudget {
  searches: number;
}

/**
 * The candidate one or two edits from `name` (`suggestSpelling` with the tight limit), or null; null too once the
 * file has had its `nearMissSearches`. `candidates` is made only for a search that runs.
 */
export function nearMiss(
  budget: NearMissBudget,
  name: string,
  candidates: () => Iterable<string>,
): string | null {
  if (budget.searches >= nearMissSearches) return null;
  budget.searches++;
  return suggestSpelling(name, candidates(), { limit: "tight" });
}
