import type { Volume } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/**
 * VOLUME: a JSON array or words, each trimmed, then expanded as one word (a value with spaces stays one volume, as
 * BuildKit's `VolumeCommand.Expand` leaves it); an entry empty before or after expansion is an error.
 */
export function dispatchVolume(ctx: PlanBuilder, st: StageState, v: Volume): void {
  // The stage's own record (its config is a clone or taken over): setting in place keeps n VOLUMEs linear.
  const volumes = (st.config.Volumes ??= {}) as Record<string, Record<string, never>>;
  const added: string[] = [];
  for (const word of v.args) {
    const raw = word.value.trim();
    const value = raw === "" ? "" : ctx.expand(st, raw, word);
    if (value === "") {
      ctx.report("empty-volume", "VOLUME specified can not be an empty string", word.range);
      continue;
    }
    volumes[value] = {};
    added.push(value);
  }
  ctx.addConfig(st, "VOLUME", `VOLUME ${added.join(" ")}`, { volumes: added }, `VOLUME [${added.join(" ")}]`);
}
