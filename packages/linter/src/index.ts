export { lint, resolveRules, compareDiagnostics, syntaxErrorId, ruleIndexOf } from "./engine.js";
export type { Diagnostic, LintOptions, LintResult, Preset, RuleSetting } from "./engine.js";
export { defineRule, severities, aliasList, aliasTools, defaultOptions, compareSeverity } from "./rule.js";
export type {
  DocExample,
  FixLevel,
  IgnoreDirective,
  HadolintCode,
  IgnoreEntry,
  LintSettings,
  Locatable,
  Messages,
  OptionSchema,
  OptionsOf,
  OptionsSchema,
  ReportTarget,
  Rule,
  RuleAliases,
  RuleContext,
  RuleDefinition,
  RuleDocs,
  SecuritySeverity,
  Severity,
  TextEdit,
  Visitor,
} from "./rule.js";
export { createRuleIndex } from "./rule-index.js";
export type { RuleIndex } from "./rule-index.js";
export { rules } from "./rules/index.js";
export { collectIgnoreDirectives, parseIgnoreComment } from "./config/directives.js";
export { formatters, formatterFor } from "./formatters/index.js";
export type { FileResult, FormatContext, Formatter, FormatName } from "./formatters/index.js";
export { buildConfigSchema, validateConfig, labelTypes } from "./config/schema.js";
export type { ConfigProblem, FailureThreshold, HullConfig } from "./config/schema.js";
export {
  ConfigError,
  defaultConfig,
  findConfig,
  loadConfig,
  loadConfigFile,
  hullConfigNames,
  hadolintConfigNames,
  isIgnoredPath,
} from "./config/load.js";
export type { ConfigReader, LoadedConfig } from "./config/load.js";
export { ruleDocsUrl, docsBaseUrl } from "./docs-url.js";
export {
  shellcheckArgs,
  shellcheckExcluded,
  shellcheckPrefix,
  shellcheckRequest,
  shellcheckComments,
  isShellcheckName,
} from "./shellcheck/shellcheck.js";
export type {
  ShellcheckComment,
  ShellcheckOutput,
  ShellcheckRequest,
  ShellcheckRunner,
} from "./shellcheck/shellcheck.js";
export { dockerignoreCandidates, findDockerignore, type DockerignoreReader } from "./config/dockerignore.js";
export { fix, applyFixes, isApplicable, maxFixRounds } from "./fix.js";
export type { FixOptions, FixResult } from "./fix.js";
