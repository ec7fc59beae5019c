import type {
  Arg,
  ArgDeclaration,
  Dockerfile,
  Env,
  Instruction,
  KeyValue,
  Stage,
  Word,
  Workdir,
} from "../ast/nodes.js";
import { startOf } from "../ast/node-classes.js";
import { expandWord, type ExpandOptions, type ExpandWordResult } from "../expand/expand.js";
import { firstIndex } from "../first-index.js";
import { pathMax } from "./limits.js";
import { startsAtRoot } from "./official-images.js";
import { workdirAfter } from "./path.js";
import { PersistentMap, PersistentSet } from "./persistent-map.js";
import { defaultPath, defaultPredefinedArgs, nonEnvArgs, predefinedArgs } from "./predefined.js";
import type { Platform } from "./platform.js";

/** The global ARGs (before the first FROM), evaluated once with the build args, as BuildKit's `--check` does. */
export interface GlobalArgs {
  /** Every declared global ARG name, with or without a default. */
  readonly declared: ReadonlySet<string>;
  /** The predefined ARGs plus the global ARGs that have a value, by name: what FROM is expanded with. */
  readonly env: ReadonlyMap<string, string>;
  /** Only the global ARGs that have a value (no predefined ones). */
  readonly values: ReadonlyMap<string, string>;
  /** The first expansion error of a default, if any (BuildKit then stops evaluating). */
  readonly error: string | null;
  /**
   * Every default that failed to expand, in order, with its declaration. Only the first unless the model was
   * asked to `keepGoing`.
   */
  readonly errors: readonly { readonly declaration: ArgDeclaration; readonly message: string }[];
  /**
   * Where each name visible in a FROM got its value, in order: the predefined ARGs, then one entry per global
   * ARG declaration (a later one of a name replaces an earlier one for whoever reads them in order).
   */
  readonly definitions: readonly Definition[];
}

/**
 * Where a variable in scope was defined: the ARG declaration or ENV pair that last set it, or BuildKit for a
 * predefined ARG. What hover and completion show.
 */
export interface Definition {
  readonly name: string;
  readonly kind: "ARG" | "ENV" | "predefined";
  /** The ARG or ENV instruction; null for a predefined ARG. */
  readonly instruction: Arg | Env | null;
  /** The ARG's declaration or the ENV's pair; null for a predefined ARG. */
  readonly declaration: ArgDeclaration | KeyValue | null;
  /**
   * The value as written: the ARG's default or the ENV's value; for an ARG without a default, the global ARG's
   * that it takes. Null when there is none.
   */
  readonly raw: string | null;
  /**
   * The value with the variables it uses filled in; null when unknown: no value, a variable without a definition
   * of known value (a predefined ARG, the image's PATH), or a failed expansion.
   */
  readonly value: string | null;
}

/** What is known about the environment of a build stage at one point. */
export interface StageScope {
  /** Variables with a known value: ENV and ARGs with a value, inherited from base stages, plus PATH. */
  readonly env: ReadonlyMap<string, string>;
  /** ARG names declared in this stage or a base stage (BuildKit's `buildArgs`), with or without a value. */
  readonly args: ReadonlySet<string>;
  /** Names whose value depends on something unknown (the base image's ENV). */
  readonly uncertain: ReadonlySet<string>;
  /** The external image at the root of the stage chain, or null when the chain starts at `scratch`. */
  readonly baseImage: string | null;
  /** True when a base name in the chain uses a variable without a value, so the base may be any image or stage. */
  readonly baseUnresolved: boolean;
  /**
   * Where each ARG and ENV name in scope (of this stage and its base stages) was defined, in first-set order;
   * empty unless the model was made with `definitions`.
   */
  readonly definitions: ReadonlyMap<string, Definition>;
}

/** Inputs of a build that the file itself does not hold. */
export interface SemanticOptions {
  /** `--build-arg` values; they replace the defaults of the ARGs that declare them. */
  readonly buildArgs?: ReadonlyMap<string, string>;
  readonly targetPlatform?: Platform;
  readonly buildPlatform?: Platform;
  /** What TARGETSTAGE holds (BuildKit: the `--target` stage, else the last stage's name); `default` if not given. */
  readonly targetStage?: string;
  /**
   * Keep evaluating global ARGs after a default fails to expand, giving it what did expand, so that every bad
   * default is reported (the planner); without it evaluation stops at the first, as BuildKit's `--check` does.
   */
  readonly keepGoing?: boolean;
  /** Take ARG names as written, without BuildKit's unquoting (the planner matches build args that way). */
  readonly rawNames?: boolean;
  /**
   * Record where each name in a stage's scope was defined (`StageScope.definitions`), for hover and completion;
   * without it, which saves lint the work, stage scopes list no definitions.
   */
  readonly definitions?: boolean;
}

/**
 * A scope as the model advances it: each field is an immutable version, replaced as instructions add to it, so a
 * copy of the holder is a snapshot and costs six pointers, however many variables the stage chain holds.
 */
