import type { BaseImage } from "@hull/planner";
import type {
  Comment,
  Directive,
  Dockerfile,
  Instruction,
  InstructionType,
  ParseResult,
  Range,
  SemanticModel,
  Stage,
} from "@hull/parser";

/** How serious a finding is, from most to least severe (hadolint's four levels). */
export type Severity = "error" | "warning" | "info" | "style";

/** Every severity, most severe first. */
export const severities = ["error", "warning", "info", "style"] as const satisfies readonly Severity[];

/** The same rule under another tool's name; a rule may stand for several codes of one tool. */
export interface RuleAliases {
  /** hadolint code(s), e.g. `DL3007`. */
  hadolint?: string | readonly string[];
  /** BuildKit build-check name(s), e.g. `StageNameCasing`. */
  buildkit?: string | readonly string[];
  /** Trivy check id(s) as `DS-0002`; the older `DS002` and `AVD-DS-0002` forms are accepted too. */
  trivy?: string | readonly string[];
  /** Checkov check id(s), e.g. `CKV_DOCKER_3` or `CKV2_DOCKER_1`. */
  checkov?: string | readonly string[];
  /** KICS query id(s) (UUIDs). */
  kics?: string | readonly string[];
  /** Semgrep rule id(s), the last part of the full id, e.g. `missing-user`. */
  semgrep?: string | readonly string[];
}

/** The tools whose names a rule can have, in the order they are listed. */
export const aliasTools = [
  "hadolint",
  "buildkit",
  "trivy",
  "checkov",
  "kics",
  "semgrep",
] as const satisfies readonly (keyof RuleAliases)[];

/** How serious a security finding is, as the scanners rate it; SARIF output turns it into a score. */
export type SecuritySeverity = "low" | "medium" | "high" | "critical";

/** Extra inputs a documentation example needs (a `.dockerignore`, options, settings). */
export interface DocExample<O = Record<string, unknown>> {
  code: string;
  /** A sentence shown above the example in the docs. */
  description?: string;
  options?: Partial<O>;
  /** The `.dockerignore` beside the Dockerfile. */
  dockerignore?: string;
  settings?: Partial<LintSettings>;
  /** Base image configs by reference, as an `--image-config` file holds them. */
  imageConfigs?: Readonly<Record<string, unknown>>;
}

/** The prose of a rule; everything here is rendered into `docs/rules/<id>.md` and run as tests. */
export interface RuleDocs<O = Record<string, unknown>> {
  /** Why the pattern is a problem: at most three sentences of markdown. */
  rationale: string;
  /**
   * What the rule does not see or deliberately accepts, and how it differs from BuildKit; rendered as
   * "Known limitations". Keep it out of `rationale`; differences from hadolint go in `hadolintDifferences`.
   */
  limitations?: string;
  /**
   * Where the rule deliberately reports differently from its hadolint alias, each difference with its reason;
   * rendered as "Differences from hadolint". Only for rules with a hadolint alias.
   */
  hadolintDifferences?: string;
  /** Examples that must produce at least one diagnostic of this rule. */
  bad: readonly (string | DocExample<O>)[];
  /** Examples that must produce no diagnostic of this rule. */
  good: readonly (string | DocExample<O>)[];
  /** Related hull rule ids or URLs; the aliases' hadolint and BuildKit pages are linked automatically. */
  seeAlso?: readonly string[];
}

/** A typed message: the arguments of `ctx.report` after the message id. */
export type MessageFn = (...args: never[]) => string;
export type Messages = Readonly<Record<string, MessageFn>>;

/** One option of a rule: a JSON Schema fragment with a description and a default. */
export interface OptionSchema<T = unknown> {
  description: string;
  default: T;
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  [keyword: string]: unknown;
}
export type OptionsSchema = Readonly<Record<string, OptionSchema>>;

/** A rule's options as `ctx.options` holds them: every key present, defaults filled in. */
export type OptionsOf<S extends OptionsSchema> = { -readonly [K in keyof S]: S[K]["default"] };

/** Settings shared by all rules of one lint run (from the config file). */
export interface LintSettings {
  /** Registries images may come from (hadolint `trustedRegistries`); empty means "any". */
  trustedRegistries: readonly string[];
  /** Required labels and their types (hadolint `label-schema`). */
  labelSchema: Readonly<Record<string, string>>;
  /** Labels outside `labelSchema` are findings (hadolint `strict-labels`). */
  strictLabels: boolean;
  /**
   * The named build contexts the build passes (`--build-context NAME=VALUE`, a bake file's `contexts`), by name:
   * a FROM or `COPY --from` naming one reads it instead of pulling an image (`namedContextKey`).
   */
  buildContexts: Readonly<Record<string, string>>;
}

/**
 * How far an automatic fix can be trusted, as Ruff splits them: a `safe` fix cannot change what the build
 * produces (the image's files and config), so `hull lint --fix` applies it; an `unsafe` one can (it adds a
 * flag to a command, changes how a command runs), so it needs `--unsafe-fixes`.
 */
