import type { Add } from "@hull/parser";
import type { BuildContext, StageState } from "./build.js";
import { dispatchFileOp } from "./copy.js";

/** ADD: COPY's file node plus URLs, Git repositories and archive unpacking. */
export function dispatchAdd(ctx: BuildContext, st: StageState, add: Add): void {
  dispatchFileOp(ctx, st, add, true);
}
