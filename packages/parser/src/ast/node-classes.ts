import {
  instructionTypes,
  type ArgDeclaration,
  type Comment,
  type Flag,
  type Form,
  type From,
  type Heredoc,
  type Instruction,
  type InstructionType,
  type KeyValue,
  type Keyword,
  type Mount,
  type Onbuild,
  type Range,
  type Stage,
  type SyntaxToken,
  type Whitespace,
  type Word,
} from "./nodes.js";
import { SourceText } from "./positions.js";
import { instructionTokens } from "../lexer/lexer.js";
import { keepShape } from "../shapes.js";

// The AST's numerous nodes as classes that keep source offsets and make `range` on first read (instructions also
// their `keyword`, `tokens` and a lone argument's list). Ranges and their positions were about 40% of an AST's
// memory (a Range and up to two positions of three numbers per node), and a parse for formatting or planning
// reads few of them. The values are the same as when everything was made up front: made from the same offsets
// by the same line table, once per node, then kept (so `node.range === node.range`). `toJSON` writes the keys in
// the order the plain objects had, `range` included. Being getters, they are not seen by `toEqual` (it compares
// own properties): tests compare whole nodes through JSON.

/**
 * The one empty list every node shares where it has nothing to list: most instructions have no flags, heredocs
 * or comments, and a generated file can hold millions of instructions. Frozen, so that nobody fills it.
 */
export const none: readonly never[] = Object.freeze([]);

// The fields a node keeps for what it makes later are keyed by symbols of this module: out of JSON, Object.keys
// and for…in like private fields, but set by plain assignments in the base constructors. Private (`#`) fields
// there were defined by an initializer that every subclass shares, and so saw every subclass's shape: it took a
// fifth of the parse time on the corpus.
const SOURCE: unique symbol = Symbol("source");
const START: unique symbol = Symbol("start");
const END: unique symbol = Symbol("end");
const RANGE: unique symbol = Symbol("range");
const LINES_START: unique symbol = Symbol("linesStart");
const TOKENS: unique symbol = Symbol("tokens");
const KEYWORD_TEXT: unique symbol = Symbol("keywordText");
const KEYWORD_END: unique symbol = Symbol("keywordEnd");
const KEYWORD: unique symbol = Symbol("keyword");
const ARGS: unique symbol = Symbol("args");

/** A node with a source span whose range is made when first read. */
abstract class Spanned {
  declare private readonly [SOURCE]: SourceText;
  declare private readonly [START]: number;
  declare private readonly [END]: number;
  declare private [RANGE]: Range | undefined;

  constructor(source: SourceText, start: number, end: number) {
    this[SOURCE] = source;
    this[START] = start;
    this[END] = end;
    this[RANGE] = undefined;
  }

  /** The node's source span, made on first read and kept. */
  get range(): Range {
    return (this[RANGE] ??= this[SOURCE].range(this[START], this[END]));
  }

  /** The node's offsets, for the parser, which builds spans from other nodes' spans without making ranges. */
  static start(node: Spanned): number {
    return node[START];
  }

  static end(node: Spanned): number {
    return node[END];
  }

  /** A range of this node's source that is not the node's own span (a flag's name, say); made fresh. */
  protected span(start: number, end: number): Range {
    return this[SOURCE].range(start, end);
  }

  /** The file's text and escape character. */
  protected get source(): SourceText {
    return this[SOURCE];
  }

