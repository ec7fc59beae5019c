import { describe, expect, it } from "vitest";
import { renderText, writeText } from "../src/index.js";
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
