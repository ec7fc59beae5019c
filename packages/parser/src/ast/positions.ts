import { keepShape } from "../shapes.js";
import { parseWork } from "../work.js";
import type { Position, Range } from "./nodes.js";

/**
 * Turns offsets into line/column positions with a table of line starts (lines are split on `\n`).
 * A byte order mark is not part of line 1 as editors and CI annotations count columns, so line 1
 * starts after it; the mark itself is at column 1.
 */
export class PositionMap {
  private readonly starts: number[];
  /**
   * The positions made last, by offset modulo the size: an instruction's range, its keyword's and its last
   * word's share their ends, so nodes share one position object per offset instead of one each.
   */
  private readonly recent: (Position | undefined)[] = new Array<Position | undefined>(64).fill(undefined);
  /** The line of the last lookup: offsets mostly come in source order. */
  private line = 0;

  constructor(text: string) {
    this.starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    let i = text.indexOf("\n");
    while (i >= 0) {
      this.starts.push(i + 1);
      i = text.indexOf("\n", i + 1);
    }
  }

  /** The position of an offset: 1-based line, 1-based column in UTF-16 code units. */
  at(offset: number): Position {
    const slot = offset & 63;
    const cached = this.recent[slot];
    if (cached !== undefined && cached.offset === offset) return cached;
    const starts = this.starts;
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
    this.recent[slot] = position;
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
  /** Pairs of (offset in the joined line, offset in the source), one per physical text piece. */
  constructor(
    private readonly logical: number[],
    private readonly source: number[],
    private readonly lengths: number[],
  ) {}

  /** Source offset of a position that starts something. */
  start(l: number): number {
    // The last piece that starts at or before l; past its end, the next piece (l sits on a joint).
    let i = this.last((start) => start <= l);
    if (i < this.logical.length - 1 && l >= this.logical[i]! + this.lengths[i]!) i++;
    return this.source[i]! + Math.max(0, l - this.logical[i]!);
  }

  /** Source offset of a position that ends something (stays on the earlier line at a piece boundary). */
  end(l: number): number {
    const i = this.last((start) => start < l);
    return this.source[i]! + Math.max(0, l - this.logical[i]!);
  }

  /** Binary search: the last index whose piece start satisfies the (monotone) test, or 0. */
  private last(test: (start: number) => boolean): number {
    let lo = 0;
    let hi = this.logical.length - 1;
    while (lo < hi) {
      parseWork.steps++;
      const mid = (lo + hi + 1) >> 1;
      if (test(this.logical[mid]!)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

keepShape(new PositionMap(""));
keepShape(new SourceText("", 92));
keepShape(new LineMap([0], [0], [0]));