  /** The plain object this node stood for: its own fields, then `range`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(this)) out[key] = this[key as keyof this];
    out.range = this.range;
    return out;
  }
}

/** Start offset of a node the parser made. */
export function startOf(node: object): number {
  return Spanned.start(node as Spanned);
}

/** End offset of a node the parser made. */
export function endOf(node: object): number {
  return Spanned.end(node as Spanned);
}

export class WordNode extends Spanned implements Word {
  readonly type = "Word";
  readonly value: string;
  constructor(source: SourceText, value: string, start: number, end: number) {
    super(source, start, end);
    this.value = value;
  }
}

export class KeywordNode extends Spanned implements Keyword {
  readonly type = "Keyword";
  readonly text: string;
  readonly name: string;
  constructor(source: SourceText, text: string, name: string, start: number, end: number) {
    super(source, start, end);
    this.text = text;
    this.name = name;
  }
}

export class CommentNode extends Spanned implements Comment {
  readonly type = "Comment";
  readonly text: string;
  readonly value: string;
  constructor(source: SourceText, text: string, start: number, end: number) {
    super(source, start, end);
    this.text = text;
    this.value = text.slice(1).trim();
  }
}

export class WhitespaceNode extends Spanned implements Whitespace {
  readonly type = "Whitespace";
  readonly text: string;
  constructor(source: SourceText, text: string, start: number, end: number) {
    super(source, start, end);
    this.text = text;
  }
}

export class FlagNode extends Spanned implements Flag {
  readonly type = "Flag";
  readonly name: string;
  readonly value: string | null;
  readonly text: string;
  readonly #nameStart: number;
  readonly #nameEnd: number;
  /** Where the value starts; the value ends where the flag does. */
  readonly #valueStart: number;
  constructor(
    source: SourceText,
    name: string,
    value: string | null,
    text: string,
    start: number,
    end: number,
    nameStart: number,
    nameEnd: number,
    valueStart: number,
  ) {
    super(source, start, end);
    this.name = name;
    this.value = value;
    this.text = text;
    this.#nameStart = nameStart;
    this.#nameEnd = nameEnd;
    this.#valueStart = valueStart;
  }

