import { format } from "@hull/parser";
import type { Document } from "../documents.js";
import type { LspEdit } from "../types.js";

/** The editor's formatting options that hull uses, in the protocol's shape. */
export interface FormattingData {
  tabSize: number;
  insertSpaces: boolean;
}

/**
 * Formats the whole document with hull's formatter: one edit replacing the full text, or none when the text is
 * already formatted. Continuation lines are indented by the editor's tab size, or by a tab.
 */
export function computeFormatting(document: Document, options: FormattingData): LspEdit[] {
  const { output, changed } = format(document.text, {
    indent: options.insertSpaces ? options.tabSize : "\t",
  });
  if (!changed) return [];
  const end = document.lines.positionAt(document.text.length);
  return [{ range: { start: { line: 0, character: 0 }, end }, newText: output }];
}
