import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import type { Preset, RuleSetting } from "../engine.js";
import {
  aliasList,
  aliasTools,
  ruleGroups,
  severities,
  type OptionsSchema,
  type Rule,
  type Severity,
} from "../rule.js";
import { suggestSpelling } from "@hull/parser";
import { ajvLibrary, precompiledValidators, type PrecompiledValidators } from "./libraries.js";

/** A failure threshold: the least severe level that makes `hull lint` exit 1, or `none`. */
export type FailureThreshold = Severity | "none";

/** A hull config file as written (`.hullrc.yaml`, `.hullrc.json`, or `hull` in package.json). */
export interface HullConfig {
  $schema?: string;
  /** `recommended` (default): rules on by default; `all`: every rule. */
  preset?: Preset;
  /** Per rule id, hadolint code or BuildKit name: `off`, a severity, or `[severity, options]`. */
  rules?: Record<string, RuleSetting>;
  /** Files not to lint, in `.dockerignore` syntax, relative to the config file's directory. */
  ignorePaths?: string[];
  failureThreshold?: FailureThreshold;
  trustedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  /** Read base image configs from their registries, as `hull lint --resolve` does. */
  resolve?: boolean;
  /** Base image configs by image reference: files as `docker inspect` or `crane config` print them. */
  imageConfigs?: Record<string, string>;
  /** The named build contexts the build passes, as `--build-context NAME=VALUE`. */
  buildContexts?: Record<string, string>;
  /** The ShellCheck program to run on RUN scripts, relative to the config file's directory. */
  shellcheck?: { path?: string };
}

/** The label types hadolint's `label-schema` knows. */
export const labelTypes = ["text", "url", "semver", "hash", "rfc3339", "spdx", "email"] as const;

const topLevelKeys = [
  "$schema",
  "preset",
  "rules",
  "ignorePaths",
  "failureThreshold",
  "trustedRegistries",
  "labelSchema",
  "strictLabels",
  "resolve",
  "imageConfigs",
  "buildContexts",
  "shellcheck",
] as const satisfies readonly (keyof HullConfig)[];

type JsonSchema = Record<string, unknown>;

function severitySchema(): JsonSchema {
  return { enum: [...severities, "off"], description: "`off` or a severity." };
}

/** A setting that takes a severity and no options: `warning` or `[warning]`. */
function severityOnly(): JsonSchema[] {
  return [severitySchema(), { type: "array", items: [severitySchema()], minItems: 1, maxItems: 1 }];
}

function ruleSettingSchema(rule: Rule): JsonSchema {
  const description = `${rule.title}. Default: ${rule.recommended === false ? "off" : rule.severity}.`;
  const options = Object.entries((rule.options ?? {}) as OptionsSchema);
  const optionsSchema: JsonSchema = {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(options.map(([key, schema]) => [key, { ...schema }])),
  };
  return {
    description,
    oneOf: [
      severitySchema(),
      {
        type: "array",
        items: [severitySchema(), optionsSchema],
        minItems: 1,
        maxItems: 2,
        additionalItems: false,
      },
    ],
  };
}

/** The schema of each key `rules` may name: every rule id, alias and group of the registry, and `shellcheck`. */
function ruleKeySchemas(registry: readonly Rule[]): Record<string, JsonSchema> {
  const rules: Record<string, JsonSchema> = {};
  for (const rule of [...registry].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    rules[rule.id] = ruleSettingSchema(rule);
  }
  // An alias may name several rules (Trivy's DS-0001: no-latest-tag and no-untagged-image): it sets each of them.
  const aliased = new Map<string, { tool: string; rules: Rule[] }>();
  for (const rule of registry) {
    for (const tool of aliasTools) {
      for (const alias of aliasList(rule, tool)) {
        const entry = aliased.get(alias) ?? { tool, rules: [] };
        entry.rules.push(rule);
        aliased.set(alias, entry);
      }
    }
  }
  for (const [alias, { tool, rules: named }] of aliased) {
    const description = `Alias of ${named.map((r) => r.id).join(", ")} (${tool}).`;
    // Options go to every rule it names, so it takes them only where those rules take the same ones.
    const options = JSON.stringify(named[0]!.options ?? {});
    rules[alias] = named.every((r) => JSON.stringify(r.options ?? {}) === options)
      ? { ...ruleSettingSchema(named[0]!), description }
      : { description, oneOf: severityOnly() };
  }
  for (const [group, ids] of ruleGroups(registry)) {
    // Each rule of a group has its own options, so a group takes a severity only.
    rules[group] = {
      description: `Group: sets ${ids.join(", ")}.`,
      oneOf: severityOnly(),
    };
  }
  rules.shellcheck = {
    ...severitySchema(),
    description: "Every ShellCheck code (findings appear when ShellCheck is installed).",
  };
  return rules;
}

