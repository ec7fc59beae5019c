import type { SyntaxToken } from "../ast/nodes.js";
import { isSpace } from "../expand/chars.js";
import { findHeredocBodies, type HeredocBodies } from "../syntax/heredoc.js";
import { keepShape } from "../shapes.js";
import { parseWork } from "../work.js";

/**
 * The line scanner finds a Dockerfile's line structure, like BuildKit's scanner: top-level blank lines and
 * comments, and each instruction with its continuation lines, the comment and empty lines inside a
 * continuation, and the line break that ends it together with the heredoc bodies it opened. Words, flags and
 * forms are read from each instruction's joined line by the syntax layer, because how an instruction splits
 * into words depends on the instruction (JSON, whitespace list, raw string, key=value pairs), as in BuildKit.
 *
 * This is a regular language read one line piece at a time, so it is written as a loop rather than with a
 * lexer generator: the loop hands each piece straight to the AST builder and keeps no token list. Parsing the
 * corpus took about a quarter less CPU time than with Chevrotain's lexer and grammar running the same matchers.
 */

const NL = 10;
const CR = 13;
const HASH = 35;

/** One instruction's physical lines, as the scanner split them. */
export interface InstructionLines {
  /** Offset of the instruction's first character. */
  readonly start: number;
  /** Offset after its last piece (the line break that ends it, or its heredoc bodies). */
  readonly end: number;
  /**
   * Every piece of the instruction in source order: printing their texts gives the instruction back. Only when
   * asked for (`instructionTokens`): a parse keeps none, nodes make theirs when first read.
   */
  readonly tokens: SyntaxToken[] | null;
  /** Start and end (line break excluded) of each whitespace-only line inside a continuation; null when none. */
  readonly emptyLines: number[] | null;
  /** The last text piece and where it starts; -1 when there is none. */
  readonly lastText: string;
  readonly lastTextStart: number;
  /** The text pieces joined (continuations and comment lines dropped): BuildKit's logical line. */
  readonly logical: string;
  /** Per text piece, flat: where it starts in `logical`, where it starts in the source, and its length. */
  readonly pieces: number[];
  /** End of the last text or continuation piece. */
  readonly textEnd: number;
  /** The heredoc bodies read after the line, or null when it opened none. */
  readonly bodies: HeredocBodies | null;
}

/** Receives the top-level pieces of a file in source order. */
export interface LineSink {
  /** Line breaks, blank lines and indentation between top-level pieces (a byte order mark is skipped). */
  trivia(start: number, end: number): void;
  /** A top-level comment line, without its line break. */
  comment(start: number, end: number): void;
  instruction(lines: InstructionLines): void;
}

/** Scans a whole file; never fails (every character belongs to some piece). */
export function scanLines(text: string, escapeChar: "\\" | "`", sink: LineSink): void {
  new Scanner(text, escapeChar.charCodeAt(0)).run(sink);
}

/**
 * The syntax tokens of the instruction that `scanLines` found at `start` (with `escape`, a character code),
 * given its joined line.
 */
export function instructionTokens(
  text: string,
  escape: number,
  start: number,
  logical: string,
): SyntaxToken[] {
  return new Scanner(text, escape).instruction(start, logical).tokens!;
}

class Scanner {
  constructor(
    private readonly text: string,
    private readonly escape: number,
  ) {}

  run(sink: LineSink): void {
    const text = this.text;
    const n = text.length;
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let triviaStart = -1;
    while (pos < n) {
      parseWork.steps++;
      const c = text.charCodeAt(pos);
      // Line breaks and blanks run together into one piece of trivia.
      let end = this.endOfLineAt(pos);
      if (end <= pos) end = this.blankEnd(pos);
      if (end > pos) {
        if (triviaStart < 0) triviaStart = pos;
        pos = end;
        continue;
      }
      if (triviaStart >= 0) {
        sink.trivia(triviaStart, pos);
        triviaStart = -1;
      }
      if (c === HASH) {
        end = lineEndBeforeBreak(text, pos);
        sink.comment(pos, end);
        pos = end;
        continue;
      }
      const lines = this.instruction(pos, null);
      sink.instruction(lines);
      pos = lines.end > pos ? lines.end : n;
    }
    if (triviaStart >= 0) sink.trivia(triviaStart, n);
  }

