// Writes docs/rules/<id>.md, docs/rules/README.md and schema/config.json from the rules' metadata.
// Run from the repository root: pnpm gen-docs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format as prettierFormat, resolveConfig } from "prettier";
import { buildConfigSchema } from "../src/config/schema.js";
import { aliasList, type DocExample, type OptionSchema, type Rule } from "../src/rule.js";
import { rules } from "../src/rules/index.js";
import { exampleCase, runRule } from "../src/testing/run-rule.js";

/** The command that regenerates everything; quoted in the header of every generated file and in test failures. */
export const regenerateCommand = "pnpm gen-docs";

/** The repository root, two levels above this package. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const header = `<!-- Generated from the rule's metadata by packages/linter/scripts/gen-docs.ts. Do not edit: run \`${regenerateCommand}\`. -->`;

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

function hadolintLink(code: string): string {
  return code === "DL1000" ? code : `[${code}](https://github.com/hadolint/hadolint/wiki/${code})`;
}

function buildkitLink(name: string): string {
  return `[${name}](https://docs.docker.com/go/dockerfile/rule/${kebab(name)}/)`;
}

/** Links to the scanners' pages for their ids. */
const scannerLinks = {
  trivy: (id: string) => `[${id}](https://avd.aquasec.com/misconfig/${id.toLowerCase()})`,
  checkov: (id: string) => `[${id}](https://www.checkov.io/5.Policy%20Index/dockerfile.html)`,
  kics: (id: string) => `[${id}](https://docs.kics.io/latest/queries/dockerfile-queries/${id}/)`,
  semgrep: (id: string) => `[${id}](https://semgrep.dev/r?q=${id})`,
} as const;

const scannerNames = { trivy: "Trivy", checkov: "Checkov", kics: "KICS", semgrep: "Semgrep" } as const;

function scannerAliases(rule: Rule): { tool: keyof typeof scannerLinks; link: string }[] {
  return (Object.keys(scannerLinks) as (keyof typeof scannerLinks)[]).flatMap((tool) =>
    aliasList(rule, tool).map((id) => ({ tool, link: scannerLinks[tool](id) })),
  );
}

function code(example: string | DocExample): string {
  return (typeof example === "string" ? example : example.code).replace(/\n$/, "");
}

function exampleBlock(example: string | DocExample): string {
  const parts: string[] = [];
  if (typeof example !== "string") {
    if (example.description) parts.push(example.description, "");
    if (example.dockerignore !== undefined) {
      parts.push(
        "With this `.dockerignore`:",
        "",
        "```text",
        example.dockerignore.replace(/\n$/, ""),
        "```",
        "",
      );
    }
    if (example.imageConfigs)
      parts.push(
        "With these base image configs, by reference (`--image-config REF=FILE`, or read by `--resolve`):",
        "",
        "```json",
        JSON.stringify(example.imageConfigs),
        "```",
        "",
      );
    if (example.options) parts.push(`With options \`${JSON.stringify(example.options)}\`:`, "");
    if (example.settings) parts.push(`With settings \`${JSON.stringify(example.settings)}\`:`, "");
  }
  parts.push("```dockerfile", code(example), "```");
  return parts.join("\n");
}

/** The output of the rule on its first bad example, in the compact format. */
function output(rule: Rule): string {
  const first = rule.docs.bad[0];
  if (first === undefined) return "This rule has no bad example.";
  const lines = runRule(rule, exampleCase(first))
    .filter((d) => d.ruleId === rule.id)
    .map(
      (d) =>
        `Dockerfile:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.ruleId} ${d.message}`,
    );
  return ["```text", ...lines, "```"].join("\n");
}

function optionsSection(rule: Rule): string {
  const entries = Object.entries((rule.options ?? {}) as Record<string, OptionSchema>);
  if (entries.length === 0) return "This rule has no options.";
  const rows = entries.map(
    ([name, schema]) =>
      `| \`${name}\` | ${schema.type ?? "any"} | \`${JSON.stringify(schema.default)}\` | ${schema.description} |`,
  );
  const example = `\`\`\`yaml\nrules:\n  ${rule.id}: [${rule.severity}, { ${entries.map(([n, s]) => `${n}: ${JSON.stringify(s.default)}`).join(", ")} }]\n\`\`\``;
  return ["| Option | Type | Default | Description |", "|---|---|---|---|", ...rows, "", example].join("\n");
}

function seeAlso(rule: Rule): string {
  const items = [
    ...aliasList(rule, "hadolint").map((c) => `- hadolint ${hadolintLink(c)}`),
    ...aliasList(rule, "buildkit").map((n) => `- BuildKit build check ${buildkitLink(n)}`),
    ...scannerAliases(rule).map((a) => `- ${scannerNames[a.tool]} ${a.link}`),
    ...(rule.docs.seeAlso ?? []).map((ref: string) =>
      /^https?:/.test(ref) ? `- <${ref}>` : `- [${ref}](${ref}.md)`,
    ),
  ];
  return items.length ? items.join("\n") : "Nothing related.";
}

