import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnvList, Environment, type EnvEntry } from "../src/env.js";
import { node, planText } from "./helpers.js";

/** What the environment was before it became a persistent list: a plain array, copied for each version kept. */
class Model {
  readonly list: [string, string][] = [];
  constructor(private readonly windows: boolean) {}
  set(key: string, value: string): void {
    const fold = (k: string) => (this.windows ? k.toUpperCase() : k);
    const i = this.list.findIndex(([k]) => fold(k) === fold(key));
    if (i < 0) this.list.push([key, value]);
    else this.list[i] = [key, value];
  }
  /** The lookup map as it used to be rebuilt from the list: upper-cased names, then the names as written. */
  map(): Map<string, string> {
    const m = new Map<string, string>();
    if (this.windows) for (const [k, v] of this.list) m.set(k.toUpperCase(), v);
    for (const [k, v] of this.list) m.set(k, v);
    return m;
  }
}

const names = fc.constantFrom("A", "a", "B", "PATH", "Path", "long_name", "ß");
const steps = fc.array(fc.record({ key: names, value: fc.constantFrom("", "1", "x=y", "two words") }), {
  maxLength: 60,
});

describe("EnvList", () => {
  it("each version keeps its entries while later ones change, and lists them in order", () => {
    fc.assert(
      fc.property(steps, fc.boolean(), (ops, windows) => {
        const env = Environment.of(windows ? "windows" : "linux", []);
        const model = new Model(windows);
        const versions: [EnvList, [string, string][]][] = [];
        for (const { key, value } of ops) {
          env.set(key, value);
          model.set(key, value);
          versions.push([env.list, model.list.map(([k, v]) => [k, v])]);
          expect(new Map(env.map)).toEqual(model.map());
        }
        for (const [list, expected] of versions) {
          expect(list.entries()).toEqual(expected);
          expect(list.size).toBe(expected.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lists and reads back every entry across the trie's levels", () => {
    for (const n of [15, 16, 17, 255, 256, 257, 4097]) {
      const entries: EnvEntry[] = Array.from({ length: n }, (_, i) => [`K${i}`, `v${i}`]);
      const list = EnvList.of(entries);
      expect(list.entries()).toEqual(entries);
      // Each entry is read back with its `K=V` text, made when it was set.
      const stored = entries.map(([k, v]) => [k, v, `${k}=${v}`]);
      expect(Array.from({ length: n }, (_, i) => list.get(i))).toEqual(stored);
      expect(list.texts()).toEqual(stored.map((e) => e[2]));
      // Replacing an entry in the middle changes that entry only, in a new version.
      const changed = list.set(n >> 1, ["X", "y"]);
      expect(changed.get(n >> 1)).toEqual(["X", "y", "X=y"]);
      expect(list.get(n >> 1)).toEqual(stored[n >> 1]);
      expect(changed.size).toBe(n);
    }
  });

  it("has one digest per list, however the list was made", () => {
    const byText = new Map<string, string>();
    fc.assert(
      fc.property(steps, (ops) => {
        const env = Environment.of("linux", []);
        for (const { key, value } of ops) {
          env.set(key, value);
          const text = JSON.stringify(env.list.entries());
          const digest = env.list.digest();
          // Equal lists, equal digests; a digest seen for another list would be a collision.
          expect(byText.get(digest) ?? text).toBe(text);
          byText.set(digest, text);
          expect(env.list.digest()).toBe(EnvList.of(env.list.entries()).digest());
        }
      }),
      { numRuns: 200 },
    );
    expect(byText.size).toBeGreaterThan(100);
  });

  it("tells lists apart that differ in order, length or one entry", () => {
    const d = (...entries: EnvEntry[]) => EnvList.of(entries).digest();
    const all = [
      d(),
      d(["A", "1"]),
      d(["A", "1"], ["B", "2"]),
      d(["B", "2"], ["A", "1"]),
      d(["A", "1"], ["B", "3"]),
      d(["A", "1=B=2"]),
      d(["A", "1"], ["B", "2"], ["C", ""]),
    ];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("a RUN keeps the environment of its moment", () => {
  const file = `FROM alpine AS a
ARG A=1
RUN x
ENV A=2
ARG B
RUN y
ARG A=3
FROM a AS b
ARG C=4
RUN z
FROM a AS c
ENV D=5
RUN w
`;
  it.each([
    ["b", "s1.2", ["A=3", "C=4"], "RUN |3 A=3 B= C=4 /bin/sh -c z # buildkit"],
    ["c", "s2.2", ["A=3", "D=5"], "RUN |2 A=3 B= /bin/sh -c w # buildkit"],
  ])("target %s: each RUN's env and history, siblings apart", (target, id, env, history) => {
    const p = planText(file, { target });
    // Later ARGs and ENVs, in the stage or in the stages built from it, never reach an earlier RUN.
    expect(node(p, "s0.2").op["env"]).toEqual(["A=1"]);
    expect(node(p, "s0.5").op["env"]).toEqual(["A=2"]);
    expect(node(p, id).op["env"]).toEqual(env);
    const runs = p.image?.history.filter((h) => h.created_by.startsWith("RUN")).map((h) => h.created_by);
    expect(runs).toEqual([
      "RUN |1 A=1 /bin/sh -c x # buildkit",
      "RUN |2 A=2 B= /bin/sh -c y # buildkit",
      history,
    ]);
    // The plan serialises as plain JSON, the env and history text listed.
    expect(JSON.parse(JSON.stringify(node(p, id))).op.env).toEqual(env);
  });

  it("on Windows an ARG's history value is its own when an ENV set the name in another case", () => {
    const p = planText(
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nARG path=1\nENV PATH=2\nRUN dir\nARG Path\nRUN echo\n",
    );
    expect([node(p, "s0.3").op["env"], node(p, "s0.5").op["env"]]).toEqual([["PATH=2"], ["PATH=2"]]);
    expect(p.image?.history.filter((h) => !h.empty_layer).map((h) => h.created_by)).toEqual([
      "RUN |1 path=1 cmd /S /C dir # buildkit",
      "RUN |2 path=1 Path= cmd /S /C echo # buildkit",
    ]);
  });

  it("equal environments reached in different ways give a RUN the same key", () => {
    const a = planText("FROM scratch\nENV A=1 B=2\nENV A=3\nRUN x\n");
    const b = planText("FROM scratch\nENV A=0\nENV B=2 A=3\nRUN x\n");
    const c = planText("FROM scratch\nENV B=2 A=3\nRUN x\n");
    expect(node(a, "s0.3").cacheKey).toBe(node(b, "s0.3").cacheKey);
    // The same entries in another order are another environment.
    expect(node(a, "s0.3").cacheKey).not.toBe(node(c, "s0.2").cacheKey);
  });
});

describe("a stage's only child takes its state over", () => {
  const file = `FROM alpine AS a
ARG A=1
LABEL x=1
ENV E=1
RUN x
FROM a AS b
ARG B=2
LABEL y=2
ENV F=2
RUN y
`;
  it("the base's RUNs keep their env and history", () => {
    const p = planText(file);
    expect([node(p, "s0.4").op["env"], node(p, "s1.4").op["env"]]).toEqual([
      ["A=1", "E=1"],
      ["A=1", "E=1", "B=2", "F=2"],
    ]);
    expect(p.image?.history.filter((h) => !h.empty_layer).map((h) => h.created_by)).toEqual([
      "RUN |1 A=1 /bin/sh -c x # buildkit",
      "RUN |2 A=1 B=2 /bin/sh -c y # buildkit",
    ]);
    expect(p.image?.config.Labels).toEqual({ x: "1", y: "2" });
  });

  it("the target's image is its own although a later stage is built FROM it", () => {
    const p = planText(file, { target: "a" });
    expect(p.image?.config.Labels).toEqual({ x: "1" });
    expect(p.image?.config.Env).toEqual(["E=1"]);
  });
});
