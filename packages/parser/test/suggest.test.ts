import { describe, expect, it } from "vitest";
import { suggestSpelling } from "../src/syntax/suggest.js";

// word | candidates | limit | expected
const cases: [string, string[], "loose" | "tight" | "buildkit", string | null][] = [
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
  // BuildKit's suggest.Search: case counts in full, a swap is two edits, at most 2 edits even for long words.
  ["Build", ["build"], "buildkit", "build"],
  ["BUILD", ["build"], "buildkit", null],
  ["biuld", ["build"], "buildkit", "build"],
  ["ubidl", ["build"], "buildkit", null],
  ["ubidl", ["build"], "loose", "build"],
  ["ab", ["xy"], "buildkit", "xy"],
  ["production-images", ["production-image5s"], "buildkit", "production-image5s"],
  ["production-imagesxyz", ["production-images"], "buildkit", null],
  // A candidate equal to the word means the word was fine: nothing is suggested, even after a close one.
  ["buil", ["build", "buil"], "buildkit", null],
  ["abcd", ["abce", "abcf"], "buildkit", "abce"],
];

describe("suggestSpelling", () => {
  it.each(cases)("%s in %j (%s) → %s", (word, candidates, limit, expected) => {
    expect(suggestSpelling(word, candidates, { limit })).toBe(expected);
  });
});
