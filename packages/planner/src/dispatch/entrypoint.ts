import type { Entrypoint } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { withShell } from "../state.js";
import { goQuoteList } from "./cmd.js";

/** ENTRYPOINT: sets the entrypoint and clears an inherited CMD unless this stage already set one. */
export function dispatchEntrypoint(ctx: PlanBuilder, st: StageState, e: Entrypoint): void {
  const words = e.args.map((w) => w.value);
  const args = e.form === "exec" ? words : withShell(st, words);
  st.config.Entrypoint = args;
  st.unknown.delete("Entrypoint");
  if (e.form !== "exec" && st.unknown.has("Shell")) st.assumedShell.add("Entrypoint");
  else st.assumedShell.delete("Entrypoint");
  if (!st.cmdSet) {
    // BuildKit drops an inherited CMD when ENTRYPOINT is set (convert.go dispatchEntrypoint).
    st.config.Cmd = null;
    st.unknown.delete("Cmd");
    st.assumedShell.delete("Cmd");
  }
  ctx.addConfig(
    st,
    "ENTRYPOINT",
    `ENTRYPOINT ${goQuoteList(args)}`,
    { entrypoint: args, resetCmd: !st.cmdSet },
    `ENTRYPOINT ${goQuoteList(args)}`,
  );
}