/** One ShellCheck code as a key of `rules`: the pattern as the published schema writes it, and as a test. */
const shellcheckCodePattern = "^(shellcheck/)?SC[0-9]{4}$";
const shellcheckCode = new RegExp(shellcheckCodePattern);

function shellcheckCodeSchema(): JsonSchema {
  return { ...severitySchema(), description: "One ShellCheck code, e.g. `SC2086` or `shellcheck/SC2086`." };
}

/**
 * What `validateConfig` checks a config against, for a registry: the document with `rules` as a plain object, the
 * schema of each key `rules` may name, and that of a ShellCheck code. scripts/config-validators.mjs compiles them
 * when the CLI is bundled.
 */
export function configValidationSchemas(registry: readonly Rule[]): ValidationSchemas {
  return {
    document: documentSchema({ type: "object" }),
    keys: ruleKeySchemas(registry),
    shellcheckCode: shellcheckCodeSchema(),
  };
}

/**
 * What the schemas of the keys of `rules` are made from, rule by rule (`ruleKeySchemas`; titles and severities go
 * into descriptions only): validators compiled ahead of time serve a registry with the same signature.
 */
export function validationSignature(registry: readonly Rule[]): string {
  return JSON.stringify(
    registry.map((rule) => [
      rule.id,
      rule.group ?? null,
      aliasTools.map((tool) => aliasList(rule, tool)),
      rule.options ?? null,
    ]),
  );
}

export interface ValidationSchemas {
  document: JsonSchema;
  keys: Record<string, JsonSchema>;
  shellcheckCode: JsonSchema;
}

/** The JSON Schema of the config file, with a key for every rule id and alias of the registry. */
export function buildConfigSchema(registry: readonly Rule[]): JsonSchema {
  return documentSchema({
    type: "object",
    description:
      "Per rule id, hadolint code or BuildKit check name: `off`, a severity, or `[severity, options]`.",
    additionalProperties: false,
    properties: ruleKeySchemas(registry),
    patternProperties: { [shellcheckCodePattern]: shellcheckCodeSchema() },
  });
}

/** The config file's schema with `rules` as given. */
function documentSchema(rules: JsonSchema): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://hull.dev/schema/config.json",
    title: "hull configuration",
    description:
      "Configuration of the hull Dockerfile linter (.hullrc.yaml, .hullrc.json, or `hull` in package.json).",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      preset: {
        enum: ["recommended", "all", "security"],
        default: "recommended",
        description:
          "`recommended`: the rules that are on by default; `all`: every rule; `security`: the security rules only.",
      },
      rules,
      ignorePaths: {
        type: "array",
        items: { type: "string" },
        description: "Files not to lint, in .dockerignore syntax, relative to the config file's directory.",
      },
      failureThreshold: {
        enum: [...severities, "none"],
        default: "info",
        description: "The least severe finding that makes `hull lint` exit with 1; `none` never fails.",
      },
      trustedRegistries: {
        type: "array",
        items: { type: "string" },
        description: "Registries that images may come from; wildcards `*.example.com` allowed.",
      },
      labelSchema: {
        type: "object",
        additionalProperties: { enum: [...labelTypes, ""] },
        description: "Labels every stage must set, with the type of their value (hadolint's label-schema).",
      },
      strictLabels: { type: "boolean", description: "Report labels that are not in labelSchema." },
      resolve: {
        type: "boolean",
        default: false,
        description:
          "Read base image configs from their registries (network), as `hull lint --resolve` does, so that rules that depend on inherited values (USER, ENV, ENTRYPOINT, SHELL, WORKDIR, HEALTHCHECK) know them. The language server reads this key only when its `resolve` setting is on.",
      },
      imageConfigs: {
        type: "object",
        additionalProperties: { type: "string" },
        description:
          "Base image configs, by image reference (e.g. `node:22`), as files relative to the config file's directory, in the shapes `docker inspect`, `buildah inspect`, `crane config` or `skopeo inspect --config` print (as `--image-config REF=FILE`).",
      },
      buildContexts: {
        type: "object",
        additionalProperties: { type: "string" },
        description:
          'The named build contexts the build passes, by name, as `docker buildx build --build-context NAME=VALUE` or a bake file\'s `contexts` (e.g. `{ "templates": "./templates" }`): a `COPY --from` or FROM naming one reads it instead of an image.',
      },
      shellcheck: {
        type: "object",
        additionalProperties: false,
        description:
          "How ShellCheck is run on RUN scripts (the command line's --shellcheck and --no-shellcheck win).",
        properties: {
          path: {
            type: "string",
            description:
              "The ShellCheck program, relative to the config file's directory; default: `shellcheck` on PATH.",
          },
        },
      },
    },
  };
}

