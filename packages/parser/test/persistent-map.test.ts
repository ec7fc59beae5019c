import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hashOf, PersistentMap, PersistentSet } from "../src/semantics/persistent-map.js";

/** Two different names with the same 32-bit hash, found by the birthday bound (about 2^16 tries). */
function collidingNames(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const name = `N${i}`;
    const other = seen.get(hashOf(name));
    if (other !== undefined) return [other, name];
    seen.set(hashOf(name), name);
  }
}

const [c1, c2] = collidingNames();
// A few names, so that random operations often hit the same one; two of them collide in all 32 bits.
const nameArb = fc.constantFrom("A", "B", "", c1, c2, ...Array.from({ length: 20 }, (_, i) => `V${i}`));
const opArb = fc.oneof(
  fc.record({ op: fc.constant("set" as const), name: nameArb, value: fc.constantFrom("1", "2", "") }),
  fc.record({ op: fc.constant("delete" as const), name: nameArb }),
  // Go on from an older version, which must not have changed.
  fc.record({ op: fc.constant("back" as const), steps: fc.nat(5) }),
);

describe("PersistentMap", () => {
  test("the colliding names collide", () => {
    expect(c1).not.toBe(c2);
    expect(hashOf(c1)).toBe(hashOf(c2));
  });

  test("behaves as a Map copied before each change, order included, and old versions never change", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 50, maxLength: 200 }), (ops) => {
        const versions: [PersistentMap<string>, Map<string, string>][] = [[PersistentMap.empty(), new Map()]];
        for (const step of ops) {
          let [map, model] = versions.at(-1)!;
          if (step.op === "back") {
            [map, model] = versions[Math.max(0, versions.length - 1 - step.steps)]!;
          } else if (step.op === "set") {
            map = map.set(step.name, step.value);
            model = new Map(model).set(step.name, step.value);
          } else {
            map = map.delete(step.name);
            model = new Map(model);
            model.delete(step.name);
          }
          versions.push([map, model]);
        }
        for (const [map, model] of versions) {
          expect([...map]).toEqual([...model]);
          expect(map.size).toBe(model.size);
          for (const name of [c1, c2, "A", "V7", "missing"]) {
            expect(map.get(name)).toBe(model.get(name));
            expect(map.has(name)).toBe(model.has(name));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test("returns itself for a change that changes nothing", () => {
    const map = PersistentMap.of([["A", "1"]]);
    expect(map.set("A", "1")).toBe(map);
    expect(map.delete("B")).toBe(map);
    expect(map.set("A", "2")).not.toBe(map);
  });

  test("holds many names, each findable, in the order they were first set", () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 5000; i++) map = map.set(`K${i}`, i);
    map = map.set("K0", -1);
    expect(map.size).toBe(5000);
    expect([...map.keys()].slice(0, 3)).toEqual(["K0", "K1", "K2"]);
    expect(map.get("K0")).toBe(-1);
    expect(map.get("K4999")).toBe(4999);
    expect(map.has("K5000")).toBe(false);
  });
});

describe("PersistentSet", () => {
  test("adds and deletes as a Set, leaving older versions as they were", () => {
    const a = PersistentSet.empty().add("x").add("y");
    const b = a.delete("x").add("z");
    expect([...a]).toEqual(["x", "y"]);
    expect([...b]).toEqual(["y", "z"]);
    expect(b.has("x")).toBe(false);
    expect(a.add("x")).toBe(a);
    expect(a.size).toBe(2);
  });
});
