import { describe, expect, it } from "vitest";
import { suggestSpelling } from "../src/syntax/suggest.js";

// word | candidates | limit | expected
const cases: [string, string[], "loose" | "tight", string | null][] = [
  ["RUNN", ["FROM", "RUN", "CMD"], "loose", "RUN"],
  ["FORM", ["FROM", "RUN"], "loose", "FROM"],
  ["chwon", ["chown", "chmod"], "loose", "chown"],
  ["xyz", ["FROM", "RUN"], "loose", null],
  ["no-latst-tag", ["no-latest-tag", "no-root-user"], "loose", "no-latest-tag"],
  // Tight: short names get no guesses beyond a difference in case.
  ["VERSON", ["VERSION", "NODE"], "tight", "VERSION"],
  ["version", ["VERSION"], "tight", "VERSION"],
  ["AB", ["AC"], "tight", null],
  ["AB", ["AC"], "loose", "AC"],
  ["HOEM", ["HOME"], "tight", "HOME"],
  // Never the word itself; ties go to the first candidate.
  ["A", ["A"], "loose", null],
  ["bulid", ["build", "bulk"], "loose", "build"],
  ["abcd", ["abce", "abcf"], "loose", "abce"],
];

describe("suggestSpelling", () => {
  it.each(cases)("%s in %j (%s) → %s", (word, candidates, limit, expected) => {
    expect(suggestSpelling(word, candidates, { limit })).toBe(expected);
  });
});
