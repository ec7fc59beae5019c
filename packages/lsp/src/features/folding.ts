import { walk } from "@hull/parser";
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
  // Consecutive top-level comment lines form one block.
  const blocks: { start: number; end: number; line: number }[] = [];
  walk(ast, {
    enter(node, parent) {
      switch (node.type) {
        case "Dockerfile":
        case "Directive":
          return;
        case "Stage":
          add(node.range.start.offset, node.range.end.offset, "region");
          return;
        case "Comment": {
          const line = lines.positionAt(node.range.start.offset).line;
          const block = blocks.at(-1);
          if (block && line === block.line + 1) {
            block.end = node.range.end.offset;
            block.line = line;
          } else blocks.push({ start: node.range.start.offset, end: node.range.end.offset, line });
          return;
        }
        default:
          // An ONBUILD trigger lies inside its ONBUILD, which is folded already.
          if (parent?.type === "Onbuild") return;
          add(node.range.start.offset, node.range.end.offset);
          for (const heredoc of node.heredocs) {
            add(heredoc.markerRange.start.offset, (heredoc.terminatorRange ?? heredoc.bodyRange).end.offset);
          }
      }
    },
  });
  for (const block of blocks) add(block.start, block.end, "comment");

  folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return folds.filter((f, i) => i === 0 || folds[i - 1]!.startLine !== f.startLine);
}
