import type { Label } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** LABEL: keys and values expanded against the environment before the instruction. */
export function dispatchLabel(ctx: PlanBuilder, st: StageState, label: Label): void {
  // The stage's own record (its config is a clone or taken over): setting in place keeps n LABELs linear.
  const labels = (st.config.Labels ??= {}) as Record<string, string>;
  const parts: string[] = [];
  for (const pair of label.pairs) {
    const key = ctx.expand(st, pair.key.value, pair.key);
    const value = ctx.expand(st, pair.value.value, pair.value);
    labels[key] = value;
    parts.push(`${key}=${value}`);
  }
  ctx.addConfig(st, "LABEL", `LABEL ${parts.join(" ")}`, { labels: parts }, `LABEL ${parts.join(" ")}`);
}
