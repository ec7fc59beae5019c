import type { ArgDeclaration, Instruction, KeyValue, Range, Stage, Word } from "@hull/parser";
import type { Document } from "../documents.js";
import { variablesIn } from "../scope.js";
import type { LspEdit, LspPosition, LspRange } from "../types.js";
import { lineVariables, variableAt } from "./variables.js";

/**
 * What a name in the file stands for: a stage (named by `FROM … AS`, used by `FROM`, `COPY --from` and
 * `RUN --mount=from=`), or a variable with the ARG declarations and ENV pairs that set it. A global ARG and the
 * `ARG NAME` lines of stages that take its value (no default of their own) are one variable.
 */
type Target =
  | { readonly kind: "stage"; readonly stage: Stage }
  | { readonly kind: "variable"; readonly name: string; readonly setters: ReadonlySet<Setter> };

/** An ARG declaration or an ENV pair. */
type Setter = ArgDeclaration | KeyValue;

/** A place where a target's name is written: the offsets of the name. */
interface Occurrence {
  readonly start: number;
  readonly end: number;
  /** Where it is defined (`AS name`, an ARG's or ENV's name, an unnamed stage's FROM) rather than used. */
  readonly definition: boolean;
  /** Written as the name itself, so that a rename can rewrite it: not `--from=0`, not `FROM $BASE`. */
  readonly literal: boolean;
}

/** The target under the cursor, and the offsets of its name there. */
interface Found {
  readonly target: Target;
  readonly start: number;
  readonly end: number;
  readonly literal: boolean;
}

/** A stage name as BuildKit accepts it (it compares them in lower case). */
const stageNamePattern = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;
const variableNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where the name under the cursor is defined: the stage's `AS` name (or FROM), or each ARG or ENV that sets it. */
export function computeDefinition(document: Document, position: LspPosition): LspRange[] {
  const found = targetAt(document, document.lines.offsetAt(position));
  if (!found) return [];
  return occurrences(document, found.target)
    .filter((o) => o.definition)
    .map((o) => document.lines.rangeOf(o.start, o.end));
}

/** Every place the name under the cursor is written, its definitions when asked. */
export function computeReferences(
  document: Document,
  position: LspPosition,
  includeDeclaration: boolean,
): LspRange[] {
  const found = targetAt(document, document.lines.offsetAt(position));
  if (!found) return [];
  return occurrences(document, found.target)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => document.lines.rangeOf(o.start, o.end));
}

/** The occurrences of the name under the cursor, definitions marked as writes. */
export function computeHighlights(
  document: Document,
  position: LspPosition,
): { range: LspRange; write: boolean }[] {
  const found = targetAt(document, document.lines.offsetAt(position));
  if (!found) return [];
  return occurrences(document, found.target).map((o) => ({
    range: document.lines.rangeOf(o.start, o.end),
    write: o.definition,
  }));
}

/**
 * The name under the cursor when a rename can rewrite it: a stage's name or a variable that the file sets, written
 * as it is there. Null otherwise (an image, a predefined ARG, `--from=0`, a variable only the base image sets).
 */
export function prepareRename(
  document: Document,
  position: LspPosition,
): { range: LspRange; placeholder: string } | null {
  const found = renamable(document, document.lines.offsetAt(position));
  if (!found) return null;
  return {
    range: document.lines.rangeOf(found.start, found.end),
    placeholder: document.text.slice(found.start, found.end),
  };
}

/**
 * The edits that rename the name under the cursor everywhere it is written, or why there are none. A use by index
 * (`--from=0`) is left as it is; a use through a variable (`FROM base-$TARGETARCH`) would no longer name the stage
 * after the rename, so the rename is refused, naming it.
 */
