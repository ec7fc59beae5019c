import { describe, expect, it } from "vitest";
import { globCovers, globTest, isGlob } from "../src/index.js";

describe("globTest", () => {
  it.each([
    ["lists", "lists", true],
    ["lists", "list", false],
    ["lists*", "lists", true],
    ["l?sts", "lists", true],
    ["[l]ists", "lists", true],
    ["[!l]*", "lists", false],
    ["[!x]ists", "lists", true],
    ["[^x]ists", "lists", true],
    ["[]]x", "]x", true],
    ["[a-c]x", "bx", true],
    ["[a\\-c]x", "bx", false],
    ["[a\\-c]x", "-x", true],
    ["a\\*", "a*", true],
    ["a\\*", "ab", false],
    ["requirements*.txt", "requirements-dev.txt", true],
    ["*.txt", "a.txt.bak", false],
    ["a.c", "abc", false],
    ["(a|b)+", "(a|b)+", true],
    ["*", "a/b", false],
    ["/tmp/?", "/tmp//", false],
    ["a[/]b", "a/b", false],
  ])("shell: %s against %s: %s", (pattern, name, matches) => {
    expect(globTest(pattern, "shell")?.(name)).toBe(matches);
  });

  it("reads a class's negation per dialect: Go takes `!` as a character", () => {
    expect(globTest("[!x]a", "go")?.("!a")).toBe(true);
    expect(globTest("[!x]a", "go")?.("ya")).toBe(false);
    expect(globTest("[^x]a", "go")?.("ya")).toBe(true);
  });

  it("gives no test for a malformed pattern, and reads an unclosed `[` as itself in the shell only", () => {
    expect(globTest("[z-a]*", "shell")).toBeNull();
    expect(globTest("[z-a]*", "go")).toBeNull();
    expect(globTest("a[b", "shell")?.("a[b")).toBe(true);
    expect(globTest("a[b", "go")).toBeNull();
  });
});

describe("globCovers", () => {
  it.each([
    ["/tmp/*", "/tmp/a", true],
    ["/tmp/*", "/tmp/a/b/c", true],
    ["/tmp/*", "/tmp", false],
    ["/tmp/*", "/tmpx/a", false],
    ["/var/lib/apt/lists*", "/var/lib/apt/lists/x", true],
    ["/usr/src/[pP]ython-*", "/usr/src/Python-3.12/Lib/os.py", true],
    ["/usr/src/[!p]ython-*", "/usr/src/python-3.12", false],
    ["/opt/*/cache", "/opt/a/cache/x", true],
    ["/opt/*/cache", "/opt/a/b/cache", false],
    ["/tmp/*/", "/tmp/a/b", true],
  ])("shell: %s covers %s: %s", (pattern, path, covers) => {
    expect(globCovers(pattern, "shell")?.(path)).toBe(covers);
  });

  it("reads `**` in a COPY source as Go does: two stars, neither crossing a `/`", () => {
    const covers = globCovers("src/**/package.json", "go")!;
    expect(covers("src/a/package.json")).toBe(true);
    expect(covers("src/a/b/package.json")).toBe(false);
  });
});

it("isGlob", () => {
  expect(isGlob("/tmp/a")).toBe(false);
  expect(isGlob("/tmp/a*")).toBe(true);
  expect(isGlob("/tmp/[ab]")).toBe(true);
});
