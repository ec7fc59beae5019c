import type { Instruction } from "@hull/parser";
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

/** The outline: each stage with its instructions, and the instructions before the first FROM. */
export function computeSymbols(document: Document, _config: FeatureConfig): SymbolData[] {
  const { ast } = document.parsed;
  const { lines } = document;
  const symbols = ast.preamble.map((i) => instructionSymbol(document, i));
  for (const stage of ast.stages) {
    const from = stage.from;
    const name = from.stageName?.value ?? `stage ${stage.index}`;
    const selection = from.stageName ?? from.keyword;
    symbols.push({
      name,
      ...(from.image ? { detail: from.image.value } : {}),
      kind: "stage",
      range: lines.rangeOf(stage.range.start.offset, stage.range.end.offset),
      selectionRange: lines.rangeOf(selection.range.start.offset, selection.range.end.offset),
      children: [from, ...stage.instructions].map((i) => instructionSymbol(document, i)),
    });
  }
  return symbols;
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
