import {
  expandWord,
  type ArgDeclaration,
  type Dockerfile,
  type Env,
  type ExpandOptions,
  type Instruction,
  type Range,
  type Stage,
  type Word,
} from "@hull/parser";

/** One `$NAME` or `${NAME…}` reference found in a word, with offsets into the scanned text. */
export interface VarRef {
  name: string;
  /** Offset of the `$`. */
  start: number;
  /** Offset just past the name (`$NAME`) or the closing `}`. */
  end: number;
  /** The operator after the name: `-`, `+`, `?`, `#`, `%`, `/`, or "" for a plain reference. */
  operator: string;
}

/** True for `${V-w}`, `${V:-w}`, `${V+w}` and `${V:+w}`: forms that handle an unset variable on purpose. */
export function isGuarded(ref: VarRef): boolean {
  return ref.operator === "-" || ref.operator === "+";
}

const SPECIAL_PARAMS = "@*#?-$!0";

/**
 * Finds the variable references of a word as BuildKit's shell lexer would look them up, with their offsets.
 * This only locates references (for exact ranges and to tell guarded forms apart); `expandWord` stays the one
 * source of truth for values and for which names are missing.
 */
export function findVarRefs(text: string, escape: string, skipQuotes = false): VarRef[] {
  const refs: VarRef[] = [];
  const n = text.length;
  let i = 0;

  const readName = (): string => {
    const start = i;
    if (i < n && /\p{Nd}/u.test(text[i]!)) {
      while (i < n && /\p{Nd}/u.test(text[i]!)) i++;
      return text.slice(start, i);
    }
    if (i < n && SPECIAL_PARAMS.includes(text[i]!)) return text[i++]!;
    while (i < n && /[\p{L}\p{Nd}_]/u.test(text[i]!)) i++;
    return text.slice(start, i);
  };

  // Returns false when the text ends before `stop`, as BuildKit's lexer then fails.
  const scanUntil = (stop: string | null): boolean => {
    while (i < n) {
      const ch = text[i]!;
      if (stop !== null && ch === stop) {
        i++;
        return true;
      }
      if (ch === "$") dollar();
      else if (!skipQuotes && ch === "'") {
        const close = text.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
      } else if (!skipQuotes && ch === '"') doubleQuoted();
      else i += ch === escape ? 2 : 1;
    }
    return stop === null;
  };

  const doubleQuoted = () => {
    i++;
    while (i < n) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === "$") {
        dollar();
        continue;
      }
      i++;
      if (ch === escape && i < n && (text[i] === '"' || text[i] === "$" || text[i] === escape)) i++;
    }
  };

  const dollar = () => {
    const start = i;
    i++;
    if (text[i] !== "{") {
      const name = readName();
      if (name !== "") refs.push({ name, start, end: i, operator: "" });
      return;
    }
    i++;
    if (i >= n || text[i] === "{" || text[i] === "}" || text[i] === ":") return;
    const name = readName();
    const ch = text[i++];
    let operator: string;
    if (ch === "}") operator = "";
    else if (ch === ":") {
      operator = text[i++] ?? "";
      if (!scanUntil("}")) return;
    } else if (ch !== undefined && "+-?#%".includes(ch)) {
      operator = ch;
      if (!scanUntil("}")) return;
    } else if (ch === "/") {
      operator = "/";
      if (text[i] === "/") i++;
      if (!scanUntil("/") || !scanUntil("}")) return;
    } else return;
    if (name !== "") refs.push({ name, start, end: i, operator });
  };

  scanUntil(null);
  return refs.sort((a, b) => a.start - b.start);
}

/**
 * Maps references found in `value` to offsets in the source text that produced it (they differ for JSON
 * elements, quoted flags and continuation lines); a reference that cannot be found gets `null`.
 */
export function locateRefs(value: string, refs: readonly VarRef[], source: string, sourceStart: number) {
  if (value === source)
    return refs.map((ref) => ({ ref, start: sourceStart + ref.start, end: sourceStart + ref.end }));
  let cursor = 0;
  return refs.map((ref) => {
    const needle = value.slice(ref.start, ref.end);
    const at = source.indexOf(needle, cursor);
    if (at < 0) return { ref, start: null, end: null };
    cursor = at + needle.length;
    return { ref, start: sourceStart + at, end: sourceStart + at + needle.length };
  });
}

/** The ARGs BuildKit defines for every build, usable in FROM without a declaration (linux/amd64 as the default). */
export const predefinedArgs: ReadonlyMap<string, string> = new Map([
  ["BUILDPLATFORM", "linux/amd64"],
  ["BUILDOS", "linux"],
  ["BUILDOSVERSION", ""],
  ["BUILDARCH", "amd64"],
  ["BUILDVARIANT", ""],
  ["TARGETPLATFORM", "linux/amd64"],
  ["TARGETOS", "linux"],
  ["TARGETOSVERSION", ""],
  ["TARGETARCH", "amd64"],
  ["TARGETVARIANT", ""],
  ["TARGETSTAGE", "default"],
]);

