import type { Comment, Directive, Dockerfile, Instruction, Stage } from "./nodes.js";

/** A node `walk` visits: the file, a stage, an instruction (ONBUILD triggers included), a comment, a directive. */
export type WalkNode = Dockerfile | Stage | Instruction | Comment | Directive;

/** Handlers for `walk`: `enter` before a node's children, `exit` after them. */
export interface WalkHandlers {
  enter?(node: WalkNode, parent: WalkNode | null): void;
  exit?(node: WalkNode, parent: WalkNode | null): void;
}

/**
 * The child keys of each node type that has visited children, for tools that walk by keys (ESLint's
 * `visitorKeys`). `walk` visits the same nodes, but in source order: a comment between two instructions of a
 * stage comes between them, not before the stages.
 */
export const visitorKeys: Record<string, string[]> = {
  Dockerfile: ["directives", "comments", "preamble", "stages"],
  Stage: ["from", "instructions"],
  Onbuild: ["trigger"],
};

/**
 * Walks a Dockerfile in source order, the one visiting order every consumer shares: the file; then its parser
 * directives, comments and instructions as they appear; a stage is entered just before its FROM and left just
 * before the next stage's FROM (or at the end); an ONBUILD's trigger is visited inside the ONBUILD, with the
 * ONBUILD as parent. Top-level comments have the file as parent, instructions their stage (or the file in the
 * preamble). Linear in the size of the tree.
 */
export function walk(ast: Dockerfile, handlers: WalkHandlers): void {
  const { enter, exit } = handlers;
  const stageAt = new Map<Instruction, Stage>();
  for (const stage of ast.stages) stageAt.set(stage.from, stage);
  const leaf = (node: Comment | Directive) => {
    enter?.(node, ast);
    exit?.(node, ast);
  };
  const instruction = (node: Instruction, parent: WalkNode) => {
    enter?.(node, parent);
    if (node.type === "Onbuild" && node.trigger) instruction(node.trigger, node);
    exit?.(node, parent);
  };
  let current: Stage | null = null;
  enter?.(ast, null);
  for (const child of ast.children) {
    if (child.type === "Whitespace") continue;
    if (child.type === "Comment" || child.type === "Directive") {
      leaf(child);
      continue;
    }
    const stage = stageAt.get(child);
    if (stage) {
      if (current) exit?.(current, ast);
      current = stage;
      enter?.(stage, ast);
    }
    instruction(child, current ?? ast);
  }
  if (current) exit?.(current, ast);
  exit?.(ast, null);
}