interface MutableScope {
  env: PersistentMap<string>;
  args: PersistentSet;
  uncertain: PersistentSet;
  baseImage: string | null;
  baseUnresolved: boolean;
  definitions: PersistentMap<Definition>;
}

/** Where an instruction sits: its stage (null in the preamble) and its index among the stage's instructions. */
interface Place {
  stage: Stage | null;
  index: number;
}

/**
 * Work counters for tests: every step a model takes along stages, chains and instructions adds one to `steps`
 * (complexity guards), every model made adds one to `models` (one model per document). Tests read them before and
 * after a run; nothing else should depend on them.
 */
export const semanticWork = { steps: 0, models: 0 };

/**
 * What a Dockerfile means beyond its syntax, answered as BuildKit's dispatcher would: the global ARGs, each
 * stage's base stage, the stages `--from` names, which stages other stages build on or read from, and the
 * ARG/ENV scope before any instruction. Made by `semanticModel`. The global ARGs are evaluated when it is made;
 * everything else is computed on first use and kept: make one per parse and keep it with the parse for everything
 * that reads the file (the language server hands its document's to `lint`).
 */
export interface SemanticModel {
  readonly ast: Dockerfile;
  readonly options: ExpandOptions;
  /** The global ARGs. */
  readonly globals: GlobalArgs;
  /** The predefined ARGs for this model's platforms. */
  readonly predefined: ReadonlyMap<string, string>;
  /** Strips quotes from an ARG or ENV name as BuildKit's lexer would, keeping the raw text if that fails. */
  plainName(word: Word, env: ReadonlyMap<string, string>): string;
  /** A word with the global ARGs filled in; null when it uses a variable without a value or fails to expand. */
  expandGlobal(text: string): string | null;
  /** An image reference with the global ARGs filled in; null when unknown or empty. */
  resolveImage(text: string): string | null;
  /** The expanded base name of a stage (its FROM image with the global ARGs), or null when it cannot be known. */
  baseName(stage: Stage): string | null;
  /** The stage of this file a stage is built on (`FROM <stage>`), or null for an image. */
  baseOf(stage: Stage): Stage | null;
  /** The base stages of a stage in this file, nearest first. */
  chain(stage: Stage): Stage[];
  /** The first stage of the chain a stage is built on (the stage itself when it is built on an image). */
  rootOf(stage: Stage): Stage;
  /**
   * The global and predefined ARGs that pick a stage's base: those its FROM reads (the image name and
   * `--platform`), and those the FROMs of the stages of this file it builds on read. A new value of one names
   * another base, so every instruction of the stage is rebuilt.
   */
  baseArgs(stage: Stage): ReadonlySet<string>;
  /**
   * True when `test` holds for a base stage of `stage` (not the stage itself). Answers are kept per test
   * function, so asking for every stage costs one step per stage: pass the same function each time.
   */
  someBase(stage: Stage, test: (stage: Stage) => boolean): boolean;
  /**
   * The stage a `--from` value (already expanded) names, as BuildKit looks it up: a stage name in any case
   * (the last stage of that name, anywhere in the file), or a stage index; null for an image or named context.
   */
  stageByRef(ref: string): Stage | null;
  /** The last stage of a name (lower-cased), or null. */
  stageNamed(name: string): Stage | null;
  /** True when a later stage of this file is built on this one (`FROM <stage>`). */
  isBase(stage: Stage): boolean;
  /**
   * The earlier stages a base name made with a build argument can name, whichever value a build passes
   * (`FROM flavor$VARIANT` → `flavor0`, `flavor1`); [] for any other base name.
   */
  picksOf(stage: Stage): readonly Stage[];
  /**
   * True when a stage ends up in an image: the last stage, and every stage that the last stage or another
   * possible target (a stage no other stage uses) is built on, whichever a base name made with a build argument
   * picks (`FROM base-\${VARIANT}`). A chain of build stages that only feeds `COPY --from` ends up in no image.
   */
  isKept(stage: Stage | null): boolean;
  /**
   * True when another stage builds on this one (`FROM <stage>`, or a name made with a build argument that can
   * expand to it: `FROM base-\${VARIANT}`) or reads from it (`COPY --from`, `RUN --mount=from=`): an intermediate
   * stage, as opposed to one that can end up as an image of its own.
   */
  isUsed(stage: Stage): boolean;
  /** The stage an instruction belongs to (null in the preamble or for an instruction not in this file). */
  stageOf(node: Instruction): Stage | null;
  /**
   * The last instruction of a type in a stage, or in the stage it is built on: the USER a stage's container runs as
   * (`lastOf(stage, "User")`), its ENTRYPOINT, its CMD. Null when no stage of the chain has one (the base image's
   * applies). ONBUILD triggers do not count.
   */
  lastOf<T extends Instruction["type"]>(stage: Stage, type: T): Extract<Instruction, { type: T }> | null;
  /**
   * The environment before an instruction of a stage (or before one declaration of an ARG), as BuildKit's
   * dispatcher builds it: a stage starts from its base stage's final environment (or an image's unknown one),
   * and ENV and ARG add to it. Null in the preamble and for ONBUILD triggers. The scope is immutable: it may be
   * kept. Asking in source order costs one step per declaration in all.
   */
  scopeBefore(node: Instruction, decl?: ArgDeclaration): StageScope | null;
  /** The environment after the last instruction of a stage. */
  finalScope(stage: Stage): StageScope;
  /**
   * A word's text as the build sets it before an instruction of a stage: quotes removed and the stage's variables
   * expanded. Null when the file does not say: the text reads a build argument (a build may pass any value), a
   * variable the base image may set or that nothing sets, or fails to expand; and when it needs expanding in the
   * preamble or an ONBUILD trigger, which run with another stage's variables. With `argDefaults`, a build
   * argument reads as its default, the value of a build that passes none (what BuildKit's checks assume).
   */
  valueBefore(node: Instruction, text: string, options?: ValueOptions): string | null;
  /**
   * The working directory before an instruction of a stage, as its WORKDIRs set it (BuildKit's
   * `NormalizeWorkdir`): an absolute value as written, a relative one joined to the directory before it and
   * cleaned. A stage starts in its base stage's last directory, in `/` on scratch and on the official system
   * images (`debian`, `alpine`: `startsAtRoot`), and in any other image's, which the file does not say. Null when unknown: an image's directory, a value the file does not fix (`valueBefore`), a
   * Windows path; and in the preamble and ONBUILD triggers.
   */
  workdirBefore(node: Instruction): string | null;
}

