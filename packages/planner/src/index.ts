import type { Dockerfile } from "@hull/parser";
import type { BuildPlan, PlanOptions } from "./model.js";
import { buildPlan, emptyPlan } from "./plan.js";

export type * from "./model.js";
export { containerArgv, unknownFromBase, type ContainerRun } from "./container.js";
export { readImageConfig, type BaseImage, type BaseHistoryEntry } from "./base-image.js";
export { parseReference, formatReference, normalizeReference, type ImageReference } from "./reference.js";
export {
  invalidate,
  type Invalidation,
  type InvalidationChange,
  type InvalidatedNode,
} from "./invalidate.js";
export { share, type SharedReport } from "./share.js";
export { renderText, writeText } from "./render/text.js";
export { renderJson, toJson, toJsonMulti, writeJson } from "./render/json.js";
export { renderDot } from "./render/dot.js";
export { renderMermaid } from "./render/mermaid.js";
export { planSchema } from "./schema.js";

/** Compiles a Dockerfile AST into its build plan; never throws, problems are returned as diagnostics. */
export function plan(ast: Dockerfile, options: PlanOptions = {}): BuildPlan {
  try {
    return buildPlan(ast, options);
  } catch (error) {
    // A crash here is a bug, but a plan with an internal-error diagnostic is more useful than an exception.
    const p = { offset: 0, line: 1, column: 1 };
    const message = error instanceof Error ? error.message : String(error);
    return emptyPlan(
      options.platform ?? "linux/amd64",
      options.buildPlatform ?? "linux/amd64",
      [],
      [
        {
          code: "internal-error",
          message: `planner bug: ${message}`,
          severity: "error",
          range: { start: p, end: p },
        },
      ],
    );
  }
}
