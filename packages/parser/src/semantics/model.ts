import type { ArgDeclaration, Dockerfile, Env, Instruction, Stage, Word } from "../ast/nodes.js";
import { expandWord, type ExpandOptions } from "../expand/expand.js";
import {
  defaultPath,
  defaultPredefinedArgs,
  nonEnvArgs,
  predefinedArgs,
  type Platform,
} from "./predefined.js";

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
}

interface MutableScope {
  env: Map<string, string>;
  args: Set<string>;
  uncertain: Set<string>;
  baseImage: string | null;
  baseUnresolved: boolean;
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
 * ARG/ENV scope before any instruction. Everything is computed on first use and kept: make one per parse and keep
 * it with the parse for everything that reads the file (the language server hands its document's to `lint`).
 */
export class SemanticModel {
  readonly options: ExpandOptions;
  private globalsCache: GlobalArgs | undefined;
  private bases: (Stage | null)[] | undefined;
  private baseNames: (string | null)[] | undefined;
  private byName: Map<string, Stage> | undefined;
  private baseSet: Set<Stage> | undefined;
  private usedSet: Set<Stage> | undefined;
  private keptSet: Set<Stage> | undefined;
  private places: Map<Instruction, Place> | undefined;
  private roots: Stage[] | undefined;
  private readonly chainMemo = new Map<(stage: Stage) => boolean, (boolean | undefined)[]>();
  // Each stage's environment after its last instruction, computed in stage order on demand.
  private readonly finals: (MutableScope | undefined)[] = [];
  // The scope being advanced through one stage: queries in source order cost one step per declaration.
  private cursor: { stage: Stage; index: number; decl: number; scope: MutableScope } | null = null;

  constructor(
    readonly ast: Dockerfile,
    private readonly inputs: SemanticOptions = {},
  ) {
    semanticWork.models++;
    this.options = { escape: ast.escapeChar };
  }

  /** The global ARGs, evaluated once. */
  get globals(): GlobalArgs {
    return (this.globalsCache ??= this.evaluateGlobals());
  }

  /** The predefined ARGs for this model's platforms. */
  get predefined(): ReadonlyMap<string, string> {
    const { targetPlatform, buildPlatform, targetStage } = this.inputs;
    return targetPlatform || buildPlatform || targetStage !== undefined
      ? predefinedArgs(targetPlatform, buildPlatform ?? targetPlatform, targetStage)
      : defaultPredefinedArgs;
  }

  /** Strips quotes from an ARG or ENV name as BuildKit's lexer would, keeping the raw text if that fails. */
  plainName(word: Word, env: ReadonlyMap<string, string>): string {
    const result = expandWord(word.value, env, this.options);
    return result.error === null && result.value !== "" ? result.value : word.value;
  }

  /** A word with the global ARGs filled in; null when it uses a variable without a value or fails to expand. */
  expandGlobal(text: string): string | null {
    if (!text.includes("$")) return text;
    const result = expandWord(text, this.globals.env, this.options);
    return result.error === null && result.missing.length === 0 ? result.value : null;
  }

  /** An image reference with the global ARGs filled in; null when unknown or empty. */
  resolveImage(text: string): string | null {
    const value = this.expandGlobal(text);
    return value === "" ? null : value;
  }

  /** The expanded base name of a stage (its FROM image with the global ARGs), or null when it cannot be known. */
  baseName(stage: Stage): string | null {
    this.graph();
    return this.baseNames![stage.index] ?? null;
  }

  /** The stage of this file a stage is built on (`FROM <stage>`), or null for an image. */
  baseOf(stage: Stage): Stage | null {
    semanticWork.steps++;
    return this.graph()[stage.index] ?? null;
  }

  /** The base stages of a stage in this file, nearest first. */
  chain(stage: Stage): Stage[] {
    const out: Stage[] = [];
    for (let s = this.baseOf(stage); s; s = this.baseOf(s)) out.push(s);
    return out;
  }

  /** The first stage of the chain a stage is built on (the stage itself when it is built on an image). */
  rootOf(stage: Stage): Stage {
    const roots = (this.roots ??= []);
    const known = roots[stage.index];
    if (known) return known;
    const base = this.baseOf(stage);
    // Bases come earlier in the file, so their roots are usually known already; walk only the unknown part.
    const root = base ? (roots[base.index] ?? this.chain(stage).at(-1)!) : stage;
    roots[stage.index] = root;
    return root;
  }

  /**
   * True when `test` holds for a base stage of `stage` (not the stage itself). Answers are kept per test
   * function, so asking for every stage costs one step per stage: pass the same function each time.
   */
  someBase(stage: Stage, test: (stage: Stage) => boolean): boolean {
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

  /**
   * The stage a `--from` value (already expanded) names, as BuildKit looks it up: a stage name in any case
   * (the last stage of that name, anywhere in the file), or a stage index; null for an image or named context.
   */
  stageByRef(ref: string): Stage | null {
    semanticWork.steps++;
    if (/^\d+$/.test(ref)) return this.ast.stages[Number(ref)] ?? null;
    this.graph();
    return this.byName!.get(ref.toLowerCase()) ?? null;
  }

  /** The last stage of a name (lower-cased), or null. */
  stageNamed(name: string): Stage | null {
    this.graph();
    return this.byName!.get(name) ?? null;
  }

  /** True when a later stage of this file is built on this one (`FROM <stage>`). */
  isBase(stage: Stage): boolean {
    this.graph();
    return this.baseSet!.has(stage);
  }

  /**
   * True when a stage ends up in an image: the last stage, and every stage that the last stage or another
   * possible target (a stage no other stage uses) is built on. A chain of build stages that only feeds
   * `COPY --from` ends up in no image.
   */
  isKept(stage: Stage | null): boolean {
    if (!stage) return false;
    return (this.keptSet ??= this.findKept()).has(stage);
  }

  /**
   * True when another stage builds on this one (`FROM <stage>`) or reads from it (`COPY --from`,
   * `RUN --mount=from=`): an intermediate stage, as opposed to one that can end up as an image of its own.
   */
  isUsed(stage: Stage): boolean {
    return (this.usedSet ??= this.findUsed()).has(stage);
  }

  /** The stage an instruction belongs to (null in the preamble or for an instruction not in this file). */
  stageOf(node: Instruction): Stage | null {
    return this.placeOf(node)?.stage ?? null;
  }

  /**
   * The environment before an instruction of a stage (or before one declaration of an ARG), as BuildKit's
   * dispatcher builds it: a stage starts from its base stage's final environment (or an image's unknown one),
   * and ENV and ARG add to it. Null in the preamble and for ONBUILD triggers. The returned scope is only valid
   * until the next call: read it, do not keep it.
   */
  scopeBefore(node: Instruction, decl?: ArgDeclaration): StageScope | null {
    const place = this.placeOf(node);
    if (!place?.stage) return null;
    const declIndex = decl && node.type === "Arg" ? node.declarations.indexOf(decl) : 0;
    return this.advance(place.stage, place.index, Math.max(0, declIndex));
  }

  /** The environment after the last instruction of a stage. */
  finalScope(stage: Stage): StageScope {
    return this.final(stage);
  }

  private evaluateGlobals(): GlobalArgs {
    const declared = new Set<string>();
    const env = new Map(this.predefined);
    const values = new Map<string, string>();
    const { buildArgs, keepGoing = false, rawNames = false } = this.inputs;
    const errors: { declaration: ArgDeclaration; message: string }[] = [];
    for (const instruction of this.ast.preamble) {
      if (instruction.type !== "Arg") continue;
      for (const decl of instruction.declarations) {
        const name = rawNames ? decl.name.value : this.plainName(decl.name, env);
        declared.add(name);
        if (errors.length > 0 && !keepGoing) continue;
        const given = buildArgs?.get(name);
        if (given !== undefined) {
          env.set(name, given);
          values.set(name, given);
          continue;
        }
        if (decl.defaultValue === null) continue;
        const result = expandWord(decl.defaultValue.value, env, this.options);
        if (result.error !== null) errors.push({ declaration: decl, message: result.error });
        if (result.error === null || keepGoing) {
          env.set(name, result.value);
          values.set(name, result.value);
        }
      }
    }
    return { declared, env, values, error: errors[0]?.message ?? null, errors };
  }

  private graph(): (Stage | null)[] {
    if (this.bases) return this.bases;
    const bases: (Stage | null)[] = [];
    const names: (string | null)[] = [];
    const before = new Map<string, Stage>();
    const baseSet = new Set<Stage>();
    for (const stage of this.ast.stages) {
      const image = stage.from.image;
      const name = image ? this.expandGlobal(image.value) : null;
      // BuildKit stores stage names in lower case and looks a base up as written; the last earlier stage wins.
      const base = name === null ? null : (before.get(name) ?? null);
      bases.push(base);
      names.push(name);
      if (base) baseSet.add(base);
      if (stage.name) before.set(stage.name, stage);
    }
    this.baseNames = names;
    this.byName = before;
    this.baseSet = baseSet;
    return (this.bases = bases);
  }

  private findKept(): Set<Stage> {
    const stages = this.ast.stages;
    const kept = new Set<Stage>(stages.slice(-1));
    for (const stage of stages) {
      if (stage.index !== stages.length - 1 && this.isUsed(stage)) continue;
      for (let base = this.baseOf(stage); base && !kept.has(base); base = this.baseOf(base)) kept.add(base);
    }
    return kept;
  }

  private findUsed(): Set<Stage> {
    this.graph();
    const used = new Set(this.baseSet);
    const mark = (raw: string | null, self: Stage) => {
      if (raw === null) return;
      const value = this.expandGlobal(raw);
      const stage = value === null ? null : this.stageByRef(value);
      if (stage && stage !== self) used.add(stage);
    };
    for (const stage of this.ast.stages) {
      for (const node of stage.instructions) {
        if (node.type === "Copy") {
          for (const flag of node.flags) if (flag.name === "from") mark(flag.value, stage);
        } else if (node.type === "Run") {
          for (const mount of node.mounts) mark(mount.from, stage);
        }
      }
    }
    return used;
  }

  private placeOf(node: Instruction): Place | undefined {
    if (!this.places) {
      const places = new Map<Instruction, Place>();
      this.ast.preamble.forEach((n, index) => places.set(n, { stage: null, index }));
      for (const stage of this.ast.stages) {
        places.set(stage.from, { stage, index: -1 });
        stage.instructions.forEach((n, index) => places.set(n, { stage, index }));
      }
      this.places = places;
    }
    return this.places.get(node);
  }

  private start(stage: Stage): MutableScope {
    const baseName = this.baseName(stage);
    const base = this.baseOf(stage);
    if (base) return cloneScope(this.final(base));
    const scratch = baseName !== null && baseName.toLowerCase() === "scratch";
    return {
      env: new Map([["PATH", defaultPath]]),
      args: new Set(),
      uncertain: new Set(),
      baseImage: scratch ? null : (baseName ?? stage.from.image?.value ?? ""),
      baseUnresolved: baseName === null,
    };
  }

  private final(stage: Stage): MutableScope {
    const known = this.finals[stage.index];
    if (known) return known;
    // Bases come earlier in the file: computing the finals in order needs no recursion, however long the chain.
    for (let i = this.finals.length; i <= stage.index; i++) {
      const s = this.ast.stages[i]!;
      const scope = this.start(s);
      for (const node of s.instructions) this.apply(scope, node);
      this.finals[i] = scope;
    }
    return this.finals[stage.index]!;
  }

  private advance(stage: Stage, index: number, decl: number): MutableScope {
    let cursor = this.cursor;
    const behind =
      cursor !== null &&
      cursor.stage === stage &&
      (cursor.index < index || (cursor.index === index && cursor.decl <= decl));
    if (!behind) {
      cursor = { stage, index: 0, decl: 0, scope: this.start(stage) };
      this.cursor = cursor;
    }
    cursor = cursor!;
    while (cursor.index < index) {
      semanticWork.steps++;
      const node = stage.instructions[cursor.index]!;
      if (node.type === "Arg") {
        for (let d = cursor.decl; d < node.declarations.length; d++)
          this.applyArg(cursor.scope, node.declarations[d]!);
      } else if (cursor.decl === 0) this.apply(cursor.scope, node);
      cursor.index++;
      cursor.decl = 0;
    }
    const node = stage.instructions[index];
    if (node?.type === "Arg") {
      while (cursor.decl < decl) {
        semanticWork.steps++;
        this.applyArg(cursor.scope, node.declarations[cursor.decl]!);
        cursor.decl++;
      }
    }
    return cursor.scope;
  }

  private apply(scope: MutableScope, node: Instruction): void {
    if (node.type === "Arg") for (const decl of node.declarations) this.applyArg(scope, decl);
    else if (node.type === "Env") this.applyEnv(scope, node);
  }

  private applyArg(scope: MutableScope, decl: ArgDeclaration): void {
    const name = this.plainName(decl.name, scope.env);
    scope.args.add(name);
    const given = this.inputs.buildArgs?.get(name);
    if (given !== undefined) {
      this.set(scope, name, given, []);
    } else if (decl.defaultValue !== null) {
      const result = expandWord(decl.defaultValue.value, scope.env, this.options);
      this.set(scope, name, result.error === null ? result.value : decl.defaultValue.value, result.missing);
      if (result.error !== null) scope.uncertain.add(name);
    } else {
      const global = this.globals.env.get(name);
      if (global !== undefined && !nonEnvArgs.has(name)) this.set(scope, name, global, []);
    }
  }

  private applyEnv(scope: MutableScope, node: Env): void {
    // Every pair of one ENV is expanded against the environment before the instruction: the updates are applied
    // only after all pairs are expanded, so the live map is that environment (a copy per ENV made a stage of
    // n ENVs cost n² map entries).
    const updates: [string, string, string[], boolean][] = [];
    for (const pair of node.pairs) {
      const key = expandWord(pair.key.value, scope.env, this.options);
      const value = expandWord(pair.value.value, scope.env, this.options);
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

  private set(scope: MutableScope, name: string, value: string, missing: readonly string[]): void {
    if (nonEnvArgs.has(name)) return;
    scope.env.set(name, value);
    if (missing.length > 0 && scope.baseImage !== null) scope.uncertain.add(name);
    else scope.uncertain.delete(name);
  }
}

function cloneScope(scope: MutableScope): MutableScope {
  return {
    env: new Map(scope.env),
    args: new Set(scope.args),
    uncertain: new Set(scope.uncertain),
    baseImage: scope.baseImage,
    baseUnresolved: scope.baseUnresolved,
  };
}

const models = new WeakMap<Dockerfile, SemanticModel>();

/**
 * The semantic model of a parsed file, built on first use and kept with the AST (which nobody changes after
 * parsing). With build args or platforms, a new model is made each time: they are not part of the file.
 * Code that handles many files in a row (the linter) should make its own `new SemanticModel(ast)` instead: this
 * cache is a WeakMap whose values hold their keys, which V8's young-generation collector keeps alive, so every
 * AST passed here outlives its file until a full collection.
 */
export function semanticModel(ast: Dockerfile, options?: SemanticOptions): SemanticModel {
  if (options) return new SemanticModel(ast, options);
  let model = models.get(ast);
  if (!model) models.set(ast, (model = new SemanticModel(ast)));
  return model;
}