/** How `valueBefore` reads a word. */
export interface ValueOptions {
  /** Read a build argument as its default value instead of as unknown. */
  readonly argDefaults?: boolean;
}

/**
 * A model with what it has computed so far. A plain object literal whose methods are module functions, not a
 * class instance: V8 keeps the hidden class of a literal's objects for as long as the code that makes them, but
 * reaches the one of a constructor's objects only through weak links, so when no model was alive at a full
 * garbage collection it freed that hidden class and deoptimized every function that had read a model (most rule
 * handlers among them), to compile them all again on the next file.
 */
interface Model extends SemanticModel {
  readonly inputs: SemanticOptions;
  globalsByName: Map<string, Definition> | undefined;
  bases: (Stage | null)[] | undefined;
  baseNames: (string | null)[] | undefined;
  byName: Map<string, Stage> | undefined;
  baseSet: Set<Stage> | undefined;
  usedSet: Set<Stage> | undefined;
  /** For a stage whose base name is made with a build argument, the earlier stages that name can expand to. */
  picks: Map<Stage, Stage[]> | undefined;
  keptSet: Set<Stage> | undefined;
  roots: Stage[] | undefined;
  /** Each stage's `baseArgs`, computed on demand. */
  baseArgSets: ReadonlySet<string>[] | undefined;
  readonly chainMemo: Map<(stage: Stage) => boolean, (boolean | undefined)[]>;
  // Each stage's environment after its last instruction, computed on demand; it is shared by every stage built on
  // it (the maps are immutable), not copied.
  finals: (MutableScope | undefined)[] | undefined;
  // The scope being advanced through one stage: queries in source order cost one step per declaration.
  cursor: { stage: Stage; index: number; decl: number; scope: MutableScope } | null;
  // Each stage's WORKDIRs with the directory each sets, computed on demand.
  workdirs: (StageWorkdirs | undefined)[] | undefined;
}

/** A stage's directory before its first instruction, and each WORKDIR's index in the stage with what it sets. */
interface StageWorkdirs {
  readonly start: string | null;
  readonly at: readonly number[];
  readonly dirs: readonly (string | null)[];
}

/** The semantic model of a tree, with the inputs of a build that the file itself does not hold. */
export function semanticModel(ast: Dockerfile, inputs: SemanticOptions = {}): SemanticModel {
  semanticWork.models++;
  const options: ExpandOptions = { escape: ast.escapeChar };
  const { targetPlatform, buildPlatform, targetStage } = inputs;
  const predefined =
    targetPlatform || buildPlatform || targetStage !== undefined
      ? predefinedArgs(targetPlatform, buildPlatform ?? targetPlatform, targetStage)
      : defaultPredefinedArgs;
  const model: Model = {
    ast,
    options,
    globals: evaluateGlobals(ast, inputs, options, predefined),
    predefined,
    inputs,
    globalsByName: undefined,
    bases: undefined,
    baseNames: undefined,
    byName: undefined,
    baseSet: undefined,
    usedSet: undefined,
    picks: undefined,
    keptSet: undefined,
    roots: undefined,
    baseArgSets: undefined,
    chainMemo: new Map(),
    finals: undefined,
    cursor: null,
    workdirs: undefined,
    plainName,
    expandGlobal,
    resolveImage,
    baseName,
    baseOf,
    chain,
    rootOf,
    baseArgs,
    someBase,
    stageByRef,
    stageNamed,
    isBase,
    picksOf,
    isKept,
    isUsed,
    stageOf,
    lastOf,
    scopeBefore,
    finalScope,
    valueBefore,
    workdirBefore,
  };
  return model;
}

