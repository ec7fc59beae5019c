import type { IToken } from "chevrotain";
import { group } from "../grammar/parser.js";
import { tokenize } from "../lexer/lexer.js";
import { CommentLine, Continuation, EmptyLine, End, FirstContinuation } from "../lexer/tokens.js";
import { scanDirectives } from "../syntax/directives.js";
import type { HeredocBodies } from "../syntax/heredoc.js";
import type {
  Comment,
  Directive,
  Dockerfile,
  From,
  Instruction,
  ParseDiagnostic,
  ParseResult,
  Range,
  Stage,
  SyntaxToken,
  TopLevelNode,
  Whitespace,
} from "./nodes.js";
import { InstructionReader, parseInstruction, type InstructionSource } from "./instructions.js";
import { LineMap, PositionMap } from "./positions.js";

/** Options for `parse`. */
export interface ParseOptions {
  /** Run Chevrotain's grammar validations (slower start; for tests). */
  validateGrammar?: boolean;
}

/** Parses a Dockerfile into a lossless AST; never throws: problems come back as diagnostics. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return new Builder(String(text), options).build();
  } catch (error) {
    // A crash here is a bug in hull; keep the text (so printing still round-trips) and say what happened.
    const map = new PositionMap(text);
    const whole = map.range(0, text.length);
    return {
      ast: emptyDockerfile(text, whole),
      diagnostics: [
        {
          code: "internal-error",
          message: `hull's parser failed on this input: ${error instanceof Error ? error.message : String(error)}`,
          severity: "error",
          range: whole,
        },
      ],
    };
  }
}

function emptyDockerfile(text: string, range: Range): Dockerfile {
  return {
    type: "Dockerfile",
    range,
    bom: false,
    escapeChar: "\\",
    directives: [],
    comments: [],
    instructions: [],
    preamble: [],
    stages: [],
    children: text === "" ? [] : [{ type: "Whitespace", text, range }],
  };
}

class Builder {
  private readonly map: PositionMap;
  private readonly diagnostics: ParseDiagnostic[] = [];
  private escapeChar: "\\" | "`" = "\\";

  constructor(
    private readonly text: string,
    private readonly options: ParseOptions,
  ) {
    this.map = new PositionMap(text);
  }

  private range(start: number, end: number): Range {
    return this.map.range(start, end);
  }

  private report(
    code: string,
    message: string,
    start: number,
    end: number,
    severity: "error" | "warning" = "error",
  ) {
    this.diagnostics.push({ code, message, severity, range: this.range(start, end) });
  }

  build(): ParseResult {
    const text = this.text;
    const bom = text.charCodeAt(0) === 0xfeff;
    const { lines: directiveLines, escape } = scanDirectives(text, bom ? 1 : 0);
    this.escapeChar = escape;
    const groups = group(tokenize(text, escape, this.options.validateGrammar), this.options.validateGrammar);

    const directives: Directive[] = [];
    const directiveAt = new Map(directiveLines.map((d) => [d.start, d]));
    const children: TopLevelNode[] = [];
    const comments: Comment[] = [];
    const instructions: Instruction[] = [];
    let pending: Comment[] = [];
    let trivia: { start: number; text: string } | null = null;
    const flushTrivia = () => {
      if (trivia === null) return;
      const node: Whitespace = {
        type: "Whitespace",
        text: trivia.text,
        range: this.range(trivia.start, trivia.start + trivia.text.length),
      };
      children.push(node);
      trivia = null;
    };

    for (const g of groups) {
      if (g.kind === "trivia") {
        if (g.token.startOffset === 0 && bom) continue;
        if (trivia === null) trivia = { start: g.token.startOffset, text: g.token.image };
        else trivia.text += g.token.image;
        continue;
      }
      flushTrivia();
      if (g.kind === "comment") {
        const t = g.token;
        const end = t.startOffset + t.image.length;
        const d = directiveAt.get(t.startOffset);
        if (d) {
          const node: Directive = {
            type: "Directive",
            name: d.name,
            value: d.value,
            text: t.image,
            range: this.range(t.startOffset, end),
            nameRange: this.range(d.nameStart, d.nameEnd),
            valueRange: this.range(d.valueStart, d.valueEnd),
          };
          if (d.error) this.report(d.error.code, d.error.message, d.start, d.end);
          directives.push(node);
          children.push(node);
          continue;
        }
        const node: Comment = {
          type: "Comment",
          text: t.image,
          value: t.image.slice(1).trim(),
          range: this.range(t.startOffset, end),
        };
        comments.push(node);
        // A bare `#` line ends the comment block that describes the next instruction, as in BuildKit.
        if (node.value === "") pending = [];
        else pending.push(node);
        children.push(node);
        continue;
      }
      const instruction = this.instructionFromTokens(g.tokens, pending);
      pending = [];
      children.push(instruction);
      instructions.push(instruction);
    }
    flushTrivia();

    const { preamble, stages } = this.stages(instructions);
    if (instructions.length === 0) {
      this.report("no-instructions", "The file has no instructions.", text.length, text.length);
    }
    const ast: Dockerfile = {
      type: "Dockerfile",
      range: this.range(0, text.length),
      bom,
      escapeChar: this.escapeChar,
      directives,
      comments,
      instructions,
      preamble,
      stages,
      children,
    };
    return { ast, diagnostics: this.diagnostics };
  }

  private stages(instructions: Instruction[]): { preamble: Instruction[]; stages: Stage[] } {
    const preamble: Instruction[] = [];
    const groups: { from: From; instructions: Instruction[] }[] = [];
    for (const instruction of instructions) {
      if (instruction.type === "From") {
        groups.push({ from: instruction, instructions: [] });
        continue;
      }
      const stage = groups[groups.length - 1];
      if (stage) {
        stage.instructions.push(instruction);
      } else {
        preamble.push(instruction);
        // An unknown keyword is already reported as such; one error per line is enough.
        if (instruction.type !== "Arg" && instruction.type !== "Unknown") {
          this.report(
            "instruction-before-from",
            `${instruction.keyword.name} comes before the first FROM: only ARG may precede it.`,
            instruction.keyword.range.start.offset,
            instruction.keyword.range.end.offset,
          );
        }
      }
    }
    const stages = groups.map(({ from, instructions }, index): Stage => {
      const last = instructions[instructions.length - 1];
      return {
        type: "Stage",
        index,
        name: from.stageName ? from.stageName.value.toLowerCase() : null,
        from,
        instructions,
        range: last ? { start: from.range.start, end: last.range.end } : from.range,
      };
    });
    return { preamble, stages };
  }

  private instructionFromTokens(tokens: IToken[], comments: Comment[]): Instruction {
    const syntax: SyntaxToken[] = [];
    const logicalStarts: number[] = [];
    const sourceStarts: number[] = [];
    const lengths: number[] = [];
    let logical = "";
    let bodies: HeredocBodies | null = null;
    let textEnd = tokens[0]!.startOffset;
    for (const t of tokens) {
      const type = t.tokenType;
      if (type === End) {
        const nl = t.image.indexOf("\n") + 1 || t.image.length;
        syntax.push({ kind: "newline", text: t.image.slice(0, nl), offset: t.startOffset });
        if (t.image.length > nl) {
          syntax.push({ kind: "heredoc", text: t.image.slice(nl), offset: t.startOffset + nl });
        }
        bodies = (t.payload as HeredocBodies | undefined) ?? null;
        continue;
      }
      if (type === Continuation || type === FirstContinuation) {
        syntax.push({ kind: "continuation", text: t.image, offset: t.startOffset });
        textEnd = t.startOffset + t.image.length;
        continue;
      }
      if (type === CommentLine) {
        syntax.push({ kind: "comment", text: t.image, offset: t.startOffset });
        continue;
      }
      if (type === EmptyLine) {
        syntax.push({ kind: "empty", text: t.image, offset: t.startOffset });
        const end = t.startOffset + t.image.replace(/\r?\n$/, "").length;
        this.report(
          "empty-continuation",
          "Empty continuation line: BuildKit drops it, and says it will become an error.",
          t.startOffset,
          end,
          "warning",
        );
        continue;
      }
      syntax.push({ kind: "text", text: t.image, offset: t.startOffset });
      logicalStarts.push(logical.length);
      sourceStarts.push(t.startOffset);
      lengths.push(t.image.length);
      logical += t.image;
      textEnd = t.startOffset + t.image.length;
    }
    // Trailing blanks and continuations are not part of the instruction's range.
    while (textEnd > tokens[0]!.startOffset && /[ \t\\`\r\n]/.test(this.text[textEnd - 1]!)) {
      const last = syntax.filter((s) => s.kind === "text").pop();
      if (!last || textEnd <= last.offset + last.text.trimEnd().length) break;
      textEnd--;
    }
    if (logicalStarts.length === 0) {
      logicalStarts.push(0);
      sourceStarts.push(tokens[0]!.startOffset);
      lengths.push(0);
    }
    const lastBody = bodies?.spans[bodies.spans.length - 1];
    let end = textEnd;
    if (bodies && lastBody) {
      end = lastBody.termStart >= 0 ? lastBody.termEnd : lastBody.bodyEnd;
      while (end > textEnd && (this.text[end - 1] === "\n" || this.text[end - 1] === "\r")) end--;
    }
    const source: InstructionSource = {
      line: new LineMap(logicalStarts, sourceStarts, lengths),
      bodies,
      comments,
      tokens: syntax,
      textEnd,
      end: Math.max(end, textEnd),
      logical,
    };
    const reader = new InstructionReader(
      this.text,
      this.map,
      source,
      this.diagnostics,
      this.escapeChar.charCodeAt(0),
    );
    return parseInstruction(reader, logical, 0, false);
  }
}
