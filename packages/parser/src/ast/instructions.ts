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
  type Add,
  type Arg,
  type ArgDeclaration,
  type Cmd,
  type Comment,
  type Copy,
  type Entrypoint,
  type Env,
  type Expose,
  type Flag,
  type Form,
  type From,
  type Healthcheck,
  type Heredoc,
  type Instruction,
  type InstructionType,
  type KeyValue,
  type KnownKeyword,
  type Label,
  type Maintainer,
  type Mount,
  type Onbuild,
  type ParseDiagnostic,
  type Range,
  type Run,
  type Shell,
  type Stopsignal,
  type Unknown,
  type User,
  type Volume,
  type Word,
  type Workdir,
} from "./nodes.js";
import { LineMap, SourceText } from "./positions.js";
import {
  ArgDeclarationNode,
  ArgNode,
  CopyNode,
  endOf,
  FlagNode,
  FormNode,
  FromNode,
  HealthcheckNode,
  HeredocNode,
  KeyValueNode,
  keywordName,
  linkTrigger,
  OnbuildNode,
  PairsNode,
  PlainNode,
  RunNode,
  startOf,
  none,
  ValueNode,
  WordNode,
  type InstructionHead,
} from "./node-classes.js";
import { keepShape } from "../shapes.js";
import { goQuote } from "../print/dump.js";

// One function per instruction, each returning a new node, as BuildKit's `instructions/parse.go` has them.
// They live in one file rather than one file each: most are under 20 lines and all share the reader below.

/** One instruction's text as the lexer grouped it: what every instruction parser reads from. */
export interface InstructionSource {
  /** Maps offsets in the joined line back to the source. */
  line: LineMap;
  bodies: HeredocBodies | null;
  comments: readonly Comment[];
  /** Source offset of the instruction's first line: its tokens are scanned again from there when read. */
  linesStart: number;
  /** Source offset where the instruction's text ends (before the final line break). */
  textEnd: number;
  /** Source offset after the heredoc bodies (before the final line break of the last one). */
  end: number;
  /** Continuations joined, comment lines dropped. */
  logical: string;
  /** Whether `logical` is the source text from `linesStart` on (one line, no continuation). */
  oneLine: boolean;
}

/** The shared pieces of instruction parsing: source ranges, words, and the one list diagnostics go to. */
export class InstructionReader {
  /** The escape character's code, for the word splitters of ENV, LABEL and ARG. */
  readonly escape: number;
  constructor(
    readonly file: SourceText,
    readonly source: InstructionSource,
    private readonly diagnostics: ParseDiagnostic[],
  ) {
    this.escape = file.escape;
  }

  range(start: number, end: number): Range {
    return this.file.range(start, end);
  }

  /** Source offset where a piece of the joined line starts. */
  sourceStart(start: number): number {
    return this.source.line.start(start);
  }

  /** Source offset where a piece of the joined line that starts at source offset `from` ends. */
  sourceEnd(from: number, end: number): number {
    return Math.max(from, this.source.line.end(end));
  }

  /** Source range of a piece of the joined line. */
  pieceRange(start: number, end: number): Range {
    const s = this.sourceStart(start);
    return this.file.range(s, this.sourceEnd(s, end));
  }

  word(piece: Piece, value = piece.value): Word {
    const s = this.sourceStart(piece.start);
    return new WordNode(this.file, value, s, this.sourceEnd(s, piece.end));
  }

  words(pieces: Piece[]): Word[] {
    return pieces.map((p) => this.word(p));
  }

  error(code: string, message: string, range: Range): void {
    this.diagnostics.push({ code, message, severity: "error", range });
  }

  /** The source text between two offsets. */
  slice(start: number, end: number): string {
    return this.file.text.slice(start, end);
  }
}

keepShape(
  new InstructionReader(
    new SourceText("", 92),
    {
      line: new LineMap([0, 0, 0]),
      bodies: null,
      comments: [],
      linesStart: 0,
      textEnd: 0,
      end: 0,
      logical: "",
      oneLine: false,
    },
    [],
  ),
);

type Head = InstructionHead;

/** Reports a wrong argument count, over the whole instruction from its keyword on. */
function requireArgs(r: InstructionReader, head: Head, what: string, ok: boolean): void {
  if (!ok) r.error("argument-count", `${head.name} ${what}.`, wholeRange(r, head));
}

