import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parse, type Dockerfile } from "@hull/parser";
import { invalidate, plan, type InvalidationChange } from "../src/index.js";

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
      get(target, key) {
        reads++;
        // The node itself as receiver: a node's getters (`range`, `args`, …) read and fill the node's own
        // hidden fields, which must hold the real objects, not their proxies.
        return wrap(Reflect.get(target, key));
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

/**
 * Counts the elements the planner's array and map methods touch while it plans, and the characters it hashes: the
 * work done on environment lists and cache keys, which AST reads do not see. An ENV that copied or scanned the
 * whole environment shows as work growing with the square of the number of ENVs.
 */
function elementWork(run: () => void): number {
  let work = 0;
  const arrays = Array.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const patched: [Record<string, unknown>, string, unknown][] = [];
  const patch = (
    proto: Record<string, unknown>,
    name: string,
    cost: (self: unknown, args: unknown[]) => number,
  ) => {
    const original = proto[name] as (...a: unknown[]) => unknown;
    patched.push([proto, name, original]);
    proto[name] = function (this: unknown, ...args: unknown[]) {
      work += cost(this, args);
      return original.apply(this, args);
    };
  };
  const length = (self: unknown) => (self as unknown[]).length;
  for (const name of [
    "map",
    "find",
    "findIndex",
    "some",
    "filter",
    "slice",
    "indexOf",
    "join",
    Symbol.iterator,
  ])
    patch(arrays, name as string, length);
  patch(Map.prototype as unknown as Record<string, unknown>, "set", () => 1);
  // Every byte hashed for cache keys and digests counts too.
  patch(
    Object.getPrototypeOf(createHash("sha256")) as Record<string, unknown>,
    "update",
    (_self, args) => String(args[0]).length,
  );
  try {
    run();
  } finally {
    for (const [proto, name, original] of patched) proto[name] = original;
  }
  return work;
}

describe("a WORKDIR chain is linear", () => {
  it("WORKDIR one level deeper each time: twice the instructions, about twice the work", () => {
    // Each step keeps its whole path (label, history, config, cache key): past PATH_MAX the chain is not followed,
    // as the build fails there (workdir-too-long). Following it made 20,000 WORKDIRs take 70 s and 2.6 GB.
    const work = (n: number) => {
      const text = `FROM alpine\n${Array.from({ length: n }, (_, i) => `WORKDIR d${i}\n`).join("")}RUN true\n`;
      const ast = parse(text).ast;
      return elementWork(() => plan(ast));
    };
    expect(work(4000) / work(2000)).toBeLessThan(2.3);
  });
});

describe("environment work is linear in the number of ENV and ARG instructions", () => {
  it("ENV: twice the instructions, about twice the work", () => {
    const work = (n: number) => {
      const text = `FROM alpine\n${Array.from({ length: n }, (_, i) => `ENV E${i}=v${i}\n`).join("")}RUN true\n`;
      const ast = parse(text).ast;
      return elementWork(() => plan(ast));
    };
    expect(work(2000) / work(1000)).toBeLessThan(2.3);
  });

  it("ARG+RUN pairs: twice the pairs, about twice the work", () => {
    // Each RUN's env and BuildKit's history text (`|N K=V …`) list every ARG in scope, so the plan as listed
    // grows with the square of the pairs (8 million entries at 4,000 pairs). Planning must not: a RUN keeps a
    // version of the stage's persistent environment list, listed when read, and its key hashes the list's digest,
    // which costs only the part that changed. Copying the list per RUN made the work quadruple here.
    const work = (n: number) => {
      const text = `FROM alpine\n${Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\nRUN echo ${i}\n`).join("")}`;
      const ast = parse(text).ast;
      let runs = 0;
      const w = elementWork(() => {
        runs = plan(ast).nodes.filter((node) => node.instruction === "RUN").length;
      });
      expect(runs).toBe(n);
      return w;
    };
    // Both sizes need a trie of the same depth (257 to 4,096 entries); only the top chunk, up to 16 digests, grows
    // with the size, so the work a little more than doubles (2.25 today). The old copy per RUN made it 4.1.
    expect(work(2000) / work(1000)).toBeLessThan(2.5);
  });

  it.each([
    ["ARG", (i: number) => `ARG A${i}=v${i}`],
    ["ENV", (i: number) => `ENV E${i}=v${i}`],
  ])("FROM chains, each stage adding an %s: twice the stages, about twice the work", (_name, line) => {
    // A stage's only child takes its environment over: copying it per stage made the work grow x3.2 here.
    const work = (n: number) => {
      const text = `FROM alpine AS s0\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\n${line(i)}\nRUN echo ${i}\n`).join("")}`;
      const ast = parse(text).ast;
      return elementWork(() => plan(ast));
    };
    expect(work(2000) / work(1000)).toBeLessThan(2.5);
  });
});

describe("what a change rebuilds is linear in the size of the file", () => {
  // `hull plan --changed`: a new value of the first ARG reaches every later RUN's env, so every RUN rebuilds. Each
  // RUN's env lists every ARG in scope; comparing or searching those lists whole (stable JSON of each RUN's
  // operation, before and after) made the work grow with the square of the pairs.
  const pairs = (n: number) =>
    `FROM alpine\n${Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\nRUN echo ${i}\n`).join("")}COPY src /src\n`;
  it.each<[string, InvalidationChange]>([
    ["a build arg", { buildArgs: { A0: "changed" } }],
    ["a context path", { paths: ["src/main.c"] }],
    ["both, with a value found in every env", { buildArgs: { A0: "v1" }, paths: ["src"] }],
  ])("ARG+RUN pairs, %s changed: twice the pairs, about twice the work", (_name, change) => {
    const work = (n: number) => {
      const ast = parse(pairs(n)).ast;
      let rebuilt = 0;
      const w = elementWork(() => {
        rebuilt = invalidate(ast, {}, change).invalidated.length;
      });
      // The ARG change rebuilds every RUN and the COPY; a path change only the COPY.
      expect(rebuilt).toBe(change.buildArgs ? n + 1 : 1);
      return w;
    };
    expect(work(2000) / work(1000)).toBeLessThan(2.5);
  });
});
