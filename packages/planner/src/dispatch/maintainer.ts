import type { Maintainer } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** MAINTAINER: sets the image author; config only. */
export function dispatchMaintainer(ctx: PlanBuilder, st: StageState, m: Maintainer): void {
  const author = m.value?.value ?? "";
  ctx.addConfig(st, "MAINTAINER", `MAINTAINER ${author}`, { author }, `MAINTAINER ${author}`);
}
