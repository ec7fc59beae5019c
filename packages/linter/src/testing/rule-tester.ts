import { describe, expect, it } from "vitest";
import { syntaxErrorId, type Diagnostic } from "../engine.js";
import { applyFixes } from "../fix.js";
import { aliasList, type DocExample, type Rule } from "../rule.js";
import { exampleCase, runRule, type ValidCase } from "./run-rule.js";

export { runRule, type ValidCase } from "./run-rule.js";

/** One expected diagnostic; line and column are 1-based, end exclusive. */
export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The exact rendered message, when the case wants to pin it. */
  message?: string;
  /** The hadolint code the finding stands for, for rules with several. */
  hadolint?: string;
}

/** A case that must produce exactly the listed diagnostics of the rule under test. */
export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedError[] | number;
  /** The text after applying every fix; omit to not check, `null` to assert that nothing is fixed. */
  output?: string | null;
}

export interface RuleTests {
  valid: readonly (string | ValidCase)[];
  invalid: readonly InvalidCase[];
}

/** A compact view of a diagnostic, as the tester compares it. */
export interface ActualError {
  messageId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hadolint: string | undefined;
}

function toActual(d: Diagnostic): ActualError {
  return {
    messageId: d.messageId,
    message: d.message,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    hadolint: d.hadolint,
  };
}

function caseName(testCase: ValidCase): string {
  if (testCase.name) return testCase.name;
  const lines = testCase.code.split("\n").filter((l) => l.trim() !== "");
  const first = (lines[0] ?? "(empty)").trim();
  return lines.length > 1 ? `${first} … (+${lines.length - 1} lines)` : first;
}

/** Splits diagnostics into the rule's own, unexpected syntax errors, and crashes. */
function partition(rule: Rule, testCase: ValidCase, diagnostics: Diagnostic[]) {
  const own = diagnostics.filter((d) => d.ruleId === rule.id && d.messageId !== "internalError");
  const crashes = diagnostics.filter((d) => d.messageId === "internalError");
  const syntax =
    rule.id === syntaxErrorId || testCase.allowSyntaxErrors
      ? []
      : diagnostics.filter((d) => d.ruleId === syntaxErrorId && d.severity === "error");
  return { own, crashes, syntax };
}

/** Checks one valid case; returns the problems found (empty when the case passes). */
export function checkValid(rule: Rule, testCase: ValidCase): string[] {
  const { own, crashes, syntax } = partition(rule, testCase, runRule(rule, testCase));
  return [
    ...crashes.map((d) => d.message),
    ...syntax.map(
      (d) => `unexpected syntax error at ${d.range.start.line}:${d.range.start.column}: ${d.message}`,
    ),
    ...own.map(
      (d) => `unexpected ${d.messageId} at ${d.range.start.line}:${d.range.start.column}: ${d.message}`,
    ),
  ];
}

/** Registers the rule's table, and its docs examples, as vitest tests. */
export class RuleTester {
  /** Runs the cases of the table and every `docs.bad` (as invalid) and `docs.good` (as valid) example. */
  run(rule: Rule, tests: RuleTests): void {
    describe(rule.id, () => {
      describe("valid", () => {
        for (const raw of tests.valid) {
          const testCase = typeof raw === "string" ? { code: raw } : raw;
          it(caseName(testCase), () => {
            expect(checkValid(rule, testCase)).toEqual([]);
          });
        }
      });
      describe("invalid", () => {
        for (const testCase of tests.invalid) {
          it(caseName(testCase), () => {
            const diagnostics = runRule(rule, testCase);
            const { own, crashes, syntax } = partition(rule, testCase, diagnostics);
            expect(crashes.map((d) => d.message)).toEqual([]);
            expect(
              syntax.map((d) => d.message),
              "the case has syntax errors (allowSyntaxErrors: true?)",
            ).toEqual([]);
            // syntax-error's message ids are the parser's diagnostic codes.
            for (const d of rule.id === syntaxErrorId ? [] : own) {
              expect(Object.keys(rule.messages), `message id of ${JSON.stringify(toActual(d))}`).toContain(
                d.messageId,
              );
              if (d.hadolint !== undefined)
                expect(aliasList(rule, "hadolint"), "the finding's hadolint code").toContain(d.hadolint);
            }
            if (typeof testCase.errors === "number") {
              expect(own.map(toActual), `expected ${testCase.errors} diagnostic(s)`).toHaveLength(
                testCase.errors,
              );
            } else {
              // Compare only the keys each expectation names, so that cases stay minimal.
              const actual = own.map(toActual).map((a, i) => {
                const wanted = (testCase.errors as readonly ExpectedError[])[i];
                if (!wanted) return a;
                const picked: Record<string, unknown> = {};
                for (const key of Object.keys(wanted)) picked[key] = a[key as keyof ActualError];
                return picked;
              });
              expect(actual).toEqual(testCase.errors);
            }
            if (testCase.output !== undefined) {
              const { output, fixed } = applyFixes(testCase.code, own);
              if (testCase.output === null) expect(fixed, "expected no fix").toBe(0);
              else expect(output).toBe(testCase.output);
            }
          });
        }
      });
      describe("docs examples", () => {
        rule.docs.bad.forEach((example: string | DocExample, i: number) => {
          const testCase = exampleCase(example);
          it(`bad[${i}] reports: ${caseName(testCase)}`, () => {
            const { own, crashes, syntax } = partition(rule, testCase, runRule(rule, testCase));
            expect(crashes.map((d) => d.message)).toEqual([]);
            expect(
              syntax.map((d) => d.message),
              "a docs example has syntax errors",
            ).toEqual([]);
            expect(own.length, `docs.bad[${i}] of ${rule.id} must produce a diagnostic`).toBeGreaterThan(0);
          });
        });
        rule.docs.good.forEach((example: string | DocExample, i: number) => {
          const testCase = exampleCase(example);
          it(`good[${i}] passes: ${caseName(testCase)}`, () => {
            expect(checkValid(rule, testCase)).toEqual([]);
          });
        });
      });
    });
  }
}

/** The shared tester instance: `ruleTester.run(rule, { valid, invalid })`. */
export const ruleTester = new RuleTester();
