import type { Expose } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/** Ranges wider than this are kept as one entry rather than listed port by port. */
const maxRangeExpansion = 1024;

/** EXPOSE: words expanded and split, each `[ip:][host:]port[-end][/proto]` becomes `port/proto` keys. */
export function dispatchExpose(ctx: PlanBuilder, st: StageState, e: Expose): void {
  const ports: Record<string, Record<string, never>> = { ...(st.config.ExposedPorts ?? {}) };
  const added: string[] = [];
  const unresolved: string[] = [];
  for (const word of e.args) {
    for (const spec of ctx.expandWords(st, word.value, word.range)) {
      const m = /^(?:.*:)?(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(spec);
      if (!m && !st.envKnown && spec.includes("$")) {
        // The variable may come from the base image's ENV, which the planner cannot see.
        unresolved.push(spec);
        continue;
      }
      if (!m) {
        ctx.report("bad-expose", `invalid port specification: "${spec}"`, word.range);
        continue;
      }
      const start = Number(m[1]);
      const end = m[2] === undefined ? start : Number(m[2]);
      const proto = (m[3] ?? "tcp").toLowerCase();
      if (start > 65535 || end > 65535 || end < start) {
        ctx.report("bad-expose", `invalid port range: "${spec}"`, word.range);
        continue;
      }
      if (end - start >= maxRangeExpansion) {
        ports[`${start}-${end}/${proto}`] = {};
        added.push(`${start}-${end}/${proto}`);
        continue;
      }
      for (let p = start; p <= end; p++) {
        ports[`${p}/${proto}`] = {};
        added.push(`${p}/${proto}`);
      }
    }
  }
  st.config.ExposedPorts = ports;
  const map = Object.keys(ports)
    .sort()
    .map((k) => `${k}:{}`)
    .join(" ");
  ctx.addConfig(
    st,
    "EXPOSE",
    `EXPOSE ${added.join(" ")}`,
    { expose: added, unresolved },
    `EXPOSE map[${map}]`,
  );
}
