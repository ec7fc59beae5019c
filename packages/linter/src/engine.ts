import type { BaseImage } from "@hull/planner";
import {
  firstIndex,
  firstMarkupOutsideComments,
  hasControlLines,
  maskTemplate,
  normalizeImageReference,
  parse,
  PositionMap,
  positionMapOf,
  semanticModel,
  type SemanticModel,
  templateMarkup,
  type TemplateSpan,
  walk,
  type Dockerfile,
  type Instruction,
  type ParseResult,
  type Range,
  type Stage,
  type WalkNode,
} from "@hull/parser";
import { collectIgnoreDirectives } from "./config/directives.js";
import {
  compareSeverity,
  defaultOptions,
  type IgnoreDirective,
  type IgnoreEntry,
  type LintSettings,
  type Locatable,
  type MarkupReach,
  type Messages,
  type FixLevel,
  type HadolintCode,
  type ReportTarget,
  type Rule,
  type RuleContext,
  type Severity,
  type TextEdit,
} from "./rule.js";
import { createRuleIndex, type RuleIndex } from "./rule-index.js";
import { rules as builtinRules } from "./rules/index.js";
import { parseCodesOwnedByRules } from "./rules/syntax-error.js";
import { withRunCaches } from "./shell/run.js";
import {
  shellcheckFindings,
  shellcheckPrefix,
  shellcheckRequest,
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
   * The caller's semantic model of `parseResult`'s tree (made by `semanticModel(ast)`, without build inputs),
   * so that one document has one model: the language server's hover and completion read the one lint filled.
   * Used only when it belongs to the tree lint reads; otherwise lint makes its own.
   */
  semantic?: SemanticModel;
  /**
   * Runs ShellCheck on the file's RUN scripts (one call per file); its findings are reported as
   * `shellcheck/SC2086` etc. Without it, there are no ShellCheck findings.
   */
  shellcheck?: ShellcheckRunner;
  /** When given, the milliseconds each rule spends (state and handlers) are added to it, by rule id. */
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

/** A handler of a rule's visitor, called with one node and the rule's context for the file. */
type Handler = (node: unknown, ctx: RuleContext<Messages, unknown, unknown>) => void;

/**
 * Where each rule's handlers sit in the flat handler table: the handlers of one node key are side by side, in rule
 * order.
 */
interface HandlerLayout {
  /** Table slots by rule and key. */
  readonly slotOf: readonly ReadonlyMap<string, number>[];
  /** The slots of each key: `start` to `end` (exclusive). */
  readonly slots: ReadonlyMap<string, { readonly start: number; readonly end: number }>;
  /** The rule (index in `RulePlan.rules`) of each slot. */
  readonly ruleOf: readonly number[];
  /** The handler of each slot: the rules' own functions, the same for every file. */
  readonly handlers: readonly Handler[];
}

/**
 * One configuration's rules, resolved once and shared by every file linted with it: what runs, with which
 * severity and options, and the layout of the handler table, read from the keys of the rules' visitors.
 */
class RulePlan {
  /** The rules that get a context and a visitor: every enabled rule but syntax-error, which the engine runs. */
  readonly rules: readonly EnabledRule[];
  readonly syntax: EnabledRule | undefined;
  readonly template: EnabledRule | undefined;
  readonly layout: HandlerLayout;
  /**
   * The rules' contexts, lent to one file after another: null while a file has them, so that a lint started by a
   * rule inside its own file's lint makes contexts of its own. Fewer objects per file, and the contexts' hidden
   * class lives as long as the plan (see `FileRun`).
   */
  private idle: Context[] | null = null;

  constructor(enabled: readonly EnabledRule[]) {
    this.rules = enabled.filter((e) => e.rule.id !== syntaxErrorId);
    this.syntax = enabled.find((e) => e.rule.id === syntaxErrorId);
    this.template = enabled.find((e) => e.rule.id === templateSyntaxId);
    this.layout = this.lay();
  }

  takeContexts(): Context[] {
    const contexts = this.idle ?? this.rules.map((entry) => new Context(entry));
    this.idle = null;
    return contexts;
  }

  returnContexts(contexts: Context[]): void {
    this.idle = contexts;
  }

  private lay(): HandlerLayout {
    const rulesByKey = new Map<string, number[]>();
    this.rules.forEach((entry, i) => {
      for (const key in entry.rule.visitor) {
        let list = rulesByKey.get(key);
        if (!list) rulesByKey.set(key, (list = []));
        list.push(i);
      }
    });
    const slotOf = this.rules.map(() => new Map<string, number>());
    const slots = new Map<string, { start: number; end: number }>();
    const ruleOf: number[] = [];
    const handlers: Handler[] = [];
    for (const [key, list] of rulesByKey) {
      const start = ruleOf.length;
      for (const i of list) {
        slotOf[i]!.set(key, ruleOf.length);
        ruleOf.push(i);
        handlers.push((this.rules[i]!.rule.visitor as Record<string, Handler>)[key]!);
      }
      slots.set(key, { start, end: ruleOf.length });
    }
    return { slotOf, slots, ruleOf, handlers };
  }
}

// `lint` runs once per file with the same few configurations: each is resolved once. Keyed by content, not by
// identity, because the CLI and the language server build a new settings object for every file.
const planCache = new WeakMap<readonly Rule[], Map<string, RulePlan>>();
/** More distinct configurations than this in one process (a long-lived server) start the cache afresh. */
const maxCachedConfigs = 64;

/** The plan of a configuration; the options are frozen copies, since every file's rules share them. */
function planOf(
  registry: readonly Rule[],
  preset: Preset = "recommended",
  settings: Readonly<Record<string, RuleSetting>> = {},
): RulePlan {
  let byConfig = planCache.get(registry);
  if (!byConfig) planCache.set(registry, (byConfig = new Map()));
  const key = `${preset} ${JSON.stringify(settings)}`;
  let plan = byConfig.get(key);
  if (!plan) {
    if (byConfig.size >= maxCachedConfigs) byConfig.clear();
    plan = new RulePlan(
      resolveRules(registry, preset, settings).map((e) => ({
        ...e,
        options: deepFreeze(structuredClone(e.options)),
      })),
    );
    byConfig.set(key, plan);
  }
  return plan;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The settings of a lint that gives none. */
const noSettings: LintSettings = Object.freeze({
  trustedRegistries: Object.freeze([]),
  labelSchema: Object.freeze({}),
  strictLabels: false,
  buildContexts: Object.freeze({}),
});

/** `ctx.baseImage` when no base image config was given. */
const noBaseImage = (): undefined => undefined;

/**
 * The linting of one file: what every rule context of the file shares, the handler table and the findings.
 *
 * A plain object literal (made by `startRun`) read by the functions below, not a class instance: V8 keeps the
 * hidden class of a literal's objects for as long as the code that makes them, but reaches the one of a
 * constructor's objects only through weak links. Once no run is alive at a full garbage collection (between two
 * files of a long lint, or two lints of a language server), that hidden class is freed, and with it the optimized
 * code of the engine and of every rule handler that read a run: ~135 functions deoptimized at each such
 * collection and compiled again (`bench/lint-reopt.mjs`).
 */
interface FileRun {
  readonly source: string;
  readonly parseResult: ParseResult;
  readonly semantic: SemanticModel;
  readonly filePath: string | undefined;
  readonly settings: LintSettings;
  readonly ignoreDirectives: readonly IgnoreDirective[];
  readonly baseImage: (stage: Stage) => BaseImage | undefined;
  readonly dockerignoreReader: (() => string | null) | undefined;
  readonly plan: RulePlan;
  readonly timing: Map<string, number> | undefined;
  readonly diagnostics: Diagnostic[];
  /** The stage being walked. */
  stage: Stage | null;
  /** Triggers of ONBUILDs met so far that are not marked as such in the tree; made on the first one. */
  triggers: Set<Instruction> | null;
  dockerignore: { text: string | null } | undefined;
  positionMap: PositionMap | undefined;
  /** Each slot of the plan's layout: the handler of that rule and key, or undefined once the rule crashed here. */
  readonly handlers: (Handler | undefined)[];
  /** Each rule's context for this file, by rule index (the plan's, lent for the file). */
  readonly contexts: Context[];
  /** The walk's callbacks (`walk` calls them as methods of the run). */
  readonly enter: (this: FileRun, node: WalkNode) => void;
  readonly exit: (this: FileRun, node: WalkNode) => void;
}

/**
 * Starts a file's run: takes the plan's contexts and makes every rule's state for this file; a rule whose `state`
 * throws is reported and its handlers are not called for this file. `endRun` gives the contexts back.
 */
function startRun(
  source: string,
  parseResult: ParseResult,
  semantic: SemanticModel,
  filePath: string | undefined,
  settings: LintSettings,
  ignoreDirectives: readonly IgnoreDirective[],
  baseImage: (stage: Stage) => BaseImage | undefined,
  dockerignoreReader: (() => string | null) | undefined,
  plan: RulePlan,
  timing: Map<string, number> | undefined,
): FileRun {
  const run: FileRun = {
    source,
    parseResult,
    semantic,
    filePath,
    settings,
    ignoreDirectives,
    baseImage,
    dockerignoreReader,
    plan,
    timing,
    diagnostics: [],
    stage: null,
    triggers: null,
    dockerignore: undefined,
    positionMap: undefined,
    handlers: plan.layout.handlers.slice(),
    contexts: plan.takeContexts(),
    enter: enterNode,
    exit: exitNode,
  };
  const { contexts } = run;
  for (let i = 0; i < contexts.length; i++) {
    const ctx = contexts[i]!;
    ctx.file = run;
    const { rule } = plan.rules[i]!;
    if (rule.state === undefined) continue;
    const start = timing ? performance.now() : 0;
    try {
      // The context is the rule's view of the file, with the rule's own types (erased in the registry).
      ctx.state = rule.state(ctx as unknown as RuleContext<Messages>);
    } catch (error) {
      run.diagnostics.push(crash(rule, error, parseResult.ast.range));
      removeHandlers(run, i);
    }
    if (timing) timing.set(rule.id, (timing.get(rule.id) ?? 0) + performance.now() - start);
  }
  return run;
}

/** Ends a file's run: its contexts forget the file and the rules' states, and go back to the plan. */
function endRun(run: FileRun): void {
  for (const ctx of run.contexts) {
    ctx.file = null;
    ctx.state = undefined;
  }
  run.plan.returnContexts(run.contexts);
}

/**
 * Calls the handlers of `key`, in rule order, each with its rule's context; a rule that throws is reported at the
 * node and stopped for this file. The node's range is read only then: nodes make their ranges when read.
 */
function dispatch(run: FileRun, key: string, node: { readonly range: Range }): void {
  const { layout } = run.plan;
  const slots = layout.slots.get(key);
  if (slots === undefined) return;
  const { handlers, contexts, timing } = run;
  const { ruleOf } = layout;
  for (let s = slots.start; s < slots.end; s++) {
    const handler = handlers[s];
    if (handler === undefined) continue;
    const start = timing ? performance.now() : 0;
    try {
      handler(node, contexts[ruleOf[s]!] as unknown as RuleContext<Messages, unknown, unknown>);
    } catch (error) {
      // A bug in one rule must not hide the findings of the others.
      const i = ruleOf[s]!;
      run.diagnostics.push(crash(run.plan.rules[i]!.rule, error, node.range));
      removeHandlers(run, i);
    }
    if (timing) {
      const id = run.plan.rules[ruleOf[s]!]!.rule.id;
      timing.set(id, (timing.get(id) ?? 0) + performance.now() - start);
    }
  }
}

/** The engine's walk: each node to the handlers of its keys. */
function enterNode(this: FileRun, node: WalkNode): void {
  switch (node.type) {
    case "Dockerfile":
    case "Comment":
    case "Directive":
      dispatch(this, node.type, node);
      return;
    case "Stage":
      this.stage = node;
      dispatch(this, "Stage", node);
      return;
    default:
      dispatch(this, "Instruction", node);
      dispatch(this, node.type, node);
      if (node.type === "Onbuild" && node.trigger) (this.triggers ??= new Set()).add(node.trigger);
  }
}

function exitNode(this: FileRun, node: WalkNode): void {
  if (node.type === "Dockerfile") dispatch(this, "Dockerfile:exit", node);
  else if (node.type === "Stage") dispatch(this, "Stage:exit", node);
}

/** Removes the handlers of rule `i` for the rest of the file. */
function removeHandlers(run: FileRun, i: number): void {
  for (const slot of run.plan.layout.slotOf[i]!.values()) run.handlers[slot] = undefined;
}

function positionsOf(run: FileRun): PositionMap {
  return (run.positionMap ??= positionMapOf(run.parseResult.ast, run.source) ?? new PositionMap(run.source));
}

function readDockerignore(run: FileRun): string | null {
  if (!run.dockerignore) {
    let text: string | null;
    try {
      text = run.dockerignoreReader?.() ?? null;
    } catch {
      // An unreadable .dockerignore is treated as absent; the rules that need it stay silent.
      text = null;
    }
    run.dockerignore = { text };
  }
  return run.dockerignore.text;
}

function report(
  run: FileRun,
  entry: EnabledRule,
  at: Locatable | ReportTarget,
  messageId: string,
  args: never[],
): void {
  const target = "at" in at ? at : { at, fix: undefined, hadolint: undefined };
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
  run.diagnostics.push(diagnostic);
}

/**
 * A rule's view of the file it is linting (`RuleContext`): the rule, its state for the file and the file's run,
 * everything else read from the run through the prototype. A plan keeps one context per rule and lends them to
 * one file after another (`RulePlan.takeContexts`).
 */
class Context {
  /** What the rule's `state` made for the file being linted. */
  state: unknown = undefined;
  /** The file being linted; null while the context waits in its plan. */
  file: FileRun | null = null;

  constructor(private readonly entry: EnabledRule) {}

  private get run(): FileRun {
    if (this.file === null)
      throw new Error(`rule ${this.entry.rule.id} used its context after its file's lint`);
    return this.file;
  }
  get id(): string {
    return this.entry.rule.id;
  }
  get options(): Record<string, unknown> {
    return this.entry.options;
  }
  get source(): string {
    return this.run.source;
  }
  get parseResult(): ParseResult {
    return this.run.parseResult;
  }
  get ast(): Dockerfile {
    return this.run.parseResult.ast;
  }
  get semantic(): SemanticModel {
    return this.run.semantic;
  }
  get filePath(): string | undefined {
    return this.run.filePath;
  }
  get settings(): LintSettings {
    return this.run.settings;
  }
  get ignoreDirectives(): readonly IgnoreDirective[] {
    return this.run.ignoreDirectives;
  }
  readDockerignore(): string | null {
    return readDockerignore(this.run);
  }
  currentStage(): Stage | null {
    return this.run.stage;
  }
  baseImage(stage: Stage): BaseImage | undefined {
    return this.run.baseImage(stage);
  }
  isTrigger(node: Instruction): boolean {
    const { triggers } = this.run;
    return node.onbuild !== undefined || (triggers !== null && triggers.has(node));
  }
  rangeOf(start: number, end: number): Range {
    return positionsOf(this.run).range(start, end);
  }
  report(at: Locatable | ReportTarget, messageId: string, ...args: never[]): void {
    report(this.run, this.entry, at, messageId, args);
  }
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
  const settings: LintSettings = options.settings
    ? {
        trustedRegistries: options.settings.trustedRegistries ?? [],
        labelSchema: options.settings.labelSchema ?? {},
        strictLabels: options.settings.strictLabels ?? false,
        buildContexts: options.settings.buildContexts ?? {},
      }
    : noSettings;
  // Built once per file and shared by every rule and ShellCheck's script reader; it computes nothing until asked.
  // The caller's model is taken when it is of this tree (the language server keeps one with each document, for
  // hover and completion too), not of another parse such as a template's masked one. Otherwise made here, and
  // never kept in a long-lived cache keyed by the tree: a WeakMap whose value holds its key cannot be collected by
  // V8's young-generation GC, so every AST it saw would survive into the old generation.
  const semantic = options.semantic?.ast === ast ? options.semantic : semanticModel(ast);
  const ignoreDirectives = collectIgnoreDirectives(ast.comments, ast.directives, index);
  const plan = planOf(registry, options.preset, options.rules);
  const run = startRun(
    source,
    parseResult,
    semantic,
    options.filePath,
    settings,
    ignoreDirectives,
    baseImageLookup(semantic, options.imageConfigs),
    options.readDockerignore,
    plan,
    options.timing,
  );
  const { diagnostics } = run;

  if (plan.syntax) {
    const { severity } = plan.syntax;
    for (const d of parseResult.diagnostics) {
      const owner = parseCodesOwnedByRules[d.code];
      if (owner !== undefined && index.byId(owner)) continue;
      diagnostics.push({
        ruleId: syntaxErrorId,
        severity: d.severity === "error" ? severity : worst(d.severity, severity, false),
        message: d.message,
        messageId: d.code,
        range: d.range,
      });
    }
  }

  if (plan.template && markup.length > 0) {
    // Markup in a comment line cannot break a build: the finding goes where it can.
    const first = firstMarkupOutsideComments(source, markup)!;
    diagnostics.push({
      ruleId: templateSyntaxId,
      severity: plan.template.severity,
      message: (plan.template.rule.messages.template as (markup: string) => string)(
        markupName(source, first),
      ),
      messageId: "template",
      range: positionsOf(run).range(first.start, first.end),
    });
  }

  try {
    walk(ast, run);
  } finally {
    endRun(run);
  }

  if (options.shellcheck)
    diagnostics.push(...runShellcheck(semantic, options.shellcheck, options.rules ?? {}, positionsOf(run)));

  const visible =
    markup.length > 0
      ? outsideMarkup(
          diagnostics,
          source,
          markup,
          ast,
          hasControlLines(source, markup),
          (id) => index.byId(id)?.markupReach,
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
  if (entries.length === 0) return noBaseImage;
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
  // A stage ignore covers the text from the line below it to the next FROM (the FROM right below it included).
  const stageSpans: { start: number; end: number; entries: IgnoreEntry[] }[] = [];
  for (const directive of directives) {
    if (directive.scope === "stage") {
      const start = directive.range.end.offset;
      const below = directive.range.start.line + 1;
      const next = ast.stages.find((s) => s.from.range.start.line > below);
      const end = next ? next.from.range.start.offset - 1 : Number.MAX_SAFE_INTEGER;
      stageSpans.push({ start, end, entries: [...directive.entries] });
      continue;
    }
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
    for (const span of stageSpans)
      if (span.start <= at && at <= span.end && span.entries.some((e) => silences(e, d))) return false;
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

/**
 * Drops findings that touch template markup, whose meaning is unknown until the template is rendered, and parse
 * errors: a template is not a Dockerfile (its branches are alternatives), which template-syntax says once. A rule's
 * `markupReach` says where else markup can change its findings.
 */
function outsideMarkup(
  diagnostics: Diagnostic[],
  source: string,
  markup: readonly TemplateSpan[],
  ast: Dockerfile,
  controlLines: boolean,
  reachOf: (ruleId: string) => MarkupReach | undefined,
): Diagnostic[] {
  const { instructions } = ast;
  const firstFrom = ast.stages[0]?.from.range.start.offset;
  // Markup pieces follow each other, as instructions do, so each list is ordered by end as by start: the one piece
  // or instruction that can hold an offset is found by a binary search, not by a scan per finding.
  const touchesMarkup = (start: number, end: number) => {
    const k = firstIndex(markup.length, (k) => markup[k]!.end > start);
    return k < markup.length && markup[k]!.start < end;
  };
  const hasMarkup = (node: Instruction | undefined) =>
    node !== undefined && touchesMarkup(node.range.start.offset, node.range.end.offset);
  const instructionAt = (offset: number) => {
    const k = firstIndex(instructions.length, (k) => instructions[k]!.range.end.offset > offset);
    return k < instructions.length && instructions[k]!.range.start.offset <= offset ? k : -1;
  };
  // A stage named with markup (`AS <%= prefix %>build`) may be the stage a later FROM names as its image.
  const markupNames = stageNamesWithMarkup(source, markup, ast, touchesMarkup);
  const namesMarkupStage = (d: Diagnostic) => {
    const from = instructions[instructionAt(d.range.start.offset)];
    const image = from?.type === "From" ? from.image : null;
    return image !== null && d.range.start.offset >= image.range.start.offset && markupNames(image.value);
  };
  return diagnostics.filter((d) => {
    if (namesMarkupStage(d)) return false;
    if (d.ruleId === templateSyntaxId) return true;
    if (d.ruleId === syntaxErrorId) return false;
    switch (reachOf(d.ruleId)) {
      case "rest-of-instruction": {
        const node = instructions[instructionAt(d.range.start.offset)];
        if (node !== undefined && touchesMarkup(d.range.start.offset, node.range.end.offset)) return false;
        break;
      }
      case "instruction-and-previous": {
        const at = instructionAt(d.range.start.offset);
        if (hasMarkup(instructions[at]) || hasMarkup(instructions[at - 1])) return false;
        break;
      }
      case "control-lines":
        if (controlLines) return false;
        break;
      case "any":
        return false;
      case "before-first-from":
        if (markup[0]!.start < (firstFrom ?? Infinity)) return false;
        break;
      case undefined:
        break;
    }
    const start = d.range.start.offset;
    return !touchesMarkup(start, Math.max(d.range.end.offset, start + 1));
  });
}

/**
 * Whether a name may be one a stage name written with markup renders to: one that starts with the text before
 * the name's first markup (`base<% end %>` → `base…`); when markup opens the name, one that ends with the text
 * after its last (`<%= p %>build` → `…build`); when markup opens and ends it, one of the texts between its markup
 * (`<% if a %>build<% else %>base<% end %>`, branches). Each question reads the name's prefixes and suffixes
 * once, whatever the number of stages.
 */
function stageNamesWithMarkup(
  source: string,
  markup: readonly TemplateSpan[],
  ast: Dockerfile,
  touchesMarkup: (start: number, end: number) => boolean,
): (name: string) => boolean {
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  const whole = new Set<string>();
  let any = false;
  for (const { from } of ast.stages) {
    if (!from.stageName) continue;
    const start = from.stageName.range.start.offset;
    const end = from.stageName.range.end.offset;
    if (!touchesMarkup(start, end)) continue;
    // The name's text and markup pieces, in turn: its markup is found from the first piece that ends in it.
    const texts: string[] = [];
    let pos = start;
    const first = firstIndex(markup.length, (k) => markup[k]!.end > start);
    for (let k = first; k < markup.length && markup[k]!.start < end; k++) {
      texts.push(source.slice(pos, Math.max(pos, markup[k]!.start)).toLowerCase());
      pos = Math.min(end, markup[k]!.end);
    }
    texts.push(source.slice(pos, end).toLowerCase());
    const inner = texts.slice(1, -1).filter((t) => t !== "");
    if (texts[0] !== "") prefixes.add(texts[0]!);
    else if (texts.at(-1) !== "") suffixes.add(texts.at(-1)!);
    else if (inner.length > 0) for (const t of inner) whole.add(t);
    else any = true;
  }
  if (!any && prefixes.size === 0 && suffixes.size === 0 && whole.size === 0) return () => false;
  return (name) => {
    const lower = name.toLowerCase();
    if (any || whole.has(lower)) return true;
    for (let i = 1; i <= lower.length; i++)
      if (prefixes.has(lower.slice(0, i)) || suffixes.has(lower.slice(lower.length - i))) return true;
    return false;
  };
}

/**
 * `{{ … }}`, `{% … %}`, `{# … #}`, `<% … %>`, `${templateOption:…}`, `%%NAME%%` or `::NAME::`, after a markup
 * piece's opener.
 */
function markupName(source: string, span: TemplateSpan): string {
  if (source.startsWith("${templateOption:", span.start)) return "${templateOption:…}";
  if (source.startsWith("%%", span.start)) return "%%NAME%%";
  if (source.startsWith("::", span.start)) return "::NAME::";
  if (source.startsWith("${", span.start)) return "Maven's ${name.property}";
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
  const request = shellcheckRequest(semantic, rules);
  if (request === null) return [];
  let output;
  try {
    output = runner(request);
  } catch {
    // A runner that fails is treated as absent: ShellCheck findings are extra, never a reason to stop.
    output = null;
  }
  if (!output) return [];
  const diagnostics: Diagnostic[] = [];
  for (const finding of shellcheckFindings(shellcheckScripts(semantic), output)) {
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
