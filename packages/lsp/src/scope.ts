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
  const global = new Map<string, VariableDefinition>();
  for (const name of Object.keys(predefinedArgDocs)) {
    global.set(name, { name, kind: "predefined", raw: null, value: null, offset: null });
  }
  const firstFrom = ast.stages[0]?.from.range.start.offset ?? Infinity;
  for (const instruction of ast.preamble) {
    // The instruction under the cursor does not see its own declarations (BuildKit expands before it declares).
    if (instruction.range.end.offset >= offset) break;
    declare(global, instruction, escape);
  }
  const stage = ast.stages.findLast((s) => s.from.range.start.offset <= offset);
  if (!stage || offset < firstFrom) return global;
  if (offset <= stage.from.range.end.offset) return global;
  return stageVariables(semantic, stage, offset, global, new Set());
}

function stageVariables(
  semantic: SemanticModel,
  stage: Stage,
  offset: number,
  global: ReadonlyMap<string, VariableDefinition>,
  seen: Set<Stage>,
): Map<string, VariableDefinition> {
  seen.add(stage);
  const visible = new Map<string, VariableDefinition>();
  // A stage built on an earlier stage starts from its final state: its ENV (part of the image) and, in BuildKit,
  // its ARGs too (the base's build args carry over).
  const parent = semantic.baseOf(stage);
  if (parent && !seen.has(parent)) {
    for (const [name, d] of stageVariables(semantic, parent, Infinity, global, seen)) visible.set(name, d);
  }
  for (const instruction of stage.instructions) {
    // The instruction under the cursor does not see its own declarations (BuildKit expands before it declares).
    if (instruction.range.end.offset >= offset) break;
    declare(visible, instruction, semantic.ast.escapeChar, global);
  }
  return visible;
}

function declare(
  into: Map<string, VariableDefinition>,
  instruction: Instruction,
  escape: "\\" | "`",
  global?: ReadonlyMap<string, VariableDefinition>,
): void {
  const expand = (raw: string): string | null => {
    const env = new Map<string, string>();
    for (const [name, d] of into) if (d.value !== null) env.set(name, d.value);
    const result = expandWord(raw, env, { escape });
    return result.error === null && result.missing.length === 0 ? result.value : null;
  };
  if (instruction.type === "Arg") {
    for (const d of instruction.declarations) {
      const name = d.name.value;
      if (d.defaultValue) {
        const raw = d.defaultValue.value;
        into.set(name, { name, kind: "ARG", raw, value: expand(raw), offset: d.range.start.offset });
      } else {
        // `ARG NAME` in a stage brings in the global ARG's default, as BuildKit does.
        const outer = global?.get(name);
        into.set(name, {
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
    for (const u of updates) into.set(u.name, { ...u, kind: "ENV" });
  }
}
