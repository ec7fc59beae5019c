import type { User } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** USER: sets the user of later RUNs, WORKDIR mkdirs and the image. */
export function dispatchUser(ctx: PlanBuilder, st: StageState, u: User): void {
  const user = ctx.expand(st, u.value?.value ?? "", u.value ?? u);
  st.config.User = user;
  if (ctx.unresolved(st, u.value?.value ?? "")) st.unknown.add("User");
  else st.unknown.delete("User");
  ctx.addConfig(st, "USER", `USER ${user}`, { user }, `USER ${user}`);
}
