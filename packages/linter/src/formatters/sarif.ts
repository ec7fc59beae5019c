import { ruleDocsUrl } from "../docs-url.js";
import { aliasList, type DocExample, type Rule, type SecuritySeverity, type Severity } from "../rule.js";
import { lineHashes } from "./fingerprint.js";
import type { Formatter } from "./types.js";

const levels: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
  style: "note",
};

/** A relative path as a URI reference: `/` separators, each segment percent-encoded. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/** GitHub code scanning's scores: critical above 9.0, high 7.0–8.9, medium 4.0–6.9, low below 4.0. */
const securityScores: Record<SecuritySeverity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

/** The SARIF properties of a security rule (`security-severity` and the `security` tag), or none. */
function securityProperties(rule: Rule | undefined): { tags: string[]; "security-severity": string } | null {
  if (!rule?.security) return null;
  return { tags: ["security"], "security-severity": securityScores[rule.security] };
}

function exampleCode(example: string | DocExample): string {
  return typeof example === "string" ? example : example.code;
}

function describeRule(rule: Rule) {
  const fence = (code: string) => `\`\`\`dockerfile\n${code.replace(/\n$/, "")}\n\`\`\``;
  const markdown = [
    rule.docs.rationale,
    ...(rule.docs.bad.length
      ? ["", "Bad:", "", ...rule.docs.bad.map((e: string | DocExample) => fence(exampleCode(e)))]
      : []),
    ...(rule.docs.good.length
      ? ["", "Good:", "", ...rule.docs.good.map((e: string | DocExample) => fence(exampleCode(e)))]
      : []),
    "",
    `[Documentation](${ruleDocsUrl(rule.id)})`,
  ].join("\n");
  const security = securityProperties(rule);
  const tags = [
    "dockerfile",
    ...(security ? security.tags : []),
    ...aliasList(rule, "hadolint"),
    ...aliasList(rule, "buildkit"),
  ];
  return {
    id: rule.id,
    // SARIF wants `name` to differ from the opaque `id`: the readable PascalCase form, as BuildKit names checks.
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.docs.rationale },
    help: { text: `${rule.docs.rationale}\n\nDocumentation: ${ruleDocsUrl(rule.id)}`, markdown },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: levels[rule.severity], enabled: rule.recommended !== false },
    properties: {
      tags,
      precision: "very-high",
      ...(security ? { "security-severity": security["security-severity"] } : {}),
    },
  };
}

/** SARIF 2.1.0 for GitHub code scanning: every rule's metadata, relative URIs, stable line-hash fingerprints. */
export const sarif: Formatter = (results, { rules, version, notifications }) => {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const sarifResults = results.flatMap((file) => {
    const hashes = lineHashes(file);
    return file.diagnostics.map((d, i) => {
      const index = ruleIndex.get(d.ruleId);
      const security = securityProperties(byId.get(d.ruleId));
      return {
        ruleId: d.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: levels[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(file.filePath), uriBaseId: "%SRCROOT%" },
              region: {
                startLine: d.range.start.line,
                startColumn: d.range.start.column,
                endLine: d.range.end.line,
                endColumn: d.range.end.column,
              },
            },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: hashes[i]! },
        ...(security ? { properties: security } : {}),
      };
    });
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "hull",
            version,
            semanticVersion: version,
            informationUri: "https://github.com/hull-dev/hull",
            rules: rules.map(describeRule),
          },
        },
        ...(notifications === undefined
          ? {}
          : {
              // Files that could not be read were not analysed: say so, so that no finding there is no all-clear.
              invocations: [
                {
                  executionSuccessful: notifications.length === 0,
                  toolExecutionNotifications: notifications.map((text) => ({
                    level: "error",
                    message: { text },
                  })),
                },
              ],
            }),
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
