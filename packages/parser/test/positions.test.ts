import { describe, expect, it } from "vitest";
import { parse, PositionMap, positionMapOf, type Dockerfile } from "../src/index.js";

/** Line and column of every offset, counted one character at a time. */
function counted(text: string): [number, number][] {
  const out: [number, number][] = [];
  let line = 1;
  let column = text.charCodeAt(0) === 0xfeff ? 0 : 1;
  for (let offset = 0; offset <= text.length; offset++) {
    out.push([line, Math.max(column, 1)]);
    if (text[offset] === "\n") {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

describe("PositionMap", () => {
  it.each([
    ["empty", ""],
    ["one line", "FROM a"],
    ["a final newline", "FROM a\nRUN b\n"],
    ["blank lines and CRLF", "\n\nFROM a\r\n\r\nRUN b"],
    ["a byte order mark", "\uFEFFFROM a\nRUN b\n"],
  ])("places every offset of %s", (_name, text) => {
    const map = new PositionMap(text);
    const expected = counted(text);
    for (let offset = 0; offset <= text.length; offset++)
      expect([map.at(offset).line, map.at(offset).column]).toEqual(expected[offset]);
  });

  // Files of a megabyte or more keep their line starts in a typed array: both tables must place offsets alike.
  it("places offsets the same in a file of more than a megabyte", () => {
    const line = "RUN echo 0123456789\n";
    const text = `\uFEFFFROM a\n${line.repeat(Math.ceil((1 << 20) / line.length) + 1)}`;
    expect(text.length).toBeGreaterThan(1 << 20);
    const map = new PositionMap(text);
    const expected = counted(text);
    const step = 997;
    for (let offset = 0; offset <= text.length; offset += step)
      expect([map.at(offset).line, map.at(offset).column]).toEqual(expected[offset]);
    expect([map.at(text.length).line, map.at(text.length).column]).toEqual(expected[text.length]);
  });
});

describe("positionMapOf", () => {
  const text = "FROM alpine:3.20\nRUN echo hi\n";
  const { ast } = parse(text);

  it("gives the table the AST's ranges come from, so a file has one", () => {
    const map = positionMapOf(ast, text);
    expect(map).not.toBeNull();
    const run = ast.instructions[1]!;
    // Positions of one table are shared objects: the RUN's start is the one the map gives for its offset.
    expect(map!.at(run.range.start.offset)).toBe(run.range.start);
  });

  it("gives none for another text, or for a tree the parser did not make", () => {
    expect(positionMapOf(ast, text.replace("hi", "ho"))).toBeNull();
    const plain = JSON.parse(JSON.stringify(ast)) as Dockerfile;
    expect(positionMapOf(plain, text)).toBeNull();
  });
});
