import { describe, expect, it } from "vitest";
import { renderText, writeText, type PlanNode } from "../src/index.js";
import { planText } from "./helpers.js";

describe("writeText writes renderText's text in pieces", () => {
  it("a plan of many stages: the same text, in several writes of whole lines", () => {
    const n = 400;
    const text = Array.from(
      { length: n },
      (_, i) => `FROM ${i === 0 ? "alpine" : `s${i - 1}`} AS s${i}\nRUN echo ${i}\nENV A${i}=${i}\n`,
    ).join("");
    const p = planText(text);
    const pieces: string[] = [];
    writeText(p, { file: "Dockerfile" }, (t) => pieces.push(t));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.endsWith("\n")).toBe(true);
    const whole = pieces.join("");
    expect(whole).toBe(renderText(p, { file: "Dockerfile" }));
    // Each stage lists its own nodes, in order, under its header.
    const lines = whole.split("\n");
    const at = lines.indexOf(`stage 7 s7: FROM s6 [stage, linux/amd64]  needs 6 (base)`);
    expect(lines.slice(at + 1, at + 4).map((l) => l.trim().split(/\s+/)[1])).toEqual([
      "s7.0",
      "s7.1",
      "s7.2",
    ]);
  });
});

describe("renderText's work is linear in the stages", () => {
  /** Node reads renderText makes on a chain of `n` stages, all of them built (each FROM the one before). */
  function nodeReads(n: number): number {
    const text = Array.from(
      { length: n },
      (_, i) => `FROM ${i === 0 ? "alpine" : `s${i - 1}`} AS s${i}\nRUN echo ${i}\n`,
    ).join("");
    const p = planText(text);
    let reads = 0;
    const nodes = new Proxy(p.nodes as PlanNode[], {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    renderText({ ...p, nodes });
    return reads;
  }

  it("twice the stages, about twice the node reads", () => {
    const small = nodeReads(200);
    const large = nodeReads(400);
    // A scan of every node per stage would read four times as many.
    expect(large / small).toBeLessThan(2.3);
  });
});
