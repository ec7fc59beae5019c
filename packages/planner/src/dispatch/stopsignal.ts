import type { Stopsignal } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

const signals = new Set(
  "ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ".split(
    " ",
  ),
);

/** Whether BuildKit's signal parser accepts the value: a number, a name, `SIG`-prefixed or `RTMIN+n`. */
function validSignal(s: string): boolean {
  if (/^\d+$/.test(s)) return Number(s) > 0;
  const name = s.toUpperCase().replace(/^SIG/, "");
  return signals.has(name) || /^RTM(IN|AX)([+-]\d+)?$/.test(name);
}

/** STOPSIGNAL: the signal that stops the container. */
export function dispatchStopsignal(ctx: PlanBuilder, st: StageState, s: Stopsignal): void {
  const signal = ctx.expand(st, s.value?.value ?? "", s.value ?? s);
  // `$X` left as written means X may come from a base image ENV the planner was not given: not an error then.
  const unresolved = ctx.unresolved(st, s.value?.value ?? "");
  if (!unresolved && !validSignal(signal))
    ctx.report("bad-stop-signal", `Invalid signal: ${signal}`, (s.value ?? s).range);
  st.config.StopSignal = signal;
  if (unresolved) st.unknown.add("StopSignal");
  else st.unknown.delete("StopSignal");
  ctx.addConfig(st, "STOPSIGNAL", `STOPSIGNAL ${signal}`, { stopSignal: signal }, `STOPSIGNAL ${signal}`);
}
