import type { Env } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { setImageEnv } from "../state.js";

/** ENV: every value is expanded against the environment before this instruction (`ENV A=1 B=$A` uses the old A). */
export function dispatchEnv(ctx: PlanBuilder, st: StageState, env: Env): void {
  // Every pair is expanded before any is set, so all of them read the environment as it was before.
  const resolved: [string, string][] = [];
  for (const pair of env.pairs) {
    const key = ctx.expand(st, pair.key.value, pair.key);
    const value = ctx.expand(st, pair.value.value, pair.value);
    resolved.push([key, value]);
  }
  // Any ENV leaves the config with a list, even one that set nothing.
  st.config.Env ??= [];
  for (const [k, v] of resolved) {
    st.env.set(k, v);
    setImageEnv(st, k, v);
  }
  const text = resolved.map(([k, v]) => `${k}=${v}`).join(" ");
  ctx.addConfig(st, "ENV", `ENV ${text}`, { env: resolved.map(([k, v]) => `${k}=${v}`) }, `ENV ${text}`);
}
