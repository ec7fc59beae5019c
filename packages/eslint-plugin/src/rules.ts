import { existsSync, readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import type { RuleContext, RuleDefinition, RuleTextEdit, RuleTextEditor } from "@eslint/core";
import {
  findDockerignore,
  lint,
  rules as hullRules,
  ruleDocsUrl,
  type Diagnostic,
  type LintSettings,
  type OptionsSchema,
  type Rule,
  type RuleSetting,
} from "@hull/linter";
import { DockerfileSourceCode } from "./source-code.js";

/** `settings.hull` in an ESLint config: hull's shared rule settings, plus whether hull's own ignore comments count. */
export interface HullSettings extends Partial<LintSettings> {
  /** Honour `# hull ignore=`, `# hadolint ignore=` and `# check=skip=` as well (default true). */
  inlineIgnores?: boolean;
}

/**
 * One file's run of hull's engine, shared by every `hull/*` rule ESLint runs on it.
 *
 * ESLint calls every enabled rule's `create` before it starts the traversal, so by the time the first rule sees
 * the `Dockerfile` node, `requested` holds exactly the hull rules this file's config enables, with their options.
 * hull's engine then runs once with those rules, so hull's own ignore comments behave as in `hull lint`, and each
 * ESLint rule reports its own share.
 */
interface FileRun {
  requested: Map<string, Record<string, unknown>>;
  settings: HullSettings;
  physicalFilename: string;
  /** Findings by hull rule id; null until the engine has run. */
  byRule: Map<string, Diagnostic[]> | null;
  /** The rule ids the engine ran with. */
  ranWith: Set<string>;
}

const runs = new WeakMap<DockerfileSourceCode, FileRun>();

function settingsOf(context: RuleContext): HullSettings {
  const value = (context.settings as Record<string, unknown> | undefined)?.hull;
  return value !== null && typeof value === "object" ? value : {};
}

/** The `.dockerignore` lookup `hull lint` and the language server use, on the real file system. */
function dockerignoreReader(physicalFilename: string): () => string | null {
  // `<text>` and other virtual names have no directory to look in.
  if (!isAbsolute(physicalFilename)) return () => null;
  return () =>
    findDockerignore(physicalFilename, { exists: existsSync, readFile: (p) => readFileSync(p, "utf8") });
}

function findingsOf(sourceCode: DockerfileSourceCode, run: FileRun, ruleId: string): readonly Diagnostic[] {
  if (!run.byRule || !run.ranWith.has(ruleId)) {
    const settings: Record<string, RuleSetting> = {};
    for (const rule of hullRules) {
      const options = run.requested.get(rule.id);
      settings[rule.id] = options ? ["warning", options] : "off";
    }
    const { trustedRegistries, labelSchema, strictLabels, inlineIgnores } = run.settings;
    const result = lint(sourceCode.text, {
      filePath: run.physicalFilename,
      parseResult: sourceCode.parseResult,
      rules: settings,
      settings: {
        ...(Array.isArray(trustedRegistries) ? { trustedRegistries } : {}),
        ...(labelSchema && typeof labelSchema === "object" ? { labelSchema } : {}),
        ...(typeof strictLabels === "boolean" ? { strictLabels } : {}),
      },
      inlineIgnores: inlineIgnores !== false,
      readDockerignore: dockerignoreReader(run.physicalFilename),
    });
    const byRule = new Map<string, Diagnostic[]>();
    for (const d of result.diagnostics) {
      let list = byRule.get(d.ruleId);
      if (!list) byRule.set(d.ruleId, (list = []));
      list.push(d);
    }
    run.byRule = byRule;
    run.ranWith = new Set(run.requested.keys());
  }
  return run.byRule.get(ruleId) ?? [];
}

/** The fix of a finding as ESLint edits, or null when its edits overlap (ESLint would throw on them). */
function fixOf(d: Diagnostic): ((fixer: RuleTextEditor) => RuleTextEdit[] | null) | null {
  const edits = d.fix?.edits;
  if (!edits || edits.length === 0) return null;
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.range.start.offset < sorted[i - 1]!.range.end.offset) return null;
  }
  return (fixer) =>
    sorted.map((e) => fixer.replaceTextRange([e.range.start.offset, e.range.end.offset], e.text));
}

/** ESLint's JSON schema for a hull rule's options: one object, hull's option schemas as its properties. */
function schemaOf(rule: Rule): object[] {
  const options = (rule.options ?? {}) as OptionsSchema;
  if (Object.keys(options).length === 0) return [];
  return [{ type: "object", properties: options, additionalProperties: false }];
}

/** The message template every hull message id maps to: hull formats its messages itself. */
const passThrough = "{{ message }}";

/** Wraps one hull rule as an ESLint rule; all the work is in the shared engine run. */
export function toEslintRule(rule: Rule): RuleDefinition {
  const messages: Record<string, string> = { internalError: passThrough };
  for (const id of Object.keys(rule.messages)) messages[id] = passThrough;
  return {
    meta: {
      type: rule.severity === "error" ? "problem" : "suggestion",
      docs: {
        description: rule.title,
        url: ruleDocsUrl(rule.id),
        recommended: rule.recommended !== false,
      },
      ...(rule.fixable ? { fixable: "code" as const } : {}),
      schema: schemaOf(rule),
      messages,
      languages: ["hull/dockerfile"],
    },
    create(context) {
      const sourceCode = context.sourceCode;
      // Only Dockerfiles parsed by `hull/dockerfile` (ESLint < 10.2 does not check `meta.languages`).
      if (!(sourceCode instanceof DockerfileSourceCode)) return {};
      let run = runs.get(sourceCode);
      if (!run) {
        run = {
          requested: new Map(),
          settings: settingsOf(context),
          physicalFilename: context.physicalFilename,
          byRule: null,
          ranWith: new Set(),
        };
        runs.set(sourceCode, run);
      }
      const options = context.options[0];
      run.requested.set(rule.id, options !== null && typeof options === "object" ? { ...options } : {});
      const fileRun = run;
      return {
        Dockerfile() {
          for (const d of findingsOf(sourceCode, fileRun, rule.id)) {
            const { start, end } = d.range;
            const loc = {
              start: { line: start.line, column: start.column },
              end: { line: end.line, column: end.column },
            };
            const fix = rule.fixable ? fixOf(d) : null;
            if (Object.hasOwn(messages, d.messageId)) {
              context.report({ loc, messageId: d.messageId, data: { message: d.message }, fix });
            } else {
              // `hull/syntax-error` reports under the parser's diagnostic codes, which are not listed in advance.
              context.report({ loc, message: d.message, fix });
            }
          }
        },
      };
    },
  };
}

/** Every hull rule as an ESLint rule, by hull id. */
export const eslintRules: Record<string, RuleDefinition> = Object.fromEntries(
  hullRules.map((rule) => [rule.id, toEslintRule(rule)]),
);
