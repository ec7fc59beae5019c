import { parse, semanticWork, type Dockerfile } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { lint } from "./engine.js";

/**
 * A file of `n` named stages, each built on the one before, that copies from an earlier stage and gives the
 * stage-aware rules something to look at (cache cleanup, ENV/ARG scope, relative WORKDIR, USER, CMD).
 */
function stages(n: number): string {
  let text = "ARG BASE=alpine:3.20\nFROM ${BASE} AS s0\nRUN apt-get update && apt-get install -y curl\n";
  for (let i = 1; i < n; i++) {
    text +=
      `FROM s${i - 1} AS s${i}\n` +
      `ARG V${i}=${i}\nENV E${i}=$V${i}\n` +
      `RUN yarn install && pip install flask && apt-get update\n` +
      `COPY --from=s${Math.floor(i / 2)} /a b\n` +
      `WORKDIR app${i}\nUSER ${i}\nCMD run $E${i}\n`;
  }
  return text;
}

/**
 * Lints with every rule while counting the work that grows with the number of stages: every element read from
 * the stage list or from a stage's instruction list (by index, `for…of`, `some`, `find`…), plus the semantic
 * model's own steps. A rule that scans all stages for each stage makes this grow with the square of `n`.
 */
function countWork(n: number): number {
  const text = stages(n);
  const parsed = parse(text);
  let reads = 0;
  const counted = <T extends object>(array: T): T =>
    new Proxy(array, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  const ast = parsed.ast as { -readonly [K in keyof Dockerfile]: Dockerfile[K] };
  for (const stage of ast.stages) {
    (stage as { instructions: typeof stage.instructions }).instructions = counted(stage.instructions);
  }
  ast.stages = counted(ast.stages);
  const before = semanticWork.steps;
  const result = lint(text, { preset: "all", parseResult: parsed });
  expect(result.diagnostics.filter((d) => d.messageId === "internalError")).toEqual([]);
  return reads + semanticWork.steps - before;
}

describe("work per stage", () => {
  it("stays constant as the number of stages doubles (no rule rescans the stages for each stage)", () => {
    const small = countWork(150);
    const large = countWork(300);
    // Linear work doubles; the quadratic scans this guards against made it about four times larger.
    expect(large / small).toBeLessThan(2.3);
  });
});
