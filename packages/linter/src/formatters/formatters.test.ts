import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../engine.js";
import { rules } from "../rules/index.js";
import { formatters } from "./index.js";
import type { FileResult } from "./types.js";

const at = (line: number, column: number, endLine: number, endColumn: number, offset = 0) => ({
  start: { offset, line, column },
  end: { offset: offset + 1, line: endLine, column: endColumn },
});

const diagnostic = (d: Omit<Diagnostic, "messageId"> & { messageId?: string }): Diagnostic => ({
  messageId: "m",
  ...d,
});

/** One shared fixture: a syntax error, every severity, a fix, a multi-line range and characters that need escaping. */
const results: FileResult[] = [
  {
    filePath: "Dockerfile",
    source: "FROM alpine:3.20\nCOPY\nMAINTAINER me\nENV A 1\n",
    diagnostics: [
      diagnostic({
        ruleId: "syntax-error",
        severity: "error",
        messageId: "argument-count",
        message: "COPY needs at least one source and a destination.",
        range: at(2, 1, 2, 5, 17),
      }),
      diagnostic({
        ruleId: "maintainer-deprecated",
        severity: "warning",
        message: "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.",
        range: at(3, 1, 3, 11, 22),
        fix: {
          edits: [{ range: at(3, 1, 3, 14, 22), text: 'LABEL org.opencontainers.image.authors="me"' }],
          level: "unsafe",
        },
      }),
      diagnostic({
        ruleId: "legacy-key-value-format",
        severity: "info",
        message: '"ENV key=value" should be used instead of the legacy "ENV key value" format.',
        range: at(4, 5, 4, 8, 40),
      }),
    ],
  },
  { filePath: "clean/Dockerfile", source: "FROM scratch\n", diagnostics: [] },
  {
    filePath: "services/web app/Containerfile",
    diagnostics: [
      diagnostic({
        ruleId: "unknown-ignore-id",
        severity: "style",
        message: "Unknown rule 'a,b: 100%' <x> & \"y\"\nsecond line",
        range: at(1, 3, 2, 4),
      }),
    ],
  },
];

// Only the fixture's rules, so that adding a rule to the registry does not change the snapshots.
const fixtureRules = rules.filter((r) =>
  ["syntax-error", "maintainer-deprecated", "legacy-key-value-format", "unknown-ignore-id"].includes(r.id),
);
const context = { color: false, rules: fixtureRules, version: "0.1.0" };

describe("formatters", () => {
  for (const [name, format] of Object.entries(formatters)) {
    it(name, async () => {
      await expect(format(results, context)).toMatchFileSnapshot(`__snapshots__/${name}.snap`);
    });
  }

  it("stylish uses colour only when asked", () => {
    expect(formatters.stylish(results, context)).not.toContain("\u001b[");
    expect(formatters.stylish(results, { ...context, color: true })).toContain("\u001b[31m");
  });

  it("say nothing (or an empty list) when there is nothing to say", () => {
    const empty = [{ filePath: "Dockerfile", diagnostics: [] }];
    expect(formatters.stylish(empty, context)).toBe("");
    expect(formatters.compact(empty, context)).toBe("");
    expect(formatters.github(empty, context)).toBe("");
    expect(JSON.parse(formatters.gitlab(empty, context))).toEqual([]);
  });

  it("keeps fingerprints stable when lines move", () => {
    const moved: FileResult = {
      filePath: "Dockerfile",
      source: "# new line\n" + results[0]!.source!,
      diagnostics: results[0]!.diagnostics.map((d) => ({
        ...d,
        range: {
          start: { ...d.range.start, line: d.range.start.line + 1 },
          end: { ...d.range.end, line: d.range.end.line + 1 },
        },
      })),
    };
    const prints = (r: FileResult) =>
      (JSON.parse(formatters.sarif([r], context)).runs[0].results as { partialFingerprints: unknown }[]).map(
        (x) => x.partialFingerprints,
      );
    expect(prints(moved)).toEqual(prints(results[0]!));
  });
});

describe("sarif security rules", () => {
  const source = "FROM alpine:3.20\nRUN sudo apk add curl\n";
  const security: FileResult = {
    filePath: "Dockerfile",
    source,
    diagnostics: [
      {
        ruleId: "no-sudo",
        severity: "error",
        message: "Do not use sudo in a RUN; switch users with USER instead.",
        messageId: "sudo",
        range: {
          start: { offset: 21, line: 2, column: 5 },
          end: { offset: 25, line: 2, column: 9 },
        },
      },
      ...results[0]!.diagnostics.filter((d) => d.ruleId === "maintainer-deprecated"),
    ],
  };
  const log = JSON.parse(formatters.sarif([security], { ...context, rules })) as {
    runs: {
      tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } };
      results: { ruleId: string; properties?: Record<string, unknown> }[];
    }[];
  };
  const run = log.runs[0]!;

  it("tags security results and gives them a security-severity score", () => {
    expect(run.results.find((r) => r.ruleId === "no-sudo")?.properties).toEqual({
      tags: ["security"],
      "security-severity": "8.0",
    });
    const rule = run.tool.driver.rules.find((r) => r.id === "no-sudo")!;
    expect(rule.properties["security-severity"]).toBe("8.0");
    expect(rule.properties.tags).toContain("security");
  });

  it("leaves other results without them", () => {
    expect(run.results.find((r) => r.ruleId === "maintainer-deprecated")?.properties).toBeUndefined();
    const rule = run.tool.driver.rules.find((r) => r.id === "maintainer-deprecated")!;
    expect(rule.properties["security-severity"]).toBeUndefined();
  });
});

const schemaPath = fileURLToPath(
  new URL("../../../../../shared/schemas/sarif-schema-2.1.0.json", import.meta.url),
);
const haveSchema = existsSync(schemaPath);
if (!haveSchema)
  console.warn(
    `SARIF schema validation skipped: ${schemaPath} not found (it lives in ../shared, outside the repo).`,
  );

describe("sarif schema", () => {
  it.skipIf(!haveSchema)(
    "validates against the OASIS SARIF 2.1.0 schema (from ../shared/schemas)",
    async () => {
      // CommonJS modules: under NodeNext, `default` is module.exports, whose `default` is the export.
      const Ajv04 = (await import("ajv-draft-04")).default.default;
      const addFormats = (await import("ajv-formats")).default.default;
      const ajv = new Ajv04({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
      const log = JSON.parse(formatters.sarif(results, context)) as unknown;
      expect(validate(log) ? [] : validate.errors).toEqual([]);
    },
  );
});
