import { Option } from "commander";
import {
  aliasList,
  aliasTools,
  buildConfigSchema,
  ruleDocsUrl,
  ruleIndexOf,
  rules as registry,
  type DocExample,
  type OptionSchema,
  type Rule,
} from "@hull/linter";
import type { Register } from "../main.js";
import type { Io } from "../io.js";

interface RulesFlags {
  format: "text" | "json";
  schema?: boolean;
}

/** The plain-data summary of a rule (what `hull rules --format json` prints). */
function summary(rule: Rule) {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    recommended: rule.recommended !== false,
    fixable: rule.fixable,
    aliases: Object.fromEntries(aliasTools.map((tool) => [tool, aliasList(rule, tool)])),
    security: rule.security ?? null,
    docs: ruleDocsUrl(rule.id),
  };
}

function details(rule: Rule) {
  const example = (e: string | DocExample) => (typeof e === "string" ? { code: e } : e);
  return {
    ...summary(rule),
    rationale: rule.docs.rationale,
    bad: rule.docs.bad.map(example),
    good: rule.docs.good.map(example),
    seeAlso: rule.docs.seeAlso ?? [],
    options: rule.options ?? {},
    messages: Object.keys(rule.messages),
  };
}

/** hadolint and BuildKit names only: the scanners' ids (KICS UUIDs) would swamp the table; JSON has them all. */
function aliasText(rule: Rule): string {
  return [...aliasList(rule, "hadolint"), ...aliasList(rule, "buildkit")].join(", ");
}

function listText(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((r) => [
      r.id,
      r.recommended === false ? `${r.severity} (off)` : r.severity,
      r.fixable === "safe" ? "fix" : r.fixable === "unsafe" ? "fix!" : "",
      aliasText(r),
      r.title,
    ]);
  const header = ["RULE", "SEVERITY", "", "ALIASES", "TITLE"];
  const width = [0, 1, 2, 3].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 4 ? c.padEnd(width[i]!) : c))
      .join("  ")
      .trimEnd();
  return [
    line(header),
    ...rows.map(line),
    "",
    `${rules.length} rules. fix: \`hull lint --fix\` fixes it; fix!: only with --unsafe-fixes (it can change the image).`,
    "`hull rules ID` explains one.",
    "",
  ].join("\n");
}

function indent(text: string): string {
  return text
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

function explainText(rule: Rule): string {
  const out = [
    `${rule.id}: ${rule.title}`,
    "",
    `  Default severity: ${rule.severity}${rule.recommended === false ? " (not in the recommended preset)" : ""}`,
    `  Fixable: ${rule.fixable === "safe" ? "safe (hull lint --fix)" : rule.fixable === "unsafe" ? "unsafe, can change the image (hull lint --fix --unsafe-fixes)" : "no"}`,
  ];
  if (aliasText(rule)) out.push(`  Also known as: ${aliasText(rule)}`);
  out.push(`  Docs: ${ruleDocsUrl(rule.id)}`, "", rule.docs.rationale, "");
  const examples = (title: string, list: readonly (string | DocExample)[]) => {
    for (const e of list) {
      const code = typeof e === "string" ? e : e.code;
      out.push(`  ${title}:`, indent(code), "");
    }
  };
  examples("Bad", rule.docs.bad);
  examples("Good", rule.docs.good);
  const options = Object.entries((rule.options ?? {}) as Record<string, OptionSchema>);
  if (options.length) {
    out.push("  Options:");
    for (const [name, schema] of options) {
      out.push(`    ${name} (default ${JSON.stringify(schema.default)}): ${schema.description}`);
    }
    out.push("");
  }
  return out.join("\n");
}

function runRules(id: string | undefined, flags: RulesFlags, io: Io): number {
  if (flags.schema) {
    io.stdout(`${JSON.stringify(buildConfigSchema(registry), null, 2)}\n`);
    return 0;
  }
  if (id === undefined) {
    io.stdout(
      flags.format === "json" ? `${JSON.stringify(registry.map(summary), null, 2)}\n` : listText(registry),
    );
    return 0;
  }
  const index = ruleIndexOf(registry);
  const ids = index.resolve(id);
  if (ids.length === 0) {
    const suggestion = index.suggest(id);
    io.stderr(`hull rules: unknown rule '${id}'${suggestion ? `; did you mean '${suggestion}'?` : ""}\n`);
    return 2;
  }
  const found = ids.map((i) => index.byId(i)!);
  io.stdout(
    flags.format === "json"
      ? `${JSON.stringify(found.length === 1 ? details(found[0]!) : found.map(details), null, 2)}\n`
      : found.map(explainText).join("\n"),
  );
  return 0;
}

/** `hull rules [ID]`: lists every rule, or explains one (by id, hadolint code or BuildKit name). */
export const registerRules: Register = (program, io, setExit) => {
  program
    .command("rules")
    .description("list the lint rules, or explain one")
    .argument("[id]", "a rule id, hadolint code or BuildKit check name")
    .addOption(new Option("-f, --format <name>", "output format").choices(["text", "json"]).default("text"))
    .option("--schema", "print the JSON Schema of the config file")
    .action((id: string | undefined, flags: RulesFlags) => setExit(runRules(id, flags, io)));
};
