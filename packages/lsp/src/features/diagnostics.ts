import {
  isIgnoredPath,
  lint,
  ruleDocsUrl,
  type Diagnostic,
  type LintResult,
  type Severity,
} from "@hull/linter";
import { lintOptionsOf, type FeatureConfig } from "../config.js";
import type { Document } from "../documents.js";
import type { LspRange } from "../types.js";

/** Protocol severities: 1 Error, 2 Warning, 3 Information, 4 Hint. */
export type LspSeverity = 1 | 2 | 3 | 4;

/** A diagnostic in the protocol's shape, without the protocol library. */
export interface LspDiagnostic {
  range: LspRange;
  severity: LspSeverity;
  /** The rule id, or `config` for a config file that could not be used. */
  code: string;
  codeDescription?: { href: string };
  source: "hull";
  message: string;
}

const severityOf: Record<Severity, LspSeverity> = { error: 1, warning: 2, info: 3, style: 4 };

const cache = new WeakMap<Document, { config: FeatureConfig; result: LintResult }>();

/** Lints a document under a config, once per document version and config (code actions ask again on every cursor move). */
export function lintDocument(document: Document, config: FeatureConfig): LintResult {
  const hit = cache.get(document);
  if (hit && hit.config === config) return hit.result;
  const result = lint(document.text, {
    ...lintOptionsOf(document.path, config),
    parseResult: document.parsed,
    semantic: document.semantic,
  });
  cache.set(document, { config, result });
  return result;
}

/** Converts one lint finding to a protocol diagnostic. */
export function toLspDiagnostic(document: Document, diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: document.lines.rangeOf(diagnostic.range.start.offset, diagnostic.range.end.offset),
    severity: severityOf[diagnostic.severity],
    code: diagnostic.ruleId,
    codeDescription: { href: ruleDocsUrl(diagnostic.ruleId) },
    source: "hull",
    message: diagnostic.message,
  };
}

/** The diagnostics to publish for a document: its lint findings, plus one for a config file that could not be used. */
export function computeDiagnostics(document: Document, config: FeatureConfig): LspDiagnostic[] {
  // Files the config excludes are not linted, as `hull lint` skips them in a directory walk.
  if (document.path !== null && isIgnoredPath(document.path, config.loaded)) return [];
  const diagnostics = lintDocument(document, config).diagnostics.map((d) => toLspDiagnostic(document, d));
  if (config.error !== null) {
    diagnostics.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      code: "config",
      source: "hull",
      message: `The config file could not be used, so the defaults apply: ${config.error}`,
    });
  }
  return diagnostics;
}