/** A config that failed validation: one readable line per problem. */
export interface ConfigProblem {
  /** Dotted key path, e.g. `rules.no-latest-tag`; empty for the whole document. */
  path: string;
  message: string;
}

/**
 * A registry's config validator. The schema `buildConfigSchema` publishes has a property for each of the 300-odd
 * rule ids, aliases and groups; ajv compiled it whole in half a second, which every `hull lint` that found a config
 * file paid. So the document is checked with `rules` as a plain object, and each key a config sets is checked
 * against its own schema from the same builders: compiled when the CLI is bundled, or else when first met. A key
 * with no schema is reported as the whole schema's `additionalProperties: false` reports it.
 */
interface Validator {
  document: ValidateFunction;
  /** The validator of the setting of `rules[key]`, or undefined when `rules` may not name the key. */
  setting(key: string): ValidateFunction | undefined;
}

/** ajv's options, here and for the validators compiled when the CLI is bundled (scripts/config-validators.mjs). */
export const ajvOptions = {
  allErrors: true,
  strict: false,
  verbose: true,
  // The schemas are ours, checked against JSON Schema's meta-schema by the tests: checking them again on every run
  // compiled the meta-schema too.
  validateSchema: false,
  // The validators run once per config file: ajv's pass that simplifies the code it generates cost more than it
  // saved (a first `validateConfig` took 30 ms with it and 26 without, median of 8 fresh processes).
  code: { optimize: false },
} as const;

const compiledValidators = new WeakMap<readonly Rule[], Validator>();
const signatures = new WeakMap<readonly Rule[], string>();

function validatorFor(registry: readonly Rule[], precompiled: PrecompiledValidators | undefined): Validator {
  // Validators compiled ahead of time from the bundled CLI's rules serve a registry whose keys and options are the
  // same; any other registry gets validators compiled here.
  if (precompiled !== undefined) {
    let signature = signatures.get(registry);
    if (signature === undefined) signatures.set(registry, (signature = validationSignature(registry)));
    if (precompiled.signature === signature) return fromPrecompiled(precompiled);
  }
  let validator = compiledValidators.get(registry);
  if (!validator) {
    validator = compiling(configValidationSchemas(registry));
    compiledValidators.set(registry, validator);
  }
  return validator;
}

/**
 * What a key of `rules` takes, from a table of the registry's keys and the entry of a ShellCheck code (a schema, or
 * the name of a precompiled function); undefined when `rules` may not name the key.
 */
function settingOf<T>(keys: Readonly<Record<string, T>>, shellcheck: T, key: string): T | undefined {
  return Object.hasOwn(keys, key) ? keys[key] : shellcheckCode.test(key) ? shellcheck : undefined;
}

function fromPrecompiled(precompiled: PrecompiledValidators): Validator {
  const named = (name: string) => precompiled[name] as ValidateFunction;
  return {
    document: named("document"),
    setting(key) {
      const name = settingOf(precompiled.keys, precompiled.shellcheckCode, key);
      return name === undefined ? undefined : named(name);
    },
  };
}

