/** A point in the source: 0-based UTF-16 offset, 1-based line, 1-based UTF-16 column. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A half-open span of source text: `start` is inclusive, `end` exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** A problem found while parsing; parsing goes on after every one of them. */
export interface ParseDiagnostic {
  /** Stable kebab-case code, e.g. `unknown-instruction`. */
  code: string;
  message: string;
  severity: "error" | "warning";
  range: Range;
}

/**
 * One argument as BuildKit's parser splits it.
 * `value` is what BuildKit's AST holds (raw text for shell-form words, the decoded string for JSON elements);
 * `range` covers the source text that produced it (the quoted literal for JSON elements).
 */
export interface Word {
  type: "Word";
  value: string;
  range: Range;
}

/** A leading `--name[=value]` flag; quotes and backslash escapes are already removed from name and value. */
export interface Flag {
  type: "Flag";
  /** The name without the leading dashes, as written (BuildKit matches it case-sensitively). */
  name: string;
  /** `null` for a bare `--name`; `""` for `--name=`. */
  value: string | null;
  /** BuildKit's verbatim flag string after quote removal: `--name=value`. */
  text: string;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
}

/** A `RUN --mount=…` value, parsed into its typed keys with BuildKit's defaults applied. */
export interface Mount {
  type: "Mount";
  mountType: "bind" | "cache" | "tmpfs" | "secret" | "ssh";
  from: string | null;
  source: string | null;
  target: string | null;
  readonly: boolean;
  id: string | null;
  sharing: "shared" | "private" | "locked" | null;
  required: boolean | null;
  size: string | null;
  mode: number | null;
  uid: number | null;
  gid: number | null;
  env: string | null;
  /** Every key as written (lowercased key → raw value, `null` for a bare key). */
  options: Record<string, string | null>;
  range: Range;
}

/** A here-document attached to RUN, COPY or ADD. */
export interface Heredoc {
  type: "Heredoc";
  /** The delimiter with quotes removed. */
  name: string;
  /** The file descriptor before `<<`, e.g. 3 in `3<<EOF`; null when absent. */
  fd: number | null;
  /** `<<-`: leading tabs are stripped from body lines and the terminator. */
  chomp: boolean;
  /** False when any part of the delimiter was quoted: the body is not expanded. */
  expand: boolean;
  /** The `<<EOF` word on the instruction line. */
  markerRange: Range;
  /** Body lines exactly as written, line endings included, terminator excluded. */
  body: string;
  bodyRange: Range;
  /** The terminator line; null when the heredoc is unterminated. */
  terminatorRange: Range | null;
}

/** A syntax token of an instruction, kept so that the instruction prints back exactly. */
export interface SyntaxToken {
  kind:
    | "text" // instruction text on one physical line
    | "continuation" // escape char, trailing blanks and the line break
    | "comment" // a comment line inside a continuation (dropped by BuildKit)
    | "empty" // a whitespace-only line inside a continuation (dropped, with a warning)
    | "heredoc" // heredoc bodies and terminators
    | "newline"; // the line break that ends the instruction
  text: string;
  offset: number;
}

export interface Keyword {
  type: "Keyword";
  /** As written, e.g. `from`. */
  text: string;
  /** Upper-cased, e.g. `FROM`. */
  name: string;
  range: Range;
}

export interface Comment {
  type: "Comment";
  /** The whole line as written, without its line break. */
  text: string;
  /** The text after `#`, trimmed. */
  value: string;
  range: Range;
}

