import {
  instructionTypes,
  type ArgDeclaration,
  type Comment,
  type Directive,
  type Dockerfile,
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
  type TopLevelNode,
  type Whitespace,
  type Word,
} from "./nodes.js";
import { type PositionMap, SourceText } from "./positions.js";
import { instructionTokens } from "../lexer/lexer.js";
import { keepShape } from "../shapes.js";

// The AST's numerous nodes as classes that keep source offsets and make `range` when it is read (instructions
// also their `keyword`, `tokens` and a lone argument's list). Ranges and their positions were about 40% of an
// AST's memory (a Range and up to two positions of three numbers per node), and a parse for formatting or planning
// reads few of them. The values are the same as when everything was made up front: made from the same offsets by
// the same line table. Ranges, the keyword when it stands as written and the one-line joined line are made afresh
// on each read and not kept (equal, not identical, from one read to the next): lint reads most of them once or
// twice, and keeping them made a linted AST twice the size of a parsed one (a generated 5 MB file: 68 MB parsed,
// 129 MB after lint, with the tokens it then read for every RUN). `toJSON` writes the keys in the order the plain objects had, `range`
// included. Being getters, they are not seen by `toEqual` (it compares own properties): tests compare whole nodes
// through JSON.

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
const KEYWORD: unique symbol = Symbol("keyword");
const TOKENS: unique symbol = Symbol("tokens");
const PARTS: unique symbol = Symbol("parts");
const ARGS: unique symbol = Symbol("args");
const VALUE: unique symbol = Symbol("value");
const TEXT: unique symbol = Symbol("text");
const LOGICAL: unique symbol = Symbol("logical");
const MARKER_START: unique symbol = Symbol("markerStart");
const MARKER_END: unique symbol = Symbol("markerEnd");
const BODY_START: unique symbol = Symbol("bodyStart");
const BODY_END: unique symbol = Symbol("bodyEnd");
const TERM_START: unique symbol = Symbol("terminatorStart");
const TERM_END: unique symbol = Symbol("terminatorEnd");
const BODY: unique symbol = Symbol("body");

// Every field costs each node 8 bytes, and a generated file can hold millions of nodes: a node keeps what it
// needs to make its lazy parts and no more, one field where one value can stand for another until it is made
// (the start offset for the range, the first line's offset for the tokens, the keyword's text for the keyword).

/** A node with a source span whose range is made when read. */
abstract class Spanned {
  declare readonly type: string;
  declare private readonly [SOURCE]: SourceText;
  declare private readonly [START]: number;
  declare private readonly [END]: number;

  constructor(source: SourceText, start: number, end: number) {
    this[SOURCE] = source;
    this[START] = start;
    this[END] = end;
  }

  /** The node's source span, made afresh on each read (see the note on ranges above). */
  get range(): Range {
    return this[SOURCE].range(this[START], this[END]);
  }

