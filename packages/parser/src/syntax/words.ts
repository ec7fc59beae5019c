import { isSpace } from "../expand/chars.js";
import { keepShape } from "../shapes.js";

/** A piece of an instruction's joined line: its text and its offsets in that line. */
export interface Piece {
  value: string;
  start: number;
  end: number;
}

/** A leading flag as BuildKit extracts it: quotes removed, with where its name and value sit in the line. */
export interface FlagPiece extends Piece {
  name: string;
  /** null for a bare `--name`. */
  flagValue: string | null;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
}

/** BuildKit's `[\t\v\f\r ]` class, used to find the keyword and to split whitespace-delimited lists. */
export function isFieldSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
}

/** The flags of the lines that have none (nearly all of them), shared rather than made per line. */
const noFlags: readonly FlagPiece[] = Object.freeze([]);

/** Splits a joined instruction line into keyword, leading flags and the rest, as BuildKit's splitCommand does. */
export function splitCommand(line: string): {
  keyword: Piece | null;
  flags: readonly FlagPiece[];
  rest: Piece;
} {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  if (start === end) return { keyword: null, flags: noFlags, rest: { value: "", start: end, end } };
  let k = start;
  while (k < end && !isFieldSpace(line.charCodeAt(k))) k++;
  const keyword = { value: line.slice(start, k), start, end: k };
  let a = k;
  while (a < end && isFieldSpace(line.charCodeAt(a))) a++;
  const { flags, restStart } = extractFlags(line, a, end);
  let rs = restStart;
  while (rs < end && isSpace(line.charCodeAt(rs))) rs++;
  return { keyword, flags, rest: { value: line.slice(rs, end), start: rs, end } };
}

/**
 * Reads leading `--flag` words between `from` and `to`. Quotes are removed and a backslash escapes the next
 * character; a bare `--` ends the flags; the first word that does not start with `--` ends them too.
 */
export function extractFlags(
  line: string,
  from: number,
  to: number,
): { flags: readonly FlagPiece[]; restStart: number } {
  let flags: FlagPiece[] | null = null;
  let pos = from;
  for (;;) {
    while (pos < to && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= to) return { flags: flags ?? noFlags, restStart: to };
    if (!(line.charCodeAt(pos) === 45 && pos + 1 < to && line.charCodeAt(pos + 1) === 45)) {
      return { flags: flags ?? noFlags, restStart: pos };
    }
    const wordStart = pos;
    let word = "";
    let eqRaw = -1;
    let eqWord = -1;
    let quote = 0;
    let blankOK = false;
    while (pos < to) {
      const c = line.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(c)) break;
        if (c === 39 || c === 34) {
          quote = c;
          blankOK = true;
          pos++;
          continue;
        }
        if (c === 92) {
          if (pos + 1 === to) {
            pos++;
            continue;
          }
          pos++;
        }
        if (c === 61 && eqRaw < 0) {
          eqRaw = pos;
          eqWord = word.length;
        }
        word += line[pos];
        pos++;
      } else {
        if (c === quote) {
          quote = 0;
          pos++;
          continue;
        }
        if (c === 92) {
          if (pos + 1 === to) {
            pos++;
            quote = 0;
            continue;
          }
          pos++;
        }
        word += line[pos];
        pos++;
      }
    }
    if (word === "--") return { flags: flags ?? noFlags, restStart: pos };
    if (!blankOK && word.length === 0) continue;
    const body = word.slice(2);
    const eq = eqWord < 0 ? -1 : eqWord - 2;
    (flags ??= []).push({
      value: word,
      start: wordStart,
      end: pos,
      name: eq < 0 ? body : body.slice(0, eq),
      flagValue: eq < 0 ? null : body.slice(eq + 1),
      nameStart: wordStart + 2,
      nameEnd: eqRaw < 0 ? pos : eqRaw,
      valueStart: eqRaw < 0 ? pos : eqRaw + 1,
    });
  }
}

/** Splits on BuildKit's whitespace class (regexp `[\t\v\f\r ]+`), for FROM, EXPOSE and list forms. */
export function splitWhitespace(text: string, base: number): Piece[] {
  const out: Piece[] = [];
  if (text === "") return out;
  let i = 0;
  let start = 0;
  for (; i <= text.length; i++) {
    if (i === text.length || isFieldSpace(text.charCodeAt(i))) {
      out.push({ value: text.slice(start, i), start: base + start, end: base + i });
      while (i + 1 < text.length && isFieldSpace(text.charCodeAt(i + 1))) i++;
      start = i + 1;
    }
  }
  return out;
}

