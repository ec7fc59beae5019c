import type { BaseImage } from "@hull/planner";
import {
  normalizeImageReference,
  parse,
  PositionMap,
  SemanticModel,
  walk,
  type Dockerfile,
  type Instruction,
  type ParseResult,
  type Range,
  type Stage,
} from "@hull/parser";
import { collectIgnoreDirectives } from "./config/directives.js";
import {
  compareSeverity,
  defaultOptions,
  type IgnoreDirective,
  type IgnoreEntry,
  type LintSettings,
  type Locatable,
  type FixLevel,
  type HadolintCode,
  type ReportTarget,
  type Rule,
  type RuleContext,
  type Severity,
  type TextEdit,
  type Visitor,
} from "./rule.js";
import { createRuleIndex, type RuleIndex } from "./rule-index.js";
import { rules as builtinRules } from "./rules/index.js";
import { parseCodesOwnedByRules } from "./rules/syntax-error.js";
import { withRunCaches } from "./shell/run.js";
import { hasControlLines, maskTemplate, templateMarkup, type TemplateSpan } from "./template/template.js";
import {
  shellcheckArgs,
  shellcheckFindings,
  shellcheckPrefix,
  shellcheckScripts,
  shellcheckSetting,
  type ShellcheckRunner,
} from "./shellcheck/shellcheck.js";

/** A finding, with the exact range it points at. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The rule's message id (for `syntax-error`, the parser's diagnostic code). */
  messageId: string;
  range: Range;
  /** Edits that fix the finding, when the rule offers them, with the rule's fix level. */
  fix?: { edits: TextEdit[]; level: FixLevel };
  /** Of a rule with several hadolint codes, the one this finding stands for. */
  hadolint?: HadolintCode;
}

/** `off`, a severity, or a severity with options, for one rule id or alias. */
export type RuleSetting = Severity | "off" | readonly [Severity | "off", Record<string, unknown>?];

/** Which rules run when config says nothing about them: on by default, every rule, or the security rules. */
export type Preset = "recommended" | "all" | "security";

/** Everything `lint` needs besides the text; every field is optional. */
export interface LintOptions {
  /** Shown to rules and copied into the result; not read. */
  filePath?: string;
  /** The rules that exist; the built-in registry by default. */
  registry?: readonly Rule[];
  preset?: Preset;
  /** Per rule id or alias (hadolint code, BuildKit name); later keys win over earlier ones. */
  rules?: Readonly<Record<string, RuleSetting>>;
  settings?: Partial<LintSettings>;
  /** Returns the `.dockerignore` that applies to the file, or null; the caller does the reading. */
  readDockerignore?: () => string | null;
  /** Honour `# hull ignore=`, `# hadolint ignore=` and `# check=skip=` (default true). */
  inlineIgnores?: boolean;
  /** A parse result of exactly `source`, to skip parsing again. */
  parseResult?: ParseResult;
  /**
   * The caller's semantic model of `parseResult`'s tree (made by `new SemanticModel(ast)`, without build inputs),
   * so that one document has one model: the language server's hover and completion read the one lint filled.
   * Used only when it belongs to the tree lint reads; otherwise lint makes its own.
   */
  semantic?: SemanticModel;
  /**
   * Runs ShellCheck on the file's RUN scripts (one call per file); its findings are reported as
   * `shellcheck/SC2086` etc. Without it, there are no ShellCheck findings.
   */
  shellcheck?: ShellcheckRunner;
  /** When given, the milliseconds each rule spends (create and handlers) are added to it, by rule id. */
  timing?: Map<string, number>;
  /**
   * Configs of base images (as the planner's `readImageConfig` reads them, from `--image-config` files or a
   * registry), keyed by image reference in any spelling (`alpine` and `docker.io/library/alpine:latest` are one).
   * Rules that depend on inherited values (USER, ENV, ENTRYPOINT, SHELL, WORKDIR …) use them through
   * `ctx.baseImage`; without one, they make no assumption about that base.
   */
  imageConfigs?: Readonly<Record<string, BaseImage>>;
}

