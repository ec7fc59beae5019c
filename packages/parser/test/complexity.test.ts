import { describe, expect, it } from "vitest";
import { parse, parseWork, print } from "../src/index.js";

/** Inputs whose size grows with `n`, in the shapes that have made parsers slow (bench/adversarial.mjs times them). */
const shapes: Record<string, (n: number) => string> = {
  "continuation lines in one RUN": (n) =>
    `FROM a\nRUN echo start \\\n${"  && echo line \\\n".repeat(n)}  && true\n`,
  // Each trailing continuation used to rescan all the instruction's tokens: quadratic.
  "trailing continuation-only lines": (n) => `FROM a\nRUN echo a \\\n${"\\\n".repeat(n)}\n`,
  "comment and empty lines in a continuation": (n) =>
    `FROM a\nRUN echo a \\\n${"# note\n   \n".repeat(n)}  b\n`,
  heredocs: (n) => `FROM a\n${"RUN <<EOF\necho x\nEOF\n".repeat(n)}`,
  "heredocs opened on one line": (n) =>
    `FROM a\nRUN ${Array.from({ length: n }, (_, i) => `<<E${i}`).join(" ")} cat\n${Array.from({ length: n }, (_, i) => `x\nE${i}\n`).join("")}`,
  "an unterminated heredoc": (n) => `FROM a\nRUN <<EOF\n${"echo x\n".repeat(n)}`,
  ARGs: (n) => `FROM a\n${Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\n`).join("")}`,
  "one long line": (n) => `FROM a\nRUN echo ${"ab ".repeat(n)}\n`,
  "ONBUILD triggers": (n) => `FROM a\n${"ONBUILD RUN echo x\n".repeat(n)}`,
  "blank lines": (n) => `FROM a\n${" \t\n\r\n".repeat(n)}RUN x\n`,
};

const arrayMethods = [
  "every",
  "filter",
  "find",
  "findIndex",
  "findLast",
  "forEach",
  "includes",
  "indexOf",
] as const;
const moreArrayMethods = ["join", "lastIndexOf", "map", "reduce", "slice", "some"] as const;

/**
 * The parser's own counted steps (`parseWork`: pieces scanned, characters trimmed, heredoc lines, lookup steps)
 * plus every element that an array method called during the parse walks over, so that a builtin called inside a
 * loop (a `filter` per character, say) shows up as the work it is.
 */
function work(text: string): number {
  const proto = Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  let visited = 0;
  for (const name of [...arrayMethods, ...moreArrayMethods]) {
    const original = proto[name]!;
    originals.set(name, original);
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      visited += this.length;
      return original.apply(this, args);
    };
  }
  const before = parseWork.steps;
  let ast;
  try {
    ast = parse(text).ast;
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  expect(print(ast)).toBe(text);
  return parseWork.steps - before + visited;
}

describe("parse work", () => {
  for (const [name, make] of Object.entries(shapes)) {
    it(`doubles at most when the input doubles: ${name}`, () => {
      const small = work(make(2000));
      const large = work(make(4000));
      expect(small).toBeGreaterThan(0);
      // Linear work doubles (offset lookups add a logarithmic factor); a quadratic loop makes it four times larger.
      expect(large / small).toBeLessThan(2.3);
    });
  }
});
