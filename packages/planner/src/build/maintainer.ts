import type { Maintainer } from "@hull/parser";
import type { BuildContext, StageState } from "./build.js";

/** MAINTAINER: sets the image author; config only. */
export function dispatchMaintainer(ctx: BuildContext, st: StageState, m: Maintainer): void {
  const author = m.value?.value ?? "";
  ctx.addConfig(st, "MAINTAINER", `MAINTAINER ${author}`, { author }, `MAINTAINER ${author}`);
}