function plainName(this: SemanticModel, word: Word, env: ReadonlyMap<string, string>): string {
  return nameOf(word, env, this.options);
}

function nameOf(word: Word, env: ReadonlyMap<string, string>, options: ExpandOptions): string {
  const result = expand(word.value, env, options);
  return result.error === null && result.value !== "" ? result.value : word.value;
}

function expandGlobal(this: SemanticModel, text: string): string | null {
  // Quotes and escapes go as BuildKit's lexer removes them (`FROM "node:22"` is node:22), not only variables.
  if (!expandable.test(text)) return text;
  const result = expandWord(text, this.globals.env, this.options);
  return result.error === null && result.missing.length === 0 ? result.value : null;
}

function resolveImage(this: SemanticModel, text: string): string | null {
  const value = this.expandGlobal(text);
  return value === "" ? null : value;
}

function baseName(this: Model, stage: Stage): string | null {
  graph(this);
  return this.baseNames![stage.index] ?? null;
}

function baseOf(this: Model, stage: Stage): Stage | null {
  semanticWork.steps++;
  return graph(this)[stage.index] ?? null;
}

function chain(this: Model, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s = this.baseOf(stage); s; s = this.baseOf(s)) out.push(s);
  return out;
}

function rootOf(this: Model, stage: Stage): Stage {
  const roots = (this.roots ??= []);
  const known = roots[stage.index];
  if (known) return known;
  // Walk down only to a stage whose root is known (bases come earlier in the file, so theirs usually are), and
  // keep the root of every stage passed: asking for every other stage of a long chain then costs no rewalk.
  const passed: Stage[] = [];
  let root: Stage = stage;
  for (let s: Stage | null = stage; s; s = this.baseOf(s)) {
    const found = roots[s.index];
    if (found) {
      root = found;
      break;
    }
    passed.push(s);
    root = s;
  }
  for (const s of passed) roots[s.index] = root;
  return root;
}

function baseArgs(this: Model, stage: Stage): ReadonlySet<string> {
  const memo = (this.baseArgSets ??= []);
  // Walk down only to a stage whose set is known, then fill the sets from the bottom up: asking for every stage of
  // a long chain costs one step per stage. A stage whose FROM reads no ARG shares its base stage's set.
  const pending: Stage[] = [];
  let below: ReadonlySet<string> = noArgs;
  for (let s: Stage | null = stage; s; s = this.baseOf(s)) {
    const known = memo[s.index];
    if (known) {
      below = known;
      break;
    }
    pending.push(s);
  }
  for (let i = pending.length - 1; i >= 0; i--) {
    const s = pending[i]!;
    const own = fromArgs(this, s);
    below = own.length === 0 ? below : new Set([...below, ...own]);
    memo[s.index] = below;
  }
  return below;
}

/** The global and predefined ARGs a stage's own FROM reads: in its image name and its `--platform`. */
function fromArgs(m: Model, stage: Stage): string[] {
  const names: string[] = [];
  const words = [
    stage.from.image?.value,
    ...stage.from.flags.filter((f) => f.name === "platform").map((f) => f.value),
  ];
  for (const text of words) {
    if (!text?.includes("$")) continue;
    const result = expandWord(text, m.globals.env, m.options);
    for (const name of [...result.matched, ...result.missing])
      if (m.globals.declared.has(name) || m.predefined.has(name)) names.push(name);
  }
  return names;
}

const noArgs: ReadonlySet<string> = new Set();

function someBase(this: Model, stage: Stage, test: (stage: Stage) => boolean): boolean {
  let memo = this.chainMemo.get(test);
  if (!memo) this.chainMemo.set(test, (memo = []));
  // Bases come before the stages built on them, so the first unknown answer in the chain is filled from the root.
  const pending: Stage[] = [];
  let s = this.baseOf(stage);
  let answer = false;
  while (s) {
    const known = memo[s.index];
    if (known !== undefined) {
      answer = known;
      break;
    }
    pending.push(s);
    s = this.baseOf(s);
  }
  for (let i = pending.length - 1; i >= 0; i--) {
    const p = pending[i]!;
    answer = answer || test(p);
    memo[p.index] = answer;
  }
  return answer;
}

function stageByRef(this: Model, ref: string): Stage | null {
  semanticWork.steps++;
  if (/^\d+$/.test(ref)) return this.ast.stages[Number(ref)] ?? null;
  graph(this);
  return this.byName!.get(ref.toLowerCase()) ?? null;
}

function stageNamed(this: Model, name: string): Stage | null {
  graph(this);
  return this.byName!.get(name) ?? null;
}

function isBase(this: Model, stage: Stage): boolean {
  graph(this);
  return this.baseSet!.has(stage);
}

function picksOf(this: Model, stage: Stage): readonly Stage[] {
  this.usedSet ??= findUsed(this);
  return this.picks!.get(stage) ?? [];
}