export function computeRename(
  document: Document,
  position: LspPosition,
  newName: string,
): LspEdit[] | { error: string } {
  const found = renamable(document, document.lines.offsetAt(position));
  if (!found) return { error: "There is no stage name or variable of this file to rename here." };
  if (found.target.kind === "stage" && !stageNamePattern.test(newName))
    return { error: `'${newName}' is not a stage name: a letter, then letters, digits, '-', '_' or '.'.` };
  if (found.target.kind === "variable" && !variableNamePattern.test(newName))
    return { error: `'${newName}' is not a variable name: a letter or '_', then letters, digits or '_'.` };
  const all = occurrences(document, found.target);
  const indirect = all.find((o) => !o.literal && !/^\d+$/.test(document.text.slice(o.start, o.end)));
  if (indirect) {
    const line = document.lines.positionAt(indirect.start).line + 1;
    const text = document.text.slice(indirect.start, indirect.end);
    return {
      error: `Line ${line} names this stage through a variable ('${text}'), which the rename cannot follow.`,
    };
  }
  return all
    .filter((o) => o.literal)
    .map((o) => ({ range: document.lines.rangeOf(o.start, o.end), newText: newName }));
}

function renamable(document: Document, offset: number): Found | null {
  const found = targetAt(document, offset);
  if (!found?.literal) return null;
  const defined = occurrences(document, found.target).some((o) => o.definition && o.literal);
  return defined ? found : null;
}

/** The stage or variable whose name is under an offset. */
function targetAt(document: Document, offset: number): Found | null {
  const semantic = document.semantic;
  const reference = variableAt(document, offset);
  if (reference) {
    const node = instructionAt(document, reference.start);
    // An ONBUILD trigger runs in the build of another Dockerfile, with that build's variables.
    if (!node || node.type === "Onbuild") return null;
    const setter = variablesIn(semantic, node, reference.start).get(reference.name)?.declaration;
    if (!setter) return null;
    return {
      target: variable(document, reference.name, setter),
      start: reference.nameStart,
      end: reference.end,
      literal: true,
    };
  }
  for (const node of semantic.ast.preamble) {
    const declared = declarationAt(node, offset);
    if (declared)
      return { target: variable(document, declared.name, declared.setter), ...declared, literal: true };
  }
  for (const stage of semantic.ast.stages) {
    if (stage.from.range.start.offset > offset) break;
    if (stage.range.end.offset < offset) continue;
    const { stageName, image } = stage.from;
    if (stageName && within(stageName, offset))
      return { target: { kind: "stage", stage }, ...span(stageName), literal: true };
    const base = semantic.baseOf(stage);
    if (base && image && within(image, offset))
      return { target: { kind: "stage", stage: base }, ...span(image), literal: isName(image.value) };
    const node = stage.instructions.find(
      (i) => i.range.start.offset <= offset && offset <= i.range.end.offset,
    );
    if (!node) return null;
    const use = stageUses(document, node).find((u) => u.start <= offset && offset <= u.end);
    if (use)
      return {
        target: { kind: "stage", stage: use.stage },
        start: use.start,
        end: use.end,
        literal: use.literal,
      };
    const declared = declarationAt(node, offset);
    if (declared)
      return { target: variable(document, declared.name, declared.setter), ...declared, literal: true };
    return null;
  }
  return null;
}

/**
 * The variable that a setter sets. A global ARG (the last of its name before the first FROM) comes with every
 * stage's `ARG NAME` of that name without a default, which takes the global's value; such an `ARG NAME` comes
 * with the global and the others.
 */
function variable(document: Document, name: string, setter: Setter): Target {
  const { ast, globals } = document.semantic;
  const global = globals.definitions.findLast((d) => d.name === name && d.declaration !== null)?.declaration;
  const takesGlobal = setter.type === "ArgDeclaration" && setter.defaultValue === null && setter !== global;
  if (!global || (setter !== global && !takesGlobal))
    return { kind: "variable", name, setters: new Set([setter]) };
  const setters = new Set<Setter>([global]);
  for (const stage of ast.stages)
    for (const node of stage.instructions)
      if (node.type === "Arg")
        for (const d of node.declarations)
          if (d.defaultValue === null && d.name.value === name) setters.add(d);
  return { kind: "variable", name, setters };
}

