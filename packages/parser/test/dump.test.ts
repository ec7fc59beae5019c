import { describe, expect, it } from "vitest";
import { goQuote } from "../src/index.js";

describe("goQuote", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ["\x07\b\f\n\r\t\v", '"\\a\\b\\f\\n\\r\\t\\v"'],
    ["\x00\x1b\x7f", '"\\x00\\x1b\\x7f"'],
    // Printable to Go: letters, marks, symbols and the ASCII space; not: other spaces, format characters,
    // private use and unassigned code points.
    ["é 😀", '"é 😀"'],
    ["\u00a0\u200b\ue000\u0378", '"\\u00a0\\u200b\\ue000\\u0378"'],
    ["\u{e0001}", '"\\U000e0001"'],
  ])("quotes %j as Go's strconv.Quote does", (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});
