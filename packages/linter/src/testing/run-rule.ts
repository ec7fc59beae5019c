import { readImageConfig, type BaseImage } from "@hull/planner";
import { lint, syntaxErrorId, type Diagnostic, type RuleSetting } from "../engine.js";
import type { DocExample, LintSettings, Rule } from "../rule.js";
import { rules as builtinRules } from "../rules/index.js";

/** A case that must produce no diagnostic of the rule under test. */
export interface ValidCase {
  code: string;
  /** Shown in the test name; defaults to the first line of the code. */
  name?: string;
  options?: Record<string, unknown>;
  settings?: Partial<LintSettings>;
  /** The `.dockerignore` beside the Dockerfile. */
  dockerignore?: string;
  filePath?: string;
  /**
   * Base image configs by reference, as an `--image-config` file holds them (e.g. `{ config: { User: "app" } }`),
   * read by the planner's reader as the CLI reads them.
   */
  imageConfigs?: Readonly<Record<string, unknown>>;
  /** Parse errors fail the case unless this is true (they usually mean a typo in the case). */
  allowSyntaxErrors?: boolean;
}

const registries = new WeakMap<Rule, readonly Rule[]>();

/** The built-in registry with `rule` in it, so that ignore comments can name any known rule. */
function registryWith(rule: Rule): readonly Rule[] {
  let registry = registries.get(rule);
  if (!registry) {
    registry = [...builtinRules.filter((r) => r.id !== rule.id), rule];
    registries.set(rule, registry);
  }
  return registry;
}

/** Lints `code` with only `rule` enabled (plus `syntax-error`) and returns every diagnostic. */
export function runRule(rule: Rule, testCase: ValidCase): Diagnostic[] {
  const registry = registryWith(rule);
  const settings: Record<string, RuleSetting> = {};
  for (const other of registry) settings[other.id] = other.id === syntaxErrorId ? "error" : "off";
  settings[rule.id] = [rule.severity, testCase.options ?? {}];
  return lint(testCase.code, {
    filePath: testCase.filePath ?? "Dockerfile",
    registry,
    rules: settings,
    settings: testCase.settings,
    readDockerignore: () => testCase.dockerignore ?? null,
    ...(testCase.imageConfigs ? { imageConfigs: readConfigs(testCase.imageConfigs) } : {}),
  }).diagnostics;
}

function readConfigs(raw: Readonly<Record<string, unknown>>): Record<string, BaseImage> {
  const out: Record<string, BaseImage> = {};
  for (const [ref, json] of Object.entries(raw)) {
    const image = readImageConfig(json);
    if ("error" in image) throw new Error(`imageConfigs[${ref}]: ${image.error}`);
    out[ref] = image;
  }
  return out;
}

/** A docs example as a test case. */
export function exampleCase(example: string | DocExample): ValidCase {
  if (typeof example === "string") return { code: example };
  return {
    code: example.code,
    options: example.options,
    settings: example.settings,
    dockerignore: example.dockerignore,
    imageConfigs: example.imageConfigs,
  };
}