  /** The text and line table the node's ranges are made with, shared by every node of its file. */
  static source(node: Spanned): SourceText {
    return node[SOURCE];
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

  /** The source text of the node's span. */
  protected spanText(): string {
    return this[SOURCE].text.slice(Spanned.start(this), this[END]);
  }

  /** The plain object this node stood for: `type`, its own fields, then `range`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { type: this.type };
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

/**
 * Puts a node class's `type` on its prototype: one field less in each of the many small nodes (words, flags,
 * pairs), which JSON, `in` and for…in still see as before.
 */
function typeOnPrototype(node: { prototype: object }, type: string): void {
  Object.defineProperty(node.prototype, "type", { value: type, enumerable: true });
}

/** Whether `value` is the source text from `start` to `end`, so that a node can make it again from there. */
function isSourceText(source: SourceText, value: string, start: number, end: number): boolean {
  // Compared as a slice: equal strings compare as blocks of memory, where `startsWith` compared character by
  // character, several times slower.
  return value.length === end - start && value === source.text.slice(start, end);
}

export class WordNode extends Spanned implements Word {
  declare readonly type: "Word";
  /**
   * The value, or null while it is not made: most words are their source text as written, which the node slices
   * when first read (a string kept per word was a fifth of an AST's memory). Others (quoted, escaped, split by a
   * line continuation) keep theirs.
   */
  declare private [VALUE]: string | null;
  constructor(source: SourceText, value: string, start: number, end: number) {
    super(source, start, end);
    this[VALUE] = isSourceText(source, value, start, end) ? null : value;
  }

  get value(): string {
    return (this[VALUE] ??= this.spanText());
  }

  override toJSON(): Record<string, unknown> {
    return { type: this.type, value: this.value, range: this.range };
  }
}
typeOnPrototype(WordNode, "Word");

export class KeywordNode extends Spanned implements Keyword {
  declare readonly type: "Keyword";
  readonly text: string;
  readonly name: string;
  constructor(source: SourceText, text: string, name: string, start: number, end: number) {
    super(source, start, end);
    this.text = text;
    this.name = name;
  }
}
typeOnPrototype(KeywordNode, "Keyword");

/** A comment: its text and value are made from the source when first read, then kept. */
export class CommentNode extends Spanned implements Comment {
  declare readonly type: "Comment";
  declare private [TEXT]: string | null;
  declare private [VALUE]: string | null;
  constructor(source: SourceText, start: number, end: number) {
    super(source, start, end);
    this[TEXT] = null;
    this[VALUE] = null;
  }

  get text(): string {
    return (this[TEXT] ??= this.spanText());
  }

  /** The text after `#`, trimmed. */
  get value(): string {
    return (this[VALUE] ??= this.text.slice(1).trim());
  }

  override toJSON(): Record<string, unknown> {
    return { type: this.type, text: this.text, value: this.value, range: this.range };
  }
}
typeOnPrototype(CommentNode, "Comment");

export class WhitespaceNode extends Spanned implements Whitespace {
  declare readonly type: "Whitespace";
  /** Made from the source when first read, then kept. */
  declare private [TEXT]: string | null;
  constructor(source: SourceText, start: number, end: number) {
    super(source, start, end);
    this[TEXT] = null;
  }

  get text(): string {
    return (this[TEXT] ??= this.spanText());
  }

  override toJSON(): Record<string, unknown> {
    return { type: this.type, text: this.text, range: this.range };
  }
}
typeOnPrototype(WhitespaceNode, "Whitespace");

export class FlagNode extends Spanned implements Flag {
  declare readonly type: "Flag";
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
typeOnPrototype(FlagNode, "Flag");

export class KeyValueNode extends Spanned implements KeyValue {
  declare readonly type: "KeyValue";
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
typeOnPrototype(KeyValueNode, "KeyValue");

export class ArgDeclarationNode extends Spanned implements ArgDeclaration {
  declare readonly type: "ArgDeclaration";
  readonly name: Word;
  readonly defaultValue: Word | null;
  constructor(source: SourceText, name: Word, defaultValue: Word | null, start: number, end: number) {
    super(source, start, end);
    this.name = name;
    this.defaultValue = defaultValue;
  }
}
typeOnPrototype(ArgDeclarationNode, "ArgDeclaration");

export class StageNode extends Spanned implements Stage {
  declare readonly type: "Stage";
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
typeOnPrototype(StageNode, "Stage");

export class DockerfileNode extends Spanned implements Dockerfile {
  declare readonly type: "Dockerfile";
  constructor(
    source: SourceText,
    readonly bom: boolean,
    readonly escapeChar: "\\" | "`",
    readonly directives: readonly Directive[],
    readonly comments: readonly Comment[],
    readonly instructions: readonly Instruction[],
    readonly preamble: readonly Instruction[],
    readonly stages: readonly Stage[],
    readonly children: readonly TopLevelNode[],
  ) {
    super(source, 0, source.text.length);
  }

  /** The plain object, with `range` right after `type`. */
  override toJSON(): Record<string, unknown> {
    const { type, range, ...rest } = super.toJSON();
    return { type, range, ...rest };
  }
}
typeOnPrototype(DockerfileNode, "Dockerfile");

/**
 * The line table an AST's ranges are made with, for positions of offsets its nodes do not cover (a word inside a
 * RUN script), so that a file has one table; null for an AST the parser did not make from `text` (a template's
 * masked text, say).
 */
export function positionMapOf(ast: Dockerfile, text: string): PositionMap | null {
  if (!(ast instanceof DockerfileNode)) return null;
  const source = Spanned.source(ast);
  return source.text === text ? source.positions : null;
}

/**
 * A heredoc, whose ranges and body are made from its offsets when read (the body when first read, then kept):
 * three ranges of two positions each and the body were most of what a heredoc cost.
 */
export class HeredocNode implements Heredoc {
  declare readonly type: "Heredoc";
  declare private readonly [SOURCE]: SourceText;
  declare private readonly [MARKER_START]: number;
  declare private readonly [MARKER_END]: number;
  declare private readonly [BODY_START]: number;
  declare private readonly [BODY_END]: number;
  /** -1 when the heredoc is not terminated. */
  declare private readonly [TERM_START]: number;
  declare private readonly [TERM_END]: number;
  declare private [BODY]: string | null;
  readonly name: string;
  readonly fd: number | null;
  readonly chomp: boolean;
  readonly expand: boolean;

  constructor(
    source: SourceText,
    marker: { readonly name: string; readonly fd: number | null; chomp: boolean; expand: boolean },
    markerStart: number,
    markerEnd: number,
    bodyStart: number,
    bodyEnd: number,
    terminatorStart: number,
    terminatorEnd: number,
  ) {
    this[SOURCE] = source;
    this[MARKER_START] = markerStart;
    this[MARKER_END] = markerEnd;
    this[BODY_START] = bodyStart;
    this[BODY_END] = bodyEnd;
    this[TERM_START] = terminatorStart;
    this[TERM_END] = terminatorEnd;
    this[BODY] = null;
    this.name = marker.name;
    this.fd = marker.fd;
    this.chomp = marker.chomp;
    this.expand = marker.expand;
  }

  get markerRange(): Range {
    return this[SOURCE].range(this[MARKER_START], this[MARKER_END]);
  }

  get body(): string {
    return (this[BODY] ??= this[SOURCE].text.slice(HeredocNode.bodyStart(this), this[BODY_END]));
  }

  get bodyRange(): Range {
    return this[SOURCE].range(this[BODY_START], this[BODY_END]);
  }

  get terminatorRange(): Range | null {
    const start = this[TERM_START];
    return start < 0 ? null : this[SOURCE].range(start, this[TERM_END]);
  }

  /** The marker's offsets, for the parser's checks, which make no range. */
  static markerStart(heredoc: HeredocNode): number {
    return heredoc[MARKER_START];
  }

  static markerEnd(heredoc: HeredocNode): number {
    return heredoc[MARKER_END];
  }

  private static bodyStart(heredoc: HeredocNode): number {
    return heredoc[BODY_START];
  }

  /** The plain object, in the order its fields are documented. */
  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      name: this.name,
      fd: this.fd,
      chomp: this.chomp,
      expand: this.expand,
      markerRange: this.markerRange,
      body: this.body,
      bodyRange: this.bodyRange,
      terminatorRange: this.terminatorRange,
    };
  }
}
typeOnPrototype(HeredocNode, "Heredoc");

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
  /** Whether `logical` is the source text from `linesStart` on: the instruction is one line of text. */
  readonly oneLine: boolean;
}

/**
 * An instruction's flags, heredocs and comments, in one object: most instructions have none of them and share
 * `noParts`, so that each node keeps one field for the three lists.
 */
class Parts {
  constructor(
    readonly flags: readonly Flag[],
    readonly heredocs: readonly Heredoc[],
    readonly comments: readonly Comment[],
  ) {}
}

const noParts = Object.freeze(new Parts(none, none, none));
// Freezing gave `noParts` a map of its own: keep one instance with the map that the others have.
keepShape(new Parts(none, none, none));

function parts(flags: readonly Flag[], heredocs: readonly Heredoc[], comments: readonly Comment[]): Parts {
  return flags === none && heredocs === none && comments === none
    ? noParts
    : new Parts(flags, heredocs, comments);
}

/** What every instruction node holds; one subclass per set of instruction-specific fields. */
abstract class InstructionNode<T extends InstructionType> extends Spanned {
  // Declared only and set in the constructor, for the same reason as Spanned's fields.
  declare readonly type: T;
  /**
   * The joined line, or its length when it is the source text from the instruction's start on (an instruction on
   * one line): then sliced from the source on each read.
   */
  declare private readonly [LOGICAL]: string | number;
  /**
   * The keyword's text when it stands as written at the instruction's start (it ends where its text does), made
   * into the keyword on each read; a keyword split by a line continuation is made at once and kept.
   */
  declare private readonly [KEYWORD]: string | Keyword;
  /** The offset of the instruction's first line until the tokens are made (scanned again from there), then them. */
  declare private [TOKENS]: number | readonly SyntaxToken[];
  declare private [PARTS]: Parts;
  /**
   * A lone argument is kept as itself and put in a list when `args` is first read: most instructions have one.
   * Null when the subclass makes the list from its own fields when first read (`madeArgs`).
   */
  declare private [ARGS]: readonly Word[] | Word | null;
  /** Set on a trigger after its ONBUILD is made; declared only, so that other nodes have no such key. */
  declare onbuild?: Onbuild;

  constructor(head: InstructionHead, args: readonly Word[] | null) {
    super(head.source, head.start, head.end);
    this.type = head.type as T;
    const text = head.keywordText;
    this[KEYWORD] =
      head.keywordEnd === head.start + text.length &&
      isSourceText(head.source, text, head.start, head.keywordEnd)
        ? text
        : new KeywordNode(head.source, text, keywordName(text), head.start, head.keywordEnd);
    this[PARTS] = parts(head.flags, head.heredocs, head.comments);
    this[ARGS] = args !== null && args.length === 1 ? args[0]! : args;
    const logical = head.logical;
    this[LOGICAL] = head.oneLine && head.linesStart === head.start ? logical.length : logical;
    this[TOKENS] = head.linesStart < 0 ? none : head.linesStart;
  }

  get logical(): string {
    const logical = this[LOGICAL];
    if (typeof logical === "string") return logical;
    const start = startOf(this);
    return this.source.text.slice(start, start + logical);
  }

  get flags(): readonly Flag[] {
    return this[PARTS].flags;
  }

  get heredocs(): readonly Heredoc[] {
    return this[PARTS].heredocs;
  }

  get comments(): readonly Comment[] {
    return this[PARTS].comments;
  }

  get args(): readonly Word[] {
    const args = this[ARGS];
    if (args === null) return (this[ARGS] = this.madeArgs());
    return args instanceof WordNode ? (this[ARGS] = [args]) : (args as readonly Word[]);
  }

  /** The arguments of a subclass that makes them from its own fields. */
  protected madeArgs(): readonly Word[] {
    return none;
  }

  /** The keyword, made afresh on each read when it stands as written (most parses read few). */
  get keyword(): Keyword {
    const keyword = this[KEYWORD];
    if (typeof keyword !== "string") return keyword;
    const start = startOf(this);
    return new KeywordNode(this.source, keyword, keywordName(keyword), start, start + keyword.length);
  }

  /**
   * The instruction's syntax tokens, scanned again from its first line when first read, then kept: a parse
   * keeps none, as most parses for planning or linting read the tokens of few instructions (lint reads a RUN's
   * only to map a finding in its script back to the source), and formatting reads them several times.
   */
  get tokens(): readonly SyntaxToken[] {
    const tokens = this[TOKENS];
    if (typeof tokens !== "number") return tokens;
    return (this[TOKENS] = instructionTokens(this.source.text, this.source.escape, tokens, this.logical));
  }

  /** Makes this instruction the trigger of `onbuild`, which hands it its heredocs. */
  static link(
    trigger: InstructionNode<InstructionType>,
    onbuild: Onbuild,
    heredocs: readonly Heredoc[],
  ): void {
    trigger.onbuild = onbuild;
    const { flags, comments } = trigger[PARTS];
    trigger[PARTS] = parts(flags, heredocs, comments);
  }

  /**
   * The plain object: `type`, `range`, `keyword`, the fields every instruction has, then the instruction's own
   * in order (and a trigger's `onbuild`).
   */
  override toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      type: this.type,
      range: this.range,
      keyword: this.keyword,
      flags: this.flags,
      args: this.args,
      heredocs: this.heredocs,
      comments: this.comments,
      tokens: this.tokens,
      logical: this.logical,
    };
    for (const key of Object.keys(this)) {
      if (key !== "type") out[key] = this[key as keyof this];
    }
    return out;
  }
}

