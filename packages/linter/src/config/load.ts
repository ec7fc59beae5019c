import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parseDockerignore } from "@hull/parser";
import type { Preset, RuleSetting } from "../engine.js";
import { severities, type LintSettings, type Rule, type Severity } from "../rule.js";
import { rules as builtinRules } from "../rules/index.js";
import { hadolintCodes } from "./directives.js";
import { yamlLibrary } from "./libraries.js";
import { validateConfig, type FailureThreshold, type HullConfig } from "./schema.js";

/** How the loader reads files; the CLI passes the real file system, tests a fake. */
export interface ConfigReader {
  exists(path: string): boolean;
  /** Reads a UTF-8 file; throws an Error with a readable message when it cannot. */
  readFile(path: string): string;
}

/** A config ready to use: where it came from and what it means for `lint`. */
export interface LoadedConfig {
  /** The file it was read from, or null for the defaults. */
  path: string | null;
  kind: "hull" | "hadolint" | "default";
  preset: Preset;
  rules: Record<string, RuleSetting>;
  settings: LintSettings;
  failureThreshold: FailureThreshold;
  /** Patterns in .dockerignore syntax, relative to `baseDir`. */
  ignorePaths: string[];
  /** The directory that `ignorePaths` are relative to. */
  baseDir: string;
  /** Read base image configs from registries (`resolve`). */
  resolve: boolean;
  /** Base image config files by image reference (`imageConfigs`), as absolute paths. */
  imageConfigs: Record<string, string>;
  /** The ShellCheck program the config names (`shellcheck.path`), made absolute; undefined when it names none. */
  shellcheckPath?: string;
  /** Things worth telling the user that do not stop the run (e.g. hadolint codes hull has no rule for). */
  warnings: string[];
}

/** An invalid or unreadable config file: the message names the file, the key path and what was expected. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The file names searched in every directory, in order of preference. */
export const hullConfigNames = [".hullrc.yaml", ".hullrc.yml", ".hullrc.json", "package.json"] as const;
export const hadolintConfigNames = [".hadolint.yaml", ".hadolint.yml"] as const;

/** The config used when there is no file. */
export function defaultConfig(baseDir: string): LoadedConfig {
  return {
    path: null,
    kind: "default",
    preset: "recommended",
    rules: {},
    settings: { trustedRegistries: [], labelSchema: {}, strictLabels: false, buildContexts: {} },
    failureThreshold: "info",
    ignorePaths: [],
    baseDir,
    resolve: false,
    imageConfigs: {},
    warnings: [],
  };
}

/**
 * Finds the config for a file in `startDir`: the nearest hull config (`.hullrc.yaml`, `.hullrc.yml`, `.hullrc.json`,
 * or a `hull` key in package.json) in that directory or above; when there is none, the nearest `.hadolint.yaml`.
 * Returns the path and its kind, or null.
 */
export function findConfig(
  startDir: string,
  reader: ConfigReader,
): { path: string; kind: "hull" | "hadolint" } | null {
  for (const [names, kind] of [
    [hullConfigNames, "hull"],
    [hadolintConfigNames, "hadolint"],
  ] as const) {
    for (let dir = startDir; ; dir = dirname(dir)) {
      for (const name of names) {
        const path = join(dir, name);
        if (!reader.exists(path)) continue;
        if (name === "package.json" && !hasHullKey(path, reader)) continue;
        return { path, kind };
      }
      if (dirname(dir) === dir) break;
    }
  }
  return null;
}

function hasHullKey(path: string, reader: ConfigReader): boolean {
  try {
    const json = JSON.parse(reader.readFile(path)) as unknown;
    return typeof json === "object" && json !== null && "hull" in json;
  } catch {
    // A broken package.json is not ours to report unless it names hull.
    return false;
  }
}

