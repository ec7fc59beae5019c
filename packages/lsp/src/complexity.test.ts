import { describe, expect, it } from "vitest";
import { defaultFeatureConfig } from "./config.js";
import { computeCompletions } from "./features/completion.js";
import { computeHover } from "./features/hover.js";
import { computeDefinition, computeReferences } from "./features/navigation.js";
import { fixture } from "./testing.js";

const config = defaultFeatureConfig();

/** Files of `n` declarations, each with `$0` on a variable reference near its end, where hover and completion look. */
const shapes: Record<string, (n: number) => string> = {
  // Each declaration copied every variable declared before it to expand its value.
  ARGs: (n) =>
    `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\n`).join("")}RUN echo $A$00\n`,
  ENVs: (n) =>
    `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ENV E${i}=v${i}\n`).join("")}RUN echo $E$00\n`,
  // Each stage copied its base's variables, down a recursion as deep as the chain.
  "a FROM chain that declares in each stage": (n) =>
    `FROM alpine:3.20 AS s0\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nARG A${i}=v\nENV E${i}=$A${i}\n`).join("")}RUN echo $E$00\n`,
};

/**
 * Hover, completion, definition and references at `$0`, counting the entries put into maps and the elements array methods walk over: a
 * scope that copies what came before it for each declaration makes this grow with the square of `n`.
 */
function work(text: string): number {
  const { document, position } = fixture(text);
  void document.parsed;
  let count = 0;
  const restore: (() => void)[] = [];
  const patch = (proto: object, name: string, cost: (self: unknown) => number) => {
    const methods = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = methods[name]!;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      count += cost(this);
      return original.apply(this, args);
    };
    restore.push(() => (methods[name] = original));
  };
  patch(Map.prototype, "set", () => 1);
  for (const name of ["every", "filter", "find", "findLast", "includes", "indexOf", "map", "slice", "some"])
    patch(Array.prototype, name, (self) => (self as unknown[]).length);
  try {
    expect(computeHover(document, position, config)?.contents).toMatch(/\*\*(ARG|ENV)\*\*/);
    expect(computeCompletions(document, position, config).length).toBeGreaterThan(0);
    expect(computeDefinition(document, position)).toHaveLength(1);
    expect(computeReferences(document, position, true).length).toBeGreaterThan(1);
  } finally {
    for (const undo of restore) undo();
  }
  return count;
}

describe("hover, completion and navigation work", () => {
  it.each(Object.entries(shapes))("%s: twice the declarations, about twice the work", (_name, make) => {
    const small = work(make(500));
    const large = work(make(1000));
    expect(small).toBeGreaterThan(0);
    // Linear work doubles; a copy of the scope per declaration makes it four times larger.
    expect(large / small).toBeLessThan(2.3);
  });

  it("follows a chain of 10k stages without overflowing the call stack", () => {
    expect(() => work(shapes["a FROM chain that declares in each stage"]!(10_000))).not.toThrow();
  });
});
