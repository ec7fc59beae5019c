import type { Run } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { runCommands, runShell, substitutionMentions, withRunCaches } from "./run.js";

/** A RUN node as runShell reads it, from a one-line shell-form script. */
function run(script: string) {
  const range = { start: { offset: 4 }, end: { offset: 4 + script.length } };
  return {
    form: "shell" as const,
    args: [{ value: script, range }],
    heredocs: [],
    tokens: [{ kind: "text", text: script, offset: 4 }],
  } as unknown as Run;
}

describe("substitutionMentions", () => {
  const wget = (raw: string) => raw.includes("wget");
  it.each([
    ["wget -q https://e.com/a", false],
    ["echo $(uname -m) && wget -q https://e.com/a", false],
    ['tar -xzf "$(wget -qO- https://e.com/a)"', true],
    ["echo `wget -qO- https://e.com/a`", true],
    ["cat > $(wget -qO- https://e.com/name)", true],
    ["echo '$(wget)' ${wget}", true],
  ])("%s → %s", (script, expected) => {
    expect(substitutionMentions(runShell(run(script), null), wget)).toBe(expected);
  });

  it("is true whenever runCommands finds a matching command that runShell does not", () => {
    for (const script of ["a $(wget x)", "a `b; wget`", 'a "$(b $(wget c))"', "a > $(wget)", "wget $(b)"]) {
      const node = run(script);
      const extra = runCommands(node, null)
        .lists.slice(1)
        .flat()
        .some((c) => c.base === "wget");
      if (extra) expect(substitutionMentions(runShell(node, null), wget)).toBe(true);
    }
  });
});

describe("withRunCaches", () => {
  it("splits each RUN once while it runs, and afresh on every call outside it", () => {
    const node = run("apt-get update && echo $(uname -m)");
    withRunCaches(() => {
      expect(runShell(node, null)).toBe(runShell(node, null));
      expect(runCommands(node, null)).toBe(runCommands(node, null));
      expect(runCommands(node, null).shell).toBe(runShell(node, null));
      // A nested scope (a lint inside a lint) has its own caches and gives the outer ones back.
      const outer = runShell(node, null);
      withRunCaches(() => expect(runShell(node, null)).not.toBe(outer));
      expect(runShell(node, null)).toBe(outer);
    });
    expect(runShell(node, null)).not.toBe(runShell(node, null));
    expect(runShell(node, null).commands.map((c) => c.base)).toEqual(["apt-get", "echo"]);
  });
});
