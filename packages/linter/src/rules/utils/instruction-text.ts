import type { Instruction } from "@hull/parser";

/** The text an instruction expands or runs: its logical line and its heredoc bodies. */
export function textOf(node: Instruction): string {
  if (node.type === "Onbuild") return "";
  return node.heredocs.length === 0
    ? node.logical
    : `${node.logical}\n${node.heredocs.map((h) => h.body).join("\n")}`;
}

/** `"NAME"` or `'NAME'` -> `NAME`; the text between the quotes may hold line breaks. */
export function unquote(s: string): string {
  return s.replace(/^(["'])(.*)\1$/s, "$2");
}
