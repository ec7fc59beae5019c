import { describe, expect, it } from "vitest";
import { defineRule, type Rule } from "../rule.js";
import { rules } from "../rules/index.js";
import { ConfigError, findConfig, loadConfig, loadConfigFile, type ConfigReader } from "./load.js";
import { ajvLibrary } from "./libraries.js";
import { buildConfigSchema, configProblems, validateConfig } from "./schema.js";

function fakeFs(files: Record<string, string>): ConfigReader {
  return {
    exists: (path) => path in files,
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
      return text;
    },
  };
}

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("findConfig", () => {
  it("prefers the nearest hull config, then falls back to .hadolint.yaml", () => {
    const fs = fakeFs({
      "/repo/.hullrc.yaml": "",
      "/repo/app/.hadolint.yaml": "",
      "/repo/app/package.json": '{"name":"x"}',
      "/repo/lib/package.json": '{"hull":{}}',
    });
    expect(findConfig("/repo/app/sub", fs)).toEqual({ path: "/repo/.hullrc.yaml", kind: "hull" });
    expect(findConfig("/repo/lib", fs)).toEqual({ path: "/repo/lib/package.json", kind: "hull" });
    expect(findConfig("/other", fakeFs({ "/.hadolint.yml": "" }))).toEqual({
      path: "/.hadolint.yml",
      kind: "hadolint",
    });
    expect(findConfig("/other", fakeFs({}))).toBeNull();
  });
});

describe("hull config", () => {
  it("loads YAML, JSON and package.json", () => {
    const fs = fakeFs({
      "/a/.hullrc.yaml":
        "preset: all\nrules:\n  DL4000: error\n  legacy-key-value-format: off\nfailureThreshold: warning\ntrustedRegistries: [docker.io]\nignorePaths: [vendor/]\n",
      "/b/.hullrc.json": '{"rules":{"MaintainerDeprecated":["style"]}}',
      "/c/package.json": '{"name":"c","hull":{"strictLabels":true,"labelSchema":{"maintainer":"email"}}}',
    });
    const a = loadConfig("/a", fs);
    expect(a).toMatchObject({
      kind: "hull",
      preset: "all",
      rules: { DL4000: "error", "legacy-key-value-format": "off" },
      failureThreshold: "warning",
      settings: { trustedRegistries: ["docker.io"] },
      ignorePaths: ["vendor/"],
      baseDir: "/a",
    });
    expect(loadConfig("/b", fs).rules).toEqual({ MaintainerDeprecated: ["style"] });
    expect(loadConfig("/c", fs).settings).toEqual({
      trustedRegistries: [],
      labelSchema: { maintainer: "email" },
      strictLabels: true,
      buildContexts: {},
    });
    expect(loadConfig("/none", fs).kind).toBe("default");
  });

  it("reads buildContexts, the named contexts the build passes", () => {
    const fs = fakeFs({
      "/a/.hullrc.yaml": "buildContexts:\n  templates: ./templates\n  alpine: docker-image://alpine:3.20\n",
      "/b/.hullrc.yaml": "buildContexts: [templates]\n",
    });
    expect(loadConfig("/a", fs).settings.buildContexts).toEqual({
      templates: "./templates",
      alpine: "docker-image://alpine:3.20",
    });
    expect(loadConfig("/none", fs).settings.buildContexts).toEqual({});
    expect(errorOf(() => loadConfig("/b", fs))).toMatch(/buildContexts: expected .*object/);
  });

  it("reads resolve and imageConfigs, with files relative to the config file", () => {
    const fs = fakeFs({
      "/a/.hullrc.yaml":
        "resolve: true\nimageConfigs:\n  node:22: configs/node.json\n  alpine: /abs/alpine.json\n",
      "/b/.hullrc.yaml": "resolve: yes please\nimageConfigs: [a.json]\n",
    });
    expect(loadConfig("/a/sub", fs)).toMatchObject({
      resolve: true,
      imageConfigs: { "node:22": "/a/configs/node.json", alpine: "/abs/alpine.json" },
    });
    expect(loadConfig("/none", fs)).toMatchObject({ resolve: false, imageConfigs: {} });
    expect(errorOf(() => loadConfig("/b", fs))).toMatch(
      /imageConfigs: expected .*object.*\n.*resolve: expected .*boolean/s,
    );
  });

  it("names the file, the key path and what was expected", () => {
    const fs = fakeFs({
      "/x/.hullrc.yaml":
        "rules:\n  maintainer-deprecatd: error\n  DL4000: fatal\nfailureThreshold: 3\nprest: all\n",
      "/y/.hullrc.json": '{\n  "rules": {},\n  nope\n}\n',
      "/z/.hullrc.yml": "rules: [\n",
      "/w/package.json": '{"hull":{"preset":"none"}}',
    });
    expect(errorOf(() => loadConfig("/x", fs))).toBe(
      [
        "/x/.hullrc.yaml: invalid config:",
        '  failureThreshold: expected one of "error", "warning", "info", "style", "none", got 3',
        "  prest: unknown key 'prest'; did you mean 'preset'?",
        '  rules.DL4000: expected "off", a severity (error, warning, info, style) or [severity, options], got "fatal"',
        "  rules.maintainer-deprecatd: unknown rule 'maintainer-deprecatd'; did you mean 'maintainer-deprecated'?",
      ].join("\n"),
    );
    // JSON.parse names an offset; the message names its line and column, as for YAML.
    expect(errorOf(() => loadConfig("/y", fs))).toMatch(
      /^\/y\/\.hullrc\.json: not valid JSON: line 3, column 3: [A-Z][^\n]*[a-z]$/,
    );
    expect(errorOf(() => loadConfig("/z", fs))).toMatch(
      /^\/z\/\.hullrc\.yml: not valid YAML: line \d+, column \d+: /,
    );
    expect(errorOf(() => loadConfig("/w", fs))).toBe(
      '/w/package.json (key "hull"): invalid config:\n  preset: expected one of "recommended", "all", "security", got "none"',
    );
    expect(errorOf(() => loadConfigFile("/missing/.hullrc.yaml", fs))).toMatch(
      /cannot read the config file: ENOENT/,
    );
  });

  it("publishes every rule id and alias in the schema", () => {
    const schema = buildConfigSchema(rules) as {
      properties: { rules: { properties: Record<string, unknown> } };
    };
    const keys = Object.keys(schema.properties.rules.properties);
    for (const rule of rules) expect(keys).toContain(rule.id);
    expect(keys).toContain("DL4000");
    expect(keys).toContain("MaintainerDeprecated");
    expect(validateConfig({ rules: { "syntax-error": ["error"] } }, rules)).toEqual([]);
  });

  it("accepts a rule group with a severity, not with options", () => {
    expect(validateConfig({ rules: { "cache-busting-order": "off" } }, rules)).toEqual([]);
    expect(validateConfig({ rules: { "cache-busting-order": ["info"] } }, rules)).toEqual([]);
    expect(validateConfig({ rules: { "cache-busting-order": ["info", {}] } }, rules)).not.toEqual([]);
  });
});

