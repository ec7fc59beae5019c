import type { Definition, Instruction, SemanticModel } from "@hull/parser";

const none: ReadonlyMap<string, Definition> = new Map();

/**
 * The variables visible at an offset, by name, with where each was defined, as the semantic model answers it
 * (made with `definitions`, as a document makes its model).
 * In a FROM or before the first FROM: the predefined ARGs and the global ARGs declared before it.
 * In a stage: the ARGs and ENVs of its base stages (`FROM <stage>`) and of the stage itself before the instruction
 * that holds the offset, which does not see its own declarations (BuildKit expands before it declares), except
 * that an ARG's later declarations see its earlier ones (`ARG A=1 B=$A`), as BuildKit sets each in turn.
 */
export function variablesAt(semantic: SemanticModel, offset: number): ReadonlyMap<string, Definition> {
  const { ast } = semantic;
  const stage = ast.stages.findLast((s) => s.from.range.start.offset <= offset);
  if (!stage || offset <= stage.from.range.end.offset) return globalsBefore(semantic, offset);
  const next = stage.instructions.find((i) => i.range.end.offset >= offset);
  return next ? variablesIn(semantic, next, offset) : semantic.finalScope(stage).definitions;
}

/** The variables an instruction sees at an offset inside it, as `variablesAt` says, given the instruction. */
export function variablesIn(
  semantic: SemanticModel,
  node: Instruction,
  offset: number,
): ReadonlyMap<string, Definition> {
  if (node.type === "From" || semantic.stageOf(node) === null) return globalsBefore(semantic, offset);
  const declaration =
    node.type === "Arg" ? node.declarations.find((d) => d.range.end.offset >= offset) : undefined;
  return semantic.scopeBefore(node, declaration)?.definitions ?? none;
}

/** The predefined ARGs and the global ARGs declared before an offset. */
function globalsBefore(semantic: SemanticModel, offset: number): ReadonlyMap<string, Definition> {
  const global = new Map<string, Definition>();
  for (const d of semantic.globals.definitions) {
    if (d.declaration === null || d.declaration.range.end.offset < offset) global.set(d.name, d);
  }
  return global;
}