function isKept(this: Model, stage: Stage | null): boolean {
  if (!stage) return false;
  return (this.keptSet ??= findKept(this)).has(stage);
}

function isUsed(this: Model, stage: Stage): boolean {
  return (this.usedSet ??= findUsed(this)).has(stage);
}

function stageOf(this: Model, node: Instruction): Stage | null {
  return placeOf(this, node)?.stage ?? null;
}

function lastOf<T extends Instruction["type"]>(
  this: Model,
  stage: Stage,
  type: T,
): Extract<Instruction, { type: T }> | null {
  for (let s: Stage | null = stage; s; s = this.baseOf(s)) {
    const { instructions } = s;
    for (let i = instructions.length - 1; i >= 0; i--) {
      semanticWork.steps++;
      const instruction = instructions[i]!;
      if (instruction.type === type) return instruction as Extract<Instruction, { type: T }>;
    }
  }
  return null;
}

function scopeBefore(this: Model, node: Instruction, decl?: ArgDeclaration): StageScope | null {
  const place = placeOf(this, node);
  if (!place?.stage) return null;
  const declIndex = decl && node.type === "Arg" ? node.declarations.indexOf(decl) : 0;
  return copy(advance(this, place.stage, place.index, Math.max(0, declIndex)));
}

function valueBefore(this: Model, node: Instruction, text: string, options?: ValueOptions): string | null {
  // Most words have nothing to expand: their value is their text, and no scope is made for them.
  if (!expandable.test(text)) return text;
  const scope = this.scopeBefore(node);
  if (scope === null) return null;
  const result = expand(text, scope.env, this.options);
  if (result.error !== null || result.missing.length > 0) return null;
  const unknown = options?.argDefaults
    ? (name: string) => scope.uncertain.has(name)
    : (name: string) => scope.args.has(name) || scope.uncertain.has(name);
  return result.matched.some(unknown) ? null : result.value;
}

function workdirBefore(this: Model, node: Instruction): string | null {
  const place = placeOf(this, node);
  if (!place?.stage) return null;
  const { start, at, dirs } = stageWorkdirs(this, place.stage);
  const k = firstIndex(at.length, (i) => at[i]! >= place.index) - 1;
  return k < 0 ? start : dirs[k]!;
}

function stageWorkdirs(m: Model, stage: Stage): StageWorkdirs {
  const all = (m.workdirs ??= new Array<StageWorkdirs | undefined>(m.ast.stages.length).fill(undefined));
  return all[stage.index] ?? alongChain(m, all, stage, workdirsOf);
}

/** A stage's WORKDIRs, its base stage's already known. */
function workdirsOf(m: Model, stage: Stage): StageWorkdirs {
  const base = m.baseOf(stage);
  let dir: string | null;
  if (base) {
    const b = m.workdirs![base.index]!;
    dir = b.dirs.length > 0 ? b.dirs[b.dirs.length - 1]! : b.start;
  } else {
    const image = m.baseName(stage);
    dir = image !== null && (image.toLowerCase() === "scratch" || startsAtRoot(image)) ? "/" : null;
  }
  const start = dir;
  const at: number[] = [];
  const dirs: (string | null)[] = [];
  stage.instructions.forEach((instruction, index) => {
    if (instruction.type !== "Workdir") return;
    semanticWork.steps++;
    dir = nextWorkdir(m, instruction, dir);
    at.push(index);
    dirs.push(dir);
  });
  return { start, at, dirs };
}

/** The directory a WORKDIR sets after `current`; null when unknown. */
function nextWorkdir(m: Model, node: Workdir, current: string | null): string | null {
  const text = node.value?.value;
  if (text === undefined) return current;
  const value = m.valueBefore(node, text);
  if (value === null || value.includes("\\") || /^[A-Za-z]:/.test(value)) return null;
  if (value === "") return current;
  const absolute = value.startsWith("/");
  if (current === null) return absolute && value.length <= pathMax ? value : null;
  // Past PATH_MAX the build fails; following further would copy ever longer paths (a generated file of 20,000
  // WORKDIRs, each one level deeper).
  if (absolute ? value.length > pathMax : current.length + value.length > pathMax) return null;
  return workdirAfter(current, value);
}

function finalScope(this: Model, stage: Stage): StageScope {
  return copy(final(this, stage));
}

