import { dirname } from "node:path";
import { readImageConfig, type BaseImage } from "@hull/planner";
import {
  defaultConfig,
  findDockerignore,
  loadConfig,
  loadConfigFile,
  rules,
  type ConfigReader,
  type LintOptions,
  type LoadedConfig,
  type Preset,
  type Rule,
  type ShellcheckRunner,
} from "@hull/linter";

/** Editor settings that change which config applies: a fixed config file, a preset. */
export interface ConfigOverrides {
  /** An absolute path; it replaces the config found next to each document. */
  configPath?: string | null;
  preset?: Preset | null;
  /** Read the base image config files the config names (`imageConfigs`); off unless the editor asks. */
  imageConfigs?: boolean;
}

/** What features need to know about the configuration that applies to one document. */
export interface FeatureConfig {
  loaded: LoadedConfig;
  /** Why the config file could not be used (the defaults are used instead); null when it was fine. */
  error: string | null;
  /** The `.dockerignore` beside the document, read on demand; null when there is none. */
  readDockerignore: () => string | null;
  /** The rules that exist: the built-in registry, or a pinned list in tests. */
  registry: readonly Rule[];
  /** Base image configs from the config's `imageConfigs`, when the `imageConfigs` setting is on. */
  imageConfigs?: Readonly<Record<string, BaseImage>>;
  /** What lint asks ShellCheck, answered with what is known (`ShellcheckResults`); unset when ShellCheck is off. */
  shellcheck?: ShellcheckRunner;
}

/** The defaults, for untitled documents and tests. */
export function defaultFeatureConfig(registry: readonly Rule[] = rules): FeatureConfig {
  return { loaded: defaultConfig(process.cwd()), error: null, readDockerignore: () => null, registry };
}

/**
 * Finds the config for a document from its directory upwards, as `hull lint` does; never throws.
 * `reader` is the file system, passed in by the server so that this stays testable.
 */
export function resolveConfig(
  path: string | null,
  reader: ConfigReader,
  registry: readonly Rule[] = rules,
  overrides: ConfigOverrides = {},
): FeatureConfig {
  const resolved = resolveConfigFile(path, reader, registry, overrides.configPath ?? null);
  if (overrides.preset) resolved.loaded = { ...resolved.loaded, preset: overrides.preset };
  if (overrides.imageConfigs && Object.keys(resolved.loaded.imageConfigs).length > 0)
    readImageConfigs(resolved, reader);
  return resolved;
}

/** Reads the config's `imageConfigs` files; one that cannot be used is left out, with a warning. */
function readImageConfigs(config: FeatureConfig, reader: ConfigReader): void {
  const images: Record<string, BaseImage> = {};
  const warnings: string[] = [];
  for (const [ref, file] of Object.entries(config.loaded.imageConfigs)) {
    let image: BaseImage | { error: string };
    try {
      image = readImageConfig(JSON.parse(reader.readFile(file)));
    } catch (error) {
      image = { error: error instanceof Error ? error.message : String(error) };
    }
    if ("error" in image)
      warnings.push(`${config.loaded.path ?? "config"}: imageConfigs.${ref}: ${file}: ${image.error}`);
    else images[ref] = image;
  }
  config.imageConfigs = images;
  if (warnings.length > 0)
    config.loaded = { ...config.loaded, warnings: [...config.loaded.warnings, ...warnings] };
}

function resolveConfigFile(
  path: string | null,
  reader: ConfigReader,
  registry: readonly Rule[],
  configPath: string | null,
): FeatureConfig {
  if (path === null && configPath === null) return defaultFeatureConfig(registry);
  const dir = path === null ? process.cwd() : dirname(path);
  const readDockerignore = () => (path === null ? null : findDockerignore(path, reader));
  try {
    const loaded =
      configPath === null ? loadConfig(dir, reader, registry) : loadConfigFile(configPath, reader, registry);
    return { loaded, error: null, readDockerignore, registry };
  } catch (error) {
    return {
      loaded: defaultConfig(dir),
      error: error instanceof Error ? error.message : String(error),
      readDockerignore,
      registry,
    };
  }
}

/** The options `lint` takes for a document under a config. */
export function lintOptionsOf(path: string | null, config: FeatureConfig): LintOptions {
  return {
    ...(path === null ? {} : { filePath: path }),
    registry: config.registry,
    preset: config.loaded.preset,
    rules: config.loaded.rules,
    settings: config.loaded.settings,
    readDockerignore: config.readDockerignore,
    ...(config.imageConfigs ? { imageConfigs: config.imageConfigs } : {}),
    ...(config.shellcheck ? { shellcheck: config.shellcheck } : {}),
  };
}
