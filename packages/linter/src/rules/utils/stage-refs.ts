import { expandWord, type Dockerfile, type Stage } from "@hull/parser";
import { expandOptions, metaArgs, type MetaArgs } from "./stage-env.js";

/**
 * The stage a `--from` value names, as BuildKit looks it up: a stage name (in any case, the last stage of that
 * name) anywhere in the file, or a stage index; null when it names no stage (an image or a named context).
 */
export function stageByRef(ast: Dockerfile, ref: string): Stage | null {
  if (/^\d+$/.test(ref)) return ast.stages[Number(ref)] ?? null;
  const lower = ref.toLowerCase();
  let found: Stage | null = null;
  for (const stage of ast.stages) if (stage.name === lower) found = stage;
  return found;
}

/** The value of a `--from` flag with the global ARG defaults filled in, or null when it depends on an unknown value. */
export function fromValue(ast: Dockerfile, value: string, meta: MetaArgs): string | null {
  if (!value.includes("$")) return value;
  const result = expandWord(value, meta.env, expandOptions(ast));
  return result.error === null && result.missing.length === 0 ? result.value : null;
}

/**
 * The stages that another stage builds on (`FROM <stage>`) or reads from (`COPY --from`, `RUN --mount=from=`):
 * intermediate stages, as opposed to the stages that can end up as an image of their own.
 */
export function usedStages(ast: Dockerfile): Set<Stage> {
  const used = new Set<Stage>();
  if (ast.stages.length < 2) return used;
  let meta: MetaArgs | undefined;
  // FROM <stage>: names written out are looked up directly; only names with variables need the global ARGs.
  const byName = new Map<string, Stage>();
  for (const stage of ast.stages) {
    const image = stage.from.image?.value;
    if (image !== undefined) {
      const name = image.includes("$") ? fromValue(ast, image, (meta ??= metaArgs(ast))) : image;
      const base = name === null ? undefined : byName.get(name);
      if (base) used.add(base);
    }
    if (stage.name) byName.set(stage.name, stage);
  }
  const mark = (raw: string | null, self: Stage) => {
    if (raw === null) return;
    const value = raw.includes("$") ? fromValue(ast, raw, (meta ??= metaArgs(ast))) : raw;
    const stage = value === null ? null : stageByRef(ast, value);
    if (stage && stage !== self) used.add(stage);
  };
  for (const stage of ast.stages) {
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
