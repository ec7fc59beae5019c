import { aliasList, type Rule } from "@hull/linter";
import { instructionFlags, instructionTypes, predefinedArgDocs, type KnownKeyword } from "@hull/parser";
import type { FeatureConfig } from "../config.js";
import type { Document } from "../documents.js";
import { variablesAt } from "../scope.js";
import type { LspPosition, LspRange } from "../types.js";
import { instructionDocs } from "./instruction-docs.js";

/** A completion in the protocol's shape; `range` is the text the item replaces (the word typed so far). */
export interface CompletionData {
  label: string;
  kind: "keyword" | "flag" | "value" | "stage" | "rule" | "variable";
  detail?: string;
  documentation?: string;
  /** Inserted instead of the label, e.g. `--from=` for the flag `--from`. */
  insertText?: string;
  range: LspRange;
}

/**
 * What each flag does, for the flags the parser's `instructionFlags` lists (BuildKit's instructions package):
 * names and value kinds come from there, a test checks that every one has a description here.
 */
export const flagDocs: Readonly<Partial<Record<KnownKeyword, Readonly<Record<string, string>>>>> = {
  FROM: { platform: "Platform of the base image, e.g. `linux/amd64` or `$BUILDPLATFORM`." },
  RUN: {
    mount: "Mount a cache, secret, ssh agent, tmpfs or bind source for this command.",
    network: "Network for this command: `default`, `none` or `host`.",
    security: "`insecure` runs the command with extended privileges; `sandbox` is the default.",
    device: "Make a CDI device available to this command.",
  },
  COPY: {
    from: "Copy from a stage, an image or a named context instead of the build context.",
    chown: "Owner of the copied files: `user:group`.",
    chmod: "Mode of the copied files, e.g. `755`.",
    link: "Copy into an independent layer, so that changes to earlier layers do not invalidate it.",
    parents: "Keep the parent directories of the sources.",
    exclude: "Leave out paths matching a pattern.",
  },
  ADD: {
    chown: "Owner of the added files: `user:group`.",
    chmod: "Mode of the added files, e.g. `755`.",
    link: "Add into an independent layer.",
    "keep-git-dir": "Keep the `.git` directory when adding a Git repository.",
    checksum: "Verify a remote file: `sha256:…`.",
    unpack: "Whether to unpack archives (the default for local archives).",
    exclude: "Leave out paths matching a pattern.",
  },
  HEALTHCHECK: {
    interval: "Time between checks (default 30s).",
    timeout: "Time after which a check fails (default 30s).",
    "start-period": "Grace period after start during which failures do not count.",
    "start-interval": "Time between checks during the start period.",
    retries: "Consecutive failures before the container is unhealthy (default 3).",
  },
};

/** Values offered after `--flag=`, per instruction and flag. */
const flagValues: Readonly<Record<string, readonly string[]>> = {
  "FROM platform": ["$BUILDPLATFORM", "$TARGETPLATFORM", "linux/amd64", "linux/arm64"],
  "RUN network": ["default", "none", "host"],
  "RUN security": ["sandbox", "insecure"],
  "RUN mount": [
    "type=cache,target=",
    "type=secret,id=",
    "type=ssh",
    "type=bind,source=",
    "type=tmpfs,target=",
  ],
};

/** Instructions BuildKit rejects as ONBUILD triggers. */
const notTriggers = new Set(["ONBUILD", "FROM", "MAINTAINER"]);

/**
 * Completions at a position: instruction keywords at the start of an instruction, flags after `--`, stage names
 * after `COPY --from=` and as a FROM image, variables after `$`, and rule names in ignore comments.
 */