  get nameRange(): Range {
    return this.span(this.#nameStart, this.#nameEnd);
  }

  get valueRange(): Range | null {
    // It ends where the flag does, or where it starts when that is later (an empty value at a line joint).
    return this.value === null ? null : this.span(this.#valueStart, Math.max(this.#valueStart, endOf(this)));
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    out.nameRange = this.nameRange;
    out.valueRange = this.valueRange;
    return out;
  }
}

export class KeyValueNode extends Spanned implements KeyValue {
  readonly type = "KeyValue";
  readonly key: Word;
  readonly value: Word;
  readonly separator: "=" | "";
  constructor(source: SourceText, key: Word, value: Word, separator: "=" | "", start: number, end: number) {
    super(source, start, end);
    this.key = key;
    this.value = value;
    this.separator = separator;
  }
}

export class ArgDeclarationNode extends Spanned implements ArgDeclaration {
  readonly type = "ArgDeclaration";
  readonly name: Word;
  readonly defaultValue: Word | null;
  constructor(source: SourceText, name: Word, defaultValue: Word | null, start: number, end: number) {
    super(source, start, end);
    this.name = name;
    this.defaultValue = defaultValue;
  }
}

export class StageNode extends Spanned implements Stage {
  readonly type = "Stage";
  readonly index: number;
  readonly name: string | null;
  readonly from: From;
  readonly instructions: readonly Instruction[];
  constructor(
    source: SourceText,
    index: number,
    name: string | null,
    from: From,
    instructions: readonly Instruction[],
    start: number,
    end: number,
  ) {
    super(source, start, end);
    this.index = index;
    this.name = name;
    this.from = from;
    this.instructions = instructions;
  }
}

const keywordNames = new Map(Object.keys(instructionTypes).map((k) => [k, k]));

/** The upper-cased keyword; known keywords share one string per name. */
export function keywordName(text: string): string {
  const upper = text.toUpperCase();
  return keywordNames.get(upper) ?? upper;
}

/** The fields every instruction has, read before the instruction-specific ones. */
export interface InstructionHead {
  readonly source: SourceText;
  readonly type: InstructionType;
  /** From the keyword to the end of the instruction (heredocs included), without the final line break. */
  readonly start: number;
  readonly end: number;
  /** The keyword upper-cased, as written, and where it ends. */
  readonly name: string;
  readonly keywordText: string;
  readonly keywordEnd: number;
  readonly flags: readonly Flag[];
  readonly heredocs: readonly Heredoc[];
  readonly comments: readonly Comment[];
  /** Offset of the instruction's first line; -1 for a trigger, which has no tokens of its own. */
  readonly linesStart: number;
  readonly logical: string;
}

/** What every instruction node holds; one subclass per set of instruction-specific fields. */
abstract class InstructionNode<T extends InstructionType> extends Spanned {
  // Declared only and set in the constructor, for the same reason as Spanned's fields.
  declare readonly type: T;
  declare readonly flags: readonly Flag[];
  // Not readonly: an ONBUILD hands its heredocs to its trigger once the trigger is made.
  declare heredocs: readonly Heredoc[];
  declare readonly comments: readonly Comment[];
  declare readonly logical: string;
  declare private readonly [LINES_START]: number;
  declare private [TOKENS]: readonly SyntaxToken[] | undefined;
  declare private readonly [KEYWORD_TEXT]: string;
  declare private readonly [KEYWORD_END]: number;
  declare private [KEYWORD]: Keyword | undefined;
  /** A lone argument is kept as itself and put in a list when `args` is first read: most instructions have one. */
  declare private [ARGS]: readonly Word[] | Word;
  /** Set on a trigger after its ONBUILD is made; declared only, so that other nodes have no such key. */
  declare onbuild?: Onbuild;

  constructor(head: InstructionHead, args: readonly Word[]) {
    super(head.source, head.start, head.end);
    this.type = head.type as T;
    this[KEYWORD_TEXT] = head.keywordText;
    this[KEYWORD_END] = head.keywordEnd;
    this.flags = head.flags;
    this[ARGS] = args.length === 1 ? args[0]! : args;
    this.heredocs = head.heredocs;
    this.comments = head.comments;
    this.logical = head.logical;
    this[LINES_START] = head.linesStart;
    this[TOKENS] = head.linesStart < 0 ? none : undefined;
    this[KEYWORD] = undefined;
  }

  get args(): readonly Word[] {
    const args = this[ARGS];
    return args instanceof WordNode ? (this[ARGS] = [args]) : (args as readonly Word[]);
  }

  /** The keyword, made when first read (most parses read few), then kept. */
  get keyword(): Keyword {
    return (this[KEYWORD] ??= new KeywordNode(
      this.source,
      this[KEYWORD_TEXT],
      keywordName(this[KEYWORD_TEXT]),
      startOf(this),
      this[KEYWORD_END],
    ));
  }

  /**
   * The instruction's syntax tokens, scanned again from its first line when first read, then kept: a parse
   * keeps none, as most parses for planning or linting read the tokens of few instructions.
   */
  get tokens(): readonly SyntaxToken[] {
    return (this[TOKENS] ??= instructionTokens(
      this.source.text,
      this.source.escape,
      this[LINES_START],
      this.logical,
    ));
  }

  /**
   * The plain object: `type`, `range`, `keyword`, then the other fields in order, with `args` before `heredocs`
   * and `tokens` before `logical`.
   */
  override toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { type: this.type, range: this.range, keyword: this.keyword };
    for (const key of Object.keys(this)) {
      if (key === "type") continue;
      if (key === "heredocs") out.args = this.args;
      if (key === "logical") out.tokens = this.tokens;
      out[key] = this[key as keyof this];
    }
    return out;
  }
}

export class FromNode extends InstructionNode<"From"> {
  readonly image: Word | null;
  readonly asKeyword: Word | null;
  readonly stageName: Word | null;
  constructor(head: InstructionHead, args: readonly Word[], asKeyword: Word | null, stageName: Word | null) {
    super(head, args);
    this.image = args[0] ?? null;
    this.asKeyword = asKeyword;
    this.stageName = stageName;
  }
}

export class RunNode extends InstructionNode<"Run"> {
  readonly form: Form;
  readonly mounts: readonly Mount[];
  constructor(head: InstructionHead, args: readonly Word[], form: Form, mounts: readonly Mount[]) {
    super(head, args);
    this.form = form;
    this.mounts = mounts;
  }
}

/** CMD, ENTRYPOINT, SHELL and VOLUME: arguments in exec or shell form. */
export class FormNode<T extends "Cmd" | "Entrypoint" | "Shell" | "Volume"> extends InstructionNode<T> {
  readonly form: Form;
  constructor(head: InstructionHead, args: readonly Word[], form: Form) {
    super(head, args);
    this.form = form;
  }
}

/** COPY and ADD. */
export class CopyNode<T extends "Copy" | "Add"> extends InstructionNode<T> {
  readonly form: Form;
  readonly destination: Word | null;
  #sources: readonly Word[] | undefined = undefined;
  constructor(head: InstructionHead, args: readonly Word[], form: Form) {
    super(head, args);
    this.form = form;
    this.destination = args.length >= 2 ? args[args.length - 1]! : null;
  }

