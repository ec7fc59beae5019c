import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChanges, createDocument, DocumentStore, pathOfUri, type ContentChange } from "./documents.js";
import { LineIndex } from "./text.js";
import type { LspPosition } from "./types.js";

describe("LineIndex", () => {
  it.each([
    ["a\nb", 2, { line: 1, character: 0 }],
    ["a\r\nb", 3, { line: 1, character: 0 }],
    // The protocol counts a lone CR as a line break; the AST does not, which is why features go through offsets.
    ["a\rb", 2, { line: 1, character: 0 }],
    ["a\r\nb", 1, { line: 0, character: 1 }],
    ["ab", 99, { line: 0, character: 2 }],
    ["😀x", 2, { line: 0, character: 2 }],
  ])("positionAt(%j, %i)", (text, offset, expected) => {
    expect(new LineIndex(text).positionAt(offset)).toEqual(expected);
  });

  it.each([
    ["a\nb", { line: 1, character: 0 }, 2],
    ["ab\r\ncd", { line: 0, character: 99 }, 2],
    ["ab\ncd", { line: 7, character: 0 }, 5],
    ["ab\ncd", { line: -1, character: 3 }, 0],
  ])("offsetAt(%j, %j)", (text, position, expected) => {
    expect(new LineIndex(text).offsetAt(position)).toBe(expected);
  });

  it("gives line texts without their line breaks", () => {
    const lines = new LineIndex("FROM a\r\nRUN b\n\nCMD c");
    expect([0, 1, 2, 3].map((l) => lines.lineText(l))).toEqual(["FROM a", "RUN b", "", "CMD c"]);
    expect(lines.lineCount).toBe(4);
  });
});

describe("documents", () => {
  it("applies incremental changes in order, each to the text the previous one left", () => {
    const text = applyChanges("FROM node:22\nRUN a\n", [
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: "make" },
      { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 12 } }, text: "20" },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "CMD x\n" },
    ]);
    expect(text).toBe("FROM node:20\nRUN make\nCMD x\n");
  });

  it("replaces the whole text for a change without range", () => {
    expect(applyChanges("old", [{ text: "new" }])).toBe("new");
  });

  it("parses a version once and a new version again", () => {
    const store = new DocumentStore();
    const v1 = store.open("file:///w/Dockerfile", 1, "FROM a\n");
    expect(v1.parsed).toBe(v1.parsed);
    const v2 = store.change("file:///w/Dockerfile", 2, [{ text: "FROM b\n" }])!;
    expect(v2.parsed).not.toBe(v1.parsed);
    expect(v2.parsed.ast.stages[0]?.from.image?.value).toBe("b");
    expect(store.get("file:///w/Dockerfile")).toBe(v2);
    store.close("file:///w/Dockerfile");
    expect(store.get("file:///w/Dockerfile")).toBeUndefined();
    expect(store.change("file:///w/Dockerfile", 3, [{ text: "" }])).toBeUndefined();
  });

  it("has a path only for file URIs", () => {
    expect(pathOfUri("file:///w/app/Dockerfile")).toBe("/w/app/Dockerfile");
    expect(pathOfUri("untitled:Untitled-1")).toBeNull();
    expect(createDocument("file:///w/a%20b/Dockerfile", 1, "").path).toBe("/w/a b/Dockerfile");
  });
  it("applies a run of changes at once exactly as one change after another", () => {
    // A line break inserted at a line's start joins the lone CR before it, which moves where the line starts.
    const at = (line: number, character: number) => ({
      start: { line, character },
      end: { line, character },
    });
    expect(
      applyChanges("a\rb", [
        { range: at(1, 0), text: "\n" },
        { range: at(1, 0), text: "X" },
      ]),
    ).toBe("a\r\nXb");
    // One change after another, each on a fresh index of the text the one before left: the protocol's definition.
    const oneByOne = (text: string, changes: ContentChange[]) =>
      changes.reduce((t, change) => {
        if (!change.range) return change.text;
        const lines = new LineIndex(t);
        const start = lines.offsetAt(change.range.start);
        const end = Math.max(start, lines.offsetAt(change.range.end));
        return t.slice(0, start) + change.text + t.slice(end);
      }, text);
    // Few lines and characters, so that changes often touch, share a line or fall past a line's end; CR and LF
    // mixed, so that inserted breaks join and split line endings.
    const piece = fc.string({ unit: fc.constantFrom("a", "b", "\r", "\n"), maxLength: 6 });
    const position = fc.record({
      line: fc.integer({ min: -1, max: 5 }),
      character: fc.integer({ min: -1, max: 5 }),
    });
    const change: fc.Arbitrary<ContentChange> = fc.oneof(
      {
        weight: 9,
        arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: piece }),
      },
      { weight: 1, arbitrary: fc.record({ text: piece }) },
    );
    // Runs sorted bottom-up as editors send them, and in any order.
    const bottomUp = fc
      .array(change, { maxLength: 8 })
      .map((list) => list.sort((a, b) => compare(b.range?.start, a.range?.start)));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "\r", "\n"), maxLength: 20 }),
        fc.oneof(bottomUp, fc.array(change, { maxLength: 8 })),
        (text, changes) => {
          expect(applyChanges(text, changes)).toBe(oneByOne(text, changes));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("indexes the text once for a bottom-up run of changes, not once per change", () => {
    // The characters read while indexing lines, for one change per line of an n-line file, bottom-up.
    const work = (n: number) => {
      const text = "RUN x\n".repeat(n);
      const changes = Array.from({ length: n }, (_, i) => {
        const at = { line: n - 1 - i, character: 4 };
        return { range: { start: at, end: at }, text: "y" };
      });
      const proto = String.prototype as unknown as { charCodeAt: (i: number) => number };
      const original = proto.charCodeAt;
      let reads = 0;
      proto.charCodeAt = function (this: string, i: number) {
        reads++;
        return original.call(this, i);
      };
      try {
        expect(applyChanges(text, changes)).toBe("RUN yx\n".repeat(n));
      } finally {
        proto.charCodeAt = original;
      }
      return reads;
    };
    const small = work(500);
    // Linear work doubles; an index per change makes it four times larger.
    expect(work(1000) / small).toBeLessThan(2.3);
  });
});

/** Orders positions (a change without range, which replaces everything, sorts first). */
function compare(a: LspPosition | undefined, b: LspPosition | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return a.line - b.line || a.character - b.character;
}