/** The outcome of linting one file. */
export interface LintResult {
  filePath: string | undefined;
  /** Sorted by position, then rule id. */
  diagnostics: Diagnostic[];
  parseResult: ParseResult;
  /** The semantic model the rules read: the one given in the options, or the one lint made. */
  semantic: SemanticModel;
}

/** The id under which parse errors are reported. */
export const syntaxErrorId = "syntax-error";

/** The id under which a template (a file with `{{ … }}` markup) is reported. */
export const templateSyntaxId = "template-syntax";

interface EnabledRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

const indexCache = new WeakMap<readonly Rule[], RuleIndex>();

/** The lookup tables of a registry, built once per registry. */
export function ruleIndexOf(registry: readonly Rule[]): RuleIndex {
  let index = indexCache.get(registry);
  if (!index) indexCache.set(registry, (index = createRuleIndex(registry)));
  return index;
}

/** Decides which rules run, with which severity and options, from a preset and per-rule settings. */
export function resolveRules(
  registry: readonly Rule[],
  preset: Preset = "recommended",
  settings: Readonly<Record<string, RuleSetting>> = {},
): EnabledRule[] {
  const index = ruleIndexOf(registry);
  const chosen = new Map<
    string,
    { severity: Severity | "off"; options: Record<string, unknown> | undefined }
  >();
  for (const [name, setting] of Object.entries(settings)) {
    const [severity, options] = typeof setting === "string" ? [setting, undefined] : setting;
    for (const id of index.resolve(name)) chosen.set(id, { severity, options });
  }
  const enabled: EnabledRule[] = [];
  for (const rule of registry) {
    const choice = chosen.get(rule.id);
    const on = choice
      ? choice.severity !== "off"
      : preset === "all" ||
        (preset === "security" ? rule.security !== undefined : rule.recommended !== false);
    if (!on) continue;
    const severity = choice && choice.severity !== "off" ? choice.severity : rule.severity;
    enabled.push({ rule, severity, options: { ...defaultOptions(rule), ...choice?.options } });
  }
  return enabled;
}

// `lint` runs once per file with the same few configurations: each is resolved once. Keyed by content, not by
// identity, because the CLI and the language server build a new settings object for every file.
const enabledCache = new WeakMap<readonly Rule[], Map<string, readonly EnabledRule[]>>();
/** More distinct configurations than this in one process (a long-lived server) start the cache afresh. */
const maxCachedConfigs = 64;