/** Reads, validates and resolves one config file; throws ConfigError with a readable message when it is invalid. */
export function loadConfigFile(
  path: string,
  reader: ConfigReader,
  registry: readonly Rule[] = builtinRules,
): LoadedConfig {
  let text: string;
  try {
    text = reader.readFile(path);
  } catch (error) {
    throw new ConfigError(
      `${path}: cannot read the config file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const name = basename(path);
  const document = parseDocument(path, name, text);
  if ((hadolintConfigNames as readonly string[]).includes(name))
    return fromHadolint(path, document, registry);
  const value = name === "package.json" ? (document as Record<string, unknown>).hull : document;
  const problems = validateConfig(value ?? {}, registry);
  if (problems.length > 0) {
    const where = name === "package.json" ? `${path} (key "hull")` : path;
    const lines = problems.map((p) => `  ${p.path || "(top level)"}: ${p.message}`);
    throw new ConfigError(`${where}: invalid config:\n${lines.join("\n")}`);
  }
  const config = (value ?? {}) as HullConfig;
  return {
    path,
    kind: "hull",
    preset: config.preset ?? "recommended",
    rules: { ...config.rules },
    settings: {
      trustedRegistries: config.trustedRegistries ?? [],
      labelSchema: config.labelSchema ?? {},
      strictLabels: config.strictLabels ?? false,
      buildContexts: config.buildContexts ?? {},
    },
    failureThreshold: config.failureThreshold ?? "info",
    ignorePaths: config.ignorePaths ?? [],
    baseDir: dirname(path),
    resolve: config.resolve ?? false,
    imageConfigs: Object.fromEntries(
      Object.entries(config.imageConfigs ?? {}).map(([ref, file]) => [ref, resolve(dirname(path), file)]),
    ),
    ...(config.shellcheck?.path === undefined
      ? {}
      : { shellcheckPath: resolve(dirname(path), config.shellcheck.path) }),
    warnings: [],
  };
}

/** Finds and loads the config for a file in `startDir`; the defaults when there is none. */
export function loadConfig(
  startDir: string,
  reader: ConfigReader,
  registry: readonly Rule[] = builtinRules,
): LoadedConfig {
  const found = findConfig(startDir, reader);
  return found ? loadConfigFile(found.path, reader, registry) : defaultConfig(startDir);
}

function parseDocument(path: string, name: string, text: string): unknown {
  if (name.endsWith(".json")) {
    try {
      return text.trim() === "" ? {} : (JSON.parse(text) as unknown);
    } catch (error) {
      throw new ConfigError(`${path}: not valid JSON: ${jsonErrorDetail(text, error)}`);
    }
  }
  const yaml = yamlLibrary();
  try {
    return yaml.parse(text, { prettyErrors: true }) ?? {};
  } catch (error) {
    const detail =
      error instanceof yaml.YAMLParseError && error.linePos
        ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new ConfigError(`${path}: not valid YAML: ${detail}`);
  }
}

/**
 * JSON.parse's message with the place it names as a line and column, as YAML errors give it: V8 names an offset
 * (`… in JSON at position 35`, and from Node 22 also `(line 2 column 3)`).
 */
function jsonErrorDetail(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /\s+(?:in JSON\s+)?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `line ${line}, column ${column}: ${message.slice(0, at.index)}${message.slice(at.index + at[0].length)}`;
}

const hadolintKeys = new Set([
  "ignored",
  "override",
  "trustedRegistries",
  "failure-threshold",
  "label-schema",
  "strict-labels",
  // Keys about hadolint's own output and process; they have hull CLI equivalents or no meaning here.
  "no-fail",
  "no-color",
  "verbose",
  "format",
  "formats",
  "disable-ignore-pragma",
]);

/** Maps a `.hadolint.yaml` onto hull's config through the rules' hadolint aliases. */
function fromHadolint(path: string, document: unknown, registry: readonly Rule[]): LoadedConfig {
  const fail = (key: string, expected: string, got: unknown): never => {
    throw new ConfigError(
      `${path}: invalid config:\n  ${key}: expected ${expected}, got ${JSON.stringify(got)}`,
    );
  };
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    fail("(top level)", "a mapping", document);
  }
  const doc = document as Record<string, unknown>;
  const config = defaultConfig(dirname(path));
  config.path = path;
  config.kind = "hadolint";
  const known = new Set(
    registry.flatMap((r) => [r.id, ...[r.aliases?.hadolint ?? []].flat().map((c) => c.toUpperCase())]),
  );
  const codeList = (key: string, value: unknown): string[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
      return fail(key, "a list of rule codes", value);
    const codes: string[] = [];
    for (const code of value as string[]) {
      const upper = code.toUpperCase();
      if (known.has(upper) || known.has(code)) codes.push(known.has(code) ? code : upper);
      // ShellCheck codes set the severity of `shellcheck/SC…` findings.
      else if (/^SC\d{4}$/.test(upper)) codes.push(upper);
      else if (!/^SC\d{4}$/.test(upper) && !(hadolintCodes as readonly string[]).includes(upper)) {
        config.warnings.push(`${path}: ${key}: unknown rule code '${code}'; ignored`);
      }
    }
    return codes;
  };
  for (const key of Object.keys(doc)) {
    if (!hadolintKeys.has(key)) config.warnings.push(`${path}: unknown key '${key}'; ignored`);
  }
  // hadolint: when a code is in several override lists, the most severe wins; `ignored` wins over all of them.
  const override = doc.override ?? {};
  if (typeof override !== "object" || Array.isArray(override)) fail("override", "a mapping", override);
  for (const severity of [...severities].reverse()) {
    for (const code of codeList(`override.${severity}`, (override as Record<string, unknown>)[severity])) {
      config.rules[code] = severity;
    }
  }
  for (const code of codeList("ignored", doc.ignored)) config.rules[code] = "off";
  const registries = doc.trustedRegistries;
  if (registries !== undefined) {
    if (typeof registries === "string")
      config.settings = { ...config.settings, trustedRegistries: [registries] };
    else if (Array.isArray(registries) && registries.every((r) => typeof r === "string")) {
      config.settings = { ...config.settings, trustedRegistries: registries };
    } else fail("trustedRegistries", "a string or a list of strings", registries);
  }
  const threshold = doc["failure-threshold"];
  if (threshold !== undefined) {
    if (threshold === "ignore" || threshold === "none") config.failureThreshold = "none";
    else if ((severities as readonly unknown[]).includes(threshold))
      config.failureThreshold = threshold as Severity;
    else fail("failure-threshold", "one of error, warning, info, style, ignore, none", threshold);
  }
  const labels = doc["label-schema"];
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== "object" || Array.isArray(labels))
      fail("label-schema", "a mapping of label to type", labels);
    config.settings = { ...config.settings, labelSchema: labels as Record<string, string> };
  }
  const strict = doc["strict-labels"];
  if (strict !== undefined) {
    if (typeof strict !== "boolean") fail("strict-labels", "true or false", strict);
    config.settings = { ...config.settings, strictLabels: strict as boolean };
  }
  return config;
}

/** True when the config's `ignorePaths` (.dockerignore syntax, relative to the config's directory) match the file. */
export function isIgnoredPath(path: string, config: Pick<LoadedConfig, "ignorePaths" | "baseDir">): boolean {
  if (config.ignorePaths.length === 0) return false;
  const rel = relative(config.baseDir, path).split(sep).join("/");
  if (rel === "" || rel.startsWith("../")) return false;
  return parseDockerignore(config.ignorePaths.join("\n")).ignores(rel);
}
