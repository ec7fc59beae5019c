import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from "chevrotain";
import { findHeredocBodies } from "../syntax/heredoc.js";
import { isSpace } from "../expand/chars.js";

/**
 * The lexer is line-structural, like BuildKit's scanner: it finds instructions, their continuation lines,
 * comment and empty lines inside continuations, and heredoc bodies. Words, flags and forms are read from each
 * instruction's joined line by the syntax layer, because how an instruction splits into words depends on the
 * instruction (JSON, whitespace list, raw string, key=value pairs), exactly as in BuildKit.
 */

const NL = 10;
const CR = 13;

/** The escape character of the file being lexed, set by `tokenize` from the `escape` directive. */
let escape = 92;

/** Sets the escape character (`\` or backtick) for the next run of the lexer. */
export function setEscape(char: "\\" | "`"): void {
  escape = char.charCodeAt(0);
}

function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === NL;
}

/** Skips `\r` characters that stand right before a line break (BuildKit trims them with the newline). */
function endOfLineAt(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) === CR) j++;
  if (j === text.length) return j;
  return text.charCodeAt(j) === NL ? j + 1 : -1;
}

/**
 * BuildKit's continuation test: the escape character is the last non-blank character of the line and is not
 * itself escaped (preceded by another escape character on the same line).
 */
export function continuationEndAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== escape) return -1;
  if (!isLineStart(text, i) && text.charCodeAt(i - 1) === escape) return -1;
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9) break;
    j++;
  }
  return endOfLineAt(text, j);
}

const matchContinuation: CustomPatternMatcherFunc = (text, offset) => {
  const end = continuationEndAt(text, offset);
  return end < 0 ? null : [text.slice(offset, end)];
};

/** Instruction text on one physical line, up to a continuation or the line break. */
const matchText: CustomPatternMatcherFunc = (text, offset) => {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NL) break;
    if (c === CR && endOfLineAt(text, i) >= 0) break;
    if (c === escape && continuationEndAt(text, i) >= 0) break;
    i++;
  }
  return i === offset ? null : [text.slice(offset, i)];
};

/** A comment line inside a continuation: BuildKit drops it and the instruction goes on. */
const matchCommentLine: CustomPatternMatcherFunc = (text, offset) => {
  if (!isLineStart(text, offset)) return null;
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== NL && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 35) return null;
  const nl = text.indexOf("\n", i);
  return [text.slice(offset, nl < 0 ? text.length : nl + 1)];
};

/** A whitespace-only line inside a continuation: dropped, with BuildKit's empty-continuation warning. */
const matchEmptyLine: CustomPatternMatcherFunc = (text, offset) => {
  if (!isLineStart(text, offset)) return null;
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== NL && isSpace(text.charCodeAt(i))) i++;
  if (i < text.length && text.charCodeAt(i) !== NL) return null;
  const end = i < text.length ? i + 1 : i;
  return end === offset ? null : [text.slice(offset, end)];
};

/**
 * The line break that ends an instruction, followed by the bodies of the heredocs the instruction opened.
 * The payload holds the body spans (see `findHeredocBodies`).
 */
const matchEnd: CustomPatternMatcherFunc = (text, offset, tokens) => {
  const end = endOfLineAt(text, offset);
  if (end <= offset) return null;
  // Carriage returns at the very end of the file end the instruction as a line break would.
  if (text.charCodeAt(end - 1) !== NL) return [text.slice(offset, end)];
  const bodies = findHeredocBodies(text, end, instructionLine(tokens));
  if (bodies === null) return [text.slice(offset, end)];
  const match: RegExpExecArray = [text.slice(offset, bodies.end)] as unknown as RegExpExecArray;
  (match as unknown as { payload: unknown }).payload = bodies;
  return match;
};

/** Joins the text of the instruction being lexed, from the token that opened it. */
function instructionLine(tokens: { image: string; tokenType: TokenType }[]): string {
  let start = tokens.length - 1;
  while (start > 0 && !isInstructionStart(tokens[start]!.tokenType)) start--;
  let line = "";
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType === FirstText || t.tokenType === Text) line += t.image;
  }
  return line;
}