/** The instruction's range, from its keyword on. */
function wholeRange(r: InstructionReader, head: Head): Range {
  return r.range(head.start, head.end);
}

function keywordRange(r: InstructionReader, head: Head): Range {
  return r.range(head.start, head.keywordEnd);
}

/** JSON (exec) form when the text is a JSON array of strings, shell form otherwise, as BuildKit decides. */
function readForm(r: InstructionReader, rest: Piece, list: boolean): { form: Form; args: readonly Word[] } {
  if (rest.value === "") return { form: "none", args: none };
  if (rest.value.startsWith("[")) {
    const json = parseJsonArray(rest.value, rest.start);
    if (json.kind === "strings") return { form: "exec", args: r.words(json.elements) };
    if (json.kind === "not-strings") notStrings(r, json.start, json.end);
  }
  return { form: "shell", args: list ? r.words(splitWhitespace(rest.value, rest.start)) : [r.word(rest)] };
}

function notStrings(r: InstructionReader, start: number, end: number): void {
  r.error(
    "json-not-strings",
    "In JSON (exec) form, every element of the array must be a string.",
    r.pieceRange(start, end),
  );
}

const keywords = Object.keys(instructionTypes);

/**
 * Parses one instruction of the joined line from `base` on (0, or where an ONBUILD's trigger starts).
 * Its diagnostics come in source order of concern: heredocs, then the instruction's own checks, then flags.
 */
export function parseInstruction(
  r: InstructionReader,
  line: string,
  base: number,
  trigger: boolean,
): Instruction {
  const ctx = r.source;
  const split = splitCommand(line);
  const keywordPiece = split.keyword ?? { value: "", start: line.length, end: line.length };
  const start = r.sourceStart(keywordPiece.start + base);
  const keywordEnd = r.sourceEnd(start, keywordPiece.end + base);
  const name = keywordName(keywordPiece.value);
  // Known keywords share one string per name (and per spelling when written in upper case).
  const text = keywordPiece.value === name ? name : keywordPiece.value;
  const type = (instructionTypes as Record<string, InstructionType>)[name] ?? "Unknown";
  const flags =
    split.flags.length === 0
      ? none
      : split.flags.map((f) =>
          flag(r, {
            ...f,
            start: f.start + base,
            end: f.end + base,
            nameStart: f.nameStart + base,
            nameEnd: f.nameEnd + base,
            valueStart: f.valueStart + base,
          }),
        );
  const rest: Piece = { ...split.rest, start: split.rest.start + base, end: split.rest.end + base };
  const head: Head = {
    source: r.file,
    type,
    start,
    end: Math.max(start, ctx.end),
    name,
    keywordText: text,
    keywordEnd,
    flags,
    // An ONBUILD's heredocs are read once, for the ONBUILD, and handed to its trigger afterwards.
    heredocs: base === 0 ? heredocs(r) : none,
    comments: trigger ? none : ctx.comments,
    linesStart: trigger ? -1 : ctx.linesStart,
    logical: line,
    oneLine: !trigger && ctx.oneLine,
  };
  const node = parseArguments(r, head, rest);
  validateFlags(r, name, node);
  return node;
}

/** Reads the instruction-specific fields from the text after the flags, one function per instruction. */
function parseArguments(r: InstructionReader, head: Head, rest: Piece): Instruction {
  switch (head.type) {
    case "From":
      return parseFrom(r, head, rest);
    case "Run":
      return parseRun(r, head, rest);
    case "Cmd":
    case "Entrypoint":
      return parseCmdOrEntrypoint(r, head, rest);
    case "Shell":
      return parseShell(r, head, rest);
    case "Copy":
    case "Add":
      return parseCopyOrAdd(r, head, rest);
    case "Volume":
      return parseVolume(r, head, rest);
    case "Env":
    case "Label":
      return parseEnvOrLabel(r, head, rest);
    case "Arg":
      return parseArg(r, head, rest);
    case "Expose":
      return parseExpose(r, head, rest);
    case "Healthcheck":
      return parseHealthcheck(r, head, rest);
    case "Onbuild":
      return parseOnbuild(r, head, rest);
    case "Maintainer":
    case "User":
    case "Workdir":
    case "Stopsignal":
      return parseSingleValue(r, head, rest);
    case "Unknown":
      return parseUnknown(r, head);
  }
}

