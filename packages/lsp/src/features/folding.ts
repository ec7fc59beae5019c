import type { FeatureConfig } from "../config.js";
import type { Document } from "../documents.js";

/** A folding range in the protocol's shape: 0-based first and last line. */
export interface FoldingData {
  startLine: number;
  endLine: number;
  kind?: "comment" | "region";
}

/**
 * Folds for stages, multi-line instructions, heredoc bodies and blocks of two or more comment lines.
 * Editors keep one fold per start line, so a fold starting on the same line as a larger one is left out.
 */
export function computeFoldingRanges(document: Document, _config: FeatureConfig): FoldingData[] {
  const { ast } = document.parsed;
  const { lines } = document;
  const folds: FoldingData[] = [];
  const add = (start: number, end: number, kind?: FoldingData["kind"]) => {
    const startLine = lines.positionAt(start).line;
    const endPosition = lines.positionAt(end);
    // A range ending at the start of a line does not include that line.
    const endLine =
      endPosition.character === 0 && endPosition.line > startLine ? endPosition.line - 1 : endPosition.line;
    if (endLine > startLine) folds.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  for (const stage of ast.stages) add(stage.range.start.offset, stage.range.end.offset, "region");
  for (const instruction of ast.instructions) {
    add(instruction.range.start.offset, instruction.range.end.offset);
    for (const heredoc of instruction.heredocs) {
      add(heredoc.markerRange.start.offset, (heredoc.terminatorRange ?? heredoc.bodyRange).end.offset);
    }
  }
  // Consecutive top-level comment lines form one block.
  let block: { start: number; end: number; line: number } | null = null;
  for (const comment of ast.comments) {
    const line = lines.positionAt(comment.range.start.offset).line;
    if (block && line === block.line + 1) {
      block.end = comment.range.end.offset;
      block.line = line;
    } else {
      if (block) add(block.start, block.end, "comment");
      block = { start: comment.range.start.offset, end: comment.range.end.offset, line };
    }
  }
  if (block) add(block.start, block.end, "comment");

  folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return folds.filter((f, i) => i === 0 || folds[i - 1]!.startLine !== f.startLine);
}