/**
 * BuildKit's parseWords for ENV, LABEL and ARG: splits on whitespace outside quotes, keeping quotes and escapes
 * in the words (they are removed later, at expansion).
 */
export function parseWords(text: string, base: number, escape: number): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    // The word is the text as written, but for an escape character at the very end of the text, which is dropped.
    let end = -1;
    let quote = 0;
    let blankOK = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (quote === 0) {
        if (isSpace(c)) break;
        if (c === 39 || c === 34) {
          quote = c;
          blankOK = true;
        }
        if (c === escape) {
          if (i + 1 === n) {
            end = i++;
            continue;
          }
          i++;
        }
        i++;
      } else {
        if (c === quote) quote = 0;
        if (c === escape && quote !== 39) {
          if (i + 1 === n) {
            end = i++;
            quote = 0;
            continue;
          }
          i++;
        }
        i++;
      }
    }
    if (end < 0) end = i;
    if (blankOK || end > start)
      out.push({ value: text.slice(start, end), start: base + start, end: base + i });
  }
  return out;
}

/** The outcome of reading an exec-form argument: BuildKit tries JSON first and falls back to shell form. */
export type JsonArray =
  | { kind: "strings"; elements: Piece[] }
  | { kind: "not-strings"; start: number; end: number }
  | { kind: "invalid" };

/**
 * Reads a JSON array from the start of `text` as Go's json.Decoder does: only the first value is read, so
 * anything after the closing bracket is ignored.
 */
export function parseJsonArray(text: string, base: number): JsonArray {
  const reader = new JsonReader(text);
  if (text.charCodeAt(0) !== 91) return { kind: "invalid" };
  try {
    const elements: Piece[] = [];
    let allStrings = true;
    let end = 0;
    reader.pos = 1;
    reader.ws();
    if (reader.peek() === 93) {
      end = reader.pos + 1;
    } else {
      for (;;) {
        reader.ws();
        const s = reader.pos;
        const value = reader.value();
        if (typeof value === "string") elements.push({ value, start: base + s, end: base + reader.pos });
        else allStrings = false;
        reader.ws();
        const c = reader.peek();
        reader.pos++;
        if (c === 93) break;
        if (c !== 44) throw new SyntaxError();
      }
      end = reader.pos;
    }
    return allStrings ? { kind: "strings", elements } : { kind: "not-strings", start: base, end: base + end };
  } catch {
    return { kind: "invalid" };
  }
}

class JsonReader {
  pos = 0;
  constructor(private readonly text: string) {}

  peek(): number {
    if (this.pos >= this.text.length) throw new SyntaxError();
    return this.text.charCodeAt(this.pos);
  }

  ws(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      this.pos++;
    }
  }

  value(): unknown {
    const c = this.peek();
    if (c === 34) return this.string();
    if (c === 91 || c === 123) {
      const close = c === 91 ? 93 : 125;
      this.pos++;
      this.ws();
      if (this.peek() === close) {
        this.pos++;
        return null;
      }
      for (;;) {
        this.ws();
        if (close === 125) {
          if (this.peek() !== 34) throw new SyntaxError();
          this.string();
          this.ws();
          if (this.peek() !== 58) throw new SyntaxError();
          this.pos++;
          this.ws();
        }
        this.value();
        this.ws();
        const d = this.peek();
        this.pos++;
        if (d === close) return null;
        if (d !== 44) throw new SyntaxError();
      }
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!literal) throw new SyntaxError();
    this.pos += literal[0].length;
    return null;
  }

  string(): string {
    this.pos++;
    let out = "";
    let chunk = this.pos;
    for (;;) {
      const c = this.peek();
      if (c === 34) {
        out += this.text.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) throw new SyntaxError();
      if (c === 92) {
        out += this.text.slice(chunk, this.pos);
        this.pos++;
        const e = this.peek();
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          this.pos++;
        } else if (e === 117) {
          const hex = this.text.slice(this.pos + 1, this.pos + 5);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxError();
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 5;
        } else {
          throw new SyntaxError();
        }
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
  }
}
keepShape(new JsonReader(""));

const ESCAPES: Record<number, string> = {
  34: '"',
  92: "\\",
  47: "/",
  98: "\b",
  102: "\f",
  110: "\n",
  114: "\r",
  116: "\t",
};