/** `resolveRules`, kept per configuration; the options are frozen copies, since every file's rules share them. */
function enabledRules(
  registry: readonly Rule[],
  preset: Preset = "recommended",
  settings: Readonly<Record<string, RuleSetting>> = {},
): readonly EnabledRule[] {
  let byConfig = enabledCache.get(registry);
  if (!byConfig) enabledCache.set(registry, (byConfig = new Map()));
  const key = `${preset} ${JSON.stringify(settings)}`;
  let enabled = byConfig.get(key);
  if (!enabled) {
    if (byConfig.size >= maxCachedConfigs) byConfig.clear();
    enabled = resolveRules(registry, preset, settings).map((e) => ({
      ...e,
      options: deepFreeze(structuredClone(e.options)),
    }));
    byConfig.set(key, enabled);
  }
  return enabled;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Lints one Dockerfile: parses it, walks the tree once for every enabled rule, applies inline ignores. Never throws. */
export function lint(source: string, options: LintOptions = {}): LintResult {
  // Every RUN is split into shell commands once, for all the rules that read it, with caches that die with the file.
  return withRunCaches(() => lintFile(source, options));
}

function lintFile(source: string, options: LintOptions): LintResult {
  const registry = options.registry ?? builtinRules;
  const index = ruleIndexOf(registry);
  // A template is parsed with its markup masked (same offsets), so that the markup reads as opaque values.
  const markup = templateMarkup(source);
  const parseResult =
    markup.length > 0 ? parse(maskTemplate(source, markup)) : (options.parseResult ?? parse(source));
  const { ast } = parseResult;
  const positions = new PositionMap(source);
  const settings: LintSettings = {
    trustedRegistries: options.settings?.trustedRegistries ?? [],
    labelSchema: options.settings?.labelSchema ?? {},
    strictLabels: options.settings?.strictLabels ?? false,
  };
  // Built once per file and shared by every rule and ShellCheck's script reader; it computes nothing until asked.
  // The caller's model is taken when it is of this tree (the language server keeps one with each document, for
  // hover and completion too), not of another parse such as a template's masked one. Otherwise made here rather
  // than taken from `semanticModel(ast)`: that cache is a long-lived WeakMap whose value holds its key, which V8's
  // young-generation GC cannot collect, so every AST it saw survived into the old generation (measured: half of
  // what lint allocated outlived a scavenge, and the heap needed a full mark-compact every few hundred files).
  const semantic = options.semantic?.ast === ast ? options.semantic : new SemanticModel(ast);
  const baseImage = baseImageLookup(semantic, options.imageConfigs);
  const ignoreDirectives = collectIgnoreDirectives(ast.comments, ast.directives, index);
  const enabled = enabledRules(registry, options.preset, options.rules);
  const diagnostics: Diagnostic[] = [];

  const syntax = enabled.find((e) => e.rule.id === syntaxErrorId);
  if (syntax) {
    for (const d of parseResult.diagnostics) {
      const owner = parseCodesOwnedByRules[d.code];
      if (owner !== undefined && index.byId(owner)) continue;
      const severity = d.severity === "error" ? syntax.severity : worst("warning", syntax.severity, false);
      diagnostics.push({
        ruleId: syntaxErrorId,
        severity,
        message: d.message,
        messageId: d.code,
        range: d.range,
      });
    }
  }

  const template = enabled.find((e) => e.rule.id === templateSyntaxId);
  if (template && markup.length > 0) {
    const first = markup[0]!;
    diagnostics.push({
      ruleId: templateSyntaxId,
      severity: template.severity,
      message: (template.rule.messages.template as (markup: string) => string)(markupName(source, first)),
      messageId: "template",
      range: positions.range(first.start, first.end),
    });
  }

  const triggers = new Set<Instruction>();
  let stage: Stage | null = null;
  let dockerignore: { text: string | null } | undefined;
  const visitors: { rule: Rule; visitor: Visitor; crashed: boolean }[] = [];
  const timing = options.timing;
  // The context functions every rule shares, made once per file: only `report` differs from rule to rule.
  const readDockerignore = (): string | null => {
    if (!dockerignore) {
      let text: string | null;
      try {
        text = options.readDockerignore?.() ?? null;
      } catch {
        // An unreadable .dockerignore is treated as absent; the rules that need it stay silent.
        text = null;
      }
      dockerignore = { text };
    }
    return dockerignore.text;
  };
  const currentStage = () => stage;
  const isTrigger = (node: Instruction) => node.onbuild !== undefined || triggers.has(node);
  const rangeOf = (start: number, end: number) => positions.range(start, end);
  for (const entry of enabled) {
    if (entry.rule.id === syntaxErrorId) continue;
    // A literal with every field, not a spread of a shared object: with `{ ...shared }` here, 40% of what each
    // file allocated outlived a young-generation collection under Node 20 (0.1% with the literal).
    const ctx: RuleContext<Record<string, (...args: never[]) => string>> = {
      id: entry.rule.id,
      source,
      parseResult,
      ast,
      semantic,
      filePath: options.filePath,
      settings,
      ignoreDirectives,
      readDockerignore,
      currentStage,
      baseImage,
      isTrigger,
      rangeOf,
      report(at: Locatable | ReportTarget, messageId: string, ...args: never[]) {
        const target = "at" in at ? at : { at, fix: undefined };
        const range = "range" in target.at ? target.at.range : target.at;
        const message = entry.rule.messages[messageId] as ((...a: never[]) => string) | undefined;
        const diagnostic: Diagnostic = {
          ruleId: entry.rule.id,
          severity: entry.severity,
          message: message ? message(...args) : `Unknown message id '${messageId}'.`,
          messageId,
          range,
        };
        if (target.hadolint) diagnostic.hadolint = target.hadolint;
        // A rule that declares no fix level offers no fixes, whatever it passes to report.
        if (target.fix && entry.rule.fixable !== false)
          diagnostic.fix = {
            edits: Array.isArray(target.fix) ? [...target.fix] : [target.fix as TextEdit],
            level: entry.rule.fixable,
          };
        diagnostics.push(diagnostic);
      },
    };
    const start = timing ? performance.now() : 0;
    try {
      visitors.push({ rule: entry.rule, visitor: entry.rule.create(ctx, entry.options), crashed: false });
    } catch (error) {
      diagnostics.push(crash(entry.rule, error, ast.range));
    }
    if (timing) timing.set(entry.rule.id, (timing.get(entry.rule.id) ?? 0) + performance.now() - start);
  }

  // Handlers grouped by node key once, so that each node meets only the rules that look at it (as ESLint does).
  const handlers = new Map<string, { v: (typeof visitors)[number]; handler: (node: unknown) => void }[]>();
  for (const v of visitors) {
    const visitor = v.visitor as Record<string, ((node: unknown) => void) | undefined>;
    // for…in, not Object.entries: no array per rule and file.
    for (const key in visitor) {
      const handler = visitor[key];
      if (typeof handler !== "function") continue;
      let list = handlers.get(key);
      if (!list) handlers.set(key, (list = []));
      list.push({ v, handler });
    }
  }
  const dispatch = (key: string, node: unknown, range: Range) => {
    const list = handlers.get(key);
    if (!list) return;
    for (const { v, handler } of list) {
      if (v.crashed) continue;
      const start = timing ? performance.now() : 0;
      try {
        handler(node);
      } catch (error) {
        // A bug in one rule must not hide the findings of the others.
        v.crashed = true;
        diagnostics.push(crash(v.rule, error, range));
      }
      if (timing) timing.set(v.rule.id, (timing.get(v.rule.id) ?? 0) + performance.now() - start);
    }
  };
  walk(ast, {
    enter(node) {
      switch (node.type) {
        case "Dockerfile":
        case "Comment":
        case "Directive":
          dispatch(node.type, node, node.range);
          return;
        case "Stage":
          stage = node;
          dispatch("Stage", node, node.range);
          return;
        default:
          dispatch("Instruction", node, node.range);
          dispatch(node.type, node, node.range);
          if (node.type === "Onbuild" && node.trigger) triggers.add(node.trigger);
      }
    },
    exit(node) {
      if (node.type === "Dockerfile" || node.type === "Stage")
        dispatch(`${node.type}:exit`, node, node.range);
    },
  });

  if (options.shellcheck)
    diagnostics.push(...runShellcheck(semantic, options.shellcheck, options.rules ?? {}, positions));

  const visible =
    markup.length > 0
      ? outsideMarkup(
          diagnostics,
          markup,
          ast.stages[0]?.from.range.start.offset,
          hasControlLines(source, markup),
          ast.instructions,
        )
      : diagnostics;
  const kept = options.inlineIgnores === false ? visible : applyIgnores(visible, ast, ignoreDirectives);
  kept.sort(compareDiagnostics);
  return { filePath: options.filePath, diagnostics: kept, parseResult, semantic };
}

/**
 * `ctx.baseImage`: the config of the image at the root of a stage's chain of stages, looked up by the name its
 * FROM expands to with the global ARGs. Undefined for `scratch`, for a name that uses an unset variable, and for
 * an image whose config was not given.
 */
function baseImageLookup(
  semantic: SemanticModel,
  configs: Readonly<Record<string, BaseImage>> | undefined,
): (stage: Stage) => BaseImage | undefined {
  const entries = Object.entries(configs ?? {});
  if (entries.length === 0) return () => undefined;
  const byName = new Map(entries.map(([ref, image]) => [normalizeImageReference(ref), image]));
  return (stage) => {
    const name = semantic.baseName(semantic.rootOf(stage));
    if (name === null || name.toLowerCase() === "scratch") return undefined;
    return byName.get(normalizeImageReference(name));
  };
}

/** Orders diagnostics by start position, then end, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Drops diagnostics silenced by global ignores or by an ignore comment above their instruction. */
function applyIgnores(
  diagnostics: Diagnostic[],
  ast: Dockerfile,
  directives: IgnoreDirective[],
): Diagnostic[] {
  if (directives.length === 0) return diagnostics;
  // Global ignores by rule id: whether one names no hadolint code (it silences the whole rule), and the codes named.
  const global = new Map<string, { all: boolean; codes: Set<string> }>();
  const byComment = new Map<number, IgnoreDirective>();
  for (const directive of directives) {
    if (directive.scope !== "global") {
      byComment.set(directive.range.start.offset, directive);
      continue;
    }
    for (const entry of directive.entries) {
      for (const id of entry.ruleIds) {
        const known = global.get(id) ?? { all: false, codes: new Set<string>() };
        if (entry.hadolint === undefined) known.all = true;
        else known.codes.add(entry.hadolint);
        global.set(id, known);
      }
    }
  }
  // An ignore comment covers the instruction that collects it as a leading comment (BuildKit's PrevComment).
  const spans: { start: number; end: number; entries: IgnoreEntry[] }[] = [];
  for (const instruction of ast.instructions) {
    const entries: IgnoreEntry[] = [];
    for (const comment of instruction.comments) {
      const directive = byComment.get(comment.range.start.offset);
      if (directive) entries.push(...directive.entries);
    }
    if (entries.length)
      spans.push({ start: instruction.range.start.offset, end: instruction.range.end.offset, entries });
  }
  return diagnostics.filter((d) => {
    const ignored = global.get(d.ruleId);
    if (ignored && (ignored.all || d.hadolint === undefined || ignored.codes.has(d.hadolint))) return false;
    const at = d.range.start.offset;
    // Instructions follow each other, so the spans are ordered by end as by start: a binary search finds the first
    // that ends at or after the finding, rather than a scan of all spans per finding.
    for (
      let k = firstIndex(spans.length, (k) => spans[k]!.end >= at);
      k < spans.length && spans[k]!.start <= at;
      k++
    ) {
      if (spans[k]!.entries.some((e) => silences(e, d))) return false;
    }
    return true;
  });
}

/** A hadolint code silences, of a rule with several, only its own findings; any other name the whole rule. */
function silences(entry: IgnoreEntry, d: Diagnostic): boolean {
  if (!entry.ruleIds.includes(d.ruleId)) return false;
  return entry.hadolint === undefined || d.hadolint === undefined || entry.hadolint === d.hadolint;
}

/** Rules that judge a name by every definition in the file, which a template's branches and includes change. */
const wholeFileRules: ReadonlySet<string> = new Set([
  "copy-from-undefined-stage",
  "invalid-default-arg-in-from",
  "no-duplicate-stage-name",
  "no-multiple-instructions",
  "undefined-arg-in-from",
  "undefined-var",
]);

/**
 * Drops findings that touch template markup, whose meaning is unknown until the template is rendered, and parse
 * errors: a template is not a Dockerfile (its branches are alternatives), which template-syntax says once.
 */
function outsideMarkup(
  diagnostics: Diagnostic[],
  markup: readonly TemplateSpan[],
  firstFrom: number | undefined,
  controlLines: boolean,
  instructions: readonly Instruction[],
): Diagnostic[] {
  // Markup pieces follow each other, as instructions do, so each list is ordered by end as by start: the one piece
  // or instruction that can hold an offset is found by a binary search, not by a scan per finding.
  const touchesMarkup = (start: number, end: number) => {
    const k = firstIndex(markup.length, (k) => markup[k]!.end > start);
    return k < markup.length && markup[k]!.start < end;
  };
  const hasMarkup = (node: Instruction | undefined) =>
    node !== undefined && touchesMarkup(node.range.start.offset, node.range.end.offset);
  return diagnostics.filter((d) => {
    // How many commands a RUN holds is unknown while markup in it, or in the RUN before it, is not rendered.
    if (d.ruleId === "no-consecutive-run") {
      const offset = d.range.start.offset;
      const k = firstIndex(instructions.length, (k) => instructions[k]!.range.end.offset > offset);
      const at = k < instructions.length && instructions[k]!.range.start.offset <= offset ? k : -1;
      if (hasMarkup(instructions[at]) || hasMarkup(instructions[at - 1])) return false;
    }
    if (d.ruleId === templateSyntaxId) return true;
    if (d.ruleId === syntaxErrorId) return false;
    // Branches and includes decide which stages, ARGs and variables the rendered file defines.
    if (controlLines && wholeFileRules.has(d.ruleId)) return false;
    // An ARG default written as markup (`ARG VARIANT={{ .v }}`) has a value only once rendered.
    if (d.ruleId === "invalid-default-arg-in-from") return false;
    // Markup before the first FROM may well render to one.
    if (d.ruleId === "from-first" && markup[0]!.start < (firstFrom ?? Infinity)) return false;
    const start = d.range.start.offset;
    return !touchesMarkup(start, Math.max(d.range.end.offset, start + 1));
  });
}

/** The lowest index in [0, length) for which `after` holds, or `length`; `after` must hold from some index on. */
function firstIndex(length: number, after: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (after(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** `{{ … }}`, `{% … %}`, `{# … #}` or `<% … %>`, after the opener of a markup piece. */
function markupName(source: string, span: TemplateSpan): string {
  if (source.startsWith("${templateOption:", span.start)) return "${templateOption:…}";
  const open = source.slice(span.start, span.start + 2);
  const close = open === "{{" ? "}}" : open === "{#" ? "#}" : "%" + (open === "<%" ? ">" : "}");
  return `${open} … ${close}`;
}

/** ShellCheck's findings on the file's RUN scripts, with the severities config gives their codes. */
function runShellcheck(
  semantic: SemanticModel,
  runner: ShellcheckRunner,
  rules: Readonly<Record<string, RuleSetting>>,
  positions: PositionMap,
): Diagnostic[] {
  if (shellcheckSetting("", rules) === "off" && !Object.keys(rules).some((k) => /SC\d{4}$/i.test(k)))
    return [];
  const scripts = shellcheckScripts(semantic);
  if (scripts.length === 0) return [];
  let output;
  try {
    output = runner({ args: shellcheckArgs, scripts: scripts.map((s) => s.text) });
  } catch {
    // A runner that fails is treated as absent: ShellCheck findings are extra, never a reason to stop.
    output = null;
  }
  if (!output) return [];
  const diagnostics: Diagnostic[] = [];
  for (const finding of shellcheckFindings(scripts, output)) {
    const setting = shellcheckSetting(finding.code, rules);
    if (setting === "off") continue;
    diagnostics.push({
      ruleId: shellcheckPrefix + finding.code,
      severity: setting ?? finding.severity,
      message: finding.message,
      messageId: finding.code,
      range: positions.range(finding.start, finding.end),
    });
  }
  return diagnostics;
}

function crash(rule: Rule, error: unknown, range: Range): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: rule.id,
    severity: "error",
    message: `Rule '${rule.id}' crashed here and was stopped for this file: ${reason}. Please report this bug.`,
    messageId: "internalError",
    range,
  };
}

function worst(a: Severity, b: Severity, mostSevere: boolean): Severity {
  const aFirst = compareSeverity(a, b) <= 0;
  return aFirst === mostSevere ? a : b;
}
