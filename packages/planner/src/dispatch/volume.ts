import type { Volume } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** VOLUME: JSON array or words, expanded; an empty entry is an error. */
export function dispatchVolume(ctx: PlanBuilder, st: StageState, v: Volume): void {
  // The stage's own record (its config is a clone or taken over): setting in place keeps n VOLUMEs linear.
  const volumes = (st.config.Volumes ??= {}) as Record<string, Record<string, never>>;
  const added: string[] = [];
  for (const word of v.args) {
    const values =
      v.form === "exec" ? [ctx.expand(st, word.value, word)] : ctx.expandWords(st, word.value, word);
    for (const value of values) {
      if (value.trim() === "") {
        ctx.report("empty-volume", "VOLUME specified can not be an empty string", word.range);
        continue;
      }
      volumes[value] = {};
      added.push(value);
    }
  }
  ctx.addConfig(st, "VOLUME", `VOLUME ${added.join(" ")}`, { volumes: added }, `VOLUME [${added.join(" ")}]`);
}