  /**
   * One instruction from its first line to the line break that ends it (and its heredoc bodies). Given the
   * joined line (`known`, when a node reads its tokens again), it makes the tokens instead of the joined line
   * and its piece map.
   */
  instruction(start: number, known: string | null): InstructionLines {
    const text = this.text;
    const n = text.length;
    const tokens: SyntaxToken[] | null = known === null ? null : [];
    let emptyLines: number[] | null = null;
    let lastText = "";
    let lastTextStart = -1;
    let pieces: number[] | null = null;
    let logical = "";
    let textEnd = start;
    let bodies: HeredocBodies | null = null;
    let pos = start;
    while (pos < n) {
      parseWork.steps++;
      let end: number;
      // Comment and empty lines are dropped inside a continuation, but not on the instruction's first line.
      if (pos > start && text.charCodeAt(pos - 1) === NL) {
        end = this.commentLineEnd(pos);
        if (end > pos) {
          tokens?.push({ kind: "comment", text: text.slice(pos, end), offset: pos });
          pos = end;
          continue;
        }
        end = this.emptyLineEnd(pos);
        if (end > pos) {
          tokens?.push({ kind: "empty", text: text.slice(pos, end), offset: pos });
          (emptyLines ??= []).push(pos, withoutLineBreak(text, end));
          pos = end;
          continue;
        }
      }
      end = this.endOfLineAt(pos);
      if (end > pos) {
        // The line break that ends the instruction, and after it the bodies of the heredocs the line opened.
        // Carriage returns at the very end of the file end the instruction as a line break would.
        bodies = text.charCodeAt(end - 1) === NL ? findHeredocBodies(text, end, known ?? logical) : null;
        tokens?.push({ kind: "newline", text: text.slice(pos, end), offset: pos });
        pos = end;
        if (bodies !== null && bodies.end > end) {
          tokens?.push({ kind: "heredoc", text: text.slice(end, bodies.end), offset: end });
          pos = bodies.end;
        }
        break;
      }
      end = this.continuationEndAt(pos);
      if (end >= 0) {
        tokens?.push({ kind: "continuation", text: text.slice(pos, end), offset: pos });
        textEnd = pos = end;
        continue;
      }
      end = this.textEnd(pos);
      const piece = text.slice(pos, end);
      lastText = piece;
      lastTextStart = pos;
      if (tokens !== null) {
        tokens.push({ kind: "text", text: piece, offset: pos });
        textEnd = pos = end;
        continue;
      }
      // Made with its first piece: a list made empty and pushed to keeps room for 17.
      if (pieces === null) pieces = [logical.length, pos, end - pos];
      else pieces.push(logical.length, pos, end - pos);
      logical += piece;
      textEnd = pos = end;
    }
    return {
      start,
      end: pos,
      // The node keeps the token list: copy it to its exact size (a list filled by push keeps room for 17).
      tokens: tokens === null ? null : tokens.slice(),
      emptyLines,
      lastText,
      lastTextStart,
      logical,
      // An instruction with no text (a lone continuation) maps everything to its start.
      pieces: pieces ?? [0, start, 0],
      textEnd,
      bodies,
    };
  }

  /** Skips `\r` characters that stand right before a line break (BuildKit trims them with the newline). */
  private endOfLineAt(i: number): number {
    const text = this.text;
    let j = i;
    while (j < text.length && text.charCodeAt(j) === CR) j++;
    if (j === text.length) return j;
    return text.charCodeAt(j) === NL ? j + 1 : -1;
  }

  /** End of a run of blanks that stops before a line break; `i` when there is none. */
  private blankEnd(i: number): number {
    const text = this.text;
    let j = i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === NL || !isSpace(c) || (c === CR && this.endOfLineAt(j) >= 0)) break;
      j++;
    }
    return j;
  }

  /**
   * BuildKit's continuation test: the escape character is the last non-blank character of the line and is not
   * itself escaped (preceded by another escape character on the same line). Returns the end of the line break
   * after it, or -1.
   */
  private continuationEndAt(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i) !== this.escape) return -1;
    if (i > 0 && text.charCodeAt(i - 1) === this.escape) return -1;
    let j = i + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 9) break;
      j++;
    }
    return this.endOfLineAt(j);
  }

  /**
   * Instruction text on one physical line, up to a continuation or the line break. Only the last escape
   * character of a line can start a continuation (nothing but blanks may follow it), so the line's end is found
   * first and the continuation looked for backwards from there.
   */
  private textEnd(from: number): number {
    const text = this.text;
    let end = text.indexOf("\n", from);
    if (end < 0) end = text.length;
    while (end > from && text.charCodeAt(end - 1) === CR) end--;
    let i = end;
    while (i > from) {
      const c = text.charCodeAt(i - 1);
      if (c !== 32 && c !== 9) break;
      i--;
    }
    return i > from && this.continuationEndAt(i - 1) >= 0 ? i - 1 : end;
  }

  /** A comment line inside a continuation, line break included (BuildKit drops it and the instruction goes on). */
  private commentLineEnd(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length && text.charCodeAt(i) !== NL && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== HASH) return from;
    const nl = text.indexOf("\n", i);
    return nl < 0 ? text.length : nl + 1;
  }

  /** A whitespace-only line inside a continuation, line break included (dropped, with BuildKit's warning). */
  private emptyLineEnd(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length && text.charCodeAt(i) !== NL && isSpace(text.charCodeAt(i))) i++;
    if (i < text.length && text.charCodeAt(i) !== NL) return from;
    return i < text.length ? i + 1 : i;
  }
}

keepShape(new Scanner("", 92));

/** End of the line that contains `i`, before its line break and the carriage returns before it. */
function lineEndBeforeBreak(text: string, i: number): number {
  let nl = text.indexOf("\n", i);
  if (nl < 0) nl = text.length;
  while (nl > i && text.charCodeAt(nl - 1) === CR) nl--;
  return nl;
}

/** `end` less the line break before it (`\n` or `\r\n`), if there is one. */
function withoutLineBreak(text: string, end: number): number {
  if (text.charCodeAt(end - 1) !== NL) return end;
  return text.charCodeAt(end - 2) === CR ? end - 2 : end - 1;
}
