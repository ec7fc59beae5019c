import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { parse, type Dockerfile } from "@hull/parser";
import { describe, expect, it } from "vitest";
import {
  invalidate,
  type InvalidatedNode,
  type InvalidationChange,
  type PlanNode,
  type PlanOptions,
} from "../src/index.js";
import { buildPlan } from "../src/plan.js";
import { stableJson } from "../src/hash.js";

/**
 * The reference: what a change rebuilds, found the plain way, by comparing the stable JSON of each node's whole
 * operation (a RUN's whole env listed) before and after, and searching it as text. This was `invalidate` until it
 * was made linear; it is quadratic on long files, so it stays here, where the files are small, as the definition
 * the fast version must agree with.
 */
function reference(
  ast: Dockerfile,
  options: PlanOptions,
  change: InvalidationChange,
): { invalidated: InvalidatedNode[]; cached: string[] } {
  const before = buildPlan(ast, { ...options, changedPaths: [] });
  const changedArgs = Object.entries(change.buildArgs ?? {}).filter(([k, v]) => options.buildArgs?.[k] !== v);
  const after = buildPlan(ast, {
    ...options,
    buildArgs: { ...(options.buildArgs ?? {}), ...(change.buildArgs ?? {}) },
    changedPaths: change.paths ?? [],
  });
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const invalid = new Map<string, InvalidatedNode>();
  const cached: string[] = [];
  const alias = new Map<string, string>();
  for (const node of after.nodes) {
    if (node.pruned || node.kind === "config") continue;
    const prev = old.get(node.id);
    const isAlias = node.op["op"] === "stage";
    if (isAlias && node.inputs[0] !== undefined) alias.set(node.id, node.inputs[0]);
    if (prev && prev.cacheKey === node.cacheKey) {
      if (!isAlias) cached.push(node.id);
      continue;
    }
    invalid.set(node.id, explain(node, prev, invalid, changedArgs, alias));
  }
  return { invalidated: [...invalid.values()].filter((i) => !alias.has(i.id)), cached };
}

function explain(
  node: PlanNode,
  prev: PlanNode | undefined,
  invalid: ReadonlyMap<string, InvalidatedNode>,
  changedArgs: readonly (readonly [string, string])[],
  alias: ReadonlyMap<string, string>,
): InvalidatedNode {
  const direct = node.inputs.find((i) => invalid.has(i));
  const input = direct === undefined ? undefined : (alias.get(direct) ?? direct);
  if (stableJson(node.op) !== stableJson(prev?.op ?? null)) {
    const changed = changedContent(node);
    if (changed.length > 0)
      return { id: node.id, cause: "context", reason: `context changed: ${changed.join(", ")}` };
    const text = stableJson(node.op);
    const args = changedArgs
      .filter(([k, v]) => text.includes(`${k}=`) || (v !== "" && text.includes(v)))
      .map(([k]) => k);
    if (args.length > 0)
      return {
        id: node.id,
        cause: "build-arg",
        reason: `build arg ${args.join(", ")} changed and is part of the operation`,
      };
    if (input === undefined)
      return {
        id: node.id,
        cause: "operation",
        reason: prev ? "the resolved operation changed" : "new node",
      };
  }
  if (input !== undefined) {
    const fromStage = typeof node.op["from"] === "string" && node.op["from"].startsWith("stage:");
    const prevRebuilt = node.inputs[0] !== undefined && invalid.has(node.inputs[0]);
    return {
      id: node.id,
      cause: "input",
      reason: `input ${input} is rebuilt`,
      ...(fromStage && node.kind === "file" && !prevRebuilt ? { maybeCached: true } : {}),
    };
  }
  return { id: node.id, cause: "operation", reason: "an input's cache key changed" };
}

function changedContent(node: PlanNode): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      const m = /^context:(.*)@changed:(.*)$/.exec(v);
      if (m) out.push(`${m[2]} (under source ${m[1]})`);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  // The operation as its JSON lists it (a RUN's env is a getter of its class).
  visit(JSON.parse(JSON.stringify(node.op)));
  return out;
}

/** Both answers to one question, for `toEqual`. */
function answers(ast: Dockerfile, options: PlanOptions, change: InvalidationChange) {
  const fast = invalidate(ast, options, change);
  return {
    fast: { invalidated: fast.invalidated, cached: fast.cached },
    reference: reference(ast, options, change),
  };
}

// Instructions that read and write what a change touches: ARGs and ENVs that RUNs list, values that turn up in
// other words (`v1`, `1`, `,`), paths under COPY, ADD and bind-mount sources, stage copies and mounts, and an ENV
// whose entry looks like a changed content placeholder.
const lines = [
  "ARG A=1",
  "ARG B",
  "ARG A=$V",
  "ARG C=v1",
  "ARG A",
  "ENV E=$A",
  "ENV P=x${B:-none} Q=1,2",
  "ENV context:src@changed:x=1",
  // Enough entries for the env list to span several chunks of its trie (16 entries each).
  `ARG ${Array.from({ length: 20 }, (_, i) => `K${i}=k${i}`).join(" ")}`,
  'ENV J="a\\"b"',
  "RUN echo $A",
  "RUN echo v1 $E",
  "RUN --mount=type=bind,source=cfg,target=/c cat /c",
  "RUN --mount=from=s0,source=/src,target=/m ls /m",
  "RUN --mount=type=cache,target=/root/.cache make",
  "COPY src /src",
  "COPY *.json /app/",
  "COPY --from=s0 /src /copied",
  "COPY --from=s0 /other /o",
  "COPY . /all",
  "COPY --exclude=*.md docs /docs",
  "ADD lib/ /lib",
  "WORKDIR /w/$A",
  "USER ${A:-root}",
  "LABEL l=$A",
  "ONBUILD RUN echo $A",
  "CMD echo $E",
];

