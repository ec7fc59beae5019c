import type { IToken } from "chevrotain";
import { group, type SyntaxGroup } from "../grammar/parser.js";
import { tokenize } from "../lexer/lexer.js";
import { CommentLine, Continuation, EmptyLine, End, FirstContinuation } from "../lexer/tokens.js";
import { scanDirectives } from "../syntax/directives.js";
import { flagsIgnored, instructionFlags, parseDuration } from "../syntax/flags.js";
import { suggestSpelling } from "../syntax/suggest.js";
import { heredocMarkers, type HeredocBodies } from "../syntax/heredoc.js";
import { parseMount } from "../syntax/mount.js";
import {
  parseJsonArray,
  parseWords,
  splitCommand,
  splitWhitespace,
  type FlagPiece,
  type Piece,
} from "../syntax/words.js";
import {
  instructionTypes,
  type ArgDeclaration,
  type Comment,
  type Directive,
  type Dockerfile,
  type Flag,
  type Form,
  type Heredoc,
  type Instruction,
  type KeyValue,
  type KnownKeyword,
  type Mount,
  type ParseDiagnostic,
  type ParseResult,
  type Range,
  type Stage,
  type SyntaxToken,
  type TopLevelNode,
  type Whitespace,
  type Word,
  type Draft,
} from "./nodes.js";
import { LineMap, PositionMap } from "./positions.js";
import { goQuote } from "../print/dump.js";

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

interface InstructionContext {
  line: LineMap;
  bodies: HeredocBodies | null;
  comments: Comment[];
  tokens: SyntaxToken[];
  /** Source offset where the instruction's text ends (before the final line break). */
  textEnd: number;
  /** Source offset after the heredoc bodies (before the final line break of the last one). */
  end: number;
  logical: string;
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

