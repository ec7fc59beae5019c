import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../src/utf8.js";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("decodeUtf8", () => {
  it.each([
    ["ASCII", bytes(0x46, 0x52, 0x4f, 0x4d), { ok: true, text: "FROM" }],
    ["a BOM stays in the text", bytes(0xef, 0xbb, 0xbf, 0x41), { ok: true, text: "\ufeffA" }],
    ["é and 😀", new TextEncoder().encode("é😀"), { ok: true, text: "é😀" }],
    ["a Latin-1 é", bytes(0x41, 0x0a, 0x23, 0xe9, 0x0a), { ok: false, offset: 3, line: 2 }],
    ["an overlong /", bytes(0x41, 0xc0, 0xaf), { ok: false, offset: 1, line: 1 }],
    ["an overlong three-byte form", bytes(0xe0, 0x80, 0xaf), { ok: false, offset: 0, line: 1 }],
    ["a UTF-16 surrogate", bytes(0x41, 0x41, 0xed, 0xa0, 0x80), { ok: false, offset: 2, line: 1 }],
    ["a code point above U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), { ok: false, offset: 0, line: 1 }],
    ["a sequence cut off at the end", bytes(0x0a, 0x0a, 0xe2, 0x82), { ok: false, offset: 2, line: 3 }],
    ["a stray continuation byte", bytes(0x41, 0x80), { ok: false, offset: 1, line: 1 }],
  ])("%s", (_name, input, expected) => {
    expect(decodeUtf8(input)).toEqual(expected);
  });
});
