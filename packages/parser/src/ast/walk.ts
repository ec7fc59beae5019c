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
  // The handlers are called as methods (a class instance may be the handlers), and the walk makes no closure:
  // V8 keeps optimized code only while a function made from it lives, and closures made per walk die with it.
  const { stages } = ast;
  let next = 0;
  let current: Stage | null = null;
  handlers.enter?.(ast, null);
  for (const child of ast.children) {
    if (child.type === "Whitespace") continue;
    if (child.type === "Comment" || child.type === "Directive") {
      handlers.enter?.(child, ast);
      handlers.exit?.(child, ast);
      continue;
    }
    // Stages are in source order, so the next stage starts at the next stage's FROM.
    if (next < stages.length && stages[next]!.from === child) {
      if (current) handlers.exit?.(current, ast);
      current = stages[next++]!;
      handlers.enter?.(current, ast);
    }
    walkInstruction(handlers, child, current ?? ast);
  }
  if (current) handlers.exit?.(current, ast);
  handlers.exit?.(ast, null);
}

function walkInstruction(handlers: WalkHandlers, node: Instruction, parent: WalkNode): void {
  handlers.enter?.(node, parent);
  if (node.type === "Onbuild" && node.trigger) walkInstruction(handlers, node.trigger, node);
  handlers.exit?.(node, parent);
}