/** The validator ajv compiles here: the document now, and each key's schema when a config first sets the key. */
function compiling(schemas: ValidationSchemas): Validator {
  const ajv: Ajv = new (ajvLibrary().Ajv)(ajvOptions);
  const document = ajv.compile(schemas.document);
  const compiled = new Map<string, ValidateFunction>();
  return {
    document,
    setting(key) {
      let validate = compiled.get(key);
      if (validate) return validate;
      const schema = settingOf(schemas.keys, schemas.shellcheckCode, key);
      if (schema === undefined) return undefined;
      validate = ajv.compile(schema);
      compiled.set(key, validate);
      return validate;
    },
  };
}

/**
 * Validates a parsed config document; returns the problems, or [] when it is valid. `precompiled`: validators
 * compiled from the same rules ahead of time (by default the bundled CLI's, when it runs in one).
 */
export function validateConfig(
  value: unknown,
  registry: readonly Rule[],
  precompiled: PrecompiledValidators | undefined = precompiledValidators(),
): ConfigProblem[] {
  const validator = validatorFor(registry, precompiled);
  const errors: ErrorObject[] = validator.document(value) ? [] : [...(validator.document.errors ?? [])];
  const rules = (value as { rules?: unknown } | null)?.rules;
  if (typeof rules === "object" && rules !== null && !Array.isArray(rules)) {
    for (const [key, setting] of Object.entries(rules)) {
      const validate = validator.setting(key);
      if (validate === undefined) {
        errors.push({
          keyword: "additionalProperties",
          instancePath: "/rules",
          schemaPath: "#/properties/rules/additionalProperties",
          params: { additionalProperty: key },
        });
      } else if (!validate(setting)) {
        const at = `/rules/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        for (const error of validate.errors ?? [])
          errors.push({ ...error, instancePath: at + error.instancePath });
      }
    }
  }
  return errors.length === 0 ? [] : configProblems(errors, registry);
}

function keyPath(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

// JSON.stringify as it behaves: undefined (though typed string) for undefined, functions and symbols.
const stringify: (value: unknown) => string | undefined = JSON.stringify;

function describeValue(value: unknown): string {
  return stringify(value) ?? String(value);
}

/** Turns ajv's errors into one message per key: the most specific error wins. */
export function configProblems(errors: ErrorObject[], registry: readonly Rule[]): ConfigProblem[] {
  const names = [
    ...new Set(
      registry.flatMap((r) => [
        r.id,
        ...(r.group === undefined ? [] : [r.group]),
        ...aliasTools.flatMap((tool) => aliasList(r, tool)),
      ]),
    ),
  ];
  const byPath = new Map<string, ConfigProblem>();
  for (const error of errors) {
    const path = keyPath(error.instancePath);
    if (error.keyword === "additionalProperties") {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const inRules = path === "rules";
      const candidates = inRules ? names : path === "" ? [...topLevelKeys] : [];
      const suggestion = suggestSpelling(key, candidates);
      const what = inRules ? "unknown rule" : "unknown key";
      byPath.set(join(path, key), {
        path: join(path, key),
        message: `${what} '${key}'${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
      });
      continue;
    }
    if (byPath.has(path)) continue;
    // A rule setting's oneOf produces several branch errors; say what is accepted instead.
    if (path.startsWith("rules.") && path.split(".").length === 2) {
      byPath.set(path, {
        path,
        message: `expected "off", a severity (${severities.join(", ")}) or [severity, options], got ${describeValue(error.data)}`,
      });
      continue;
    }
    byPath.set(path, { path, message: describeError(error) });
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "enum":
      return `expected one of ${(params.allowedValues as unknown[]).map(describeValue).join(", ")}, got ${describeValue(error.data)}`;
    case "type":
      return `expected ${String(params.type)}, got ${describeValue(error.data)}`;
    case "minItems":
    case "maxItems":
      return `expected ${error.keyword === "minItems" ? "at least" : "at most"} ${String(params.limit)} items`;
    default:
      return error.message ?? `invalid (${error.keyword})`;
  }
}
