import type { Volume } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** VOLUME: JSON array or words, expanded; an empty entry is an error. */
export function dispatchVolume(ctx: PlanBuilder, st: StageState, v: Volume): void {
  const volumes: Record<string, Record<string, never>> = { ...(st.config.Volumes ?? {}) };
  const added: string[] = [];
  for (const word of v.args) {
    const values =
      v.form === "exec"
        ? [ctx.expand(st, word.value, word.range)]
        : ctx.expandWords(st, word.value, word.range);
    for (const value of values) {
      if (value.trim() === "") {
        ctx.report("empty-volume", "VOLUME specified can not be an empty string", word.range);
        continue;
      }
      volumes[value] = {};
      added.push(value);
    }
  }
  st.config.Volumes = volumes;
  ctx.addConfig(st, "VOLUME", `VOLUME ${added.join(" ")}`, { volumes: added }, `VOLUME [${added.join(" ")}]`);
}
