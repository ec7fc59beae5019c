import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dump, parse, print, walk, type Dockerfile } from "../src/index.js";

const fixtures = (() => {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name === "Dockerfile") out.push(readFileSync(path, "utf8"));
    }
  };
  visit(join(import.meta.dirname, "fixtures"));
  return out;
})();

/** Characters that matter to the grammar, so that random text hits the interesting paths often. */
const alphabet = fc.constantFrom(
  "FROM ",
  "RUN ",
  "COPY ",
  "ENV ",
  "ARG ",
  "ONBUILD ",
  "HEALTHCHECK ",
  "CMD ",
  "from ",
  "x",
  "=",
  " ",
  "\t",
  "\n",
  "\r\n",
  "\\",
  "`",
  "#",
  "# escape=`\n",
  "<<",
  "<<-",
  "EOF",
  "'",
  '"',
  "[",
  "]",
  ",",
  "--",
  "--mount=",
  "$",
  "${",
  "}",
  ":",
  "\ufeff",
  "\u00a0",
  "\u0000",
  "é",
  "😀",
);
const dockerishText = fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join(""));

function checkInvariants(text: string): void {
  const result = parse(text);
  expect(result.diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
  expect(print(result.ast)).toBe(text);
  expect(() => dump(result.ast)).not.toThrow();
  checkRanges(result.ast, text.length);
}

/** Every node lies inside the text, ranges are well-formed, and top-level children tile the file in order. */
function checkRanges(ast: Dockerfile, length: number): void {
  let offset = ast.bom ? 1 : 0;
  for (const child of ast.children) {
    expect(child.range.start.offset).toBeGreaterThanOrEqual(offset);
    offset = child.range.end.offset;
  }
  expect(offset).toBeLessThanOrEqual(length);
  walk(ast, {
    enter(node) {
      if (!("keyword" in node)) return;
      for (const r of [
        node.range,
        node.keyword.range,
        ...node.flags.map((f) => f.range),
        ...node.args.map((a) => a.range),
      ]) {
        expect(r.start.offset).toBeLessThanOrEqual(r.end.offset);
        expect(r.end.offset).toBeLessThanOrEqual(length);
        expect(r.start.line).toBeGreaterThanOrEqual(1);
        expect(r.start.column).toBeGreaterThanOrEqual(1);
      }
    },
  });
}

describe("parse never throws and always round-trips", () => {
  it("on random Dockerfile-like text", () => {
    fc.assert(fc.property(dockerishText, checkInvariants), { numRuns: 1500 });
  });

  it("on arbitrary Unicode and binary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), checkInvariants), { numRuns: 500 });
  });

  it("on fixtures with random edits (insertions, deletions, truncation)", () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), dockerishText);
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(edit, { maxLength: 4 }), (text, edits) => {
        let mutated = text;
        for (const [at, remove, insert] of edits) {
          const i = at % (mutated.length + 1);
          mutated = mutated.slice(0, i) + insert + mutated.slice(i + remove);
        }
        checkInvariants(mutated);
      }),
      { numRuns: 1500 },
    );
  });
});
