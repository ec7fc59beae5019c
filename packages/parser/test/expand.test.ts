import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { nameEnd } from "../src/expand/chars.js";
import { expandWord, expandWords, type ExpandOptions } from "../src/expand/expand.js";

const FLAGS: Record<string, ExpandOptions> = {
  backtick: { escape: "`" },
  "raw-quotes": { rawQuotes: true },
  "raw-escapes": { rawEscapes: true },
  "skip-unset": { skipUnset: true },
  "case-insensitive": { caseInsensitive: true },
  "skip-quotes": { skipQuotes: true },
};
const NAMED: Record<string, string> = { sp: " ", tab: "\t", nl: "\n", empty: "" };
const unescape = (s: string) =>
  s.replace(/⟨(?:U\+([0-9A-F]{4,6})|(\w+))⟩/g, (m, hex?: string, name?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name!] ?? m),
  );

const lines = readFileSync(new URL("./expand.table", import.meta.url), "utf8").split("\n");
const cases = lines.flatMap((line, i) =>
  line.trim() === "" || line.startsWith("#") ? [] : [{ n: i + 1, line }],
);

describe("expand.table", () => {
  test.each(cases)("line $n: $line", ({ line }) => {
    const [mode = "", input = "", env = "", expected = "", vars, ...extra] = line
      .split(" | ")
      .map((s) => s.trim());
    expect(extra, "too many columns").toEqual([]);
    const [kind, ...flags] = mode.split(/\s+/);
    const options = Object.assign({}, ...flags.map((f) => FLAGS[f] ?? expect.fail(`unknown flag ${f}`)));
    const entries = env === "-" ? [] : env.split(",").map((e) => e.trim().split(/=(.*)/s).slice(0, 2));
    const envMap = new Map(entries.map(([k = "", v = ""]) => [unescape(k), unescape(v)]));
    const expand = kind === "words" ? expandWords : expandWord;
    const result = expand(unescape(input), envMap, options);
    // A plain object must behave exactly like the Map, prototype names included.
    expect(expand(unescape(input), Object.fromEntries(envMap), options)).toEqual(result);
    const got = "words" in result ? result.words : result.value;
    if (expected.startsWith("error: ")) {
      expect({ error: result.error, got }).toEqual({
        error: unescape(expected.slice(7)),
        got: kind === "words" ? [] : "",
      });
    } else {
      expect({ error: result.error, got }).toEqual({
        error: null,
        got: kind === "words" ? JSON.parse(expected) : unescape(expected),
      });
    }
    if (vars !== undefined) {
      const tokens = vars === "none" ? [] : vars.split(/\s+/);
      const name = (t: string) => (t.slice(1) === "''" ? "" : unescape(t.slice(1)));
      expect({ matched: result.matched, missing: result.missing }).toEqual({
        matched: tokens.filter((t) => t.startsWith("+")).map(name),
        missing: tokens.filter((t) => t.startsWith("-")).map(name),
      });
    }
  });
});

const optionsArb = fc.record(
  {
    escape: fc.constantFrom("\\" as const, "`" as const),
    rawQuotes: fc.boolean(),
    rawEscapes: fc.boolean(),
    skipUnset: fc.boolean(),
    caseInsensitive: fc.boolean(),
    skipQuotes: fc.boolean(),
  },
  { requiredKeys: [] },
);
// Biased towards the characters the lexer treats specially, so random inputs reach every branch.
const textArb = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(..."${}:-+?#%/*\\`'\"<> \nAB1@"), maxLength: 40 }),
);
const envArb = fc.dictionary(fc.constantFrom("A", "B", "a", "1", "@", ""), textArb, { maxKeys: 4 });

describe("expand properties", () => {
  test("random input never throws and yields either a result or an error", () => {
    fc.assert(
      fc.property(textArb, envArb, optionsArb, (text, env, options) => {
        const word = expandWord(text, env, options);
        const words = expandWords(text, new Map(Object.entries(env)), options);
        for (const r of [word, words]) {
          expect(r.error === null || (typeof r.error === "string" && r.error.length > 0)).toBe(true);
          expect(r.matched.every((n) => !r.missing.includes(n))).toBe(true);
        }
        expect(typeof word.value).toBe("string");
        if (word.error !== null) expect(word.value).toBe("");
        if (words.error !== null) expect(words.words).toEqual([]);
        expect(words.error).toBe(word.error);
      }),
      { numRuns: 2000 },
    );
  });

  test("nameEnd reads the name after `$` that expansion looks up", () => {
    // Letters and digits of several scripts, an astral letter and digit, a lone surrogate, special parameters.
    const unit = fc.constantFrom(..."aZ_09é٣-@?$!#* }{.", "\u{1d49c}", "\u{1d7ce}", "\ud800");
    // processName as Go's unicode package reads it: digits (Nd), or one special parameter, or letters (L), digits
    // and `_`; a lone surrogate is none of them.
    const reference = /^(?:\p{Nd}+|[@*#?$!-]|[\p{L}\p{Nd}_]*)/u;
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (s) => {
        const end = nameEnd(s, 0);
        expect(end).toBe(reference.exec(s)![0].length);
        const { missing } = expandWord(`$${s}`, {});
        if (end === 0 || s[0] === "{") return;
        expect(missing[0]).toBe(s.slice(0, end));
      }),
      { numRuns: 2000 },
    );
    expect(nameEnd("A\u{1d49c}b-c", 0)).toBe(4);
    expect(nameEnd("12ab", 0)).toBe(2);
    expect(nameEnd("?x", 0)).toBe(1);
    expect(nameEnd("-", 0)).toBe(1);
    expect(nameEnd("é", 0)).toBe(1);
    expect(nameEnd("x\ud800", 0)).toBe(1);
  });

  test("text without special characters comes back unchanged", () => {
    const plain = fc.string({ unit: fc.constantFrom(..."abc XYZ-_.,/=é\t") });
    fc.assert(
      fc.property(plain, (text) => {
        expect(expandWord(text, {}).value).toBe(text);
      }),
    );
  });

  // How long they take is measured by bench/, not here: a wall-clock bound flakes on a loaded machine.
  test("long inputs and backtracking patterns expand", () => {
    const n = 200_000;
    const text = "$A ".repeat(n) + "'q' \"$B\" \\x ${A:-d} ".repeat(n / 10);
    const r = expandWords(text, { A: "a", B: "b c" });
    expect(r.words.length).toBe(n + (n / 10) * 4);
    const pattern = expandWord("${V##*a*a*a*a*b}", { V: "a".repeat(20_000) });
    expect(pattern.value).toBe("a".repeat(20_000));
  });

  test("deep nesting is reported, not thrown", () => {
    const depth = 100_000;
    const r = expandWord("${A:-".repeat(depth) + "x" + "}".repeat(depth), {});
    expect(r.error).toBe("expansion is nested too deeply");
  });
});
