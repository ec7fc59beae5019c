import { nameEnd, type Range } from "@hull/parser";

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

/**
 * The text of the first use (`${NAME:-default}`), when every use of a name handles it being unset on purpose; null
 * when some use is plain, or there is none. `text` is the text the references were found in.
 */
export function guardedForm(uses: readonly { ref: VarRef }[], text: string): string | null {
  if (uses.length === 0 || !uses.every((u) => isGuarded(u.ref))) return null;
  const { ref } = uses[0]!;
  return text.slice(ref.start, ref.end);
}

/**
 * Finds the variable references of a word as BuildKit's shell lexer would look them up, with their offsets.
 * This only locates references (for exact ranges and to tell guarded forms apart); `expandWord` stays the one
 * source of truth for values and for which names are missing.
 */
export function findVarRefs(text: string, escape: string, skipQuotes = false): VarRef[] {
  // Most words have no reference at all.
  if (!text.includes("$")) return [];
  const scan: RefScan = { text, escape, skipQuotes, i: 0, refs: [] };
  scanUntil(scan, null);
  const refs = scan.refs;
  return refs.length > 1 ? refs.sort(byStart) : refs;
}

/**
 * The state of `findVarRefs` over one word, read and advanced by the functions below: module-level functions
 * rather than closures made for each word.
 */
interface RefScan {
  readonly text: string;
  readonly escape: string;
  readonly skipQuotes: boolean;
  /** The offset being read. */
  i: number;
  readonly refs: VarRef[];
}

function byStart(a: VarRef, b: VarRef): number {
  return a.start - b.start;
}

function readName(scan: RefScan): string {
  const end = nameEnd(scan.text, scan.i);
  const name = scan.text.slice(scan.i, end);
  scan.i = end;
  return name;
}

/** Returns false when the text ends before `stop`, as BuildKit's lexer then fails. */
function scanUntil(scan: RefScan, stop: string | null): boolean {
  const { text, escape, skipQuotes } = scan;
  const n = text.length;
  while (scan.i < n) {
    const ch = text[scan.i]!;
    if (stop !== null && ch === stop) {
      scan.i++;
      return true;
    }
    if (ch === "$") dollar(scan);
    else if (!skipQuotes && ch === "'") {
      const close = text.indexOf("'", scan.i + 1);
      scan.i = close < 0 ? n : close + 1;
    } else if (!skipQuotes && ch === '"') doubleQuoted(scan);
    else scan.i += ch === escape ? 2 : 1;
  }
  return stop === null;
}

function doubleQuoted(scan: RefScan): void {
  const { text, escape } = scan;
  const n = text.length;
  scan.i++;
  while (scan.i < n) {
    const ch = text[scan.i]!;
    if (ch === '"') {
      scan.i++;
      return;
    }
    if (ch === "$") {
      dollar(scan);
      continue;
    }
    scan.i++;
    const next = text[scan.i];
    if (ch === escape && scan.i < n && (next === '"' || next === "$" || next === escape)) scan.i++;
  }
}

function dollar(scan: RefScan): void {
  const { text } = scan;
  const n = text.length;
  const start = scan.i;
  scan.i++;
  if (text[scan.i] !== "{") {
    const name = readName(scan);
    if (name !== "") scan.refs.push({ name, start, end: scan.i, operator: "" });
    return;
  }
  scan.i++;
  if (scan.i >= n || text[scan.i] === "{" || text[scan.i] === "}" || text[scan.i] === ":") return;
  const name = readName(scan);
  const ch = text[scan.i++];
  let operator: string;
  if (ch === "}") operator = "";
  else if (ch === ":") {
    operator = text[scan.i++] ?? "";
    if (!scanUntil(scan, "}")) return;
  } else if (ch !== undefined && "+-?#%".includes(ch)) {
    operator = ch;
    if (!scanUntil(scan, "}")) return;
  } else if (ch === "/") {
    operator = "/";
    if (text[scan.i] === "/") scan.i++;
    if (!scanUntil(scan, "/") || !scanUntil(scan, "}")) return;
  } else return;
  if (name !== "") scan.refs.push({ name, start, end: scan.i, operator });
}

/**
 * Maps references found in `value` to offsets in the source text that produced it (they differ for JSON
 * elements, quoted flags and continuation lines); a reference that cannot be found gets `null`.
 */
export function locateRefs(
  value: string,
  refs: readonly VarRef[],
  source: string,
  sourceStart: number,
): LocatedRef[] {
  const located: LocatedRef[] = [];
  if (value === source) {
    for (const ref of refs) located.push({ ref, start: sourceStart + ref.start, end: sourceStart + ref.end });
    return located;
  }
  let cursor = 0;
  for (const ref of refs) {
    const needle = value.slice(ref.start, ref.end);
    const at = source.indexOf(needle, cursor);
    if (at < 0) {
      located.push({ ref, start: null, end: null });
      continue;
    }
    cursor = at + needle.length;
    located.push({ ref, start: sourceStart + at, end: sourceStart + at + needle.length });
  }
  return located;
}

/** A reference of `locateRefs` with its source offsets, or null ones when it was not found. */
export type LocatedRef =
  { ref: VarRef; start: number; end: number } | { ref: VarRef; start: null; end: null };

/** A range for `[start, end)` source offsets. */
export type RangeOf = (start: number, end: number) => Range;
