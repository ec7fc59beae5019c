import type { Arg } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** Names BuildKit never puts into the environment. */
const nonEnvArgs = new Set(["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"]);

/** ARG in a stage: a build arg wins, else the default, else the global value; the value joins the build env, not the image. */
export function dispatchArg(ctx: PlanBuilder, st: StageState, arg: Arg): void {
  const parts: string[] = [];
  for (const d of arg.declarations) {
    const key = d.name.value;
    ctx.declaredArgs.add(key);
    const given = ctx.buildArgs.get(key);
    let value: string | null = null;
    if (given !== undefined) value = given;
    else if (d.defaultValue !== null) value = ctx.expand(st, d.defaultValue.value, d.defaultValue);
    else if (ctx.globalArgs.has(key)) value = ctx.globalArgs.get(key) as string;
    if (value !== null && !nonEnvArgs.has(key)) st.env.set(key, value);
    st.args.push({ key, value });
    parts.push(value === null ? key : `${key}=${value}`);
  }
  ctx.addConfig(st, "ARG", `ARG ${parts.join(" ")}`, { args: parts }, `ARG ${parts.join(" ")}`);
}
