import { walk, type Instruction, type Stage } from "@hull/parser";
import type { FeatureConfig } from "../config.js";
import type { Document } from "../documents.js";
import type { LspRange } from "../types.js";

/** A document symbol in the protocol's shape; `kind` is mapped to the protocol's SymbolKind by the server. */
export interface SymbolData {
  name: string;
  detail?: string;
  kind: "stage" | "variable" | "instruction";
  range: LspRange;
  selectionRange: LspRange;
  children?: SymbolData[];
}

/** Longest argument summary shown in an instruction's symbol name. */
const summaryLength = 60;

/**
 * The outline, in the parser's walk order: the instructions before the first FROM, then each stage with its
 * instructions (FROM first). ONBUILD triggers are part of their ONBUILD's line, not symbols of their own.
 */
export function computeSymbols(document: Document, _config: FeatureConfig): SymbolData[] {
  const symbols: SymbolData[] = [];
  let stage: SymbolData[] | null = null;
  walk(document.parsed.ast, {
    enter(node, parent) {
      switch (node.type) {
        case "Dockerfile":
        case "Comment":
        case "Directive":
          return;
        case "Stage": {
          const symbol = stageSymbol(document, node);
          symbols.push(symbol);
          stage = symbol.children;
          return;
        }
        default:
          if (parent?.type === "Onbuild") return;
          (parent?.type === "Stage" && stage ? stage : symbols).push(instructionSymbol(document, node));
      }
    },
  });
  return symbols;
}

function stageSymbol(document: Document, stage: Stage): SymbolData & { children: SymbolData[] } {
  const { lines } = document;
  const from = stage.from;
  const selection = from.stageName ?? from.keyword;
  return {
    name: from.stageName?.value ?? `stage ${stage.index}`,
    ...(from.image ? { detail: from.image.value } : {}),
    kind: "stage",
    range: lines.rangeOf(stage.range.start.offset, stage.range.end.offset),
    selectionRange: lines.rangeOf(selection.range.start.offset, selection.range.end.offset),
    children: [],
  };
}

function instructionSymbol(document: Document, instruction: Instruction): SymbolData {
  const { lines } = document;
  const keyword = instruction.keyword;
  // The logical line is what BuildKit reads: continuations joined and comment lines dropped.
  const rest = instruction.logical.slice(keyword.text.length).trim().replace(/\s+/g, " ");
  const summary = rest.length > summaryLength ? `${rest.slice(0, summaryLength - 1)}…` : rest;
  return {
    name: summary ? `${keyword.name} ${summary}` : keyword.name,
    kind: instruction.type === "Arg" || instruction.type === "Env" ? "variable" : "instruction",
    range: lines.rangeOf(instruction.range.start.offset, instruction.range.end.offset),
    selectionRange: lines.rangeOf(keyword.range.start.offset, keyword.range.end.offset),
  };
}