export interface Directive {
  type: "Directive";
  /** Lower-cased key: `syntax`, `escape` or `check`. */
  name: string;
  value: string;
  text: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

/** Blank lines, line breaks and indentation between top-level nodes. */
export interface Whitespace {
  type: "Whitespace";
  text: string;
  range: Range;
}

interface InstructionBase<T extends string> {
  type: T;
  /** From the keyword to the end of the instruction (heredocs included), without the final line break. */
  range: Range;
  keyword: Keyword;
  flags: Flag[];
  /**
   * The argument nodes BuildKit's parser produces, in order (JSON elements, whitespace-split words, or the one
   * raw command string). Empty for ENV and LABEL (see `pairs`) and ONBUILD (see `trigger`).
   */
  args: Word[];
  heredocs: Heredoc[];
  /** The comment lines directly above, as BuildKit collects them (`PrevComment`). */
  comments: Comment[];
  tokens: SyntaxToken[];
  /** The instruction as BuildKit's parser sees it: continuations joined, comment lines dropped. */
  logical: string;
  /** Set on an ONBUILD trigger: the ONBUILD that wraps it. */
  onbuild?: Onbuild;
}

/** The shape of the arguments of RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD, COPY, ADD and VOLUME. */
export type Form = "exec" | "shell" | "none";

export interface From extends InstructionBase<"From"> {
  image: Word | null;
  asKeyword: Word | null;
  stageName: Word | null;
}
export interface Run extends InstructionBase<"Run"> {
  form: Form;
  mounts: Mount[];
}
export interface Cmd extends InstructionBase<"Cmd"> {
  form: Form;
}
export interface Entrypoint extends InstructionBase<"Entrypoint"> {
  form: Form;
}
export interface Shell extends InstructionBase<"Shell"> {
  form: Form;
}
export interface Copy extends InstructionBase<"Copy"> {
  form: Form;
  sources: Word[];
  destination: Word | null;
}
export interface Add extends InstructionBase<"Add"> {
  form: Form;
  sources: Word[];
  destination: Word | null;
}
export interface Volume extends InstructionBase<"Volume"> {
  form: Form;
}
export interface KeyValue {
  type: "KeyValue";
  key: Word;
  value: Word;
  /** `=` for `key=value`, `""` for the legacy whitespace form (BuildKit's separator node). */
  separator: "=" | "";
  range: Range;
}
export interface Env extends InstructionBase<"Env"> {
  pairs: KeyValue[];
  legacy: boolean;
}
export interface Label extends InstructionBase<"Label"> {
  pairs: KeyValue[];
  legacy: boolean;
}
export interface ArgDeclaration {
  type: "ArgDeclaration";
  /** The name as written (quotes kept, as BuildKit keeps them until expansion). */
  name: Word;
  /** The default after `=`, raw; null for `ARG NAME`. */
  defaultValue: Word | null;
  range: Range;
}
export interface Arg extends InstructionBase<"Arg"> {
  declarations: ArgDeclaration[];
}
/** EXPOSE: its port specs are `args`. */
export type Expose = InstructionBase<"Expose">;
export interface Healthcheck extends InstructionBase<"Healthcheck"> {
  /** `CMD`, `NONE` or whatever word was written (an error); null for a bare HEALTHCHECK. */
  kind: Word | null;
  form: Form;
  /** The command words after the kind. */
  command: Word[];
}
export interface Onbuild extends InstructionBase<"Onbuild"> {
  trigger: Instruction | null;
}
export interface Maintainer extends InstructionBase<"Maintainer"> {
  value: Word | null;
}
export interface User extends InstructionBase<"User"> {
  value: Word | null;
}
export interface Workdir extends InstructionBase<"Workdir"> {
  value: Word | null;
}
export interface Stopsignal extends InstructionBase<"Stopsignal"> {
  value: Word | null;
}
/** A keyword BuildKit does not know; kept so that nothing is lost. */
export type Unknown = InstructionBase<"Unknown">;

export type Instruction =
  | From
  | Run
  | Cmd
  | Entrypoint
  | Shell
  | Copy
  | Add
  | Volume
  | Env
  | Label
  | Arg
  | Expose
  | Healthcheck
  | Onbuild
  | Maintainer
  | User
  | Workdir
  | Stopsignal
  | Unknown;

export type InstructionType = Instruction["type"];

/** A build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  type: "Stage";
  index: number;
  /** The lower-cased `AS` name, or null. */
  name: string | null;
  from: From;
  /** The instructions after FROM, in order. */
  instructions: Instruction[];
  range: Range;
}

export type TopLevelNode = Directive | Comment | Instruction | Whitespace;

export interface Dockerfile {
  type: "Dockerfile";
  range: Range;
  /** True when the text starts with a UTF-8 byte order mark. */
  bom: boolean;
  escapeChar: "\\" | "`";
  directives: Directive[];
  comments: Comment[];
  /** Every top-level instruction in source order (ONBUILD triggers stay nested). */
  instructions: Instruction[];
  /** Instructions before the first FROM (ARGs, or errors). */
  preamble: Instruction[];
  stages: Stage[];
  /** Every piece of the file in source order; printing them back gives the text exactly. */
  children: TopLevelNode[];
}

export interface ParseResult {
  ast: Dockerfile;
  diagnostics: ParseDiagnostic[];
}

/** Maps an upper-case keyword to its AST node type. */
export const instructionTypes = {
  FROM: "From",
  RUN: "Run",
  CMD: "Cmd",
  ENTRYPOINT: "Entrypoint",
  SHELL: "Shell",
  COPY: "Copy",
  ADD: "Add",
  VOLUME: "Volume",
  ENV: "Env",
  LABEL: "Label",
  ARG: "Arg",
  EXPOSE: "Expose",
  HEALTHCHECK: "Healthcheck",
  ONBUILD: "Onbuild",
  MAINTAINER: "Maintainer",
  USER: "User",
  WORKDIR: "Workdir",
  STOPSIGNAL: "Stopsignal",
} as const satisfies Record<string, InstructionType>;

export type KnownKeyword = keyof typeof instructionTypes;
