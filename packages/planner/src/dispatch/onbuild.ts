import type { Instruction, Onbuild, Stage as AstStage } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** ONBUILD: records the trigger text in `OnBuild`; it runs only in stages built FROM this one. No history entry. */
export function dispatchOnbuild(ctx: PlanBuilder, st: StageState, o: Onbuild): void {
  const trigger = o.trigger;
  const text = triggerText(o);
  if (trigger === null) {
    ctx.report("bad-onbuild", "ONBUILD requires at least one argument", o.range);
    return;
  }
  const keyword = trigger.keyword?.name ?? "";
  if (keyword === "ONBUILD") {
    ctx.report("bad-onbuild", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", o.range);
    return;
  }
  if (keyword === "FROM" || keyword === "MAINTAINER") {
    ctx.report("bad-onbuild", `${keyword} isn't allowed as an ONBUILD trigger`, o.range);
    return;
  }
  st.config.OnBuild = [...(st.config.OnBuild ?? []), text];
  st.triggers.push(trigger);
  ctx.addConfig(st, "ONBUILD", `ONBUILD ${text}`, { onbuild: text }, null);
}

/** The trigger as BuildKit stores it: the instruction text after `ONBUILD`. */
function triggerText(o: Onbuild): string {
  return (o.logical ?? "").replace(/^\s*onbuild\s+/i, "").trim();
}

/** The triggers a child stage runs first: its base stage's own ONBUILD instructions (never the grandparent's). */
export function onbuildTriggers(_ctx: PlanBuilder, parent: StageState, _child: AstStage): Instruction[] {
  return parent.triggers;
}
