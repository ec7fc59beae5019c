export { createDocument, applyChanges, pathOfUri, DocumentStore } from "./documents.js";
export type { Document, ContentChange } from "./documents.js";
export { resolveConfig, defaultFeatureConfig, lintOptionsOf } from "./config.js";
export type { FeatureConfig } from "./config.js";
export { LineIndex } from "./text.js";
export type { LspPosition, LspRange, LspEdit } from "./types.js";
export { computeDiagnostics, lintDocument, toLspDiagnostic } from "./features/diagnostics.js";
export type { LspDiagnostic, LspSeverity } from "./features/diagnostics.js";
export { computeCodeActions, fixAllKind } from "./features/code-actions.js";
export type { CodeActionData } from "./features/code-actions.js";
export { computeHover } from "./features/hover.js";
export type { HoverData } from "./features/hover.js";
export { computeCompletions } from "./features/completion.js";
export type { CompletionData } from "./features/completion.js";
export { computeSymbols } from "./features/symbols.js";
export type { SymbolData } from "./features/symbols.js";
export { computeFoldingRanges } from "./features/folding.js";
export {
  computeDefinition,
  computeReferences,
  computeHighlights,
  prepareRename,
  computeRename,
} from "./features/navigation.js";
export type { FoldingData } from "./features/folding.js";
export { parseSettings, defaultSettings } from "./settings.js";
export type { ServerSettings } from "./settings.js";
