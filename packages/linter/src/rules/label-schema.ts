import { expandWord, type Stage } from "@hull/parser";
import { defineRule, type HadolintCode } from "../rule.js";
import { validators, type LabelType } from "./label-schema-utils/validate.js";

/** Each checked type as the message names it, and hadolint's code for a value not of that type. */
const types: Readonly<Record<Exclude<LabelType, "text">, { name: string; hadolint: HadolintCode }>> = {
  url: { name: "an absolute URL", hadolint: "DL3052" },
  semver: { name: "a semantic version (e.g. 1.4.2)", hadolint: "DL3056" },
  hash: { name: "a git commit hash in lowercase hex", hadolint: "DL3055" },
  rfc3339: { name: "an RFC 3339 date-time (e.g. 2024-05-01T12:30:00Z)", hadolint: "DL3053" },
  spdx: { name: "an SPDX license identifier or expression (e.g. Apache-2.0)", hadolint: "DL3054" },
  email: { name: "an email address (e.g. ops@example.com)", hadolint: "DL3058" },
};

export default defineRule({
  id: "label-schema",
  title: "Give images the labels of the configured label schema",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: ["DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"],
  },
  docs: {
    rationale:
      "Labels are how registries, scanners and deployment tools find out where an image comes from, who owns it and under which license it ships. " +
      "This rule checks the labels against the `labelSchema` setting (hadolint's `label-schema`), a map from label key to type: `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`. " +
      "Every stage that can end up as an image must set each label, itself or through the stage it builds on; stages that other stages only build on or copy from are exempt.",
    limitations:
      "A schema label must not be empty and its value must have the declared type; values that depend on a build argument are only known at build time and are not type-checked. " +
      "With `strictLabels`, labels outside the schema are reported too. " +
      "Without a `labelSchema` the rule does nothing.",
    bad: [
      {
        code: `FROM alpine:3.20
LABEL org.opencontainers.image.version="v1.2"
`,
        settings: {
          labelSchema: {
            "org.opencontainers.image.version": "semver",
            "org.opencontainers.image.source": "url",
          },
        },
      },
    ],
    good: [
      {
        code: `FROM alpine:3.20
LABEL org.opencontainers.image.version="1.2.0" \\
      org.opencontainers.image.source="https://github.com/example/app"
`,
        settings: {
          labelSchema: {
            "org.opencontainers.image.version": "semver",
            "org.opencontainers.image.source": "url",
          },
        },
      },
    ],
  },
  messages: {
    missing: (labels: string) =>
      `This stage does not set the label${labels.includes(",") ? "s" : ""} ${labels} required by the label schema.`,
    extra: (key: string) => `Label '${key}' is not in the label schema.`,
    empty: (key: string) => `Label '${key}' is empty.`,
    wrongType: (key: string, value: string, expected: string) =>
      `Label '${key}' is '${value}', which is not ${expected}.`,
  },
  state: (ctx) => {
    const schema = ctx.settings.labelSchema;
    return {
      schema,
      required: Object.keys(schema),
      options: { escape: ctx.ast.escapeChar },
      // Label keys each stage sets (ONBUILD triggers excluded: they only apply to images built from this one).
      keysByStage: new Map<Stage, Set<string>>(),
    };
  },
  visitor: {
    Label(node, ctx) {
      const { schema, required, options, keysByStage } = ctx.state;
      if (required.length === 0 && !ctx.settings.strictLabels) return;
      const stage = ctx.currentStage();
      const trigger = ctx.isTrigger(node);
      for (const pair of node.pairs) {
        const keyResult = expandWord(pair.key.value, new Map(), options);
        if (keyResult.error !== null || keyResult.missing.length > 0) continue;
        const key = keyResult.value;
        if (stage && !trigger) {
          let keys = keysByStage.get(stage);
          if (!keys) keysByStage.set(stage, (keys = new Set()));
          keys.add(key);
        }
        if (!Object.hasOwn(schema, key)) {
          if (ctx.settings.strictLabels) ctx.report({ at: pair.key, hadolint: "DL3050" }, "extra", key);
          continue;
        }
        const result = expandWord(pair.value.value, new Map(), options);
        if (result.error !== null || result.missing.length > 0) continue;
        const value = result.value;
        if (value === "") {
          ctx.report(
            {
              at: pair.value.range.end.offset > pair.value.range.start.offset ? pair.value : pair.key,
              hadolint: "DL3051",
            },
            "empty",
            key,
          );
          continue;
        }
        const type = schema[key] as LabelType;
        const valid = Object.hasOwn(validators, type) ? validators[type as keyof typeof validators] : null;
        if (valid && !valid(value)) {
          const expected = types[type as keyof typeof types];
          ctx.report({ at: pair.value, hadolint: expected.hadolint }, "wrongType", key, value, expected.name);
        }
      }
    },
    "Dockerfile:exit"(ast, ctx) {
      const { required, keysByStage } = ctx.state;
      if (required.length === 0) return;
      // One test per key, so that the model answers each stage's chain once per key.
      const setsKey = new Map(
        required.map((key) => [key, (s: Stage) => keysByStage.get(s)?.has(key) === true]),
      );
      for (const stage of ast.stages) {
        if (ctx.semantic.isUsed(stage)) continue;
        const missing = required.filter((key) => {
          const test = setsKey.get(key)!;
          return !test(stage) && !ctx.semantic.someBase(stage, test);
        });
        if (missing.length > 0)
          ctx.report(
            { at: stage.from.keyword, hadolint: "DL3049" },
            "missing",
            missing.map((k) => `'${k}'`).join(", "),
          );
      }
    },
  },
});