function parseFrom(r: InstructionReader, head: Head, rest: Piece): From {
  const args = r.words(splitWhitespace(rest.value, rest.start));
  const [, as, stage] = args;
  let named = false;
  if (args.length !== 3 || !as || !stage) {
    requireArgs(r, head, "takes an image, optionally followed by AS and a stage name", args.length === 1);
  } else if (as.value.toLowerCase() !== "as") {
    r.error(
      "from-expected-as",
      `FROM with three arguments needs AS as the second, not '${as.value}'.`,
      as.range,
    );
  } else {
    named = true;
    if (!/^[a-z][a-z0-9\-_.]*$/.test(stage.value.toLowerCase())) {
      r.error(
        "invalid-stage-name",
        `Invalid stage name '${stage.value}': it must start with a letter and contain only letters, digits, '-', '_' and '.'.`,
        stage.range,
      );
    }
  }
  return new FromNode(head, args, named ? as! : null, named ? stage! : null);
}

function parseRun(r: InstructionReader, head: Head, rest: Piece): Run {
  const { form, args } = readForm(r, rest, false);
  return new RunNode(head, args, form, readMounts(r, head.flags));
}

function parseCmdOrEntrypoint(r: InstructionReader, head: Head, rest: Piece): Cmd | Entrypoint {
  const { form, args } = readForm(r, rest, false);
  return new FormNode<"Cmd" | "Entrypoint">(head, args, form);
}

function parseShell(r: InstructionReader, head: Head, rest: Piece): Shell {
  const { form, args } = readForm(r, rest, false);
  if (form === "shell") {
    r.error(
      "shell-requires-json",
      'SHELL must be written in JSON form, e.g. SHELL ["/bin/bash", "-c"].',
      wholeRange(r, head),
    );
  } else requireArgs(r, head, "needs at least one argument", args.length > 0);
  return new FormNode<"Shell">(head, args, form);
}

function parseCopyOrAdd(r: InstructionReader, head: Head, rest: Piece): Copy | Add {
  const { heredocs } = head;
  const { form, args } = readForm(r, rest, true);
  const node = new CopyNode<"Copy" | "Add">(head, args, form) as Copy | Add;
  const destination = node.destination;
  requireArgs(r, head, "needs at least one source and a destination", args.length >= 2);
  if (
    destination &&
    form === "shell" &&
    heredocs.some(
      (h) =>
        startOf(destination) >= HeredocNode.markerStart(h as HeredocNode) &&
        endOf(destination) <= HeredocNode.markerEnd(h as HeredocNode),
    )
  ) {
    r.error(
      "heredoc-destination",
      `${head.name} cannot take a heredoc as its destination.`,
      destination.range,
    );
  }
  return node;
}

function parseVolume(r: InstructionReader, head: Head, rest: Piece): Volume {
  const { form, args } = readForm(r, rest, true);
  requireArgs(r, head, "needs at least one path", args.length > 0);
  for (const a of args) {
    if (a.value.trim() === "") r.error("empty-volume", "A VOLUME path cannot be empty.", a.range);
  }
  return new FormNode<"Volume">(head, args, form);
}

/** ENV and LABEL: `key=value` pairs, or BuildKit's legacy `KEY value` form (one pair, the value is the rest). */
function parseEnvOrLabel(r: InstructionReader, head: Head, rest: Piece): Env | Label {
  const pieces = parseWords(rest.value, rest.start, r.escape);
  const legacy = pieces.length > 0 && !pieces[0]!.value.includes("=");
  const pairs =
    pieces.length === 0
      ? noPairs(r, head)
      : legacy
        ? legacyPair(r, head.name, rest)
        : keyValues(r, head.name, pieces);
  return new PairsNode<"Env" | "Label">(head, pairs, legacy, none);
}

function noPairs(r: InstructionReader, head: Head): readonly KeyValue[] {
  r.error("argument-count", `${head.name} needs at least one key=value pair.`, keywordRange(r, head));
  return none;
}

