import { parseDuration, type Healthcheck } from "@hull/parser";
import type { HealthcheckConfig } from "../model.js";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** Go's `time.Duration` String() for the history text (`1m30s`, `1.5ms`, `250ns`). */
export function goDuration(ns: number): string {
  if (ns === 0) return "0s";
  // Below a second Go switches to the largest unit that keeps an integer part: ns, µs or ms.
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${trimFraction(ns / 1e3)}µs`;
  if (ns < 1e9) return `${trimFraction(ns / 1e6)}ms`;
  const s = ns / 1e9;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = Math.round((s % 60) * 1e9) / 1e9;
  return `${h > 0 ? `${h}h` : ""}${h > 0 || m > 0 ? `${m}m` : ""}${rest}s`;
}

function trimFraction(x: number): string {
  return String(Math.round(x * 1e9) / 1e9);
}

/** HEALTHCHECK: `CMD` (exec or shell form) or `NONE`; flags become nanosecond durations. */
export function dispatchHealthcheck(ctx: PlanBuilder, st: StageState, h: Healthcheck): void {
  const kind = (h.kind?.value ?? "").toUpperCase();
  const words = h.command.map((w) => w.value);
  const test =
    kind === "NONE" ? ["NONE"] : h.form === "exec" ? ["CMD", ...words] : ["CMD-SHELL", words.join(" ")];
  const config: { -readonly [K in keyof HealthcheckConfig]: HealthcheckConfig[K] } = { Test: test };
  const durations = {
    interval: "Interval",
    timeout: "Timeout",
    "start-period": "StartPeriod",
    "start-interval": "StartInterval",
  } as const;
  for (const f of h.flags) {
    if (f.name in durations) {
      // The parser's durations are in milliseconds; the image config stores nanoseconds, as Go's time.Duration.
      const ms = parseDuration(f.value ?? "");
      if (ms === null || ms < 0)
        ctx.report("bad-healthcheck", `time: invalid duration "${f.value ?? ""}"`, f.range);
      else if (ms > 0) config[durations[f.name as keyof typeof durations]] = Math.round(ms * 1e6);
    } else if (f.name === "retries") {
      const n = Number(f.value);
      if (Number.isInteger(n) && n >= 0) config.Retries = n;
      else ctx.report("bad-healthcheck", `invalid retries value "${f.value ?? ""}"`, f.range);
    }
  }
  st.config.Healthcheck = config;
  st.unknown.delete("Healthcheck");
  const text = `HEALTHCHECK &{[${test.join(" ")}] ${goDuration(config.Interval ?? 0)} ${goDuration(config.Timeout ?? 0)} ${goDuration(config.StartPeriod ?? 0)} ${goDuration(config.StartInterval ?? 0)} ${config.Retries ?? 0}}`;
  ctx.addConfig(st, "HEALTHCHECK", `HEALTHCHECK ${test.join(" ")}`, { healthcheck: config }, text);
}
