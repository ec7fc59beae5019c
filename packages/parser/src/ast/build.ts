import { scanLines, type InstructionLines, type LineSink } from "../lexer/lexer.js";
import { customFrontend, scanDirectives, type DirectiveLine } from "../syntax/directives.js";
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
  TopLevelNode,
  Whitespace,
} from "./nodes.js";
import { InstructionReader, parseInstruction, type InstructionSource } from "./instructions.js";
import {
  CommentNode,
  DockerfileNode,
  endOf,
  none,
  StageNode,
  startOf,
  WhitespaceNode,
} from "./node-classes.js";
import { LineMap, PositionMap, SourceText } from "./positions.js";
import { keepShape } from "../shapes.js";
import { parseWork } from "../work.js";

/** Parses a Dockerfile into a lossless AST; never throws: problems come back as diagnostics. */
export function parse(text: string): ParseResult {
  try {
    return new Builder(String(text)).build();
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

class Builder implements LineSink {
  private readonly source: SourceText;
  private readonly bom: boolean;
  private readonly diagnostics: ParseDiagnostic[] = [];
  private readonly escapeChar: "\\" | "`";
  private readonly directives: Directive[] = [];
  private readonly directiveAt: Map<number, DirectiveLine>;
  private readonly children: TopLevelNode[] = [];
  private readonly comments: Comment[] = [];
  private readonly instructions: Instruction[] = [];
  /** The comments right above the next instruction (BuildKit's `PrevComment`). */
  private pending: Comment[] | null = null;
  /** The frontend image that the `# syntax=` directive names, when it is not Docker's Dockerfile frontend. */
  private readonly frontend: string | null;

  constructor(private readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff;
    const { lines, escape } = scanDirectives(text, this.bom ? 1 : 0);
    this.escapeChar = escape;
    this.directiveAt = new Map(lines.map((d) => [d.start, d]));
    const syntax = lines.find((d) => d.name === "syntax");
    this.frontend = syntax ? customFrontend(syntax.value) : null;
    this.source = new SourceText(text, escape.charCodeAt(0));
  }

  private range(start: number, end: number): Range {
    return this.source.range(start, end);
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
    scanLines(text, this.escapeChar, this);
    const instructions = this.instructions;
    const { preamble, stages } = this.stages(instructions);
    if (instructions.length === 0) {
      this.report("no-instructions", "The file has no instructions.", text.length, text.length);
    }
    if (this.frontend !== null) this.frontendInstructions(this.frontend);
    // Its range is made when first read, as every node's: the line table is made with the first range.
    const ast: Dockerfile = new DockerfileNode(
      this.source,
      this.bom,
      this.escapeChar,
      exact(this.directives),
      exact(this.comments),
      exact(instructions),
      exact(preamble),
      stages,
      exact(this.children),
    );
    return { ast, diagnostics: this.diagnostics };
  }

  /**
   * Under another frontend (`# syntax=devthefuture/dockerfile-x`), a keyword that the Dockerfile grammar does not
   * know (`INCLUDE`) is likely one of that frontend's instructions, and the file builds: one note for the file, at
   * the first such keyword, instead of an error on each.
   */
  private frontendInstructions(frontend: string): void {
    const diagnostics = this.diagnostics;
    const first = diagnostics.findIndex((d) => d.code === "unknown-instruction");
    if (first < 0) return;
    const { start, end } = diagnostics[first]!.range;
    const keyword = this.text.slice(start.offset, end.offset);
    const note: ParseDiagnostic = {
      code: "frontend-instruction",
      message: `'${keyword}' is no Dockerfile instruction: it may be one of the frontend ${frontend}, which the syntax directive names and whose instructions hull does not know; hull leaves them unchecked.`,
      severity: "info",
      range: diagnostics[first]!.range,
    };
    const kept = diagnostics.filter((d, i) => i < first || d.code !== "unknown-instruction");
    kept.splice(first, 0, note);
    diagnostics.length = 0;
    diagnostics.push(...kept);
  }

  trivia(start: number, end: number): void {
    const node: Whitespace = new WhitespaceNode(this.source, start, end);
    this.children.push(node);
  }

  comment(start: number, end: number): void {
    const d = this.directiveAt.get(start);
    if (d) {
      const text = this.text.slice(start, end);
      const node: Directive = {
        type: "Directive",
        name: d.name,
        value: d.value,
        text,
        range: this.range(start, end),
        nameRange: this.range(d.nameStart, d.nameEnd),
        valueRange: this.range(d.valueStart, d.valueEnd),
      };
      if (d.error) this.report(d.error.code, d.error.message, d.start, d.end);
      this.directives.push(node);
      this.children.push(node);
      return;
    }
    const node: Comment = new CommentNode(this.source, start, end);
    this.comments.push(node);
    // A bare `#` line ends the comment block that describes the next instruction, as in BuildKit.
    if (blank(this.text, start + 1, end)) this.pending = null;
    else (this.pending ??= []).push(node);
    this.children.push(node);
  }

  instruction(lines: InstructionLines): void {
    const instruction = this.instructionFromLines(lines, exact(this.pending ?? none));
    this.pending = null;
    this.children.push(instruction);
    this.instructions.push(instruction);
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
            instruction.range.start.offset,
            instruction.keyword.range.end.offset,
          );
        }
      }
    }
    const stages = groups.map(({ from, instructions }, index): Stage => {
      const last = instructions[instructions.length - 1] ?? from;
      return new StageNode(
        this.source,
        index,
        from.stageName ? from.stageName.value.toLowerCase() : null,
        from,
        // Exact size: a list filled by push keeps room for 17, and a generated file can have many stages.
        instructions.length === 0 ? none : instructions.slice(),
        startOf(from),
        endOf(last),
      );
    });
    return { preamble, stages };
  }

  private instructionFromLines(lines: InstructionLines, comments: readonly Comment[]): Instruction {
    const { start, logical, bodies, emptyLines } = lines;
    if (emptyLines !== null) {
      for (let i = 0; i < emptyLines.length; i += 2) {
        this.report(
          "empty-continuation",
          "Empty continuation line: BuildKit drops it, and says it will become an error.",
          emptyLines[i]!,
          emptyLines[i + 1]!,
          "warning",
        );
      }
    }
    // Trailing blanks and continuations are not part of the instruction's range.
    let textEnd = lines.textEnd;
    const hasText = lines.lastTextStart >= 0;
    const lastTextEnd = hasText ? lines.lastTextStart + lines.lastText.trimEnd().length : -1;
    while (textEnd > start && /[ \t\\`\r\n]/.test(this.text[textEnd - 1]!)) {
      parseWork.steps++;
      if (!hasText || textEnd <= lastTextEnd) break;
      textEnd--;
    }
    const lastBody = bodies?.spans[bodies.spans.length - 1];
    let end = textEnd;
    if (bodies && lastBody) {
      end = lastBody.termStart >= 0 ? lastBody.termEnd : lastBody.bodyEnd;
      while (end > textEnd && (this.text[end - 1] === "\n" || this.text[end - 1] === "\r")) end--;
    }
    const source: InstructionSource = {
      line: new LineMap(lines.pieces),
      bodies,
      comments,
      linesStart: start,
      textEnd,
      end: Math.max(end, textEnd),
      logical,
      oneLine: lines.pieces.length === 3 && lines.pieces[1] === start && lines.pieces[2] === logical.length,
    };
    const reader = new InstructionReader(this.source, source, this.diagnostics);
    return parseInstruction(reader, logical, 0, false);
  }
}

/**
 * The list at its size, or the shared empty one: a list filled by push keeps room for at least 17 (a comment above
 * an instruction cost 152 bytes), and every AST keeps its lists. A long list is kept as it is: its room is at most
 * half its size, and a copy would double it for a while (a 50 MB file has millions of instructions).
 */
function exact<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? none : list.length <= 4096 ? list.slice() : list;
}

/** Whether the text from `start` to `end` is all white space (as `trim` counts it), without slicing it. */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i]!)) return false;
  return true;
}

keepShape(new Builder(""));
