import type { Diagnostic } from "../engine.js";
import type { Rule, Severity } from "../rule.js";

/** The findings of one file, as the formatters receive them. */
export interface FileResult {
  /** The path to show: relative to the working directory, with `/` separators. */
  filePath: string;
  diagnostics: readonly Diagnostic[];
  /** The file's text, used for stable fingerprints (SARIF, GitLab); optional. */
  source?: string;
}

/** What every formatter may use besides the results. */
export interface FormatContext {
  /** Use ANSI colours (stylish only). */
  color: boolean;
  /** The rules that exist, for SARIF's rule metadata. */
  rules: readonly Rule[];
  /** hull's version, for SARIF's tool description. */
  version: string;
  /**
   * Why some paths were not linted (a directory or file that could not be read), one message each. SARIF
   * records them as tool execution notifications; absent when the caller does not track them.
   */
  notifications?: readonly string[];
}

/** Renders the results of a run as text (always ending in a newline, or empty). */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/** Counts of findings by severity. */
export function countSeverities(diagnostics: Iterable<{ severity: Severity }>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