  /** Every argument but the destination; the list is made when first read. */
  get sources(): readonly Word[] {
    return (this.#sources ??= this.args.slice(0, -1));
  }

  /** The plain object, with `sources` between `form` and `destination`. */
  override toJSON(): Record<string, unknown> {
    const { destination, ...out } = super.toJSON();
    return { ...out, sources: this.sources, destination };
  }
}

/** ENV and LABEL. */
export class PairsNode<T extends "Env" | "Label"> extends InstructionNode<T> {
  readonly pairs: readonly KeyValue[];
  readonly legacy: boolean;
  constructor(head: InstructionHead, pairs: readonly KeyValue[], legacy: boolean, none: readonly Word[]) {
    super(head, none);
    this.pairs = pairs;
    this.legacy = legacy;
  }
}

export class ArgNode extends InstructionNode<"Arg"> {
  readonly declarations: readonly ArgDeclaration[];
  constructor(head: InstructionHead, args: readonly Word[], declarations: readonly ArgDeclaration[]) {
    super(head, args);
    this.declarations = declarations;
  }
}

/** EXPOSE and unknown keywords: nothing beyond the shared fields. */
export class PlainNode<T extends "Expose" | "Unknown"> extends InstructionNode<T> {}

export class HealthcheckNode extends InstructionNode<"Healthcheck"> {
  readonly kind: Word | null;
  readonly form: Form;
  readonly command: readonly Word[];
  constructor(
    head: InstructionHead,
    args: readonly Word[],
    kind: Word | null,
    form: Form,
    command: readonly Word[],
  ) {
    super(head, args);
    this.kind = kind;
    this.form = form;
    this.command = command;
  }
}

export class OnbuildNode extends InstructionNode<"Onbuild"> {
  readonly trigger: Instruction | null;
  constructor(head: InstructionHead, none: readonly Word[], trigger: Instruction | null) {
    super(head, none);
    this.trigger = trigger;
  }
}

/** MAINTAINER, USER, WORKDIR and STOPSIGNAL: the rest of the line is one value. */
export class ValueNode<
  T extends "Maintainer" | "User" | "Workdir" | "Stopsignal",
> extends InstructionNode<T> {
  readonly value: Word | null;
  constructor(head: InstructionHead, args: readonly Word[], value: Word | null) {
    super(head, args);
    this.value = value;
  }
}

{
  const source = new SourceText("", 92);
  const word = new WordNode(source, "", 0, 0);
  const keyword = new KeywordNode(source, "", "", 0, 0);
  const head: InstructionHead = {
    source,
    type: "Run",
    start: 0,
    end: 0,
    name: "",
    keywordText: "",
    keywordEnd: 0,
    flags: [],
    heredocs: [],
    comments: [],
    linesStart: 0,
    logical: "",
  };
  const from = new FromNode({ ...head, type: "From" }, [word], null, null);
  for (const node of [
    word,
    keyword,
    new CommentNode(source, "#", 0, 1),
    new WhitespaceNode(source, "", 0, 0),
    new FlagNode(source, "", null, "", 0, 0, 0, 0, 0),
    new KeyValueNode(source, word, word, "=", 0, 0),
    new ArgDeclarationNode(source, word, null, 0, 0),
    new StageNode(source, 0, null, from, [], 0, 0),
    from,
    new RunNode(head, [], "none", []),
    new FormNode<"Cmd">({ ...head, type: "Cmd" }, [], "none"),
    new CopyNode<"Copy">({ ...head, type: "Copy" }, [], "none"),
    new PairsNode<"Env">({ ...head, type: "Env" }, [], false, []),
    new ArgNode({ ...head, type: "Arg" }, [], []),
    new PlainNode<"Expose">({ ...head, type: "Expose" }, []),
    new HealthcheckNode({ ...head, type: "Healthcheck" }, [], null, "none", []),
    new OnbuildNode({ ...head, type: "Onbuild" }, [], null),
    new ValueNode<"User">({ ...head, type: "User" }, [], null),
  ])
    keepShape(node);
}