/** What the docs say about a rule's fixes: their level and the flags that apply them. */
function fixableText(rule: Rule): string {
  if (rule.fixable === "safe") return "yes, a safe fix (`hull lint --fix`)";
  if (rule.fixable === "unsafe")
    return "yes, an unsafe fix: it can change the image (`hull lint --fix --unsafe-fixes`)";
  return "no";
}

/** The markdown page of one rule. */
export function rulePage(rule: Rule): string {
  const aliases = [
    ...aliasList(rule, "hadolint").map(hadolintLink),
    ...aliasList(rule, "buildkit").map(buildkitLink),
  ];
  const facts = [
    `**Default severity:** ${rule.severity}`,
    `**In the recommended preset:** ${rule.recommended === false ? "no" : "yes"}`,
    `**Fixable:** ${fixableText(rule)}`,
    ...(aliases.length ? [`**Also known as:** ${aliases.join(", ")}`] : []),
    ...(rule.security
      ? [`**Security rule:** yes, ${rule.security} severity (in the \`security\` preset)`]
      : []),
    ...(scannerAliases(rule).length
      ? [
          `**Scanners:** ${scannerAliases(rule)
            .map((a) => `${scannerNames[a.tool]} ${a.link}`)
            .join(", ")}`,
        ]
      : []),
    ...(rule.group === undefined
      ? []
      : [`**Group:** \`${rule.group}\` (a config or ignore comment may name the group)`]),
  ];
  return [
    header,
    "",
    `# ${rule.id}`,
    "",
    `${rule.title}.`,
    "",
    facts.join("  \n"),
    "",
    "## Output",
    "",
    output(rule),
    "",
    "## Why",
    "",
    rule.docs.rationale,
    "",
    ...(rule.docs.limitations === undefined ? [] : ["## Known limitations", "", rule.docs.limitations, ""]),
    ...hadolintDifferences(rule),
    "## Examples",
    "",
    "### ❌ Bad",
    "",
    rule.docs.bad.map(exampleBlock).join("\n\n"),
    "",
    "### ✅ Good",
    "",
    rule.docs.good.map(exampleBlock).join("\n\n"),
    "",
    "## Options",
    "",
    optionsSection(rule),
    "",
    "## See also",
    "",
    seeAlso(rule),
    "",
  ].join("\n");
}

/** The "Differences from hadolint" section: what the rule reports unlike its hadolint alias, and why. */
function hadolintDifferences(rule: Rule): string[] {
  const text = rule.docs.hadolintDifferences;
  if (text === undefined) return [];
  const codes = [rule.aliases?.hadolint ?? []].flat().join(", ");
  return ["## Differences from hadolint", "", `Compared with hadolint's ${codes}: ${text}`, ""];
}

/** The index of every rule. */
export function indexPage(registry: readonly Rule[]): string {
  const rows = [...registry]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(
      (r) =>
        `| [${r.id}](${r.id}.md) | ${r.title} | ${r.severity}${r.recommended === false ? " (off)" : ""} | ${r.fixable || ""} | ${aliasList(r, "hadolint").join(", ")} | ${aliasList(r, "buildkit").join(", ")} |`,
    );
  return [
    header.replace("the rule's metadata", "the rules' metadata"),
    "",
    "# Rules",
    "",
    `hull has ${registry.length} rules. Severity is the default; "(off)" marks rules outside the recommended preset. ` +
      "A `safe` fix cannot change what the build produces and `hull lint --fix` applies it; an `unsafe` one can, and needs `--unsafe-fixes` too.",
    "",
    "| Rule | Title | Severity | Fixable | hadolint | BuildKit |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

/** Every generated file, as repository-relative path → content. */
export async function generateDocs(registry: readonly Rule[] = rules): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rule of registry) files.set(`docs/rules/${rule.id}.md`, rulePage(rule));
  files.set("docs/rules/README.md", indexPage(registry));
  const schemaPath = "schema/config.json";
  const prettierOptions = (await resolveConfig(join(repoRoot, schemaPath))) ?? {};
  files.set(
    schemaPath,
    await prettierFormat(JSON.stringify(buildConfigSchema(registry)), { ...prettierOptions, parser: "json" }),
  );
  return files;
}

async function main(): Promise<void> {
  const files = await generateDocs();
  // Pages of rules that no longer exist are removed, so the folder always mirrors the registry.
  const rulesDir = join(repoRoot, "docs/rules");
  mkdirSync(rulesDir, { recursive: true });
  for (const name of readdirSync(rulesDir)) {
    if (name.endsWith(".md") && !files.has(`docs/rules/${name}`)) rmSync(join(rulesDir, name));
  }
  for (const [path, content] of files) {
    mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
    writeFileSync(join(repoRoot, path), content);
  }
  process.stdout.write(`wrote ${files.size} files\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
