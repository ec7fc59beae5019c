import type { Add } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { dispatchFileOp } from "./copy.js";

/** ADD: COPY's file node plus URLs, Git repositories and archive unpacking. */
export function dispatchAdd(ctx: PlanBuilder, st: StageState, add: Add): void {
  dispatchFileOp(ctx, st, add, true);
}
