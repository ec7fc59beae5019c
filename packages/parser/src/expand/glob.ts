import { EOF, codePointAt, codePoints, fromCodePoints, isNameChar, runeString, widthOf } from "./chars.js";
import { keepShape } from "../shapes.js";

// BuildKit turns a pattern into a Go regular expression and lets RE2 find the match. We compile the same
// three pieces (literal, `?`, `*`) into a tiny program and run it as a Pike VM, which gives the same
// leftmost-first answers as Go's engine in O(pattern × value) time and never backtracks.
const OP_CHAR = 0;
const OP_ANY = 1;
const OP_SPLIT = 2;
const OP_MATCH = 3;

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const STAR = -2;
const QUESTION = -3;

/** The result of a pattern operation: the new value, or BuildKit's `invalid pattern` message. */
export type GlobResult = { ok: true; value: string } | { ok: false; error: string };

interface Program {
  op: Uint8Array;
  /** The literal code point for OP_CHAR; the preferred branch for OP_SPLIT. */
  arg: Int32Array;
  /** The next instruction; the other branch for OP_SPLIT. */
  out: Int32Array;
}

/** Reads a pattern into tokens; returns an error message for escapes that Go's pattern converter rejects. */
function tokenize(pattern: string): number[] | string {
  const tokens: number[] = [];
  // The converter reads the pattern with a fresh text/scanner, which drops a leading byte order mark.
  let i = pattern.charCodeAt(0) === 0xfeff ? 1 : 0;
  const next = (): number => {
    if (i >= pattern.length) return EOF;
    const cp = codePointAt(pattern, i);
    i += widthOf(cp);
    return cp;
  };
  const peek = (): number => (i >= pattern.length ? EOF : codePointAt(pattern, i));
  for (let tok = next(); tok !== EOF; tok = next()) {
    if (tok === 0x2a) {
      // Consecutive stars match the same spans as one star, and collapsing them keeps the program small.
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
      continue;
    }
    if (tok === 0x3f) {
      tokens.push(QUESTION);
      continue;
    }
    if (tok === BACKSLASH) {
      // `\}` and `\/` only protect the ${} delimiters; the backslash is not part of the pattern.
      const ahead = peek();
      if (ahead === 0x7d || ahead === 0x2f) continue;
      tok = next();
      if (tok !== 0x2a && tok !== 0x3f && tok !== BACKSLASH) return `invalid escape '\\${runeString(tok)}'`;
    }
    tokens.push(tok);
  }
  return tokens;
}

function compile(tokens: readonly number[], greedy: boolean): Program {
  let size = 1;
  for (const t of tokens) size += t === STAR ? 2 : 1;
  const prog: Program = { op: new Uint8Array(size), arg: new Int32Array(size), out: new Int32Array(size) };
  let pc = 0;
  for (const t of tokens) {
    if (t === STAR) {
      // The split prefers looping (greedy `.*`) or leaving (lazy `.*?`); pc + 1 eats one character.
      prog.op[pc] = OP_SPLIT;
      prog.arg[pc] = greedy ? pc + 1 : pc + 2;
      prog.out[pc] = greedy ? pc + 2 : pc + 1;
      prog.op[pc + 1] = OP_ANY;
      prog.out[pc + 1] = pc;
      pc += 2;
    } else {
      prog.op[pc] = t === QUESTION ? OP_ANY : OP_CHAR;
      prog.arg[pc] = t;
      prog.out[pc] = pc + 1;
      pc += 1;
    }
  }
  prog.op[pc] = OP_MATCH;
  return prog;
}

/** Threads of the Pike VM in priority order, each a program counter and the position its match began. */
class ThreadList {
  readonly pc: Int32Array;
  readonly start: Int32Array;
  len = 0;

  constructor(size: number) {
    this.pc = new Int32Array(size);
    this.start = new Int32Array(size);
  }
}

/** A Pike VM over one program; reusable across searches of the same pattern. */
class Matcher {
  private cur: ThreadList;
  private next: ThreadList;
  /** Which list generation last took each program counter, so a state joins a list at most once. */
  private readonly mark: Int32Array;
  private generation = 0;
  private readonly stack: number[] = [];

  constructor(private readonly prog: Program) {
    const size = prog.op.length;
    this.cur = new ThreadList(size);
    this.next = new ThreadList(size);
    this.mark = new Int32Array(size).fill(-1);
  }

  /** Adds `pc` and its epsilon closure to `list`, highest priority first. */
  private add(list: ThreadList, pc: number, start: number): void {
    const { op, arg, out } = this.prog;
    const stack = this.stack;
    stack.push(pc);
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (this.mark[p] === this.generation) continue;
      this.mark[p] = this.generation;
      if (op[p] === OP_SPLIT) {
        stack.push(out[p]!, arg[p]!);
      } else {
        list.pc[list.len] = p;
        list.start[list.len] = start;
        list.len++;
      }
    }
  }

  /** Finds the leftmost-first match at or after `from`, as Go's regexp does; anchored means at 0 only. */
  find(text: readonly number[], from: number, anchored: boolean): [number, number] | null {
    const { op, arg, out } = this.prog;
    let match: [number, number] | null = null;
    this.cur.len = 0;
    this.generation++;
    for (let pos = from; ; pos++) {
      if (this.cur.len === 0 && (match || (anchored && pos !== 0))) break;
      // The start thread goes last, so an earlier start keeps priority and the match is leftmost. It
      // joins the current list, whose marks are still those of the current generation.
      if (!match && (!anchored || pos === 0)) this.add(this.cur, 0, pos);
      const c = pos < text.length ? text[pos]! : EOF;
      this.generation++;
      this.next.len = 0;
      for (let i = 0; i < this.cur.len; i++) {
        const pc = this.cur.pc[i]!;
        const start = this.cur.start[i]!;
        if (op[pc] === OP_MATCH) {
          // Leftmost-first: this thread beats every lower-priority thread still in the list.
          match = [start, pos];
          break;
        }
        if (op[pc] === OP_CHAR ? c === arg[pc] : c !== EOF && c !== NEWLINE)
          this.add(this.next, out[pc]!, start);
      }
      [this.cur, this.next] = [this.next, this.cur];
      if (pos >= text.length) break;
    }
    return match;
  }
}

