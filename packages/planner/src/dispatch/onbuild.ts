import { parse, type Instruction, type Onbuild } from "@hull/parser";
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
  const keyword = trigger.keyword.name;
  if (keyword === "ONBUILD") {
    ctx.report("bad-onbuild", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", o.range);
    return;
  }
  if (keyword === "FROM" || keyword === "MAINTAINER") {
    ctx.report("bad-onbuild", `${keyword} isn't allowed as an ONBUILD trigger`, o.range);
    return;
  }
  // The stage's own list (its config is a clone): appending in place keeps n triggers linear.
  st.config.OnBuild ??= [];
  (st.config.OnBuild as string[]).push(text);
  st.triggers.push(trigger);
  ctx.addConfig(st, "ONBUILD", `ONBUILD ${text}`, { onbuild: text }, null);
}

/** The trigger as BuildKit stores it: the instruction text after `ONBUILD`. */
function triggerText(o: Onbuild): string {
  // As BuildKit's parseOnBuild: the keyword and the blanks after it go, the blanks at the end stay.
  return o.logical.replace(/^\s*onbuild\s*/i, "");
}

/** The triggers a child stage runs first: its base stage's own ONBUILD instructions (never the grandparent's). */
export function onbuildTriggers(parent: StageState): Instruction[] {
  return parent.triggers;
}

/**
 * The ONBUILD triggers of a base image's config, parsed as instructions (BuildKit's initOnBuildTriggers parses each
 * as one Dockerfile line). One that does not parse to exactly one instruction is reported at the FROM.
 */
export function imageTriggers(ctx: PlanBuilder, st: StageState, texts: readonly string[]): Instruction[] {
  const out: Instruction[] = [];
  for (const text of texts) {
    const only = parseTrigger(text);
    if (!only) {
      ctx.report("bad-onbuild", `onbuild trigger should be a single expression: ${text}`, st.at.range);
      continue;
    }
    const keyword = only.keyword.name;
    if (keyword === "ONBUILD" || keyword === "FROM" || keyword === "MAINTAINER") {
      ctx.report("bad-onbuild", `${keyword} isn't allowed as an ONBUILD trigger: ${text}`, st.at.range);
      continue;
    }
    out.push(only);
  }
  return out;
}

/** One trigger of an image's ONBUILD list as an instruction, or null when it is not exactly one. */
export function parseTrigger(text: string): Instruction | null {
  // BuildKit parses a trigger on its own, so with the default escape character whatever the child file uses.
  const parsed = parse(`FROM scratch\n${text}\n`);
  const instructions = parsed.ast.stages[0]?.instructions ?? [];
  return instructions.length === 1 && parsed.ast.stages.length === 1 ? (instructions[0] ?? null) : null;
}
