/** A point in the source: 0-based UTF-16 offset, 1-based line, 1-based UTF-16 column. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open span of source text: `start` is inclusive, `end` exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A problem found while parsing; parsing goes on after every one of them. */
export interface ParseDiagnostic {
  /** Stable kebab-case code, e.g. `unknown-instruction`. */
  readonly code: string;
  readonly message: string;
  readonly severity: "error" | "warning" | "info";
  readonly range: Range;
}

/**
 * One argument as BuildKit's parser splits it.
 * `value` is what BuildKit's AST holds (raw text for shell-form words, the decoded string for JSON elements);
 * `range` covers the source text that produced it (the quoted literal for JSON elements).
 */
export interface Word {
  readonly type: "Word";
  readonly value: string;
  readonly range: Range;
}

/** A leading `--name[=value]` flag; quotes and backslash escapes are already removed from name and value. */
export interface Flag {
  readonly type: "Flag";
  /** The name without the leading dashes, as written (BuildKit matches it case-sensitively). */
  readonly name: string;
  /** `null` for a bare `--name`; `""` for `--name=`. */
  readonly value: string | null;
  /** BuildKit's verbatim flag string after quote removal: `--name=value`. */
  readonly text: string;
  readonly range: Range;
  readonly nameRange: Range;
  readonly valueRange: Range | null;
}

/** A `RUN --mount=…` value, parsed into its typed keys with BuildKit's defaults applied. */
export interface Mount {
  readonly type: "Mount";
  readonly mountType: "bind" | "cache" | "tmpfs" | "secret" | "ssh";
  readonly from: string | null;
  readonly source: string | null;
  readonly target: string | null;
  readonly readonly: boolean;
  readonly id: string | null;
  readonly sharing: "shared" | "private" | "locked" | null;
  readonly required: boolean | null;
  readonly size: string | null;
  readonly mode: number | null;
  readonly uid: number | null;
  readonly gid: number | null;
  readonly env: string | null;
  /** Every key as written (lowercased key → raw value, `null` for a bare key). */
  readonly options: Record<string, string | null>;
  readonly range: Range;
}

/** A here-document attached to RUN, COPY or ADD. */
export interface Heredoc {
  readonly type: "Heredoc";
  /** The delimiter with quotes removed. */
  readonly name: string;
  /** The file descriptor before `<<`, e.g. 3 in `3<<EOF`; null when absent. */
  readonly fd: number | null;
  /** `<<-`: leading tabs are stripped from body lines and the terminator. */
  readonly chomp: boolean;
  /** False when any part of the delimiter was quoted: the body is not expanded. */
  readonly expand: boolean;
  /** The `<<EOF` word on the instruction line. */
  readonly markerRange: Range;
  /** Body lines exactly as written, line endings included, terminator excluded. */
  readonly body: string;
  readonly bodyRange: Range;
  /** The terminator line; null when the heredoc is unterminated. */
  readonly terminatorRange: Range | null;
}

/** A syntax token of an instruction, kept so that the instruction prints back exactly. */
export interface SyntaxToken {
  readonly kind:
    | "text" // instruction text on one physical line
    | "continuation" // escape char, trailing blanks and the line break
    | "comment" // a comment line inside a continuation (dropped by BuildKit)
    | "empty" // a whitespace-only line inside a continuation (dropped, with a warning)
    | "heredoc" // heredoc bodies and terminators
    | "newline"; // the line break that ends the instruction
  readonly text: string;
  readonly offset: number;
}

export interface Keyword {
  readonly type: "Keyword";
  /** As written, e.g. `from`. */
  readonly text: string;
  /** Upper-cased, e.g. `FROM`. */
  readonly name: string;
  readonly range: Range;
}

export interface Comment {
  readonly type: "Comment";
  /** The whole line as written, without its line break. */
  readonly text: string;
  /** The text after `#`, trimmed. */
  readonly value: string;
  readonly range: Range;
}

export interface Directive {
  readonly type: "Directive";
  /** Lower-cased key: `syntax`, `escape` or `check`. */
  readonly name: string;
  readonly value: string;
  readonly text: string;
  readonly range: Range;
  readonly nameRange: Range;
  readonly valueRange: Range;
}

/** Blank lines, line breaks and indentation between top-level nodes. */
export interface Whitespace {
  readonly type: "Whitespace";
  readonly text: string;
  readonly range: Range;
}

interface InstructionBase<T extends string> {
  readonly type: T;
  /** From the keyword to the end of the instruction (heredocs included), without the final line break. */
  readonly range: Range;
  readonly keyword: Keyword;
  readonly flags: readonly Flag[];
  /**
   * The argument nodes BuildKit's parser produces, in order (JSON elements, whitespace-split words, or the one
   * raw command string). Empty for ENV and LABEL (see `pairs`) and ONBUILD (see `trigger`).
   */
  readonly args: readonly Word[];
  readonly heredocs: readonly Heredoc[];
  /** The comment lines directly above, as BuildKit collects them (`PrevComment`). */
  readonly comments: readonly Comment[];
  readonly tokens: readonly SyntaxToken[];
  /** The instruction as BuildKit's parser sees it: continuations joined, comment lines dropped. */
  readonly logical: string;
  /** Set on an ONBUILD trigger: the ONBUILD that wraps it. */
  readonly onbuild?: Onbuild;
}

