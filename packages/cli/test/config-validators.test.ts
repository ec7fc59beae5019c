import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { rules, validateConfig } from "@hull/linter";
import { describe, expect, it } from "vitest";

// The config validators scripts/config-validators.mjs compiles into the CLI's bundle from the rules, checked against
// those ajv compiles from the same rules at run time (what `validateConfig` does without them).
const file = fileURLToPath(new URL("../bundle/config-validators.cjs", import.meta.url));
const built = existsSync(file);
if (!built) console.warn("config validator tests skipped: run `node scripts/bundle.mjs` first");
type Precompiled = Parameters<typeof validateConfig>[2];

describe.skipIf(!built)("the config validators compiled into the bundle", () => {
  const precompiled = (built ? createRequire(import.meta.url)(file) : undefined) as Precompiled;

  const keys = [
    ...rules.slice(0, 8).map((r) => r.id),
    "no-latest-tag",
    "DL3008",
    "DL4006",
    "cache-busting-order",
    "shellcheck",
    "SC2086",
    "shellcheck/SC2046",
    "SC20",
    "shellcheck/",
    "no-lates-tag",
    "MultipleInstructionsDisallowed",
    "",
    "~/x",
  ];
  const settings: unknown[] = [
    "off",
    "error",
    "warning",
    "info",
    "style",
    "sometimes",
    "",
    1,
    true,
    null,
    [],
    ["error"],
    ["off", {}],
    ["warning", { x: 1 }],
    ["bogus", {}],
    ["error", {}, "extra"],
    [{}],
    {},
    { severity: "error" },
  ];
  const documents: unknown[] = [
    {},
    { preset: "all" },
    { preset: "most" },
    { failureThreshold: "none" },
    { failureThreshold: "never" },
    { ignorePaths: ["a/**", 3] },
    { trustedRegistries: "docker.io" },
    { labelSchema: { maintainer: "text", version: "semver", owner: "nobody" } },
    { strictLabels: "yes", resolve: 1 },
    { imageConfigs: { "node:22": "node.json", alpine: 3 } },
    { shellcheck: { path: 3, args: [] } },
    { foo: 1, prest: "all" },
    { rules: [] },
    { rules: "off" },
    { rules: null },
    [],
    "rules",
    null,
  ];
  const configs: unknown[] = [
    ...documents,
    ...keys.flatMap((key) => settings.map((setting) => ({ rules: { [key]: setting } }))),
    {
      preset: "security",
      rules: Object.fromEntries(keys.map((key, i) => [key, settings[i % settings.length]])),
    },
  ];

  it("find the same problems as the validators ajv compiles, for every key and setting tried", () => {
    expect(configs.length).toBeGreaterThan(300);
    let invalid = 0;
    for (const config of configs) {
      const problems = validateConfig(config, rules, precompiled);
      expect(problems, JSON.stringify(config)).toEqual(validateConfig(config, rules, undefined));
      if (problems.length > 0) invalid++;
    }
    // Both kinds were tried.
    expect(invalid).toBeGreaterThan(100);
    expect(configs.length - invalid).toBeGreaterThan(50);
  });

  it("serve only the rules they were compiled from", () => {
    // A registry without no-latest-tag: its id is unknown there, though the bundle's validators know it.
    const others = rules.filter((r) => r.id !== "no-latest-tag");
    const config = { rules: { "no-latest-tag": "off" } };
    expect(validateConfig(config, rules, precompiled)).toEqual([]);
    expect(validateConfig(config, others, precompiled)).toEqual([
      {
        path: "rules.no-latest-tag",
        message: expect.stringMatching(/^unknown rule 'no-latest-tag'/) as string,
      },
    ]);
  });
});
