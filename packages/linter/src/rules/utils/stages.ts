import type { SemanticModel, Stage } from "@hull/parser";

/**
 * Tests of a stage's own instructions, for `SemanticModel.someBase`. The model keeps its answers per test function,
 * so rules that ask the same question share one test, and the chain of stages is read once per file.
 */

/** True when the stage has an ENTRYPOINT instruction. */
export const hasEntrypoint = (stage: Stage): boolean =>
  stage.instructions.some((n) => n.type === "Entrypoint");

/** True when the stage has a CMD or an ENTRYPOINT instruction. */
export const hasCommand = (stage: Stage): boolean =>
  stage.instructions.some((n) => n.type === "Cmd" || n.type === "Entrypoint");

/** True when the stage copies files in (COPY or ADD). */
export const hasFiles = (stage: Stage): boolean =>
  stage.instructions.some((n) => n.type === "Copy" || n.type === "Add");

/**
 * True when an image of the stage is files with nothing to run: built FROM scratch, with files copied in and no CMD
 * or ENTRYPOINT in it or the stages it is built on, as the stages whose files `docker build --output` exports or
 * other images copy. (An empty `FROM scratch`, as rule examples write, is not one.)
 */
export function filesOnly(semantic: SemanticModel, stage: Stage): boolean {
  if (!onScratch(semantic, stage)) return false;
  if (hasCommand(stage) || semantic.someBase(stage, hasCommand)) return false;
  return hasFiles(stage) || semantic.someBase(stage, hasFiles);
}

/** True when a stage is built on `scratch`, itself or through the stages of this file it is built FROM. */
export function onScratch(semantic: SemanticModel, stage: Stage | null): boolean {
  return stage !== null && semantic.baseName(semantic.rootOf(stage))?.toLowerCase() === "scratch";
}
