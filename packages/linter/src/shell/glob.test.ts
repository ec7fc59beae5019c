import { describe, expect, it } from "vitest";
import { segmentGlobMatch } from "./glob.js";

describe("segmentGlobMatch", () => {
  it.each([
    ["lists", "lists", true],
    ["lists", "list", false],
    ["lists*", "lists", true],
    ["l?sts", "lists", true],
    ["[l]ists", "lists", true],
    ["[!l]*", "lists", false],
    ["[!x]ists", "lists", true],
    ["requirements*.txt", "requirements-dev.txt", true],
    ["*.txt", "a.txt.bak", false],
    ["a.c", "abc", false],
    ["[z-a]*", "lists", false],
  ])("%s against %s: %s", (pattern, name, matches) => {
    expect(segmentGlobMatch(pattern, name)).toBe(matches);
  });
});