export type FixLevel = "safe" | "unsafe";

/** A replacement of the source text between `range.start.offset` and `range.end.offset`. */
export interface TextEdit {
  range: Range;
  text: string;
}

/** Something a diagnostic can point at: a node with a range, or a range. */
export type Locatable = { range: Range } | Range;

/** A location plus an optional automatic fix, for `ctx.report`. */
export interface ReportTarget {
  at: Locatable;
  fix?: TextEdit | readonly TextEdit[];
  /**
   * For a rule with several hadolint codes, the one this finding stands for (one of `aliases.hadolint`):
   * `# hadolint ignore=` with another of the rule's codes then leaves the finding alone.
   */
  hadolint?: HadolintCode;
}

/** A hadolint rule code, e.g. `DL3007`. */
export type HadolintCode = `DL${number}`;

/** An ignore comment as the engine understood it, for rules that look at ignore comments. */
export interface IgnoreEntry {
  /** The name as written (a hull id, a hadolint code or a BuildKit check name). */
  name: string;
  range: Range;
  /** The hull rule ids it stands for (`shellcheck/SC2086` for a ShellCheck code); empty when the name is unknown. */
  ruleIds: readonly string[];
  /** True when the name is known to the other tool but hull has no rule for it (e.g. hadolint's DL3005). */
  foreign: boolean;
  /** For an unknown name, the closest known name. */
  suggestion: string | null;
  /**
   * Set when the name is a hadolint code: of a rule with several codes, it silences only the findings reported
   * with that code (and those reported without one).
   */
  hadolint?: HadolintCode;
}

/** One ignore comment or `check=skip` directive. */
export interface IgnoreDirective {
  source: "hull" | "hadolint" | "buildkit" | "trivy" | "checkov" | "kics" | "semgrep";
  /**
   * `next`: the instruction below; `stage`: from the line below to the next FROM (hadolint's `stage ignore`, meant
   * above a FROM); `global`: the whole file.
   */
  scope: "global" | "stage" | "next";
  range: Range;
  entries: readonly IgnoreEntry[];
}

type InstructionOf<T extends InstructionType> = Extract<Instruction, { type: T }>;

/**
 * Handlers keyed by AST node type, called during the engine's single walk with the node and the rule's context
 * for the file (`C`).
 */
export type Visitor<C = never> = {
  [T in InstructionType]?: (node: InstructionOf<T>, ctx: C) => void;
} & {
  /** Every instruction (ONBUILD triggers included), before its type-specific handler. */
  Instruction?: (node: Instruction, ctx: C) => void;
  Stage?: (node: Stage, ctx: C) => void;
  "Stage:exit"?: (node: Stage, ctx: C) => void;
  Dockerfile?: (node: Dockerfile, ctx: C) => void;
  "Dockerfile:exit"?: (node: Dockerfile, ctx: C) => void;
  /** Top-level comment lines (not comment lines inside a continuation). */
  Comment?: (node: Comment, ctx: C) => void;
  /** Parser directives at the top of the file (`# syntax=`, `# escape=`, `# check=`). */
  Directive?: (node: Directive, ctx: C) => void;
};

/**
 * What a rule sees of the file being linted: the file, the rule's options (`O`) and the rule's state for this
 * file (`St`, made by the rule's `state`).
 */
export interface RuleContext<M extends Messages, O = Record<string, unknown>, St = undefined> {
  /** The rule's id. */
  readonly id: string;
  /** The rule's options as configured, defaults filled in; frozen. */
  readonly options: O;
  /** What the rule's `state` made for this file (undefined for a rule without one). */
  readonly state: St;
  readonly source: string;
  readonly parseResult: ParseResult;
  readonly ast: Dockerfile;
  /**
   * What the file means: global ARGs, base stages, `--from` targets, which stages are kept or used, and the
   * ARG/ENV scope before each instruction. Built on first use, once per file, and shared by every rule.
   */
  readonly semantic: SemanticModel;
  /** The file's path as given to `lint` (may be relative or absent, e.g. for stdin). */
  readonly filePath: string | undefined;
  readonly settings: LintSettings;
  /** The contents of the `.dockerignore` that applies to this file, or null when there is none. */
  readDockerignore(): string | null;
  /** Ignore comments and `check=skip` directives of the file. */
  readonly ignoreDirectives: readonly IgnoreDirective[];
  /** The stage being walked, or null in the preamble before the first FROM. */
  currentStage(): Stage | null;
  /**
   * The config of the image a stage starts from (following `FROM <stage>` to the first stage of the chain), when
   * the user gave it (`--image-config`, `--resolve`); undefined when it is unknown, and then a rule must not
   * guess what the image sets. Stages of this file between the image and `stage` are not applied to it.
   */
  baseImage(stage: Stage): BaseImage | undefined;
  /** True when the instruction is the trigger of an ONBUILD (it is also visited as what it wraps). */
  isTrigger(node: Instruction): boolean;
  /** A range from 0-based source offsets (end exclusive), with lines and columns computed. */
  rangeOf(startOffset: number, endOffset: number): Range;
  /** Reports a finding: `at` is a node, a range, or `{ at, fix }`; the arguments are those of the message. */
  report<K extends keyof M & string>(
    at: Locatable | ReportTarget,
    messageId: K,
    ...args: Parameters<M[K]>
  ): void;
}