/** The global ARGs (before the first FROM), with the build args, as BuildKit's `--check` evaluates them. */
function evaluateGlobals(
  ast: Dockerfile,
  inputs: SemanticOptions,
  options: ExpandOptions,
  predefined: ReadonlyMap<string, string>,
): GlobalArgs {
  // Most files declare no global ARG: they share what that leaves.
  if (!ast.preamble.some((i) => i.type === "Arg")) {
    return {
      declared: noDeclared,
      env: predefined,
      values: noValues,
      error: null,
      errors: [],
      definitions: predefinedDefinitions,
    };
  }
  const declared = new Set<string>();
  const env = new Map(predefined);
  const values = new Map<string, string>();
  const { buildArgs, keepGoing = false, rawNames = false } = inputs;
  const errors: { declaration: ArgDeclaration; message: string }[] = [];
  const definitions: Definition[] = [...predefinedDefinitions];
  const byName = new Map<string, Definition>();
  const define = (definition: Definition) => {
    definitions.push(definition);
    byName.set(definition.name, definition);
  };
  for (const d of predefinedDefinitions) byName.set(d.name, d);
  for (const instruction of ast.preamble) {
    if (instruction.type !== "Arg") continue;
    for (const decl of instruction.declarations) {
      const name = rawNames ? decl.name.value : nameOf(decl.name, env, options);
      declared.add(name);
      const raw = decl.defaultValue?.value ?? null;
      const stopped = errors.length > 0 && !keepGoing;
      const given = stopped ? undefined : buildArgs?.get(name);
      if (stopped || given !== undefined || raw === null) {
        define({ name, kind: "ARG", instruction, declaration: decl, raw, value: given ?? null });
        if (given !== undefined) {
          env.set(name, given);
          values.set(name, given);
        }
        continue;
      }
      const result = expand(raw, env, options);
      define({ name, kind: "ARG", instruction, declaration: decl, raw, value: knownValue(result, byName) });
      if (result.error !== null) errors.push({ declaration: decl, message: result.error });
      if (result.error === null || keepGoing) {
        env.set(name, result.value);
        values.set(name, result.value);
      }
    }
  }
  return { declared, env, values, error: errors[0]?.message ?? null, errors, definitions };
}

/** The last definition of a global ARG name, for a stage's `ARG NAME`, which takes the global's value. */
function globalDefinition(m: Model, name: string): Definition | undefined {
  if (!m.globalsByName) {
    m.globalsByName = new Map();
    for (const d of m.globals.definitions) m.globalsByName.set(d.name, d);
  }
  return m.globalsByName.get(name);
}

function graph(m: Model): (Stage | null)[] {
  if (m.bases) return m.bases;
  const bases: (Stage | null)[] = [];
  const names: (string | null)[] = [];
  const before = new Map<string, Stage>();
  const baseSet = new Set<Stage>();
  for (const stage of m.ast.stages) {
    const image = stage.from.image;
    const name = image ? m.expandGlobal(image.value) : null;
    // BuildKit stores stage names in lower case and looks a base up as written; the last earlier stage wins.
    const base = name === null ? null : (before.get(name) ?? null);
    bases.push(base);
    names.push(name);
    if (base) baseSet.add(base);
    if (stage.name) before.set(stage.name, stage);
  }
  m.baseNames = names;
  m.byName = before;
  m.baseSet = baseSet;
  return (m.bases = bases);
}

function findKept(m: Model): Set<Stage> {
  const stages = m.ast.stages;
  const kept = new Set<Stage>(stages.slice(-1));
  m.usedSet ??= findUsed(m);
  const picks = m.picks!;
  const keep = (base: Stage | null, pending: Stage[]) => {
    if (base === null || kept.has(base)) return;
    kept.add(base);
    pending.push(base);
  };
  for (const stage of stages) {
    if (stage.index !== stages.length - 1 && m.isUsed(stage)) continue;
    // Every stage the chain can be built on: the base the defaults name, and those a build argument can pick.
    const pending = [stage];
    for (let s = pending.pop(); s; s = pending.pop()) {
      keep(m.baseOf(s), pending);
      for (const pick of picks.get(s) ?? []) keep(pick, pending);
    }
  }
  return kept;
}

function findUsed(m: Model): Set<Stage> {
  graph(m);
  const used = new Set(m.baseSet);
  const mark = (raw: string | null, self: Stage) => {
    if (raw === null) return;
    const value = m.expandGlobal(raw);
    const stage = value === null ? null : m.stageByRef(value);
    if (stage && stage !== self) used.add(stage);
  };
  for (const stage of m.ast.stages) {
    for (const node of stage.instructions) {
      if (node.type === "Copy") {
        for (const flag of node.flags) if (flag.name === "from") mark(flag.value, stage);
      } else if (node.type === "Run") {
        for (const mount of node.mounts) mark(mount.from, stage);
      }
    }
  }
  // A base name made with a build argument (`FROM base-\${VARIANT}`) can name any earlier stage its pattern matches:
  // each is there for a build to pick, not left over. Read for the first 100 such names, so that a generated file
  // of thousands does not cost their product.
  const picks = (m.picks = new Map<Stage, Stage[]>());
  let variable = 0;
  for (const stage of m.ast.stages) {
    const raw = stage.from.image?.value;
    if (raw === undefined || !raw.includes("$") || ++variable > 100) continue;
    const pattern = variablePattern(raw);
    if (pattern === null) continue;
    const matched: Stage[] = [];
    for (const other of m.ast.stages) {
      semanticWork.steps++;
      if (other === stage) break;
      if (other.name === null || !pattern.test(other.name)) continue;
      matched.push(other);
      used.add(other);
    }
    if (matched.length > 0) picks.set(stage, matched);
  }
  return used;
}

