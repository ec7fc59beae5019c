import {
  collectIgnoreDirectives,
  resolveRules,
  ruleDocsUrl,
  ruleIndexOf,
  shellcheckPrefix,
  aliasList,
  type IgnoreEntry,
  type Rule,
} from "@hull/linter";
import { instructionTypes, predefinedArgDocs, walk, type Instruction, type KnownKeyword } from "@hull/parser";
import type { FeatureConfig } from "../config.js";
import type { Document } from "../documents.js";
import { variablesAt } from "../scope.js";
import { variableAt } from "./variables.js";
import type { LspPosition, LspRange } from "../types.js";
import { directiveDocs, instructionDocs, referenceUrl } from "./instruction-docs.js";

/** Hover content: markdown, and the range of the word it is about. */
export interface HoverData {
  contents: string;
  range: LspRange;
}

/**
 * Hover on an instruction keyword (what it does), on a rule name in an ignore comment or `check=skip` directive
 * (the rule's title and rationale), on a parser directive's name, and on a `$VARIABLE` (where it is defined).
 */
export function computeHover(
  document: Document,
  position: LspPosition,
  config: FeatureConfig,
): HoverData | null {
  const offset = document.lines.offsetAt(position);
  return (
    ignoreHover(document, offset, config) ??
    directiveHover(document, offset) ??
    keywordHover(document, offset) ??
    variableHover(document, offset)
  );
}

const within = (range: { start: { offset: number }; end: { offset: number } }, offset: number) =>
  range.start.offset <= offset && offset <= range.end.offset;

function ignoreHover(document: Document, offset: number, config: FeatureConfig): HoverData | null {
  const { ast } = document.parsed;
  const comment = ast.comments.find((c) => within(c.range, offset));
  const directive = ast.directives.find((d) => within(d.range, offset));
  if (!comment && !directive) return null;
  const index = ruleIndexOf(config.registry);
  const found = collectIgnoreDirectives(comment ? [comment] : [], directive ? [directive] : [], index);
  const entry = found.flatMap((d) => d.entries).find((e) => within(e.range, offset));
  if (!entry) return null;
  return {
    contents: ignoreEntryText(entry, config),
    range: document.lines.rangeOf(entry.range.start.offset, entry.range.end.offset),
  };
}

function ignoreEntryText(entry: IgnoreEntry, config: FeatureConfig): string {
  if (entry.ruleIds.length === 0) {
    if (entry.foreign)
      return `\`${entry.name}\` has no hull rule, so ignoring it here has no effect in hull.`;
    const hint = entry.suggestion ? ` Did you mean \`${entry.suggestion}\`?` : "";
    return `Unknown rule \`${entry.name}\`.${hint}`;
  }
  if (entry.ruleIds.every((id) => id.startsWith(shellcheckPrefix)))
    return `\`${entry.name}\` is a ShellCheck code: it silences ShellCheck's finding \`${entry.ruleIds[0]}\`, which hull reports when ShellCheck is installed.`;
  const enabled = new Map(
    resolveRules(config.registry, config.loaded.preset, config.loaded.rules).map((e) => [
      e.rule.id,
      e.severity,
    ]),
  );
  const index = ruleIndexOf(config.registry);
  return entry.ruleIds
    .map((id) => index.byId(id))
    .filter((r): r is Rule => r !== undefined)
    .map((rule) => ruleText(rule, enabled.get(rule.id)))
    .join("\n\n---\n\n");
}

/** A rule's hover text: title, id, severity here, rationale, aliases and the docs link. */
export function ruleText(rule: Rule, severity: string | undefined): string {
  const aliases = [...aliasList(rule, "hadolint"), ...aliasList(rule, "buildkit")];
  const facts = [
    `\`${rule.id}\``,
    severity === undefined ? "off in this config" : severity,
    ...(rule.fixable ? [`auto-fixable (${rule.fixable})`] : []),
    ...(aliases.length > 0 ? [`also ${aliases.map((a) => `\`${a}\``).join(", ")}`] : []),
  ];
  return `**${rule.title}**\n\n${facts.join(" · ")}\n\n${rule.docs.rationale}\n\n[Documentation](${ruleDocsUrl(rule.id)})`;
}

function directiveHover(document: Document, offset: number): HoverData | null {
  const directive = document.parsed.ast.directives.find((d) => within(d.nameRange, offset));
  const text = directive && directiveDocs[directive.name];
  if (!directive || !text) return null;
  return {
    contents: text,
    range: document.lines.rangeOf(directive.nameRange.start.offset, directive.nameRange.end.offset),
  };
}

function keywordHover(document: Document, offset: number): HoverData | null {
  // Every instruction, ONBUILD triggers included: the keyword under the cursor is in at most one of them.
  const hits: Instruction[] = [];
  walk(document.parsed.ast, {
    enter(node) {
      switch (node.type) {
        case "Dockerfile":
        case "Stage":
        case "Comment":
        case "Directive":
          return;
        default:
          if (within(node.keyword.range, offset)) hits.push(node);
      }
    },
  });
  const keywordNode = hits[0]?.keyword;
  if (!keywordNode || !(keywordNode.name in instructionTypes)) return null;
  const keyword = keywordNode.name as KnownKeyword;
  return {
    contents: `**${keyword}**\n\n${instructionDocs[keyword]}\n\n[Dockerfile reference](${referenceUrl(keyword)})`,
    range: document.lines.rangeOf(keywordNode.range.start.offset, keywordNode.range.end.offset),
  };
}

function variableHover(document: Document, offset: number): HoverData | null {
  const reference = variableAt(document, offset);
  if (!reference) return null;
  const { name } = reference;
  const range = document.lines.rangeOf(reference.start, reference.end);
  const definition = variablesAt(document.semantic, reference.start).get(name);
  const builtin = predefinedArgDocs[name];
  if (!definition) {
    return {
      contents: `\`${name}\` is not defined by an ARG or ENV in scope here; it may come from the base image's environment.`,
      range,
    };
  }
  if (definition.kind === "predefined") {
    return { contents: `\`${name}\`: predefined by BuildKit. ${builtin ?? ""}`.trim(), range };
  }
  const at = definition.declaration?.range.start.offset;
  const where = at === undefined ? "" : ` (line ${document.lines.positionAt(at).line + 1})`;
  const lines = [`**${definition.kind}** \`${name}\`${where}`];
  if (definition.raw === null) {
    lines.push(builtin ? `Predefined by BuildKit. ${builtin}` : "No default: set with `--build-arg`.");
  } else if (definition.value !== null && definition.value !== definition.raw) {
    lines.push(`Value: \`${definition.raw}\` → \`${definition.value}\``);
  } else {
    lines.push(`Value: \`${definition.raw}\``);
  }
  return { contents: lines.join("\n\n"), range };
}
