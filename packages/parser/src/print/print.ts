import type { Dockerfile, Instruction, TopLevelNode } from "../ast/nodes.js";

/** Prints an AST back to text; `print(parse(x).ast) === x` for every input. */
export function print(ast: Dockerfile): string {
  let out = ast.bom ? "\ufeff" : "";
  for (const child of ast.children) out += printNode(child);
  return out;
}

function printNode(node: TopLevelNode): string {
  if (node.type === "Whitespace" || node.type === "Comment" || node.type === "Directive") return node.text;
  return printInstruction(node);
}

function printInstruction(node: Instruction): string {
  let out = "";
  for (const token of node.tokens) out += token.text;
  return out;
}