/** BuildKit's control ARGs that never become environment variables. */
export const nonEnvArgs: ReadonlySet<string> = new Set([
  "BUILDKIT_SBOM_SCAN_CONTEXT",
  "BUILDKIT_SBOM_SCAN_STAGE",
]);

/** BuildKit sets PATH in every Linux stage whose base image does not. */
export const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** The global ARGs (before the first FROM), evaluated with their defaults only, as BuildKit's `--check` does. */
export interface MetaArgs {
  /** Every declared global ARG name, with or without a default. */
  declared: ReadonlySet<string>;
  /** Predefined ARGs plus the global ARGs that have a value, by name. */
  env: ReadonlyMap<string, string>;
  /** The first expansion error of a default, if any (BuildKit then stops evaluating). */
  error: string | null;
}

/** The expansion options for a file. */
export function expandOptions(ast: Dockerfile): ExpandOptions {
  return { escape: ast.escapeChar };
}

/** Strips quotes from an ARG or ENV name as BuildKit's lexer would, keeping the raw text if that fails. */
export function plainName(word: Word, env: ReadonlyMap<string, string>, options: ExpandOptions): string {
  const result = expandWord(word.value, env, options);
  return result.error === null && result.value !== "" ? result.value : word.value;
}

/** Evaluates the global ARGs of a file with their default values. */
export function metaArgs(ast: Dockerfile): MetaArgs {
  // Several rules ask for the same file's global ARGs; the AST does not change after parsing.
  let meta = metaCache.get(ast);
  if (!meta) {
    meta = evaluateMetaArgs(ast);
    metaCache.set(ast, meta);
  }
  return meta;
}

const metaCache = new WeakMap<Dockerfile, MetaArgs>();

function evaluateMetaArgs(ast: Dockerfile): MetaArgs {
  const options = expandOptions(ast);
  const declared = new Set<string>();
  const env = new Map(predefinedArgs);
  let error: string | null = null;
  for (const instruction of ast.preamble) {
    if (instruction.type !== "Arg") continue;
    for (const decl of instruction.declarations) {
      const name = plainName(decl.name, env, options);
      declared.add(name);
      if (decl.defaultValue === null || error !== null) continue;
      const result = expandWord(decl.defaultValue.value, env, options);
      if (result.error !== null) error = result.error;
      else env.set(name, result.value);
    }
  }
  return { declared, env, error };
}

/** What is known about the environment of a build stage at one point. */
export interface StageScope {
  /** Variables with a known value: ENV and ARGs with a value, inherited from base stages, plus PATH. */
  env: Map<string, string>;
  /** ARG names declared in this stage or a base stage (BuildKit's `buildArgs`), with or without a value. */
  args: Set<string>;
  /** Names whose value depends on something unknown (the base image's ENV). */
  uncertain: Set<string>;
  /** The external image at the root of the stage chain, or null when the chain starts at `scratch`. */
  baseImage: string | null;
  /** True when a base name in the chain uses a variable without a value, so the base may be any image or stage. */
  baseUnresolved: boolean;
}

function cloneScope(scope: StageScope): StageScope {
  return {
    env: new Map(scope.env),
    args: new Set(scope.args),
    uncertain: new Set(scope.uncertain),
    baseImage: scope.baseImage,
    baseUnresolved: scope.baseUnresolved,
  };
}

/** The expanded base name of a stage (its FROM image with global ARG defaults), or null when it cannot be known. */
export function baseNameOf(stage: Stage, meta: MetaArgs, options: ExpandOptions): string | null {
  const image = stage.from.image;
  if (!image) return null;
  const result = expandWord(image.value, meta.env, options);
  return result.error === null && result.missing.length === 0 ? result.value : null;
}

/** An image reference with the global ARGs' defaults filled in; null when a variable has no value. */
export function resolveImage(ast: Dockerfile, image: string, meta: MetaArgs = metaArgs(ast)): string | null {
  if (!image.includes("$")) return image;
  const result = expandWord(image, meta.env, expandOptions(ast));
  return result.error === null && result.missing.length === 0 && result.value !== "" ? result.value : null;
}

/** Each stage's base stage in this file (`FROM <stage>`), found as BuildKit finds it; null for an image. */
export function baseStages(ast: Dockerfile, meta: MetaArgs = metaArgs(ast)): Map<Stage, Stage | null> {
  const options = expandOptions(ast);
  const byName = new Map<string, Stage>();
  const bases = new Map<Stage, Stage | null>();
  for (const stage of ast.stages) {
    const name = baseNameOf(stage, meta, options);
    // Names are stored in lowercase and looked up as written; a later stage of the same name replaces an earlier one.
    bases.set(stage, name === null ? null : (byName.get(name) ?? null));
    if (stage.name) byName.set(stage.name, stage);
  }
  return bases;
}

