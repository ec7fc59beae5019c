import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderJson, toJsonMulti, writeJson } from "../src/index.js";
import { planText } from "./helpers.js";

/** What writeJson writes, with the number of writes. */
function written(value: unknown, depth?: number): { text: string; writes: number } {
  const pieces: string[] = [];
  writeJson(value, (t) => pieces.push(t), depth);
  return { text: pieces.join(""), writes: pieces.length };
}

const plain = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe("writeJson writes what JSON.stringify(value, null, 2) does, in pieces", () => {
  const cases: [string, unknown][] = [
    ["a string", "a\nb"],
    ["null", null],
    ["empty containers", { a: [], b: {}, c: [[], [{}]] }],
    ["left-out values", { a: undefined, b: () => 1, c: Symbol("s"), d: [undefined, () => 1, 2] }],
    [
      "toJSON at any level",
      { a: { toJSON: (k: string) => `key ${k}` }, b: [{ toJSON: () => ({ x: [1] }) }] },
    ],
    [
      "non-finite numbers and boxed values",
      [NaN, Infinity, -0, new Number(2), new String("s"), new Boolean(false)],
    ],
    ["deep nesting", { a: [{ b: [{ c: [{ d: ["e", { f: null }] }] }] }] }],
  ];
  it.each(cases)("%s", (_name, value) => {
    for (const depth of [0, 1, 2, 3, 6]) expect(written(value, depth).text).toBe(plain(value));
  });

  it("on random JSON-like values, at every depth", () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 5, withBoxedValues: true, withNullPrototype: true }),
        fc.nat(6),
        (v, d) => {
          fc.pre(
            v !== undefined && typeof v !== "function" && typeof v !== "symbol" && typeof v !== "bigint",
          );
          expect(written(v, d).text).toBe(plain(v));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a plan and several plans as renderJson and toJsonMulti write them", () => {
    const p = planText('FROM alpine AS a\nARG X=1\nRUN echo $X\nFROM a\nCOPY --from=a /x /y\nCMD ["x"]\n');
    expect(written(p, 2).text).toBe(plain(p));
    const multi = toJsonMulti(
      [
        { plan: p, extras: { file: "a" } },
        { plan: p, extras: { file: "b" } },
      ],
      {
        stages: [],
        nodes: [],
      },
    );
    expect(written(multi, 4).text).toBe(plain(multi));
    expect(renderJson(p)).toBe(plain(JSON.parse(renderJson(p))));
  });

  it("a large value goes out in pieces of bounded size", () => {
    const value = { items: Array.from({ length: 20_000 }, (_, i) => ({ i, text: `item ${i}` })) };
    const { text, writes } = written(value);
    expect(text).toBe(plain(value));
    // About 64 KB each (a piece may end past the mark by one element's text).
    expect(writes).toBeGreaterThan(text.length / 70_000);
    const pieces: string[] = [];
    writeJson(value, (t) => pieces.push(t));
    expect(Math.max(...pieces.map((t) => t.length))).toBeLessThan(70_000);
  });
});
