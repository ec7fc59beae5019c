/** The end of input, as Go's text/scanner reports it. */
export const EOF = -1;

/** U+FFFD, which Go substitutes for anything that is not a valid rune. */
export const REPLACEMENT = 0xfffd;

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Reads the code point at `i`; a lone surrogate reads as U+FFFD, as invalid UTF-8 does in Go. */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return REPLACEMENT;
}

/** How many UTF-16 units `codePointAt` consumed for `cp`. */
export function widthOf(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Formats a rune the way Go's `string(r)` does: EOF and other invalid runes become U+FFFD. */
export function runeString(cp: number): string {
  return cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? "\ufffd" : String.fromCodePoint(cp);
}

/** Go's unicode.IsSpace: what BuildKit trims around instructions and its shell lexer splits words on. */
export function isSpace(cp: number): boolean {
  if (cp <= 0xff) return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0;
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Go's unicode.IsLetter (general category L). */
export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return cp >= 0 && LETTER.test(runeString(cp));
}

/** Go's unicode.IsDigit (general category Nd). */
export function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(runeString(cp));
}

/** Letters, digits and `_`: the characters of a variable name after its first. */
export function isNameChar(cp: number): boolean {
  return cp === 0x5f || isLetter(cp) || isDigit(cp);
}

/** The parameters `$` takes as a one-character name: `$@`, `$*`, `$#`, `$?`, `$-`, `$$`, `$!`, `$0`. */
const SPECIAL_PARAMETERS = "@*#?-$!0";

/**
 * Where the variable name that starts at `i` of `text` ends, as BuildKit's processName reads one: a run of digits,
 * one special parameter, or letters, digits and `_`; `i` when there is none. Code points, not UTF-16 units: an
 * astral letter is one letter. The expander's names and the linter's reference finder both read them here.
 */
export function nameEnd(text: string, i: number): number {
  if (i >= text.length) return i;
  const first = codePointAt(text, i);
  const digits = isDigit(first);
  if (!digits && SPECIAL_PARAMETERS.includes(text[i]!)) return i + 1;
  let end = i;
  while (end < text.length) {
    const cp = codePointAt(text, end);
    if (digits ? !isDigit(cp) : !isNameChar(cp)) break;
    end += widthOf(cp);
  }
  return end;
}

/** Splits a string into code points, reading lone surrogates as U+FFFD. */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i);
    out.push(cp);
    i += widthOf(cp);
  }
  return out;
}

/** Joins `cps[start:end]` back into a string without spreading huge arrays into arguments. */
export function fromCodePoints(cps: readonly number[], start = 0, end = cps.length): string {
  let out = "";
  for (let i = start; i < end; i += 4096) {
    out += String.fromCodePoint(...cps.slice(i, Math.min(end, i + 4096)));
  }
  return out;
}