describe("an alias of several rules", () => {
  const rule = (id: string, options?: Record<string, { description: string; default: unknown }>) =>
    defineRule({
      id,
      title: "Say hello",
      severity: "warning",
      fixable: false,
      aliases: { trivy: "DS-9999" },
      docs: { rationale: "x", bad: [], good: [] },
      messages: {},
      ...(options ? { options } : {}),
      visitor: {},
    });
  const schemaOf = (registry: Rule[]) =>
    (
      buildConfigSchema(registry) as {
        properties: { rules: { properties: Record<string, { description: string }> } };
      }
    ).properties.rules.properties["DS-9999"]!;

  it("is described with every rule it sets", () => {
    expect(schemaOf([rule("hello-a"), rule("hello-b")]).description).toBe(
      "Alias of hello-a, hello-b (trivy).",
    );
  });

  it("takes options only where its rules take the same ones (each gets them)", () => {
    const same = [rule("hello-a"), rule("hello-b")];
    expect(validateConfig({ rules: { "DS-9999": ["info", {}] } }, same)).toEqual([]);
    const differ = [rule("hello-a"), rule("hello-b", { loud: { description: "Shout.", default: false } })];
    expect(validateConfig({ rules: { "DS-9999": "info" } }, differ)).toEqual([]);
    expect(validateConfig({ rules: { "DS-9999": ["info", { loud: true }] } }, differ)).not.toEqual([]);
    expect(validateConfig({ rules: { "hello-b": ["info", { loud: true }] } }, differ)).toEqual([]);
  });
});

