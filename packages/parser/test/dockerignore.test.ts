import { describe, expect, it } from "vitest";
import { cleanContextPath, parseDockerignore } from "../src/semantics/dockerignore.js";

// .dockerignore text | path | excluded
const cases: [string, string, boolean][] = [
  ["*.env\n", "secrets.env", true],
  ["*.env\n", "config/secrets.env", false],
  ["**/*.env\n", "config/secrets.env", true],
  ["build\n", "build/app.tar", true],
  ["build\n", "./build/../build/app.tar", true],
  ["/build/\n", "build", true],
  ["# build\n", "build", false],
  // BuildKit skips a line that starts with `#` before trimming: indented, it is a pattern.
  ["  # c\n", "# c", true],
  ["*\n ! # c\n", "# c", false],
  ["*\n!keep\n", "keep", false],
  ["*\n!keep\n", "other", true],
  ["node_modules\n", "", false],
  ["[\n*.log\n", "a.log", true],
];

describe("parseDockerignore", () => {
  it.each(cases)("%j excludes %j: %s", (text, path, excluded) => {
    expect(parseDockerignore(text).ignores(path)).toBe(excluded);
  });

  it("keeps the cleaned patterns apart from the exceptions", () => {
    const file = parseDockerignore("# c\n\n./a/b/\n! c\n/d\n");
    expect(file.patterns).toEqual(["a/b", "d"]);
    expect(file.hasExceptions).toBe(true);
  });

  it("cleans paths as Go's path.Clean does, relative to the context root", () => {
    expect(["./a//b/", "/a/../b", "a/./b/..", ".", "..", "a\\b"].map(cleanContextPath)).toEqual([
      "a/b",
      "b",
      "a",
      "",
      "",
      "a/b",
    ]);
  });
});
