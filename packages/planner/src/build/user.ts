import type { User } from "@hull/parser";
import type { BuildContext, StageState } from "./build.js";

/** USER: sets the user of later RUNs, WORKDIR mkdirs and the image. */
export function dispatchUser(ctx: BuildContext, st: StageState, u: User): void {
  const user = ctx.expand(st, u.value?.value ?? "", u.value?.range ?? u.range);
  st.config.User = user;
  st.unknown.delete("User");
  ctx.addConfig(st, "USER", `USER ${user}`, { user }, `USER ${user}`);
}
