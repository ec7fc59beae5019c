import type { Healthcheck } from "@hull/parser";
import type { HealthcheckConfig } from "../model.js";
import type { BuildContext, StageState } from "./build.js";
import { parseDuration } from "./build.js";

/** Go's `time.Duration` String() for the history text. */
function goDuration(ns: number): string {
  if (ns === 0) return "0s";
  const s = ns / 1e9;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = Math.round((s % 60) * 1e9) / 1e9;
  return `${h > 0 ? `${h}h` : ""}${h > 0 || m > 0 ? `${m}m` : ""}${rest}s`;
}

/** HEALTHCHECK: `CMD` (exec or shell form) or `NONE`; flags become nanosecond durations. */
export function dispatchHealthcheck(ctx: BuildContext, st: StageState, h: Healthcheck): void {
  const kind = (h.kind?.value ?? "").toUpperCase();
  const words = (h.command ?? []).map((w) => w.value);
  const test =
    kind === "NONE" ? ["NONE"] : h.form === "exec" ? ["CMD", ...words] : ["CMD-SHELL", words.join(" ")];
  const config: { -readonly [K in keyof HealthcheckConfig]: HealthcheckConfig[K] } = { Test: test };
  const durations = {
    interval: "Interval",
    timeout: "Timeout",
    "start-period": "StartPeriod",
    "start-interval": "StartInterval",
  } as const;
  for (const f of h.flags ?? []) {
    if (f.name in durations) {
      const ns = parseDuration(f.value ?? "");
      if (ns === null) ctx.report("bad-healthcheck", `time: invalid duration "${f.value ?? ""}"`, f.range);
      else if (ns > 0) config[durations[f.name as keyof typeof durations]] = ns;
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
