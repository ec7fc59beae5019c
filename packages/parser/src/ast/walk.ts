import type { Dockerfile, Instruction, Stage } from "./nodes.js";

/** Handlers for `walk`: called on enter, and `…:exit` handlers on leaving a node. */
export interface WalkHandlers {
  enter?(node: Dockerfile | Stage | Instruction, parent: Dockerfile | Stage | Instruction | null): void;
  exit?(node: Dockerfile | Stage | Instruction, parent: Dockerfile | Stage | Instruction | null): void;
}

/**
 * Walks a Dockerfile in source order: the file, the instructions before the first FROM, then each stage with its
 * FROM and instructions; an ONBUILD's trigger is visited right after the ONBUILD, with the ONBUILD as parent.
 */
export function walk(ast: Dockerfile, handlers: WalkHandlers): void {
  const visitInstruction = (node: Instruction, parent: Dockerfile | Stage | Instruction) => {
    handlers.enter?.(node, parent);
    if (node.type === "Onbuild" && node.trigger) visitInstruction(node.trigger, node);
    handlers.exit?.(node, parent);
  };
  handlers.enter?.(ast, null);
  for (const node of ast.preamble) visitInstruction(node, ast);
  for (const stage of ast.stages) {
    handlers.enter?.(stage, ast);
    visitInstruction(stage.from, stage);
    for (const node of stage.instructions) visitInstruction(node, stage);
    handlers.exit?.(stage, ast);
  }
  handlers.exit?.(ast, null);
}