/** A name with variables as a pattern of the names it can expand to (`base-\${V}` → `base-*`); null for one of variables only. */
function variablePattern(raw: string): RegExp | null {
  const parts = raw.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  if (parts.length < 2 || parts.join("") === "") return null;
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
}

function placeOf(m: Model, node: Instruction): Place | undefined {
  // Found by its offset, which orders the stages and each stage's instructions: a map of every instruction,
  // made for each file, cost more than all the lookups a file's rules make.
  const stages = m.ast.stages;
  const at = offsetOf(node);
  const stage = stages[firstIndex(stages.length, (k) => offsetOf(stages[k]!.from) > at) - 1];
  if (!stage) {
    const index = indexOf(m.ast.preamble, node);
    return index < 0 ? undefined : { stage: null, index };
  }
  if (stage.from === node) return { stage, index: -1 };
  const index = indexOf(stage.instructions, node);
  return index < 0 ? undefined : { stage, index };
}

function start(m: Model, stage: Stage): MutableScope {
  const baseName = m.baseName(stage);
  const base = m.baseOf(stage);
  if (base) return copy(final(m, base));
  const scratch = baseName !== null && baseName.toLowerCase() === "scratch";
  return {
    env: startEnv,
    args: PersistentSet.empty(),
    uncertain: PersistentSet.empty(),
    baseImage: scratch ? null : (baseName ?? stage.from.image?.value ?? ""),
    baseUnresolved: baseName === null,
    definitions: PersistentMap.empty(),
  };
}

function final(m: Model, stage: Stage): MutableScope {
  const finals = (m.finals ??= new Array<MutableScope | undefined>(m.ast.stages.length).fill(undefined));
  return finals[stage.index] ?? alongChain(m, finals, stage, finalOf);
}

/** A stage's environment after its last instruction, its base stage's already known. */
function finalOf(m: Model, stage: Stage): MutableScope {
  const scope = start(m, stage);
  for (const node of stage.instructions) apply(m, scope, node);
  return scope;
}

/**
 * What `make` computes of a stage, kept in `memo` by stage index. The stages of its chain not known yet, nearest
 * first, are made from the oldest down (so `make` may read its base stage's in `memo`), with no recursion however
 * long the chain, and each once, as the stages built on them share them.
 */
function alongChain<T>(
  m: Model,
  memo: (T | undefined)[],
  stage: Stage,
  make: (m: Model, stage: Stage) => T,
): T {
  const pending: Stage[] = [];
  for (let s: Stage | null = stage; s && memo[s.index] === undefined; s = m.baseOf(s)) pending.push(s);
  for (let i = pending.length - 1; i >= 0; i--) memo[pending[i]!.index] = make(m, pending[i]!);
  return memo[stage.index]!;
}

function advance(m: Model, stage: Stage, index: number, decl: number): MutableScope {
  let cursor = m.cursor;
  const behind =
    cursor !== null &&
    cursor.stage === stage &&
    (cursor.index < index || (cursor.index === index && cursor.decl <= decl));
  if (!behind) {
    cursor = { stage, index: 0, decl: 0, scope: start(m, stage) };
    m.cursor = cursor;
  }
  cursor = cursor!;
  while (cursor.index < index) {
    semanticWork.steps++;
    const node = stage.instructions[cursor.index]!;
    if (node.type === "Arg") {
      for (let d = cursor.decl; d < node.declarations.length; d++)
        applyArg(m, cursor.scope, node, node.declarations[d]!);
    } else if (cursor.decl === 0) apply(m, cursor.scope, node);
    cursor.index++;
    cursor.decl = 0;
  }
  const node = stage.instructions[index];
  if (node?.type === "Arg") {
    while (cursor.decl < decl) {
      semanticWork.steps++;
      applyArg(m, cursor.scope, node, node.declarations[cursor.decl]!);
      cursor.decl++;
    }
  }
  return cursor.scope;
}

function apply(m: Model, scope: MutableScope, node: Instruction): void {
  if (node.type === "Arg") for (const decl of node.declarations) applyArg(m, scope, node, decl);
  else if (node.type === "Env") applyEnv(m, scope, node);
}

function applyArg(m: Model, scope: MutableScope, node: Arg, decl: ArgDeclaration): void {
  const name = nameOf(decl.name, scope.env, m.options);
  scope.args = scope.args.add(name);
  const raw = decl.defaultValue?.value ?? null;
  const given = m.inputs.buildArgs?.get(name);
  if (given !== undefined) {
    set(scope, name, given, noNames);
    if (m.inputs.definitions) define(scope, name, "ARG", node, decl, raw, given);
  } else if (raw !== null) {
    const result = expand(raw, scope.env, m.options);
    if (m.inputs.definitions)
      define(scope, name, "ARG", node, decl, raw, knownValue(result, scope.definitions));
    set(scope, name, result.error === null ? result.value : raw, result.missing);
    if (result.error !== null) scope.uncertain = scope.uncertain.add(name);
  } else {
    const global = m.globals.env.get(name);
    if (global !== undefined && !nonEnvArgs.has(name)) set(scope, name, global, noNames);
    // `ARG NAME` takes the global ARG's value: its definition shows that one.
    const outer = m.inputs.definitions ? globalDefinition(m, name) : undefined;
    if (m.inputs.definitions)
      define(scope, name, "ARG", node, decl, outer?.raw ?? null, outer?.value ?? null);
  }
}

