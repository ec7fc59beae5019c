import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";

const problems = (text: string) => parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`);

// BuildKit parses a mount's options twice: at parse time it checks only `from`, and at dispatch it checks the rest
// once they are expanded (instructions/commands_runmount.go).
describe("RUN --mount options with variables", () => {
  it("are left for the build to check", () => {
    expect(
      problems(
        "FROM busybox\nARG T=cache\nRUN --mount=type=$T,target=/c,sharing=${S:-locked},mode=$M,uid=$U true\n",
      ),
    ).toEqual([]);
  });
  it("keep their text where it is text", () => {
    const run = parse("FROM busybox\nRUN --mount=type=$T,target=$DIR,id=$ID true\n").ast.stages[0]!
      .instructions[0]!;
    expect(run.type === "Run" && run.mounts[0]).toMatchObject({ target: "$DIR", id: "$ID" });
  });
  it("are checked when written out, and `from` never takes a variable", () => {
    expect(
      problems("FROM busybox\nRUN --mount=type=volume,target=/c true\nRUN --mount=from=$X,target=/m true\n"),
    ).toEqual([
      "invalid-mount: Unsupported mount type 'volume'.",
      "invalid-mount: Mount option 'from' does not support variable expansion; define an alias stage instead.",
    ]);
  });
});