/** The base stages of a stage in this file, nearest first. */
export function baseChain(stage: Stage, bases: ReadonlyMap<Stage, Stage | null>): Stage[] {
  const chain: Stage[] = [];
  for (let s = bases.get(stage) ?? null; s && !chain.includes(s); s = bases.get(s) ?? null) chain.push(s);
  return chain;
}

/**
 * Follows the environment of each stage through its instructions, as BuildKit's dispatcher builds it: a stage
 * starts from its base stage's final environment (or an image's unknown one), and ENV and ARG add to it.
 * Rules call `enterStage` from their `Stage` handler, read `scope` before an instruction, then call `apply`.
 */
export class StageEnvTracker {
  readonly meta: MetaArgs;
  readonly options: ExpandOptions;
  private readonly finals = new Map<string, StageScope>();
  private current: StageScope | null = null;

  constructor(private readonly ast: Dockerfile) {
    this.meta = metaArgs(ast);
    this.options = expandOptions(ast);
  }

  /** The scope before the instruction about to be applied; null outside a stage. */
  get scope(): StageScope | null {
    return this.current;
  }

  /** Starts a stage from its base. */
  enterStage(stage: Stage): void {
    const base = baseNameOf(stage, this.meta, this.options);
    const parent = base === null ? undefined : this.finals.get(base.toLowerCase());
    if (parent) this.current = cloneScope(parent);
    else {
      const scratch = base !== null && base.toLowerCase() === "scratch";
      this.current = {
        env: new Map([["PATH", defaultPath]]),
        args: new Set(),
        uncertain: new Set(),
        baseImage: scratch ? null : (base ?? stage.from.image?.value ?? ""),
        baseUnresolved: base === null,
      };
    }
    if (stage.name !== null) this.finals.set(stage.name, this.current);
  }

  /** Applies one ARG declaration; call it once per declaration, in order. */
  applyArg(decl: ArgDeclaration): void {
    const scope = this.current;
    if (!scope) return;
    const name = plainName(decl.name, scope.env, this.options);
    scope.args.add(name);
    if (decl.defaultValue !== null) {
      const result = expandWord(decl.defaultValue.value, scope.env, this.options);
      this.set(scope, name, result.error === null ? result.value : decl.defaultValue.value, result.missing);
      if (result.error !== null) scope.uncertain.add(name);
    } else if (this.meta.env.has(name) && !nonEnvArgs.has(name)) {
      this.set(scope, name, this.meta.env.get(name)!, []);
    }
  }

  /** Applies the effect of an instruction on the environment (ENV and ARG; other instructions change nothing). */
  apply(instruction: Instruction): void {
    if (instruction.type === "Arg") for (const decl of instruction.declarations) this.applyArg(decl);
    else if (instruction.type === "Env") this.applyEnv(instruction);
  }

  private applyEnv(node: Env): void {
    const scope = this.current;
    if (!scope) return;
    // Every pair of one ENV is expanded against the environment before the instruction.
    const before = new Map(scope.env);
    const updates: [string, string, string[], boolean][] = [];
    for (const pair of node.pairs) {
      const key = expandWord(pair.key.value, before, this.options);
      const value = expandWord(pair.value.value, before, this.options);
      if (key.error !== null || key.value === "") continue;
      const failed = value.error !== null;
      updates.push([
        key.value,
        failed ? pair.value.value : value.value,
        [...key.missing, ...value.missing],
        failed,
      ]);
    }
    for (const [name, value, missing, failed] of updates) {
      this.set(scope, name, value, missing);
      if (failed) scope.uncertain.add(name);
    }
  }

  private set(scope: StageScope, name: string, value: string, missing: readonly string[]): void {
    if (nonEnvArgs.has(name)) return;
    scope.env.set(name, value);
    if (missing.length > 0 && scope.baseImage !== null) scope.uncertain.add(name);
    else scope.uncertain.delete(name);
  }
}

/** A range for `[start, end)` source offsets. */
export type RangeOf = (start: number, end: number) => Range;

/**
 * The candidate a misspelt variable name most likely meant: equal ignoring case, or within a small
 * optimal-string-alignment distance (a swap of two letters counts once) relative to the name's length.
 */
export function suggestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === lower ? 0.5 : osaDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.min(2, Math.floor(name.length / 3));
  return bestDistance <= Math.max(limit, 0.5) ? best : null;
}

function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** True when a stage ends up in an image: the last stage, and every stage that a later FROM builds on. */
export function stageIsKept(stages: readonly Stage[], stage: Stage | null): boolean {
  if (!stage) return false;
  if (stage.index === stages.length - 1) return true;
  return (
    stage.name !== null &&
    stages.some((s) => s.index > stage.index && s.from.image?.value.toLowerCase() === stage.name)
  );
}
