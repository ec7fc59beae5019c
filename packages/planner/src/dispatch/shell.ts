import type { Shell } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** SHELL: the command that wraps later shell-form RUN, CMD and ENTRYPOINT. */
export function dispatchShell(ctx: PlanBuilder, st: StageState, s: Shell): void {
  const shell = s.args.map((w) => w.value);
  st.config.Shell = shell;
  st.unknown.delete("Shell");
  ctx.addConfig(st, "SHELL", `SHELL ${JSON.stringify(shell)}`, { shell }, `SHELL [${shell.join(" ")}]`);
}