function applyEnv(m: Model, scope: MutableScope, node: Env): void {
  // Every pair of one ENV is expanded against the environment before the instruction: the updates are applied
  // only after all pairs are expanded, so every pair reads the scope's versions from before the instruction.
  const updates: [
    name: string,
    value: string,
    missing: readonly string[],
    failed: boolean,
    known: string | null,
    pair: KeyValue,
  ][] = [];
  for (const pair of node.pairs) {
    const key = expand(pair.key.value, scope.env, m.options);
    const value = expand(pair.value.value, scope.env, m.options);
    if (key.error !== null || key.value === "") continue;
    const failed = value.error !== null;
    updates.push([
      key.value,
      failed ? pair.value.value : value.value,
      key.missing.length === 0 ? value.missing : [...key.missing, ...value.missing],
      failed,
      m.inputs.definitions ? knownValue(value, scope.definitions) : null,
      pair,
    ]);
  }
  for (const [name, value, missing, failed, known, pair] of updates) {
    set(scope, name, value, missing);
    if (failed) scope.uncertain = scope.uncertain.add(name);
    if (m.inputs.definitions) define(scope, name, "ENV", node, pair, pair.value.value, known);
  }
}

function define(
  scope: MutableScope,
  name: string,
  kind: "ARG" | "ENV",
  instruction: Arg | Env,
  declaration: ArgDeclaration | KeyValue,
  raw: string | null,
  value: string | null,
): void {
  scope.definitions = scope.definitions.set(name, { name, kind, instruction, declaration, raw, value });
}

function set(scope: MutableScope, name: string, value: string, missing: readonly string[]): void {
  if (nonEnvArgs.has(name)) return;
  scope.env = scope.env.set(name, value);
  scope.uncertain =
    missing.length > 0 && scope.baseImage !== null ? scope.uncertain.add(name) : scope.uncertain.delete(name);
}

const noDeclared: ReadonlySet<string> = new Set();
const noValues: ReadonlyMap<string, string> = new Map();

/** The predefined ARGs' definitions: the same names on every platform, and values that depend on the build. */
const predefinedDefinitions: readonly Definition[] = [...defaultPredefinedArgs.keys()].map((name) => ({
  name,
  kind: "predefined",
  instruction: null,
  declaration: null,
  raw: null,
  value: null,
}));

/** What every stage built on an image starts from: BuildKit's PATH, which the image may replace. */
const startEnv = PersistentMap.of([["PATH", defaultPath]]);

/** What the model reads of an expansion. */
type Expansion = Pick<ExpandWordResult, "value" | "error"> & {
  readonly matched: readonly string[];
  readonly missing: readonly string[];
};

const noNames: readonly string[] = [];
// What expansion changes in a word: variables, quotes and either escape character.
const expandable = /[$'"\\`]/;

/**
 * A word expanded as `expandWord` does; a word without anything expansion changes (most names and values) is its
 * own value, found without making a lexer, which was most of what the model cost on ordinary files.
 */
function expand(text: string, env: ReadonlyMap<string, string>, options: ExpandOptions): Expansion {
  return expandable.test(text)
    ? expandWord(text, env, options)
    : { value: text, matched: noNames, missing: noNames, error: null };
}

/** The index of `node` in a list of instructions in source order, found by its offset; -1 when not there. */
function indexOf(list: readonly Instruction[], node: Instruction): number {
  const at = offsetOf(node);
  const k = firstIndex(list.length, (k) => offsetOf(list[k]!) >= at);
  return list[k] === node ? k : -1;
}

/** A node's start offset, read without making its range (which a node makes each time it is read). */
function offsetOf(node: Instruction): number {
  const start = startOf(node);
  return typeof start === "number" ? start : node.range.start.offset;
}

/** Another holder of the same versions: a snapshot that later steps of the model leave as it is. */
function copy(scope: MutableScope): MutableScope {
  return {
    env: scope.env,
    args: scope.args,
    uncertain: scope.uncertain,
    baseImage: scope.baseImage,
    baseUnresolved: scope.baseUnresolved,
    definitions: scope.definitions,
  };
}

/**
 * The value of an expansion as hover shows it: known only when it failed nowhere and every name it used has a
 * definition of known value (a predefined ARG's value, or PATH's, depends on the build and the image).
 */
function knownValue(result: Expansion, definitions: ReadonlyMap<string, Definition>): string | null {
  if (result.error !== null || result.missing.length > 0) return null;
  for (const name of result.matched) if (definitions.get(name)?.value == null) return null;
  return result.value;
}