const froms = [
  (i: number) => `FROM alpine:3.20 AS s${i}`,
  (i: number) => `FROM \${BASE:-alpine} AS s${i}`,
  (i: number) => `FROM scratch AS s${i}`,
  (i: number) => `FROM s${Math.max(0, i - 1)} AS s${i}`,
];

const file = fc
  .tuple(
    fc.subarray(["ARG BASE=alpine", "ARG V=1", "ARG A=g"]),
    fc.array(fc.tuple(fc.nat(froms.length - 1), fc.array(fc.constantFrom(...lines), { maxLength: 10 })), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([globals, stages]) =>
    [
      ...globals,
      ...stages.flatMap(([from, body], i) => [(froms[from] as (i: number) => string)(i), ...body]),
    ].join("\n"),
  );

const change: fc.Arbitrary<InvalidationChange> = fc.record(
  {
    paths: fc.subarray(["src/a.c", "cfg", "x.json", "docs/a.md", "docs/b.txt", "lib/x", ".", "other"]),
    buildArgs: fc.dictionary(
      fc.constantFrom("A", "B", "V", "C", "BASE", "E", "X", ""),
      fc.constantFrom(
        "1",
        "",
        "changed",
        ",",
        '"',
        "v1",
        "alpine",
        "=",
        "A",
        "debian",
        // Texts that occur only across two env entries, or across the env and the fields around it.
        'k15","K16',
        'k1","K2=',
        '"env":["PATH=',
        'k19"],"mounts"',
      ),
    ),
  },
  { requiredKeys: [] },
);

const options: fc.Arbitrary<PlanOptions> = fc.record(
  {
    buildArgs: fc.dictionary(fc.constantFrom("A", "B", "V"), fc.constantFrom("1", "v1", "")),
    target: fc.constantFrom("s0", "s1"),
    dockerignore: fc.constant("*.md\n"),
  },
  { requiredKeys: [] },
);

describe("invalidate agrees with the plain definition", () => {
  it("on random files, options and changes", () => {
    fc.assert(
      fc.property(file, options, change, (text, opts, ch) => {
        const { fast, reference } = answers(parse(text).ast, opts, ch);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it.each<[string, Record<string, string>]>([
    ["a key inside another", { B: "changed" }],
    ["a value across two entries", { AB: '","B=' }],
    // Entries 15 and 16 (K12 and K13, after PATH, AB and B) end the trie's first chunk and start its second.
    ["a value across two chunks of the list", { K0: "new", Z: 'k12","K13=k13' }],
    ["a value across the env's start", { K0: "new", Z: '"env":["PATH=/usr' }],
    ["a value across the env's end", { K0: "new", Z: 'C=1"],"mounts":' }],
    ["a value in no env", { K0: "new", Z: 'k19","K0' }],
    ["a value the env shares", { D: "PATH=/usr/local/sbin:" }],
  ])("%s", (_name, buildArgs) => {
    const keys = Array.from({ length: 20 }, (_, i) => `K${i}=k${i}`).join(" ");
    // A scratch base: its env is known and starts with PATH.
    const text = `FROM scratch\nARG AB=x\nARG B=y\nARG ${keys}\nENV C=1\nRUN echo\nARG D\nRUN echo 2\n`;
    const { fast, reference } = answers(parse(text).ast, {}, { buildArgs });
    expect(fast).toEqual(reference);
    expect(fast.invalidated.length).toBeGreaterThan(0);
  });

  it("an env entry that reads as a changed context source", () => {
    const text = "FROM alpine\nARG A=1\nENV context:src@changed:x=1\nRUN echo\n";
    const { fast, reference } = answers(parse(text).ast, {}, { buildArgs: { A: "2" } });
    expect(fast).toEqual(reference);
    expect(fast.invalidated[0]).toMatchObject({ id: "s0.3", cause: "context" });
  });
});

const corpus = process.env.HULL_CORPUS ?? resolve(import.meta.dirname, "../../../../shared/corpus/files");

describe.skipIf(!existsSync(corpus))("invalidate agrees with the plain definition on corpus files", () => {
  it("every 32nd file, each of its first ARGs and COPY sources changed in turn", () => {
    const names = readdirSync(corpus).sort();
    let questions = 0;
    let rebuilt = 0;
    for (const [i, name] of names.entries()) {
      if (i % 32 !== 0) continue;
      const text = readFileSync(join(corpus, name), "utf8");
      const ast = parse(text).ast;
      const args = [...text.matchAll(/^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)/gim)].map((m) => m[1] as string);
      const sources = [...text.matchAll(/^\s*(?:COPY|ADD)\s+(?!--)(\S+)/gim)].map((m) => m[1] as string);
      const changes: InvalidationChange[] = [
        ...args.slice(0, 4).map((a) => ({ buildArgs: { [a]: "changed" } })),
        ...sources.slice(0, 4).map((s) => ({ paths: [s.replace(/[*?]/g, "x")] })),
      ];
      for (const ch of changes) {
        const { fast, reference } = answers(ast, {}, ch);
        expect(fast, `${name}: ${JSON.stringify(ch)}`).toEqual(reference);
        questions++;
        rebuilt += fast.invalidated.length;
      }
    }
    // The comparison must be made on changes that rebuild something.
    expect(questions).toBeGreaterThan(100);
    expect(rebuilt).toBeGreaterThan(questions);
  });
});
