import { isIpAddress } from "../ip.js";
import type { Expose } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";

/**
 * EXPOSE: words expanded and split, each `[ip:][host:]port[-end][/proto]` becomes `port/proto` keys, one per port of
 * a range however wide (BuildKit's dispatchExpose and portSpecs.parsePort in convert_expose.go).
 */
export function dispatchExpose(ctx: PlanBuilder, st: StageState, e: Expose): void {
  // The stage's own record (its config is a clone or taken over): setting in place keeps n EXPOSEs linear.
  const ports = (st.config.ExposedPorts ??= {}) as Record<string, Record<string, never>>;
  const added: string[] = [];
  const unresolved: string[] = [];
  // BuildKit's parseExpose sorts the words as written (byte order) before they are expanded.
  const words = [...e.args].sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  for (const word of words) {
    for (const spec of ctx.expandWords(st, word.value, word)) {
      const parsed = parsePort(spec);
      if ("error" in parsed) {
        // A variable left as written may come from the base image's ENV, which the planner was not given.
        if (!st.envKnown && spec.includes("$")) unresolved.push(spec);
        else ctx.report("bad-expose", parsed.error, word.range);
        continue;
      }
      for (const p of parsed.ports) {
        ports[p] = {};
        added.push(p);
      }
    }
  }
  ctx.addConfig(
    st,
    "EXPOSE",
    `EXPOSE ${added.join(" ")}`,
    { expose: added, unresolved },
    `EXPOSE [${added.join(" ")}]`,
  );
}

/** One port spec as BuildKit reads it; errors carry BuildKit's wording. */
export function parsePort(raw: string): { ports: string[] } | { error: string } {
  const parts = raw.split(":");
  const n = parts.length;
  const container = parts[n - 1] as string;
  const hostPort = n >= 2 ? (parts[n - 2] as string) : "";
  let ip = n >= 3 ? parts.slice(0, n - 2).join(":") : "";
  const slash = container.indexOf("/");
  const port = slash < 0 ? container : container.slice(0, slash);
  const proto = slash < 0 ? "" : container.slice(slash + 1);
  if (port === "") return { error: `invalid port: "${raw}": no port specified` };
  if (!["", "tcp", "udp", "sctp"].includes(proto.toLowerCase()))
    return { error: `invalid port: "${raw}": invalid proto: ${proto}` };
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  if (ip !== "" && !isIpAddress(ip)) return { error: `invalid IP address: ${ip}` };
  const range = portRange(port);
  if (range === null) return { error: `invalid containerPort: ${port}` };
  if (hostPort !== "") {
    const host = portRange(hostPort);
    if (host === null) return { error: `invalid hostPort: ${hostPort}` };
    if (range[1] - range[0] !== host[1] - host[0] && range[1] !== range[0])
      return { error: `invalid ranges specified for container and host Ports: ${port} and ${hostPort}` };
  }
  const suffix = (proto || "tcp").toLowerCase();
  const ports: string[] = [];
  for (let p = range[0]; p <= range[1]; p++) ports.push(`${p}/${suffix}`);
  return { ports };
}

function portRange(text: string): [number, number] | null {
  const dash = text.indexOf("-");
  const start = portNumber(dash < 0 ? text : text.slice(0, dash));
  if (start === null) return null;
  const endText = dash < 0 ? null : text.slice(dash + 1);
  if (endText === null || endText === text.slice(0, dash)) return [start, start];
  const end = portNumber(endText);
  return end === null || end < start ? null : [start, end];
}

function portNumber(text: string): number | null {
  // Go's strconv.ParseInt: an optional sign and decimal digits.
  if (!/^[+-]?\d+$/.test(text)) return null;
  const n = Number(text);
  return n < 0 || n > 65535 ? null : n;
}