/** `ENV KEY value`: the first word is the key, everything after the blanks that follow it is the value. */
function legacyPair(r: InstructionReader, kw: string, rest: Piece): readonly KeyValue[] {
  const [keyPiece] = splitWhitespace(rest.value, rest.start) as [Piece];
  let v = keyPiece.end;
  while (v < rest.end && /[\t\v\f\r ]/.test(rest.value[v - rest.start]!)) v++;
  if (v >= rest.end) {
    r.error(
      "missing-value",
      `${kw} ${keyPiece.value} has no value: write ${kw} ${keyPiece.value}=value.`,
      r.pieceRange(keyPiece.start, keyPiece.end),
    );
    return none;
  }
  const value: Piece = { value: rest.value.slice(v - rest.start), start: v, end: rest.end };
  return [keyValue(r, r.word(keyPiece), r.word(value), "", keyPiece.start, rest.end)];
}

/** A pair over the joined line's `start` to `end`. */
function keyValue(
  r: InstructionReader,
  key: Word,
  value: Word,
  separator: "=" | "",
  start: number,
  end: number,
): KeyValue {
  const s = r.sourceStart(start);
  return new KeyValueNode(r.file, key, value, separator, s, r.sourceEnd(s, end));
}

function keyValues(r: InstructionReader, kw: string, pieces: Piece[]): readonly KeyValue[] {
  const pairs: KeyValue[] = [];
  for (const p of pieces) {
    const eq = p.value.indexOf("=");
    if (eq < 0) {
      r.error(
        "missing-equals",
        `Expected name=value, found '${p.value}' (no '=').`,
        r.pieceRange(p.start, p.end),
      );
      continue;
    }
    const key: Piece = { value: p.value.slice(0, eq), start: p.start, end: p.start + eq };
    const value: Piece = { value: p.value.slice(eq + 1), start: p.start + eq + 1, end: p.end };
    if (key.value === "") r.error("empty-name", `${kw} names cannot be blank.`, r.pieceRange(p.start, p.end));
    pairs.push(keyValue(r, r.word(key), r.word(value), "=", p.start, p.end));
  }
  // Exact size: a list filled by push keeps room for 17, and the node keeps it.
  return pairs.slice();
}

function parseArg(r: InstructionReader, head: Head, rest: Piece): Arg {
  const pieces = parseWords(rest.value, rest.start, r.escape);
  const declarations = pieces.length === 0 ? none : pieces.map((p) => argDeclaration(r, p));
  requireArgs(r, head, "needs at least one name", pieces.length > 0);
  return new ArgNode(head, declarations);
}

function argDeclaration(r: InstructionReader, p: Piece): ArgDeclaration {
  const eq = p.value.indexOf("=");
  const name: Piece = eq < 0 ? p : { value: p.value.slice(0, eq), start: p.start, end: p.start + eq };
  if (name.value === "") r.error("empty-name", "ARG names cannot be blank.", r.pieceRange(p.start, p.end));
  const nameWord = r.word(name);
  const defaultValue =
    eq < 0 ? null : r.word({ value: p.value.slice(eq + 1), start: p.start + eq + 1, end: p.end });
  const s = r.sourceStart(p.start);
  return new ArgDeclarationNode(r.file, nameWord, defaultValue, s, r.sourceEnd(s, p.end));
}

function parseExpose(r: InstructionReader, head: Head, rest: Piece): Expose {
  const args = r.words(splitWhitespace(rest.value, rest.start));
  requireArgs(r, head, "needs at least one port", args.length > 0);
  return new PlainNode<"Expose">(head, args);
}

