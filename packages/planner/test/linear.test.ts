import { describe, expect, it } from "vitest";
import { parse, type Dockerfile } from "@hull/parser";
import { plan } from "../src/index.js";

/**
 * Wraps the AST so that every property read on it is counted: the work the planner does reading the file.
 * Counting instead of timing keeps the test deterministic on a loaded machine, and a scan of all stages per
 * stage (how `COPY --from=name` used to find its stage) shows as reads growing with the square of the size.
 */
function counted(ast: Dockerfile): { ast: Dockerfile; reads: () => number } {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const known = proxies.get(value);
    if (known) return known;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        reads++;
        return wrap(Reflect.get(target, key, receiver));
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  return { ast: wrap(ast) as Dockerfile, reads: () => reads };
}

const shapes: Record<string, (i: number) => string> = {
  "COPY --from chains": (i) =>
    `FROM alpine AS s${i}\n${i > 0 ? `COPY --from=s${i - 1} /a /a\n` : ""}RUN echo ${i}\n`,
  "FROM chains": (i) => `FROM ${i > 0 ? `s${i - 1}` : "alpine"} AS s${i}\nRUN echo ${i}\n`,
  "independent stages, all pruned but the last": (i) => `FROM alpine AS s${i}\nRUN echo ${i}\n`,
  "mount chains": (i) => `FROM alpine AS s${i}\nRUN --mount=from=s${Math.max(0, i - 1)},target=/m echo\n`,
};

function readsFor(shape: (i: number) => string, n: number): number {
  const text = Array.from({ length: n }, (_, i) => shape(i)).join("");
  const { ast, reads } = counted(parse(text).ast);
  const p = plan(ast, { target: `s${n - 1}` });
  expect(p.stages).toHaveLength(n);
  expect(p.diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
  return reads();
}

describe("planning is linear in the number of stages", () => {
  it.each(Object.entries(shapes))("%s: twice the stages, about twice the reads", (_name, shape) => {
    const small = readsFor(shape, 250);
    const large = readsFor(shape, 500);
    // Linear work doubles; a quadratic scan would quadruple it.
    expect(large / small).toBeLessThan(2.3);
  });
});
