import { goQuote, type Cmd } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { withShell } from "../state.js";

/** Formats a string list as Go's `%q` does for `[]string`, which BuildKit uses in history. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map(goQuote).join(" ")}]`;
}

/** CMD: the default arguments, wrapped with SHELL in shell form; never expanded by BuildKit. */
export function dispatchCmd(ctx: PlanBuilder, st: StageState, cmd: Cmd): void {
  const words = cmd.args.map((w) => w.value);
  const args = cmd.form === "exec" ? words : withShell(st, words);
  st.config.Cmd = args;
  if (cmd.form !== "exec" && st.unknown.has("Shell")) st.assumedShell.add("Cmd");
  else st.assumedShell.delete("Cmd");
  st.cmdSet = true;
  st.unknown.delete("Cmd");
  ctx.addConfig(st, "CMD", `CMD ${goQuoteList(args)}`, { cmd: args }, `CMD ${goQuoteList(args)}`);
}