function parseHealthcheck(r: InstructionReader, head: Head, rest: Piece): Healthcheck {
  const { flags } = head;
  let sep = 0;
  while (sep < rest.value.length && !/\s/.test(rest.value[sep]!)) sep++;
  if (sep === 0) {
    r.error("argument-count", "HEALTHCHECK needs CMD and a command, or NONE.", keywordRange(r, head));
    return new HealthcheckNode(head, none, null, "none", none);
  }
  let next = sep;
  while (next < rest.value.length && /\s/.test(rest.value[next]!)) next++;
  const kindPiece: Piece = { value: rest.value.slice(0, sep), start: rest.start, end: rest.start + sep };
  const kind = r.word(kindPiece);
  const cmd: Piece = { value: rest.value.slice(next), start: rest.start + next, end: rest.end };
  let form: Form = "none";
  let command: readonly Word[] = none;
  if (cmd.value !== "") {
    const json = cmd.value.startsWith("[")
      ? parseJsonArray(cmd.value, cmd.start)
      : ({ kind: "invalid" } as const);
    if (json.kind === "strings") {
      form = "exec";
      command = r.words(json.elements);
    } else {
      if (json.kind === "not-strings") notStrings(r, json.start, json.end);
      form = "shell";
      command = [r.word(cmd)];
    }
  }
  const args = [kind, ...command];
  const type = kindPiece.value.toUpperCase();
  if (type === "NONE") {
    if (command.length > 0)
      r.error("argument-count", "HEALTHCHECK NONE takes no arguments.", command[0]!.range);
  } else if (type === "CMD") {
    if (command.length === 0) r.error("argument-count", "HEALTHCHECK CMD needs a command.", kind.range);
  } else {
    r.error(
      "healthcheck-type",
      `Unknown HEALTHCHECK type '${kindPiece.value}': use CMD or NONE.`,
      kind.range,
    );
  }
  for (const flag of flags) checkHealthcheckFlag(r, flag);
  return new HealthcheckNode(head, args, kind, form, command);
}

/** The values of HEALTHCHECK's flags: a whole number of retries, durations of at least 1ms (or 0). */
function checkHealthcheckFlag(r: InstructionReader, flag: Flag): void {
  if (flag.value === null) return;
  const at = flag.valueRange ?? flag.range;
  if (flag.name === "retries") {
    if (!/^[+-]?\d+$/.test(flag.value))
      r.error("invalid-flag-value", `--retries must be a whole number, not '${flag.value}'.`, at);
    else if (Number(flag.value) < 0) r.error("invalid-flag-value", "--retries cannot be negative.", at);
  } else if (flag.name in instructionFlags.HEALTHCHECK!) {
    const ms = parseDuration(flag.value);
    if (ms === null)
      r.error(
        "invalid-flag-value",
        `--${flag.name} must be a duration such as 30s or 1m30s, not '${flag.value}'.`,
        at,
      );
    else if (ms < 0) r.error("invalid-flag-value", `--${flag.name} cannot be negative.`, at);
    else if (ms !== 0 && ms < 1) r.error("invalid-flag-value", `--${flag.name} cannot be less than 1ms.`, at);
  }
}

function parseOnbuild(r: InstructionReader, head: Head, rest: Piece): Onbuild {
  const { heredocs } = head;
  if (rest.value === "") requireArgs(r, head, "needs an instruction to run later", false);
  const trigger = rest.value === "" ? null : parseInstruction(r, rest.value, rest.start, true);
  const node = new OnbuildNode(head, none, trigger);
  if (trigger === null) return node;
  // The trigger points back at its ONBUILD, a cycle: one side has to be completed after it is made.
  // It also gets the ONBUILD's heredocs only now, so that its own checks ran without them, as they always have.
  linkTrigger(trigger, node, heredocs);
  const t = trigger.keyword.name;
  if (t === "ONBUILD")
    r.error("onbuild-chaining", "ONBUILD cannot trigger another ONBUILD.", trigger.keyword.range);
  else if (t === "FROM" || t === "MAINTAINER") {
    r.error("onbuild-trigger", `${t} is not allowed as an ONBUILD trigger.`, trigger.keyword.range);
  }
  return node;
}

/** MAINTAINER, USER, WORKDIR and STOPSIGNAL: the rest of the line is one value. */
function parseSingleValue(
  r: InstructionReader,
  head: Head,
  rest: Piece,
): Maintainer | User | Workdir | Stopsignal {
  const value = rest.value === "" ? null : r.word(rest);
  requireArgs(r, head, "needs exactly one argument", value !== null);
  return new ValueNode<"Maintainer" | "User" | "Workdir" | "Stopsignal">(head, value ? [value] : none, value);
}

function parseUnknown(r: InstructionReader, head: Head): Unknown {
  if (head.keywordText === "") {
    r.error(
      "empty-instruction",
      "A line continuation starts an instruction that has no keyword.",
      wholeRange(r, head),
    );
  } else {
    const hint = suggestSpelling(head.name, keywords);
    r.error(
      "unknown-instruction",
      `Unknown instruction ${goQuote(head.keywordText)}.${hint ? ` Did you mean ${hint}?` : ""}`,
      keywordRange(r, head),
    );
  }
  return new PlainNode<"Unknown">(head, none);
}