/** Makes `trigger` the trigger of `onbuild`: the link back, and the ONBUILD's heredocs. */
export function linkTrigger(trigger: Instruction, onbuild: Onbuild, heredocs: readonly Heredoc[]): void {
  InstructionNode.link(trigger as unknown as InstructionNode<InstructionType>, onbuild, heredocs);
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
  constructor(head: InstructionHead, declarations: readonly ArgDeclaration[]) {
    super(head, declarations.length === 0 ? none : null);
    this.declarations = declarations;
  }

  /**
   * One word per declaration, over the same span, `name=default` as written: made when first read, as most
   * readers of an ARG read its declarations (a file of many ARGs kept each name twice).
   */
  protected override madeArgs(): readonly Word[] {
    return this.declarations.map((d) => {
      const value = d.defaultValue === null ? d.name.value : `${d.name.value}=${d.defaultValue.value}`;
      return new WordNode(this.source, value, startOf(d), endOf(d));
    });
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
    oneLine: false,
  };
  const from = new FromNode({ ...head, type: "From" }, [word], null, null);
  const onbuild = new OnbuildNode({ ...head, type: "Onbuild" }, [], null);
  // One instance of each class an ONBUILD can trigger, made anew for each use.
  const triggerable = () => [
    new RunNode(head, [], "none", []),
    new FormNode<"Cmd">({ ...head, type: "Cmd" }, [], "none"),
    new CopyNode<"Copy">({ ...head, type: "Copy" }, [], "none"),
    new PairsNode<"Env">({ ...head, type: "Env" }, [], false, []),
    new ArgNode({ ...head, type: "Arg" }, []),
    new PlainNode<"Expose">({ ...head, type: "Expose" }, []),
    new HealthcheckNode({ ...head, type: "Healthcheck" }, [], null, "none", []),
    new ValueNode<"User">({ ...head, type: "User" }, [], null),
  ];
  for (const node of [
    word,
    keyword,
    new CommentNode(source, 0, 0),
    new WhitespaceNode(source, 0, 0),
    new FlagNode(source, "", null, "", 0, 0, 0, 0, 0),
    new KeyValueNode(source, word, word, "=", 0, 0),
    new ArgDeclarationNode(source, word, null, 0, 0),
    new StageNode(source, 0, null, from, [], 0, 0),
    new DockerfileNode(source, false, "\\", [], [], [], [], [], []),
    from,
    onbuild,
    ...triggerable(),
  ]) {
    keepShape(node);
  }
  // An ONBUILD's trigger gets its `onbuild` after it is made, which gives it a map of its own: one kept for each
  // class a trigger can be (without it, every rule handler that had seen a trigger was deoptimized at a full GC).
  for (const trigger of triggerable()) {
    InstructionNode.link(trigger, onbuild, []);
    keepShape(trigger);
  }
  const heredoc = new HeredocNode(
    source,
    { name: "", fd: null, chomp: false, expand: true },
    0,
    0,
    0,
    0,
    0,
    0,
  );
  void [heredoc.markerRange, heredoc.bodyRange, heredoc.terminatorRange, heredoc.body];
  keepShape(heredoc);
}
