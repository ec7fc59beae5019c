import {
  expandWord,
  predefinedArgDocs,
  type Instruction,
  type SemanticModel,
  type Stage,
} from "@hull/parser";

/** Where a variable gets its value: an ARG or ENV declaration, or BuildKit itself. */
export interface VariableDefinition {
  name: string;
  kind: "ARG" | "ENV" | "predefined";
  /** The value as written (the ARG default, the ENV value); null for an ARG without default. */
  raw: string | null;
  /** The value with earlier variables expanded; null when unknown (no default, or an unset variable in it). */
  value: string | null;
  /** The 0-based offset of the declaration, or null for predefined variables. */
  offset: number | null;
}

/**
 * The variables visible at an offset, by name (the last definition wins).
 * In a FROM or before the first FROM: the ARGs declared before it, plus the predefined platform args.
 * In a stage: the ARGs and ENVs inherited from a parent stage (`FROM <stage>`), then the stage's own ARG and ENV
 * lines before the instruction that contains the offset; an `ARG NAME` without a default takes the preamble's
 * default.
 */
export function variablesAt(semantic: SemanticModel, offset: number): Map<string, VariableDefinition> {
  const { ast } = semantic;
  const escape = ast.escapeChar;
  const global = new Scope();
  for (const name of Object.keys(predefinedArgDocs)) {
    global.set({ name, kind: "predefined", raw: null, value: null, offset: null });
  }
  const firstFrom = ast.stages[0]?.from.range.start.offset ?? Infinity;
  for (const instruction of ast.preamble) {
    // The instruction under the cursor does not see its own declarations (BuildKit expands before it declares).
    if (instruction.range.end.offset >= offset) break;
    declare(global, instruction, escape);
  }
  const stage = ast.stages.findLast((s) => s.from.range.start.offset <= offset);
  if (!stage || offset < firstFrom) return global.definitions;
  if (offset <= stage.from.range.end.offset) return global.definitions;
  return stageVariables(semantic, stage, offset, global.definitions).definitions;
}

/** Definitions by name, with the known values beside them for expanding: kept in step, never copied per lookup. */
class Scope {
  readonly definitions = new Map<string, VariableDefinition>();
  readonly values = new Map<string, string>();

  set(definition: VariableDefinition): void {
    this.definitions.set(definition.name, definition);
    if (definition.value === null) this.values.delete(definition.name);
    else this.values.set(definition.name, definition.value);
  }
}

function stageVariables(
  semantic: SemanticModel,
  stage: Stage,
  offset: number,
  global: ReadonlyMap<string, VariableDefinition>,
): Scope {
  // A stage built on an earlier stage starts from its final state: its ENV (part of the image) and, in BuildKit,
  // its ARGs too (the base's build args carry over). The chain of bases is walked, oldest first, into one scope:
  // not a recursion and a copy per stage, which a chain of thousands of stages made deep and quadratic.
  const chain = new Set<Stage>();
  for (let s: Stage | null = stage; s !== null && !chain.has(s); s = semantic.baseOf(s)) chain.add(s);
  const visible = new Scope();
  for (const s of [...chain].reverse()) {
    const until = s === stage ? offset : Infinity;
    for (const instruction of s.instructions) {
      // The instruction under the cursor does not see its own declarations (BuildKit expands before it declares).
      if (instruction.range.end.offset >= until) break;
      declare(visible, instruction, semantic.ast.escapeChar, global);
    }
  }
  return visible;
}

function declare(
  into: Scope,
  instruction: Instruction,
  escape: "\\" | "`",
  global?: ReadonlyMap<string, VariableDefinition>,
): void {
  const expand = (raw: string): string | null => {
    const result = expandWord(raw, into.values, { escape });
    return result.error === null && result.missing.length === 0 ? result.value : null;
  };
  if (instruction.type === "Arg") {
    for (const d of instruction.declarations) {
      const name = d.name.value;
      if (d.defaultValue) {
        const raw = d.defaultValue.value;
        into.set({ name, kind: "ARG", raw, value: expand(raw), offset: d.range.start.offset });
      } else {
        // `ARG NAME` in a stage brings in the global ARG's default, as BuildKit does.
        const outer = global?.get(name);
        into.set({
          name,
          kind: "ARG",
          raw: outer?.raw ?? null,
          value: outer?.value ?? null,
          offset: d.range.start.offset,
        });
      }
    }
  } else if (instruction.type === "Env") {
    // All pairs of one ENV see the values from before the instruction, not each other.
    const updates = instruction.pairs.map((p) => ({
      name: p.key.value,
      raw: p.value.value,
      value: expand(p.value.value),
      offset: p.range.start.offset,
    }));
    for (const u of updates) into.set({ ...u, kind: "ENV" });
  }
}
