import type { ConfigObject, Plugin, RulesConfig } from "@eslint/core";
import { rules as hullRules, type Rule, type Severity } from "@hull/linter";
import { dockerfileLanguage } from "./language.js";
import { eslintRules } from "./rules.js";

export { dockerfileLanguage } from "./language.js";
export type { DockerfileLanguageOptions, DockerfileParseResult } from "./language.js";
export { DockerfileSourceCode, visitorKeys } from "./source-code.js";
export type { DockerfileNode, InlineConfig, Located } from "./source-code.js";
export { toEslintRule } from "./rules.js";
export type { HullSettings } from "./rules.js";

/**
 * The files the configs lint: the parser's `isDockerfileName` as globs (ESLint takes no regular expression), in
 * the usual letter cases; the plugin's tests check them against it.
 */
export const dockerfileGlobs = [
  "**/Dockerfile",
  "**/Containerfile",
  "**/*.Dockerfile",
  "**/*.dockerfile",
  "**/*.Containerfile",
  "**/*.containerfile",
  "**/Dockerfile.*",
  "**/Containerfile.*",
  "**/Dockerfile-*",
  "**/Containerfile-*",
  "**/Dockerfile_*",
  "**/Containerfile_*",
];

/** Files next to Dockerfiles that the globs above would take but that are not Dockerfiles. */
export const dockerfileIgnores = ["**/*.dockerignore", "**/*.containerignore"];

/** ESLint has two severities: hull's `error` stays an error, `warning`, `info` and `style` become warnings. */
export function eslintSeverity(severity: Severity): "error" | "warn" {
  return severity === "error" ? "error" : "warn";
}

function rulesConfig(selected: readonly Rule[]): RulesConfig {
  return Object.fromEntries(selected.map((rule) => [`hull/${rule.id}`, eslintSeverity(rule.severity)]));
}

const plugin = {
  meta: { name: "@hull/eslint-plugin", version: "0.1.0", namespace: "hull" },
  languages: { dockerfile: dockerfileLanguage },
  rules: eslintRules,
  configs: {} as Record<"recommended" | "all", ConfigObject>,
} satisfies Plugin;

function config(name: string, selected: readonly Rule[]): ConfigObject {
  return {
    name: `hull/${name}`,
    files: dockerfileGlobs,
    // `Dockerfile.*` would also take BuildKit's `<Dockerfile>.dockerignore` files.
    ignores: dockerfileIgnores,
    plugins: { hull: plugin },
    language: "hull/dockerfile",
    rules: rulesConfig(selected),
  };
}

/** The rules hull runs by default, at their default severities. */
plugin.configs.recommended = config(
  "recommended",
  hullRules.filter((rule) => rule.recommended !== false),
);
/** Every hull rule. */
plugin.configs.all = config("all", hullRules);

export default plugin;