    for (const g of groups as SyntaxGroup[]) {
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
    const stages: Draft<Stage>[] = [];
    const names = new Map<string, number>();
    for (const instruction of instructions) {
      if (instruction.type === "From") {
        const name = instruction.stageName ? instruction.stageName.value.toLowerCase() : null;
        if (name !== null) names.set(name, stages.length);
        stages.push({
          type: "Stage",
          index: stages.length,
          name,
          from: instruction,
          instructions: [],
          range: instruction.range,
        });
        continue;
      }
      const stage = stages[stages.length - 1];
      if (stage) {
        stage.instructions.push(instruction);
        stage.range = { start: stage.range.start, end: instruction.range.end };
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
    const ctx: InstructionContext = {
      line: new LineMap(logicalStarts, sourceStarts, lengths),
      bodies,
      comments,
      tokens: syntax,
      textEnd,
      end: Math.max(end, textEnd),
      logical,
    };
    return this.instruction(ctx, logical, 0, undefined);
  }

  /** Source range of a piece of the joined line. */
  private pieceRange(ctx: InstructionContext, start: number, end: number): Range {
    const s = ctx.line.start(start);
    return this.range(s, Math.max(s, ctx.line.end(end)));
  }

  private word(ctx: InstructionContext, piece: Piece, value = piece.value): Word {
    return { type: "Word", value, range: this.pieceRange(ctx, piece.start, piece.end) };
  }

  private instruction(
    ctx: InstructionContext,
    line: string,
    base: number,
    onbuild: undefined | true,
  ): Instruction {
    const split = splitCommand(line);
    const keywordPiece = split.keyword ?? { value: "", start: line.length, end: line.length };
    const shift = (p: Piece): Piece => ({ ...p, start: p.start + base, end: p.end + base });
    const keywordRange = this.pieceRange(ctx, keywordPiece.start + base, keywordPiece.end + base);
    const name = keywordPiece.value.toUpperCase();
    const type = (instructionTypes as Record<string, Instruction["type"]>)[name] ?? "Unknown";
    const startOffset = keywordRange.start.offset;
    const flags = split.flags.map((f) =>
      this.flag(ctx, {
        ...f,
        start: f.start + base,
        end: f.end + base,
        nameStart: f.nameStart + base,
        nameEnd: f.nameEnd + base,
        valueStart: f.valueStart + base,
      }),
    );
    const rest = shift(split.rest);
    const node = {
      type,
      range: this.range(startOffset, Math.max(startOffset, ctx.end)),
      keyword: { type: "Keyword" as const, text: keywordPiece.value, name, range: keywordRange },
      flags,
      args: [] as Word[],
      heredocs: [] as Heredoc[],
      comments: onbuild ? [] : ctx.comments,
      tokens: onbuild ? [] : ctx.tokens,
      logical: line,
    } as Draft<Instruction>;
    if (base === 0) node.heredocs = this.heredocs(ctx);
    this.fill(ctx, node, rest);
    this.validateFlags(node);
    return node;
  }

  private flag(ctx: InstructionContext, f: FlagPiece): Flag {
    return {
      type: "Flag",
      name: f.name,
      value: f.flagValue,
      text: f.value,
      range: this.pieceRange(ctx, f.start, f.end),
      nameRange: this.pieceRange(ctx, f.nameStart, f.nameEnd),
      valueRange: f.flagValue === null ? null : this.pieceRange(ctx, f.valueStart, f.end),
    };
  }

  private heredocs(ctx: InstructionContext): Heredoc[] {
    const errors: Piece[] = [];
    const markers = heredocMarkers(ctx.logical, errors);
    for (const e of errors) {
      const r = this.pieceRange(ctx, e.start, e.end);
      this.report(
        "invalid-heredoc",
        `Invalid heredoc delimiter '${e.value}': unbalanced quote.`,
        r.start.offset,
        r.end.offset,
      );
    }
    return markers.map((m, i) => {
      const span = ctx.bodies?.spans[i];
      const markerRange = this.pieceRange(ctx, m.start, m.end);
      const bodyStart = span ? span.bodyStart : ctx.textEnd;
      const bodyEnd = span ? span.bodyEnd : ctx.textEnd;
      const terminated = span !== undefined && span.termStart >= 0;
      if (!terminated) {
        this.report(
          "unterminated-heredoc",
          `Heredoc '${m.name}' is never terminated: no line '${m.name}' follows.`,
          markerRange.start.offset,
          markerRange.end.offset,
        );
      }
      let termEnd = terminated ? span.termEnd : -1;
      while (terminated && termEnd > span.termStart && /[\r\n]/.test(this.text[termEnd - 1]!)) termEnd--;
      return {
        type: "Heredoc",
        name: m.name,
        fd: m.fd,
        chomp: m.chomp,
        expand: m.expand,
        markerRange,
        body: this.text.slice(bodyStart, bodyEnd),
        bodyRange: this.range(bodyStart, bodyEnd),
        terminatorRange: terminated ? this.range(span.termStart, termEnd) : null,
      } satisfies Heredoc;
    });
  }

  private error(code: string, message: string, range: Range) {
    this.diagnostics.push({ code, message, severity: "error", range });
  }

  /** Fills the instruction-specific fields from the text after the flags, as BuildKit's line parsers do. */
  private fill(ctx: InstructionContext, node: Draft<Instruction>, rest: Piece): void {
    const kw = node.keyword;
    const words = (pieces: Piece[]) => pieces.map((p) => this.word(ctx, p));
    const maybeJson = (list: boolean): Form => {
      if (rest.value === "") return "none";
      if (rest.value.startsWith("[")) {
        const json = parseJsonArray(rest.value, rest.start);
        if (json.kind === "strings") {
          node.args = json.elements.map((e) => this.word(ctx, e));
          return "exec";
        }
        if (json.kind === "not-strings") {
          this.error(
            "json-not-strings",
            "In JSON (exec) form, every element of the array must be a string.",
            this.pieceRange(ctx, json.start, json.end),
          );
        }
      }
      node.args = list ? words(splitWhitespace(rest.value, rest.start)) : [this.word(ctx, rest)];
      return "shell";
    };
    const requireArgs = (what: string, ok: boolean) => {
      if (!ok) this.error("argument-count", `${kw.name} ${what}.`, rangeOf(node));
    };
    const rangeOf = (n: Instruction) => ({ start: n.keyword.range.start, end: n.range.end });
    switch (node.type) {
      case "From": {
        node.args = words(splitWhitespace(rest.value, rest.start));
        const [image, as, stage] = node.args;
        node.image = image ?? null;
        node.asKeyword = null;
        node.stageName = null;
        if (node.args.length === 3 && as && stage) {
          if (as.value.toLowerCase() !== "as") {
            this.error(
              "from-expected-as",
              `FROM with three arguments needs AS as the second, not '${as.value}'.`,
              as.range,
            );
            break;
          }
          node.asKeyword = as;
          node.stageName = stage;
          if (!/^[a-z][a-z0-9\-_.]*$/.test(stage.value.toLowerCase())) {
            this.error(
              "invalid-stage-name",
              `Invalid stage name '${stage.value}': it must start with a letter and contain only letters, digits, '-', '_' and '.'.`,
              stage.range,
            );
          }
        } else {
          requireArgs("takes an image, optionally followed by AS and a stage name", node.args.length === 1);
        }
        break;
      }
      case "Run":
        node.form = maybeJson(false);
        node.mounts = this.mounts(node.flags);
        break;
      case "Cmd":
      case "Entrypoint":
        node.form = maybeJson(false);
        break;
      case "Shell":
        node.form = maybeJson(false);
        if (node.form === "shell")
          this.error(
            "shell-requires-json",
            'SHELL must be written in JSON form, e.g. SHELL ["/bin/bash", "-c"].',
            rangeOf(node),
          );
        else requireArgs("needs at least one argument", node.args.length > 0);
        break;
      case "Copy":
      case "Add": {
        node.form = maybeJson(true);
        const args = node.args;
        node.sources = args.slice(0, -1);
        node.destination = args.length >= 2 ? args[args.length - 1]! : null;
        requireArgs("needs at least one source and a destination", args.length >= 2);
        const dest = node.destination;
        if (
          dest &&
          node.form === "shell" &&
          node.heredocs.some(
            (h) =>
              dest.range.start.offset >= h.markerRange.start.offset &&
              dest.range.end.offset <= h.markerRange.end.offset,
          )
        ) {
          this.error(
            "heredoc-destination",
            `${kw.name} cannot take a heredoc as its destination.`,
            dest.range,
          );
        }
        break;
      }
      case "Volume":
        node.form = maybeJson(true);
        requireArgs("needs at least one path", node.args.length > 0);
        for (const a of node.args) {
          if (a.value.trim() === "") this.error("empty-volume", "A VOLUME path cannot be empty.", a.range);
        }
        break;
      case "Env":
      case "Label":
        this.keyValues(ctx, node, rest);
        break;
      case "Arg": {
        const pieces = parseWords(rest.value, rest.start, this.escapeChar.charCodeAt(0));
        node.args = words(pieces);
        node.declarations = pieces.map((p) => this.argDeclaration(ctx, p));
        requireArgs("needs at least one name", pieces.length > 0);
        break;
      }
      case "Expose":
        node.args = words(splitWhitespace(rest.value, rest.start));
        requireArgs("needs at least one port", node.args.length > 0);
        break;
      case "Healthcheck":
        this.healthcheck(ctx, node, rest);
        break;
      case "Onbuild": {
        node.trigger = null;
        if (rest.value === "") {
          requireArgs("needs an instruction to run later", false);
          break;
        }
        const trigger = this.instruction(ctx, rest.value, rest.start, true) as Draft<Instruction>;
        trigger.onbuild = node;
        trigger.heredocs = node.heredocs;
        node.trigger = trigger;
        const t = trigger.keyword.name;
        if (t === "ONBUILD")
          this.error("onbuild-chaining", "ONBUILD cannot trigger another ONBUILD.", trigger.keyword.range);
        else if (t === "FROM" || t === "MAINTAINER") {
          this.error("onbuild-trigger", `${t} is not allowed as an ONBUILD trigger.`, trigger.keyword.range);
        }
        break;
      }
      case "Maintainer":
      case "User":
      case "Workdir":
      case "Stopsignal":
        node.value = rest.value === "" ? null : this.word(ctx, rest);
        node.args = node.value ? [node.value] : [];
        requireArgs("needs exactly one argument", node.value !== null);
        break;
      case "Unknown": {
        const hint = suggestSpelling(kw.name, Object.keys(instructionTypes));
        if (kw.text === "") {
          this.error(
            "empty-instruction",
            "A line continuation starts an instruction that has no keyword.",
            rangeOf(node),
          );
        } else {
          this.error(
            "unknown-instruction",
            `Unknown instruction ${goQuote(kw.text)}.${hint ? ` Did you mean ${hint}?` : ""}`,
            kw.range,
          );
        }
        break;
      }
    }
  }

  private keyValues(
    ctx: InstructionContext,
    node: Draft<Instruction & { type: "Env" | "Label" }>,
    rest: Piece,
  ): void {
    const pieces = parseWords(rest.value, rest.start, this.escapeChar.charCodeAt(0));
    node.pairs = [];
    node.legacy = false;
    const kw = node.keyword.name;
    if (pieces.length === 0) {
      this.error("argument-count", `${kw} needs at least one key=value pair.`, node.keyword.range);
      return;
    }
    if (!pieces[0]!.value.includes("=")) {
      node.legacy = true;
      const [key] = splitWhitespace(rest.value, rest.start);
      const keyPiece = key!;
      let v = keyPiece.end;
      while (v < rest.end && /[\t\v\f\r ]/.test(rest.value[v - rest.start]!)) v++;
      if (v >= rest.end) {
        this.error(
          "missing-value",
          `${kw} ${keyPiece.value} has no value: write ${kw} ${keyPiece.value}=value.`,
          this.pieceRange(ctx, keyPiece.start, keyPiece.end),
        );
        return;
      }
      const value: Piece = { value: rest.value.slice(v - rest.start), start: v, end: rest.end };
      node.pairs.push({
        type: "KeyValue",
        key: this.word(ctx, keyPiece),
        value: this.word(ctx, value),
        separator: "",
        range: this.pieceRange(ctx, keyPiece.start, rest.end),
      });
      return;
    }
    for (const p of pieces) {
      const eq = p.value.indexOf("=");
      if (eq < 0) {
        this.error(
          "missing-equals",
          `Expected name=value, found '${p.value}' (no '=').`,
          this.pieceRange(ctx, p.start, p.end),
        );
        continue;
      }
      const key: Piece = { value: p.value.slice(0, eq), start: p.start, end: p.start + eq };
      const value: Piece = { value: p.value.slice(eq + 1), start: p.start + eq + 1, end: p.end };
      if (key.value === "")
        this.error("empty-name", `${kw} names cannot be blank.`, this.pieceRange(ctx, p.start, p.end));
      node.pairs.push({
        type: "KeyValue",
        key: this.word(ctx, key),
        value: this.word(ctx, value),
        separator: "=",
        range: this.pieceRange(ctx, p.start, p.end),
      } satisfies KeyValue);
    }
  }

  private argDeclaration(ctx: InstructionContext, p: Piece): ArgDeclaration {
    const eq = p.value.indexOf("=");
    const name: Piece = eq < 0 ? p : { value: p.value.slice(0, eq), start: p.start, end: p.start + eq };
    if (name.value === "")
      this.error("empty-name", "ARG names cannot be blank.", this.pieceRange(ctx, p.start, p.end));
    return {
      type: "ArgDeclaration",
      name: this.word(ctx, name),
      defaultValue:
        eq < 0 ? null : this.word(ctx, { value: p.value.slice(eq + 1), start: p.start + eq + 1, end: p.end }),
      range: this.pieceRange(ctx, p.start, p.end),
    };
  }

  private healthcheck(
    ctx: InstructionContext,
    node: Draft<Instruction & { type: "Healthcheck" }>,
    rest: Piece,
  ): void {
    node.kind = null;
    node.form = "none";
    node.command = [];
    let sep = 0;
    while (sep < rest.value.length && !/\s/.test(rest.value[sep]!)) sep++;
    if (sep === 0) {
      this.error("argument-count", "HEALTHCHECK needs CMD and a command, or NONE.", node.keyword.range);
      return;
    }
    let next = sep;
    while (next < rest.value.length && /\s/.test(rest.value[next]!)) next++;
    const kindPiece: Piece = { value: rest.value.slice(0, sep), start: rest.start, end: rest.start + sep };
    node.kind = this.word(ctx, kindPiece);
    const cmd: Piece = { value: rest.value.slice(next), start: rest.start + next, end: rest.end };
    if (cmd.value !== "") {
      const json = cmd.value.startsWith("[")
        ? parseJsonArray(cmd.value, cmd.start)
        : ({ kind: "invalid" } as const);
      if (json.kind === "strings") {
        node.form = "exec";
        node.command = json.elements.map((e) => this.word(ctx, e));
      } else {
        if (json.kind === "not-strings") {
          this.error(
            "json-not-strings",
            "In JSON (exec) form, every element of the array must be a string.",
            this.pieceRange(ctx, json.start, json.end),
          );
        }
        node.form = "shell";
        node.command = [this.word(ctx, cmd)];
      }
    }
    node.args = [node.kind, ...node.command];
    const kind = kindPiece.value.toUpperCase();
    if (kind === "NONE") {
      if (node.command.length > 0)
        this.error("argument-count", "HEALTHCHECK NONE takes no arguments.", node.command[0]!.range);
    } else if (kind === "CMD") {
      if (node.command.length === 0)
        this.error("argument-count", "HEALTHCHECK CMD needs a command.", node.kind.range);
    } else {
      this.error(
        "healthcheck-type",
        `Unknown HEALTHCHECK type '${kindPiece.value}': use CMD or NONE.`,
        node.kind.range,
      );
    }
    for (const flag of node.flags) {
      if (flag.value === null) continue;
      const at = flag.valueRange ?? flag.range;
      if (flag.name === "retries") {
        if (!/^[+-]?\d+$/.test(flag.value))
          this.error("invalid-flag-value", `--retries must be a whole number, not '${flag.value}'.`, at);
        else if (Number(flag.value) < 0)
          this.error("invalid-flag-value", "--retries cannot be negative.", at);
      } else if (flag.name in instructionFlags.HEALTHCHECK!) {
        const ms = parseDuration(flag.value);
        if (ms === null)
          this.error(
            "invalid-flag-value",
            `--${flag.name} must be a duration such as 30s or 1m30s, not '${flag.value}'.`,
            at,
          );
        else if (ms < 0) this.error("invalid-flag-value", `--${flag.name} cannot be negative.`, at);
        else if (ms !== 0 && ms < 1)
          this.error("invalid-flag-value", `--${flag.name} cannot be less than 1ms.`, at);
      }
    }
  }

  private mounts(flags: Flag[]): Mount[] {
    const mounts: Mount[] = [];
    for (const flag of flags) {
      if (flag.name !== "mount" || flag.value === null) continue;
      const { mount, error } = parseMount(flag.value, flag.valueRange ?? flag.range);
      if (error) this.error("invalid-mount", error, flag.valueRange ?? flag.range);
      mounts.push(mount);
    }
    return mounts;
  }

  /** BuildKit's flag rules: known names only, no repeats but for list flags, booleans and required values. */
  private validateFlags(node: Instruction): void {
    const name = node.keyword.name;
    if (node.type === "Unknown" || flagsIgnored.has(name)) return;
    if (node.type === "Healthcheck" && node.kind?.value.toUpperCase() === "NONE") return;
    const known = instructionFlags[name as KnownKeyword] ?? {};
    const seen = new Set<string>();
    for (const flag of node.flags) {
      const kind = known[flag.name];
      if (kind === undefined) {
        const hint = suggestSpelling(flag.name, Object.keys(known));
        this.error(
          "unknown-flag",
          `${name} does not accept --${flag.name}.${hint ? ` Did you mean --${hint}?` : ""}`,
          flag.nameRange,
        );
        continue;
      }
      if (kind !== "strings" && seen.has(flag.name)) {
        this.error("duplicate-flag", `--${flag.name} is given more than once.`, flag.range);
      }
      seen.add(flag.name);
      if (kind === "bool") {
        if (flag.value !== null && !/^(true|false)$/i.test(flag.value)) {
          this.error(
            "invalid-flag-value",
            `--${flag.name} takes true or false, not '${flag.value}'.`,
            flag.valueRange ?? flag.range,
          );
        }
      } else if (flag.value === null) {
        this.error("missing-flag-value", `--${flag.name} needs a value: --${flag.name}=…`, flag.range);
      }
    }
  }
}
