import type { Env } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { setEnv } from "../state.js";

/** ENV: every value is expanded against the environment before this instruction (`ENV A=1 B=$A` uses the old A). */
export function dispatchEnv(ctx: PlanBuilder, st: StageState, env: Env): void {
  const before = st.env.map(([k, v]) => [k, v] as [string, string]);
  const saved = st.env;
  const resolved: [string, string][] = [];
  for (const pair of env.pairs) {
    st.env = before;
    const key = ctx.expand(st, pair.key.value, pair.key.range);
    const value = ctx.expand(st, pair.value.value, pair.value.range);
    resolved.push([key, value]);
  }
  st.env = saved;
  const image = [...(st.config.Env ?? [])];
  for (const [k, v] of resolved) {
    setEnv(st.env, k, v, st.os);
    const i = image.findIndex((e) => e.split("=")[0] === k);
    if (i >= 0) image[i] = `${k}=${v}`;
    else image.push(`${k}=${v}`);
  }
  st.config.Env = image;
  const text = resolved.map(([k, v]) => `${k}=${v}`).join(" ");
  ctx.addConfig(st, "ENV", `ENV ${text}`, { env: resolved.map(([k, v]) => `${k}=${v}`) }, `ENV ${text}`);
}