/** Every occurrence of a target, in source order. ONBUILD triggers run in another build and are left out. */
function occurrences(document: Document, target: Target): Occurrence[] {
  const semantic = document.semantic;
  const found: Occurrence[] = [];
  if (target.kind === "stage") {
    for (const stage of semantic.ast.stages) {
      const { from } = stage;
      if (stage === target.stage) {
        // An unnamed stage is found by its index; its FROM stands for its definition.
        const at = from.stageName ?? from.image ?? from.keyword;
        found.push({ ...span(at), definition: true, literal: from.stageName !== null });
      }
      if (from.image && semantic.baseOf(stage) === target.stage)
        found.push({ ...span(from.image), definition: false, literal: isName(from.image.value) });
      for (const node of stage.instructions)
        for (const use of stageUses(document, node))
          if (use.stage === target.stage)
            found.push({ start: use.start, end: use.end, definition: false, literal: use.literal });
    }
    return found;
  }
  const { ast } = semantic;
  const instructions = [...ast.preamble, ...ast.stages.flatMap((s) => [s.from, ...s.instructions])];
  for (const node of instructions) {
    if (node.type === "Onbuild") continue;
    for (const [word, setter] of setters(node))
      if (target.setters.has(setter)) found.push({ ...span(word), definition: true, literal: true });
    const start = node.range.start.offset;
    const end = node.range.end.offset;
    const last = document.lines.positionAt(end).line;
    for (let line = document.lines.positionAt(start).line; line <= last; line++) {
      for (const reference of lineVariables(document, line)) {
        if (reference.escaped || reference.name !== target.name) continue;
        if (reference.start < start || reference.end > end) continue;
        const setter = variablesIn(semantic, node, reference.start).get(reference.name)?.declaration;
        if (setter && target.setters.has(setter))
          found.push({ start: reference.nameStart, end: reference.end, definition: false, literal: true });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A stage that an instruction reads from (`COPY --from`, `RUN --mount=from=`), with the offsets of the value. */
interface StageUse {
  readonly stage: Stage;
  readonly start: number;
  readonly end: number;
  readonly literal: boolean;
}

function stageUses(document: Document, node: Instruction): StageUse[] {
  const semantic = document.semantic;
  const uses: StageUse[] = [];
  const add = (value: string, start: number, end: number, literal: boolean) => {
    const expanded = semantic.expandGlobal(value);
    const stage = expanded === null ? null : semantic.stageByRef(expanded);
    if (stage) uses.push({ stage, start, end, literal: literal && isName(value) });
  };
  for (const flag of node.flags) {
    if (flag.value === null || !flag.valueRange) continue;
    const { start, end } = { start: flag.valueRange.start.offset, end: flag.valueRange.end.offset };
    const raw = document.text.slice(start, end);
    if (node.type === "Copy" && flag.name === "from") {
      add(flag.value, start, end, raw === flag.value);
    } else if (node.type === "Run" && flag.name === "mount") {
      // The mount's `from=` field as written: at the start or after a comma, not quoted.
      const field = /(?:^|,)\s*from=([^,"'\s]+)(?=,|$)/i.exec(raw);
      if (field) {
        const at = start + field.index + field[0].length - field[1]!.length;
        add(field[1]!, at, at + field[1]!.length, true);
      }
    }
  }
  return uses;
}

/** The names an ARG or ENV sets, as words with their setters. */
function setters(node: Instruction): [Word, Setter][] {
  if (node.type === "Arg") return node.declarations.map((d) => [d.name, d]);
  if (node.type === "Env") return node.pairs.map((p) => [p.key, p]);
  return [];
}

/** The ARG or ENV name under an offset, when it is a plain name. */
function declarationAt(
  node: Instruction,
  offset: number,
): { name: string; start: number; end: number; setter: Setter } | null {
  for (const [word, setter] of setters(node)) {
    if (within(word, offset) && variableNamePattern.test(word.value))
      return { name: word.value, ...span(word), setter };
  }
  return null;
}

/** The instruction of the file (an ONBUILD, not its trigger) that holds an offset. */
function instructionAt(document: Document, offset: number): Instruction | null {
  return (
    document.parsed.ast.instructions.find(
      (i) => i.range.start.offset <= offset && offset <= i.range.end.offset,
    ) ?? null
  );
}

/** Anything with a range in the file: a word, a keyword. */
type Spanned = { readonly range: Range };

function within(word: Spanned, offset: number): boolean {
  return word.range.start.offset <= offset && offset <= word.range.end.offset;
}

function span(word: Spanned): { start: number; end: number } {
  return { start: word.range.start.offset, end: word.range.end.offset };
}

/** A stage name written as it is: no variable, quote or escape for BuildKit to remove, and not an index. */
function isName(text: string): boolean {
  return stageNamePattern.test(text);
}
