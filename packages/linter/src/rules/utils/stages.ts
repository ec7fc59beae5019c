import type { Stage } from "@hull/parser";

/**
 * Tests of a stage's own instructions, for `SemanticModel.someBase`. The model keeps its answers per test function,
 * so rules that ask the same question share one test, and the chain of stages is read once per file.
 */

/** True when the stage has an ENTRYPOINT instruction. */
export const hasEntrypoint = (stage: Stage): boolean =>
  stage.instructions.some((n) => n.type === "Entrypoint");
