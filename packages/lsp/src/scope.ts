import type { Definition, SemanticModel } from "@hull/parser";

/**
 * The variables visible at an offset, by name, with where each was defined, as the semantic model answers it
 * (made with `definitions`, as a document makes its model).
 * In a FROM or before the first FROM: the predefined ARGs and the global ARGs declared before it.
 * In a stage: the ARGs and ENVs of its base stages (`FROM <stage>`) and of the stage itself before the instruction
 * that holds the offset, which does not see its own declarations (BuildKit expands before it declares).
 */
export function variablesAt(semantic: SemanticModel, offset: number): ReadonlyMap<string, Definition> {
  const { ast } = semantic;
  const stage = ast.stages.findLast((s) => s.from.range.start.offset <= offset);
  if (!stage || offset <= stage.from.range.end.offset) {
    const global = new Map<string, Definition>();
    for (const d of semantic.globals.definitions) {
      if (d.instruction === null || d.instruction.range.end.offset < offset) global.set(d.name, d);
    }
    return global;
  }
  const next = stage.instructions.find((i) => i.range.end.offset >= offset);
  const scope = next ? semantic.scopeBefore(next) : semantic.finalScope(stage);
  return scope?.definitions ?? new Map();
}