function prepare(pattern: string, greedy: boolean): Matcher | string {
  const tokens = tokenize(pattern);
  if (typeof tokens === "string") return `invalid pattern (${pattern}) in substitution: ${tokens}`;
  return new Matcher(compile(tokens, greedy));
}

keepShape(prepare("a", false) as Matcher);

/** Removes the shortest (or, when greedy, longest) prefix of `value` matching `pattern`: `${V#p}`, `${V##p}`. */
export function trimPrefix(pattern: string, value: string, greedy: boolean): GlobResult {
  const matcher = prepare(pattern, greedy);
  if (typeof matcher === "string") return { ok: false, error: matcher };
  const text = codePoints(value);
  const m = matcher.find(text, 0, true);
  return { ok: true, value: m ? fromCodePoints(text, m[1]) : value };
}

/** Removes the shortest (or, when greedy, longest) suffix of `value` matching `pattern`: `${V%p}`, `${V%%p}`. */
export function trimSuffix(pattern: string, value: string, greedy: boolean): GlobResult {
  // BuildKit reverses both strings and trims a prefix instead; errors then quote the reversed pattern.
  const reversed = trimPrefix(reversePattern(pattern), fromCodePoints(codePoints(value).reverse()), greedy);
  if (!reversed.ok) return reversed;
  return { ok: true, value: fromCodePoints(codePoints(reversed.value).reverse()) };
}

/** Reverses a pattern but keeps each backslash in front of the character it escapes. */
export function reversePattern(pattern: string): string {
  const runes = codePoints(pattern);
  const last = runes.length - 1;
  const out = new Array<number>(runes.length);
  for (let i = 0; i <= last;) {
    const tok = runes[i]!;
    if (tok === BACKSLASH && i !== last) {
      out[last - i - 1] = tok;
      out[last - i] = runes[i + 1]!;
      i += 2;
    } else {
      out[last - i] = tok;
      i += 1;
    }
  }
  return fromCodePoints(out);
}

/** Replaces the first match of `pattern` in `value` (greedy, unanchored): `${V/p/r}`. */
export function replaceFirst(pattern: string, value: string, replacement: string): GlobResult {
  const matcher = prepare(pattern, true);
  if (typeof matcher === "string") return { ok: false, error: matcher };
  const text = codePoints(value);
  const m = matcher.find(text, 0, false);
  if (!m) return { ok: true, value };
  return { ok: true, value: fromCodePoints(text, 0, m[0]) + replacement + fromCodePoints(text, m[1]) };
}

/**
 * Replaces every match of `pattern` in `value`: `${V//p/r}`. BuildKit uses Go's ReplaceAllString here, so
 * empty matches follow Go's rules and `$0` / `${0}` / `$$` in the replacement are template references.
 */
export function replaceAll(pattern: string, value: string, replacement: string): GlobResult {
  const matcher = prepare(pattern, true);
  if (typeof matcher === "string") return { ok: false, error: matcher };
  const text = codePoints(value);
  const templated = replacement.includes("$");
  let out = "";
  let lastEnd = 0;
  let search = 0;
  while (search <= text.length) {
    const m = matcher.find(text, search, false);
    if (!m) break;
    if (m[0] > lastEnd) out += fromCodePoints(text, lastEnd, m[0]);
    // An empty match right after the previous match is not replaced again.
    if (m[1] > lastEnd || m[0] === 0) {
      out += templated ? expandTemplate(replacement, fromCodePoints(text, m[0], m[1])) : replacement;
    }
    lastEnd = m[1];
    const width = search < text.length ? 1 : 0;
    if (search + width > m[1]) search += width;
    else if (search + 1 > m[1]) search += 1;
    else search = m[1];
  }
  return { ok: true, value: out + fromCodePoints(text, lastEnd) };
}

/**
 * Go's Regexp.Expand for a pattern without groups: `$$` is `$`, `$0` and `${0}` are the match, any other
 * well-formed reference is empty, and a malformed one leaves the `$` as text.
 */
function expandTemplate(template: string, match: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const dollar = template.indexOf("$", i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template.charCodeAt(i) === 0x24) {
      out += "$";
      i += 1;
      continue;
    }
    const brace = template.charCodeAt(i) === 0x7b;
    let j = brace ? i + 1 : i;
    const nameStart = j;
    while (j < template.length) {
      const cp = codePointAt(template, j);
      if (!isNameChar(cp)) break;
      j += widthOf(cp);
    }
    const name = template.slice(nameStart, j);
    if (name === "" || (brace && template.charCodeAt(j) !== 0x7d)) {
      out += "$";
      continue;
    }
    if (name === "0") out += match;
    i = brace ? j + 1 : j;
  }
  return out + template.slice(i);
}
