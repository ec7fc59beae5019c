import { describe, expect, it } from "vitest";
import { applyChanges, createDocument, DocumentStore, pathOfUri } from "./documents.js";
import { LineIndex } from "./text.js";

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
});
