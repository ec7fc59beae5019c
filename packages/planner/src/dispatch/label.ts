import type { Label } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** LABEL: keys and values expanded against the environment before the instruction. */
export function dispatchLabel(ctx: PlanBuilder, st: StageState, label: Label): void {
  const labels: Record<string, string> = { ...(st.config.Labels ?? {}) };
  const parts: string[] = [];
  for (const pair of label.pairs) {
    const key = ctx.expand(st, pair.key.value, pair.key.range);
    const value = ctx.expand(st, pair.value.value, pair.value.range);
    labels[key] = value;
    parts.push(`${key}=${value}`);
  }
  st.config.Labels = labels;
  ctx.addConfig(st, "LABEL", `LABEL ${parts.join(" ")}`, { labels: parts }, `LABEL ${parts.join(" ")}`);
}