/**
 * A rule: plain metadata, a visitor whose handlers are called with each node and the rule's context for the
 * file, and, for a rule that remembers something while it walks a file, `state`, which makes what it remembers.
 * The handlers are made once, with the rule, and not for each file (see `visitor`).
 */
export interface RuleDefinition<
  M extends Messages = Messages,
  S extends OptionsSchema = OptionsSchema,
  St = undefined,
> {
  /** kebab-case; also the file name, doc name, config key and URL slug. */
  id: string;
  /** One line, in the imperative, e.g. "Pin base images to an explicit tag". */
  title: string;
  /** The default severity. */
  severity: Severity;
  /** False for rules that only run when enabled by config or the `all` preset; default true. */
  recommended?: boolean;
  aliases?: RuleAliases;
  /** Set for rules about security (in the `security` preset, tagged in SARIF), with how serious a finding is. */
  security?: SecuritySeverity;
  /**
   * A name shared with related rules (e.g. the rules one check was split into): configs and ignore comments may
   * use it to set or silence all of them at once. Never the id of a rule.
   */
  group?: string;
  /** The level of the rule's automatic fixes, or false when it offers none. */
  fixable: FixLevel | false;
  /**
   * In a template (linted with its markup masked), where markup can change a finding besides in the text the
   * finding covers, which drops it for every rule. Unset: nowhere else. See `MarkupReach`.
   */
  markupReach?: MarkupReach;
  docs: RuleDocs<OptionsOf<S>>;
  messages: M;
  options?: S;
  /**
   * Makes the rule's state for one file, before the walk; handlers read it as `ctx.state`. A rule keeps nothing
   * of a file anywhere else: its handlers are shared by every file.
   */
  state?: (ctx: RuleContext<M, OptionsOf<S>>) => St;
  /**
   * The handlers, one per node key: functions made once with the rule, not closures made per file, so that a file
   * costs no visitor object, no closures and no handler table learnt from them (on the corpus, 7.6% less allocation
   * and 4.1% fewer instructions than per-file closures).
   */
  visitor: Visitor<RuleContext<M, OptionsOf<S>, St>>;
}

/**
 * Where template markup outside a finding's own text can change the finding, so that the engine drops it in a
 * template with such markup (the rendered file may not have it):
 * - `rest-of-instruction`: markup after the finding in its instruction (a RUN that ends with `{{ clean_apt }}`
 *   may remove what the finding says it leaves);
 * - `instruction-and-previous`: markup anywhere in its instruction or the one before (how many commands each
 *   holds);
 * - `control-lines`: a branch or an include anywhere in the file (which stages, ARGs and variables the rendered
 *   file defines);
 * - `any`: any markup in the file (the finding reads values that markup may write);
 * - `before-first-from`: markup before the first FROM, which may render to one.
 */
export type MarkupReach =
  "rest-of-instruction" | "instruction-and-previous" | "control-lines" | "any" | "before-first-from";

/** A rule of any message and option types, as the registry holds them. */
// The registry is heterogeneous, so the message and option types are erased here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rule = RuleDefinition<any, any, any>;

/** Declares a rule; only checks and infers types (message arguments, options). */
export function defineRule<
  const M extends Messages,
  S extends OptionsSchema = Record<never, OptionSchema>,
  St = undefined,
>(rule: RuleDefinition<M, S, St>): RuleDefinition<M, S, St> {
  return rule;
}

/** The aliases of one tool as a list. */
export function aliasList(rule: Pick<Rule, "aliases">, tool: keyof RuleAliases): readonly string[] {
  const value = rule.aliases?.[tool];
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

/** The rule groups of a registry: each group name with the ids of its rules, in registry order. */
export function ruleGroups(rules: readonly Pick<Rule, "id" | "group">[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const rule of rules) {
    if (rule.group === undefined) continue;
    const ids = groups.get(rule.group) ?? [];
    ids.push(rule.id);
    groups.set(rule.group, ids);
  }
  return groups;
}

/** The default options of a rule. */
export function defaultOptions(rule: Pick<Rule, "options">): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries((rule.options ?? {}) as OptionsSchema)) {
    result[key] = structuredClone(schema.default);
  }
  return result;
}

/** Compares severities: negative when `a` is more severe than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severities.indexOf(a) - severities.indexOf(b);
}
