import { parse } from "@hull/parser";
import { lint, type Diagnostic, type LintOptions } from "./engine.js";
import type { TextEdit } from "./rule.js";

/** How many lint-and-fix rounds `fix` runs at most: a fix can reveal or unblock another one (ESLint's bound). */
export const maxFixRounds = 10;

/** Which fixes `fix` applies. */
export interface FixOptions {
  /** Also apply fixes that can change the image (rules with `fixable: "unsafe"`); default false. */
  unsafe?: boolean;
}

/** The outcome of `fix`. */
export interface FixResult {
  /** The fixed text; the input itself when nothing was fixed. */
  output: string;
  /** How many findings were fixed, by rule id. */
  fixed: Record<string, number>;
  /** The findings of the fixed text. */
  diagnostics: Diagnostic[];
  /** True when the last round still had fixes to apply (the round bound was reached). */
  unfinished: boolean;
}

/** True when a finding's fix is one of those `options` asks for. */
export function isApplicable(d: Diagnostic, options: FixOptions = {}): boolean {
  return d.fix !== undefined && (d.fix.level === "safe" || options.unsafe === true);
}

/**
 * Applies the fixes of the diagnostics in order, skipping any whose edits overlap an edit already taken (the
 * later one is retried in the next round, on the new text); returns the new text and the findings it fixed.
 */
export function applyFixes(
  source: string,
  diagnostics: readonly Diagnostic[],
): { output: string; fixed: number; applied: Diagnostic[] } {
  const accepted: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.fix) continue;
    const edits = d.fix.edits;
    if (edits.some((e) => accepted.some((a) => touches(a, e)))) continue;
    accepted.push(...edits);
    applied.push(d);
  }
  accepted.sort((a, b) => a.range.start.offset - b.range.start.offset);
  let output = "";
  let at = 0;
  for (const edit of accepted) {
    output += source.slice(at, edit.range.start.offset) + edit.text;
    at = edit.range.end.offset;
  }
  output += source.slice(at);
  return { output, fixed: applied.length, applied };
}

/**
 * Two edits conflict when their ranges overlap, or when both insert at the same offset (their order would be
 * arbitrary); an insertion at the edge of a replacement does not conflict with it.
 */
function touches(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [
    a.range.start.offset,
    a.range.end.offset,
    b.range.start.offset,
    b.range.end.offset,
  ];
  if (as === ae && bs === be) return as === bs;
  return as < be && bs < ae;
}

/** How many syntax errors the parser finds in a text. */
function syntaxErrors(text: string): number {
  return parse(text).diagnostics.filter((d) => d.severity === "error").length;
}

/**
 * Fixes a Dockerfile: lints it, applies the non-overlapping safe fixes (and unsafe ones when asked), and repeats
 * on the new text until nothing is left to fix or `maxFixRounds` is reached. A round whose output parses with more
 * syntax errors than its input is dropped, so a fix never breaks a file. Pure; never throws on user input.
 */
export function fix(source: string, lintOptions: LintOptions = {}, options: FixOptions = {}): FixResult {
  const fixed: Record<string, number> = {};
  // The caller's parse result belongs to `source` only.
  const rest: LintOptions = { ...lintOptions };
  delete rest.parseResult;
  let text = source;
  let result = lint(text, lintOptions);
  let errors = -1;
  for (let round = 0; round < maxFixRounds; round++) {
    const wanted = result.diagnostics.filter((d) => isApplicable(d, options));
    const { output, applied } = applyFixes(text, wanted);
    if (applied.length === 0 || output === text)
      return { output: text, fixed, diagnostics: result.diagnostics, unfinished: false };
    if (errors < 0) errors = syntaxErrors(text);
    const next = parse(output);
    if (next.diagnostics.filter((d) => d.severity === "error").length > errors)
      return { output: text, fixed, diagnostics: result.diagnostics, unfinished: false };
    for (const d of applied) fixed[d.ruleId] = (fixed[d.ruleId] ?? 0) + 1;
    text = output;
    result = lint(text, { ...rest, parseResult: next });
  }
  const unfinished = result.diagnostics.some((d) => isApplicable(d, options));
  return { output: text, fixed, diagnostics: result.diagnostics, unfinished };
}