function isInstructionStart(type: TokenType): boolean {
  return type === FirstText || type === FirstContinuation;
}

/** Every char code below 256 except the given ones, plus one code per bucket Chevrotain uses above 255. */
function startCharsExcept(excluded: number[]): number[] {
  const hints: number[] = [];
  for (let c = 0; c < 256; c++) if (!excluded.includes(c)) hints.push(c);
  for (let c = 256; c < 65536; c += 255) hints.push(c);
  hints.push(65535);
  return hints;
}

const textStart = startCharsExcept([NL]);

export const Bom = createToken({
  name: "Bom",
  pattern: (text, offset) => (offset === 0 && text.charCodeAt(0) === 0xfeff ? ["\ufeff"] : null),
  start_chars_hint: [0xfeff],
  line_breaks: false,
});
export const Newline = createToken({
  name: "Newline",
  pattern: (text, offset) => {
    const end = endOfLineAt(text, offset);
    return end > offset ? [text.slice(offset, end)] : null;
  },
  start_chars_hint: [NL, CR],
  line_breaks: true,
});
export const Blank = createToken({
  name: "Blank",
  pattern: (text, offset) => {
    let i = offset;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === NL || !isSpace(c) || (c === CR && endOfLineAt(text, i) >= 0)) break;
      i++;
    }
    return i === offset ? null : [text.slice(offset, i)];
  },
  start_chars_hint: [9, 11, 12, 13, 32, 0x85, 0xa0, 0x1680, 0x2000, 0x2028, 0x202f, 0x205f, 0x3000],
  line_breaks: false,
});
export const Comment = createToken({
  name: "Comment",
  pattern: (text, offset) => {
    if (text.charCodeAt(offset) !== 35) return null;
    let nl = text.indexOf("\n", offset);
    if (nl < 0) nl = text.length;
    while (nl > offset && text.charCodeAt(nl - 1) === CR) nl--;
    return [text.slice(offset, nl)];
  },
  start_chars_hint: [35],
  line_breaks: false,
});
export const FirstContinuation = createToken({
  name: "FirstContinuation",
  pattern: matchContinuation,
  start_chars_hint: [92, 96],
  line_breaks: true,
  push_mode: "instruction",
});
export const FirstText = createToken({
  name: "FirstText",
  pattern: matchText,
  start_chars_hint: textStart,
  line_breaks: false,
  push_mode: "instruction",
});
export const End = createToken({
  name: "End",
  pattern: matchEnd,
  start_chars_hint: [NL, CR],
  line_breaks: true,
  pop_mode: true,
});
export const CommentLine = createToken({
  name: "CommentLine",
  pattern: matchCommentLine,
  start_chars_hint: [9, 11, 12, 13, 32, 35, 0xa0],
  line_breaks: true,
});
export const EmptyLine = createToken({
  name: "EmptyLine",
  pattern: matchEmptyLine,
  start_chars_hint: [9, 10, 11, 12, 13, 32, 0xa0],
  line_breaks: true,
});
export const Continuation = createToken({
  name: "Continuation",
  pattern: matchContinuation,
  start_chars_hint: [92, 96],
  line_breaks: true,
});
export const Text = createToken({
  name: "Text",
  pattern: matchText,
  start_chars_hint: textStart,
  line_breaks: false,
});

/** Tokens by lexer mode: top-level lines, and the lines of one instruction. */
export const lexerDefinition = {
  modes: {
    top: [Bom, Newline, Blank, Comment, FirstContinuation, FirstText],
    instruction: [CommentLine, EmptyLine, End, Continuation, Text],
  },
  defaultMode: "top",
};

export const allTokens: TokenType[] = [
  Bom,
  Newline,
  Blank,
  Comment,
  FirstContinuation,
  FirstText,
  End,
  CommentLine,
  EmptyLine,
  Continuation,
  Text,
];

export { Lexer };
