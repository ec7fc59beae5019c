import type { Range } from "@hull/parser";

/** One `$NAME` or `${NAME…}` reference found in a word, with offsets into the scanned text. */
export interface VarRef {
  name: string;
  /** Offset of the `$`. */
  start: number;
  /** Offset just past the name (`$NAME`) or the closing `}`. */
  end: number;
  /** The operator after the name: `-`, `+`, `?`, `#`, `%`, `/`, or "" for a plain reference. */
  operator: string;
}

/** True for `${V-w}`, `${V:-w}`, `${V+w}` and `${V:+w}`: forms that handle an unset variable on purpose. */
export function isGuarded(ref: VarRef): boolean {
  return ref.operator === "-" || ref.operator === "+";
}

const SPECIAL_PARAMS = "@*#?-$!0";

/**
 * Finds the variable references of a word as BuildKit's shell lexer would look them up, with their offsets.
 * This only locates references (for exact ranges and to tell guarded forms apart); `expandWord` stays the one
 * source of truth for values and for which names are missing.
 */
export function findVarRefs(text: string, escape: string, skipQuotes = false): VarRef[] {
  const refs: VarRef[] = [];
  const n = text.length;
  let i = 0;

  const readName = (): string => {
    const start = i;
    if (i < n && /\p{Nd}/u.test(text[i]!)) {
      while (i < n && /\p{Nd}/u.test(text[i]!)) i++;
      return text.slice(start, i);
    }
    if (i < n && SPECIAL_PARAMS.includes(text[i]!)) return text[i++]!;
    while (i < n && /[\p{L}\p{Nd}_]/u.test(text[i]!)) i++;
    return text.slice(start, i);
  };

  // Returns false when the text ends before `stop`, as BuildKit's lexer then fails.
  const scanUntil = (stop: string | null): boolean => {
    while (i < n) {
      const ch = text[i]!;
      if (stop !== null && ch === stop) {
        i++;
        return true;
      }
      if (ch === "$") dollar();
      else if (!skipQuotes && ch === "'") {
        const close = text.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
      } else if (!skipQuotes && ch === '"') doubleQuoted();
      else i += ch === escape ? 2 : 1;
    }
    return stop === null;
  };

  const doubleQuoted = () => {
    i++;
    while (i < n) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === "$") {
        dollar();
        continue;
      }
      i++;
      if (ch === escape && i < n && (text[i] === '"' || text[i] === "$" || text[i] === escape)) i++;
    }
  };

  const dollar = () => {
    const start = i;
    i++;
    if (text[i] !== "{") {
      const name = readName();
      if (name !== "") refs.push({ name, start, end: i, operator: "" });
      return;
    }
    i++;
    if (i >= n || text[i] === "{" || text[i] === "}" || text[i] === ":") return;
    const name = readName();
    const ch = text[i++];
    let operator: string;
    if (ch === "}") operator = "";
    else if (ch === ":") {
      operator = text[i++] ?? "";
      if (!scanUntil("}")) return;
    } else if (ch !== undefined && "+-?#%".includes(ch)) {
      operator = ch;
      if (!scanUntil("}")) return;
    } else if (ch === "/") {
      operator = "/";
      if (text[i] === "/") i++;
      if (!scanUntil("/") || !scanUntil("}")) return;
    } else return;
    if (name !== "") refs.push({ name, start, end: i, operator });
  };

  scanUntil(null);
  return refs.sort((a, b) => a.start - b.start);
}

/**
 * Maps references found in `value` to offsets in the source text that produced it (they differ for JSON
 * elements, quoted flags and continuation lines); a reference that cannot be found gets `null`.
 */
export function locateRefs(value: string, refs: readonly VarRef[], source: string, sourceStart: number) {
  if (value === source)
    return refs.map((ref) => ({ ref, start: sourceStart + ref.start, end: sourceStart + ref.end }));
  let cursor = 0;
  return refs.map((ref) => {
    const needle = value.slice(ref.start, ref.end);
    const at = source.indexOf(needle, cursor);
    if (at < 0) return { ref, start: null, end: null };
    cursor = at + needle.length;
    return { ref, start: sourceStart + at, end: sourceStart + at + needle.length };
  });
}

/** A range for `[start, end)` source offsets. */
export type RangeOf = (start: number, end: number) => Range;