/** The shape of the arguments of RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD, COPY, ADD and VOLUME. */
export type Form = "exec" | "shell" | "none";

export interface From extends InstructionBase<"From"> {
  readonly image: Word | null;
  readonly asKeyword: Word | null;
  readonly stageName: Word | null;
}
export interface Run extends InstructionBase<"Run"> {
  readonly form: Form;
  readonly mounts: readonly Mount[];
}
export interface Cmd extends InstructionBase<"Cmd"> {
  readonly form: Form;
}
export interface Entrypoint extends InstructionBase<"Entrypoint"> {
  readonly form: Form;
}
export interface Shell extends InstructionBase<"Shell"> {
  readonly form: Form;
}
export interface Copy extends InstructionBase<"Copy"> {
  readonly form: Form;
  readonly sources: readonly Word[];
  readonly destination: Word | null;
}
export interface Add extends InstructionBase<"Add"> {
  readonly form: Form;
  readonly sources: readonly Word[];
  readonly destination: Word | null;
}
export interface Volume extends InstructionBase<"Volume"> {
  readonly form: Form;
}
export interface KeyValue {
  readonly type: "KeyValue";
  readonly key: Word;
  readonly value: Word;
  /** `=` for `key=value`, `""` for the legacy whitespace form (BuildKit's separator node). */
  readonly separator: "=" | "";
  readonly range: Range;
}
export interface Env extends InstructionBase<"Env"> {
  readonly pairs: readonly KeyValue[];
  readonly legacy: boolean;
}
export interface Label extends InstructionBase<"Label"> {
  readonly pairs: readonly KeyValue[];
  readonly legacy: boolean;
}
export interface ArgDeclaration {
  readonly type: "ArgDeclaration";
  /** The name as written (quotes kept, as BuildKit keeps them until expansion). */
  readonly name: Word;
  /** The default after `=`, raw; null for `ARG NAME`. */
  readonly defaultValue: Word | null;
  readonly range: Range;
}
export interface Arg extends InstructionBase<"Arg"> {
  readonly declarations: readonly ArgDeclaration[];
}
/** EXPOSE: its port specs are `args`. */
export type Expose = InstructionBase<"Expose">;
export interface Healthcheck extends InstructionBase<"Healthcheck"> {
  /** `CMD`, `NONE` or whatever word was written (an error); null for a bare HEALTHCHECK. */
  readonly kind: Word | null;
  readonly form: Form;
  /** The command words after the kind. */
  readonly command: readonly Word[];
}
export interface Onbuild extends InstructionBase<"Onbuild"> {
  readonly trigger: Instruction | null;
}
export interface Maintainer extends InstructionBase<"Maintainer"> {
  readonly value: Word | null;
}
export interface User extends InstructionBase<"User"> {
  readonly value: Word | null;
}
export interface Workdir extends InstructionBase<"Workdir"> {
  readonly value: Word | null;
}
export interface Stopsignal extends InstructionBase<"Stopsignal"> {
  readonly value: Word | null;
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
  readonly type: "Stage";
  readonly index: number;
  /** The lower-cased `AS` name, or null. */
  readonly name: string | null;
  readonly from: From;
  /** The instructions after FROM, in order. */
  readonly instructions: readonly Instruction[];
  readonly range: Range;
}

export type TopLevelNode = Directive | Comment | Instruction | Whitespace;

export interface Dockerfile {
  readonly type: "Dockerfile";
  readonly range: Range;
  /** True when the text starts with a UTF-8 byte order mark. */
  readonly bom: boolean;
  readonly escapeChar: "\\" | "`";
  readonly directives: readonly Directive[];
  readonly comments: readonly Comment[];
  /** Every top-level instruction in source order (ONBUILD triggers stay nested). */
  readonly instructions: readonly Instruction[];
  /** Instructions before the first FROM (ARGs, or errors). */
  readonly preamble: readonly Instruction[];
  readonly stages: readonly Stage[];
  /** Every piece of the file in source order; printing them back gives the text exactly. */
  readonly children: readonly TopLevelNode[];
}

export interface ParseResult {
  readonly ast: Dockerfile;
  readonly diagnostics: readonly ParseDiagnostic[];
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

/**
 * A node while the parser still fills it in: the same shape without `readonly`. Only the parser builds nodes;
 * everyone else gets them read-only, since caches keyed by node (the semantic model's) rely on that.
 */
export type Draft<T> = T extends unknown
  ? { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] }
  : never;
