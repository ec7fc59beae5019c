import { keepShape } from "../shapes.js";
import { parseWork } from "../work.js";
import type { Position, Range } from "./nodes.js";

/**
 * Turns offsets into line/column positions with a table of line starts (lines are split on `\n`).
 * A byte order mark is not part of line 1 as editors and CI annotations count columns, so line 1
 * starts after it; the mark itself is at column 1.
 */
export class PositionMap {
  /** Where each line starts; made on first lookup, as a parse that reads no range needs none. */
  private starts: Int32Array | number[] | null = null;
  /**
   * The positions made last, by offset modulo the size: an instruction's range, its keyword's and its last
   * word's share their ends, so nodes share one position object per offset instead of one each.
   */
  private recent: (Position | undefined)[] | null = null;
  /** The line of the last lookup: offsets mostly come in source order. */
  private line = 0;

  constructor(private readonly text: string) {}

  /**
   * The line starts. A file of a megabyte or more has them counted first, so that the table is made at its size:
   * 4 bytes a line, where a list grown line by line takes 8 and copies itself as it grows (a 50 MB file has
   * millions of lines). A smaller file lists them in one pass: a typed array's memory is allocated outside the
   * heap, which cost more than the whole count for the files of the corpus.
   */
  private lineStarts(): Int32Array | number[] {
    const text = this.text;
    if (text.length < 1 << 20) {
      const list = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) list.push(i + 1);
      return (this.starts = list);
    }
    let count = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
    const starts = new Int32Array(count);
    starts[0] = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts[line++] = i + 1;
    return (this.starts = starts);
  }

  /** The position of an offset: 1-based line, 1-based column in UTF-16 code units. */
  at(offset: number): Position {
    const slot = offset & 63;
    // Made with the first position: many parses make none.
    const recent = (this.recent ??= new Array<Position | undefined>(64).fill(undefined));
    const cached = recent[slot];
    if (cached !== undefined && cached.offset === offset) return cached;
    const starts = this.starts ?? this.lineStarts();
    let lo = this.line;
    if (!(starts[lo]! <= offset && (lo + 1 === starts.length || starts[lo + 1]! > offset))) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        parseWork.steps++;
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      this.line = lo;
    }
    const position = { offset, line: lo + 1, column: Math.max(offset - starts[lo]!, 0) + 1 };
    recent[slot] = position;
    return position;
  }

  range(start: number, end: number): Range {
    return { start: this.at(start), end: this.at(end) };
  }
}

/** A file's text with its line table and escape character: what nodes make their ranges from. */
export class SourceText {
  readonly positions: PositionMap;
  constructor(
    readonly text: string,
    /** The escape character's code. */
    readonly escape: number,
  ) {
    this.positions = new PositionMap(text);
  }

  range(start: number, end: number): Range {
    return this.positions.range(start, end);
  }
}

/** Maps offsets in an instruction's joined line back to the source. */
export class LineMap {
  /**
   * One triple per physical text piece: where it starts in the joined line, where it starts in the source, and
   * its length. One flat list: most instructions have one piece, and three lists cost three allocations each.
   */
  constructor(private readonly pieces: number[]) {}

  /** Source offset of a position that starts something. */
  start(l: number): number {
    const pieces = this.pieces;
    // The last piece that starts at or before l; past its end, the next piece (l sits on a joint).
    let i = this.last(l, false);
    if (i + 3 < pieces.length && l >= pieces[i]! + pieces[i + 2]!) i += 3;
    return pieces[i + 1]! + Math.max(0, l - pieces[i]!);
  }

  /** Source offset of a position that ends something (stays on the earlier line at a piece boundary). */
  end(l: number): number {
    const i = this.last(l, true);
    return this.pieces[i + 1]! + Math.max(0, l - this.pieces[i]!);
  }

  /**
   * Binary search: the index of the last piece that starts at or before `l` (before `l` when `strictly`), or 0.
   */
  private last(l: number, strictly: boolean): number {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length / 3 - 1;
    while (lo < hi) {
      parseWork.steps++;
      const mid = (lo + hi + 1) >> 1;
      const start = pieces[mid * 3]!;
      if (strictly ? start < l : start <= l) lo = mid;
      else hi = mid - 1;
    }
    return lo * 3;
  }
}

keepShape(new PositionMap(""));
keepShape(new SourceText("", 92));
keepShape(new LineMap([0, 0, 0]));