function flag(r: InstructionReader, f: FlagPiece): Flag {
  const start = r.sourceStart(f.start);
  const end = r.sourceEnd(start, f.end);
  const nameStart = r.sourceStart(f.nameStart);
  const valueStart = r.sourceStart(f.valueStart);
  return new FlagNode(
    r.file,
    f.name,
    f.flagValue,
    f.value,
    start,
    end,
    nameStart,
    r.sourceEnd(nameStart, f.nameEnd),
    valueStart,
  );
}

function heredocs(r: InstructionReader): readonly Heredoc[] {
  const ctx = r.source;
  const errors: Piece[] = [];
  const markers = heredocMarkers(ctx.logical, errors);
  if (markers.length === 0 && errors.length === 0) return none;
  for (const e of errors) {
    r.error(
      "invalid-heredoc",
      `Invalid heredoc delimiter '${e.value}': unbalanced quote.`,
      r.pieceRange(e.start, e.end),
    );
  }
  return markers.map((m, i) => {
    const span = ctx.bodies?.spans[i];
    const markerStart = r.sourceStart(m.start);
    const markerEnd = r.sourceEnd(markerStart, m.end);
    const bodyStart = span ? span.bodyStart : ctx.textEnd;
    const bodyEnd = span ? span.bodyEnd : ctx.textEnd;
    const terminated = span !== undefined && span.termStart >= 0;
    if (!terminated) {
      r.error(
        "unterminated-heredoc",
        `Heredoc '${m.name}' is never terminated: no line '${m.name}' follows.`,
        r.range(markerStart, markerEnd),
      );
    }
    let termEnd = terminated ? span.termEnd : -1;
    while (terminated && termEnd > span.termStart && /[\r\n]/.test(r.slice(termEnd - 1, termEnd))) termEnd--;
    return new HeredocNode(
      r.file,
      m,
      markerStart,
      markerEnd,
      bodyStart,
      bodyEnd,
      terminated ? span.termStart : -1,
      termEnd,
    );
  });
}

function readMounts(r: InstructionReader, flags: readonly Flag[]): readonly Mount[] {
  if (flags.length === 0) return none;
  const list: Mount[] = [];
  for (const flag of flags) {
    if (flag.name !== "mount" || flag.value === null) continue;
    const { mount, error } = parseMount(flag.value, flag.valueRange ?? flag.range);
    if (error) r.error("invalid-mount", error, flag.valueRange ?? flag.range);
    list.push(mount);
  }
  return list.length === 0 ? none : list;
}

/** BuildKit's flag rules: known names only, no repeats but for list flags, booleans and required values. */
function validateFlags(r: InstructionReader, name: string, node: Instruction): void {
  if (node.flags.length === 0 || node.type === "Unknown" || flagsIgnored.has(name)) return;
  if (node.type === "Healthcheck" && node.kind?.value.toUpperCase() === "NONE") return;
  const known = instructionFlags[name as KnownKeyword] ?? {};
  const seen = new Set<string>();
  for (const flag of node.flags) {
    const kind = known[flag.name];
    if (kind === undefined) {
      const hint = suggestSpelling(flag.name, Object.keys(known));
      r.error(
        "unknown-flag",
        `${name} does not accept --${flag.name}.${hint ? ` Did you mean --${hint}?` : ""}`,
        flag.nameRange,
      );
      continue;
    }
    if (kind !== "strings" && seen.has(flag.name)) {
      r.error("duplicate-flag", `--${flag.name} is given more than once.`, flag.range);
    }
    seen.add(flag.name);
    if (kind === "bool") {
      if (flag.value !== null && !/^(true|false)$/i.test(flag.value)) {
        r.error(
          "invalid-flag-value",
          `--${flag.name} takes true or false, not '${flag.value}'.`,
          flag.valueRange ?? flag.range,
        );
      }
    } else if (flag.value === null) {
      r.error("missing-flag-value", `--${flag.name} needs a value: --${flag.name}=…`, flag.range);
    }
  }
}
