import type { Run } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { runCommands, runShell, substitutionMentions } from "./run.js";

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