describe(".hadolint.yaml", () => {
  it("maps ignored, override, trustedRegistries, failure-threshold, label-schema and strict-labels", () => {
    const fs = fakeFs({
      "/r/.hadolint.yaml": [
        "ignored: [DL4000, SC2086, DL3008]",
        "override:",
        "  error: [DL1000]",
        "  style: [DL1000]",
        "trustedRegistries: my.registry.io",
        "failure-threshold: ignore",
        "label-schema:",
        "  author: text",
        "strict-labels: true",
        "no-color: true",
        "",
      ].join("\n"),
    });
    const config = loadConfig("/r/sub", fs);
    expect(config).toMatchObject({
      kind: "hadolint",
      path: "/r/.hadolint.yaml",
      rules: { DL4000: "off", DL1000: "error" },
      failureThreshold: "none",
      settings: {
        trustedRegistries: ["my.registry.io"],
        labelSchema: { author: "text" },
        strictLabels: true,
      },
      warnings: [],
    });
  });

  it("warns about unknown codes and keys, and rejects wrong types", () => {
    const fs = fakeFs({
      "/r/.hadolint.yaml": "ignored: [XX1]\nbogus: 1\n",
      "/s/.hadolint.yaml": "ignored: DL3008\n",
      "/t/.hadolint.yaml": "failure-threshold: loud\n",
    });
    expect(loadConfig("/r", fs).warnings).toEqual([
      "/r/.hadolint.yaml: unknown key 'bogus'; ignored",
      "/r/.hadolint.yaml: ignored: unknown rule code 'XX1'; ignored",
    ]);
    expect(errorOf(() => loadConfig("/s", fs))).toBe(
      '/s/.hadolint.yaml: invalid config:\n  ignored: expected a list of rule codes, got "DL3008"',
    );
    expect(errorOf(() => loadConfig("/t", fs))).toMatch(/failure-threshold: expected one of error, warning/);
  });
});

describe("config validation", () => {
  // validateConfig checks `rules` key by key (compiled whole, the published schema took half a second to compile);
  // it must find what the published schema finds.
  const documents: unknown[] = [
    {},
    null,
    [],
    "x",
    { rules: "x" },
    { rules: null },
    { rules: { "no-latest-tag": "error", DL3006: ["warning"], "cache-busting-order": "off" } },
    { rules: { "no-latest-tag": "errr" } },
    { rules: { "no-lates-tag": "error" } },
    { rules: { DL3006: ["warning", {}] } },
    { rules: { DL3006: ["warning", { x: 1 }] } },
    { rules: { DL3006: [] } },
    { rules: { DL3006: ["warning", {}, 3] } },
    { rules: { "cache-busting-order": ["warning", {}] } },
    {
      rules: {
        shellcheck: "off",
        SC2086: "warning",
        "shellcheck/SC2046": "error",
        SC99: "x",
        "shellcheck/SC1234": "bad",
      },
    },
    { rules: { "a/b": 1, "x~y": "error", "": "off" } },
    { rules: { hasOwnProperty: "error", constructor: "off", toString: "warning" } },
    JSON.parse('{"rules": {"__proto__": "error"}}'),
    { preset: "most", rules: { "no-latest-tag": "nope", unknown: 1 }, foo: 1, failureThreshold: "x" },
    {
      ignorePaths: "x",
      trustedRegistries: [1],
      labelSchema: { a: "bad" },
      strictLabels: "yes",
      resolve: 1,
      imageConfigs: { a: 1 },
      shellcheck: { path: 1, other: 2 },
    },
  ];
  // As ajv is used with its defaults, the published schema is also checked against JSON Schema's meta-schema.
  const whole = new (ajvLibrary().Ajv)({ allErrors: true, strict: false, verbose: true }).compile(
    buildConfigSchema(rules),
  );

  for (const [i, document] of documents.entries()) {
    it(`finds what the published schema finds in ${JSON.stringify(document)} (${i})`, () => {
      const expected = whole(document) ? [] : configProblems(whole.errors ?? [], rules);
      expect(validateConfig(document, rules)).toEqual(expected);
    });
  }

  it("accepts only the valid ones of those documents", () => {
    expect(documents.filter((document) => validateConfig(document, rules).length === 0)).toEqual([
      {},
      { rules: { "no-latest-tag": "error", DL3006: ["warning"], "cache-busting-order": "off" } },
      { rules: { DL3006: ["warning", {}] } },
    ]);
  });
});