export function computeCompletions(
  document: Document,
  position: LspPosition,
  config: FeatureConfig,
): CompletionData[] {
  const { lines } = document;
  const { ast } = document.parsed;
  const offset = lines.offsetAt(position);
  const lineStart = lines.lineStart(position.line);
  const before = document.text.slice(lineStart, offset);

  // Nothing to offer inside a heredoc body: it is a script or a file, not Dockerfile syntax.
  const inHeredoc = ast.instructions.some((i) =>
    i.heredocs.some((h) => h.bodyRange.start.offset <= lineStart && lineStart <= h.bodyRange.end.offset),
  );
  if (inHeredoc) return [];
  if (/^\s*#/.test(before)) return ignoreCompletions(document, offset, before, config.registry);

  // The instruction this line continues, if the previous line ended with the escape character.
  const continued = ast.instructions.find(
    (i) => i.range.start.offset < lineStart && lineStart <= i.range.end.offset,
  );
  const statementStart = continued ? continued.range.start.offset : lineStart;
  const statement = joinContinuations(document.text.slice(statementStart, offset), ast.escapeChar);
  const word = lastWord(statement);
  const range = lines.rangeOf(offset - word.length, offset);

  const variable = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(word);
  if (variable) {
    const prefix = variable[1] ?? "";
    const nameRange = lines.rangeOf(offset - prefix.length, offset);
    return [...variablesAt(document.semantic, offset).values()].map((d) => ({
      label: d.name,
      kind: "variable" as const,
      detail: d.kind === "predefined" ? "predefined ARG" : d.raw === null ? d.kind : `${d.kind} = ${d.raw}`,
      ...(d.kind === "predefined" && predefinedArgDocs[d.name]
        ? { documentation: predefinedArgDocs[d.name] }
        : {}),
      range: nameRange,
    }));
  }

  const words = statement.trimStart().split(/\s+/);
  // Skip an ONBUILD prefix: its trigger is completed like any instruction.
  let onbuild = false;
  if (words.length > 1 && words[0]!.toUpperCase() === "ONBUILD") {
    words.shift();
    onbuild = true;
  }
  if (words.length === 1) return keywordCompletions(document, word, range, onbuild);
  const keyword = words[0]!.toUpperCase() as KnownKeyword;
  const previous = words.slice(1, -1);
  const onlyFlagsBefore = previous.every((w) => w.startsWith("--"));

  if (word.startsWith("--") && onlyFlagsBefore) {
    const eq = word.indexOf("=");
    if (eq === -1) return flagCompletions(keyword, range);
    const flag = word.slice(2, eq);
    const valueRange = lines.rangeOf(offset - (word.length - eq - 1), offset);
    if (keyword === "COPY" && flag === "from") return stageCompletions(document, statementStart, valueRange);
    return (flagValues[`${keyword} ${flag}`] ?? []).map((v) => ({
      label: v,
      kind: "value",
      range: valueRange,
    }));
  }
  if (keyword === "FROM" && onlyFlagsBefore) return stageCompletions(document, statementStart, range);
  if (keyword === "FROM" && previous.filter((w) => !w.startsWith("--")).length === 1) {
    const upper = words[0] === "from";
    return [{ label: upper ? "as" : "AS", kind: "keyword", detail: "name this stage", range }];
  }
  return [];
}

/**
 * The text after the last whitespace. Read backwards by hand: `/\S*$/` retries from every character of a long word
 * that whitespace follows, which took seconds on a line of 40k letters and a blank.
 */
function lastWord(text: string): string {
  let start = text.length;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return text.slice(start);
}

/** Joins continuation lines the way BuildKit does, so that flags on later lines are still seen as flags. */
function joinContinuations(text: string, escape: string): string {
  const pattern = escape === "`" ? /`[ \t]*\r?\n/g : /\\[ \t]*\r?\n/g;
  return text.replace(pattern, " ");
}

function keywordCompletions(
  document: Document,
  word: string,
  range: LspRange,
  trigger: boolean,
): CompletionData[] {
  if (!/^[A-Za-z]*$/.test(word)) return [];
  // Follow the file's casing: lower-case keywords when most existing instructions are lower case.
  const keywords = document.parsed.ast.instructions.map((i) => i.keyword.text);
  const lower = keywords.filter((k) => k === k.toLowerCase()).length > keywords.length / 2;
  const typedLower = word !== "" && word === word.toLowerCase();
  const useLower = word === "" ? lower : typedLower && lower;
  return (Object.keys(instructionTypes) as KnownKeyword[])
    .filter((k) => !(trigger && notTriggers.has(k)))
    .map((k) => {
      const label = useLower ? k.toLowerCase() : k;
      return {
        label,
        kind: "keyword" as const,
        documentation: instructionDocs[k],
        insertText: `${label} `,
        range,
      };
    });
}

function flagCompletions(keyword: KnownKeyword, range: LspRange): CompletionData[] {
  const docs = flagDocs[keyword] ?? {};
  return Object.entries(instructionFlags[keyword] ?? {}).map(([name, kind]) => ({
    label: `--${name}`,
    kind: "flag" as const,
    ...(docs[name] === undefined ? {} : { documentation: docs[name] }),
    insertText: kind === "bool" ? `--${name}` : `--${name}=`,
    range,
  }));
}

/** The names of the stages defined before an instruction (a stage can only refer to earlier ones). */
function stageCompletions(document: Document, statementStart: number, range: LspRange): CompletionData[] {
  return document.parsed.ast.stages
    .filter((s) => s.name !== null && s.from.range.start.offset < statementStart)
    .map((s) => ({
      label: s.name!,
      kind: "stage" as const,
      detail: s.from.image ? `FROM ${s.from.image.value}` : "stage",
      range,
    }));
}

const ignorePrefixes: readonly [RegExp, "hull" | "hadolint" | "buildkit"][] = [
  [/^\s*#\s*hull\s+(?:global\s+)?ignore\s*=\s*(?:[^\s,#]+\s*,\s*)*([^\s,#]*)$/i, "hull"],
  [/^\s*#\s*hadolint\s+(?:global\s+)?ignore\s*=\s*(?:[^\s,#]+\s*,\s*)*([^\s,#]*)$/i, "hadolint"],
  [/^\s*#\s*check\s*=\s*(?:[^;\s]*;)*skip=(?:[^\s,;]+,)*([^\s,;]*)$/i, "buildkit"],
];

function ignoreCompletions(
  document: Document,
  offset: number,
  before: string,
  registry: readonly Rule[],
): CompletionData[] {
  for (const [pattern, tool] of ignorePrefixes) {
    const match = pattern.exec(before);
    if (!match) continue;
    const typed = match[1] ?? "";
    const listed = new Set(
      before
        .slice(before.indexOf("=") + 1)
        .split(/[\s,]+/)
        .filter(Boolean),
    );
    const range = document.lines.rangeOf(offset - typed.length, offset);
    const items: CompletionData[] = [];
    for (const rule of registry) {
      const names = tool === "hull" ? [rule.id] : aliasList(rule, tool);
      for (const name of names) {
        if ((listed.has(name) && name !== typed) || items.some((i) => i.label === name)) continue;
        items.push({
          label: name,
          kind: "rule",
          detail: tool === "hull" ? rule.title : `${rule.id}: ${rule.title}`,
          range,
        });
      }
    }
    return items;
  }
  return [];
}
