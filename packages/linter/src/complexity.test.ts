import { parse, semanticWork, spellingWork, type Dockerfile } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { lint } from "./engine.js";

/**
 * A file of `n` named stages, each built on the one before, that copies from an earlier stage and gives the
 * stage-aware rules something to look at (cache cleanup, ENV/ARG scope, relative WORKDIR, USER, CMD).
 */
function stages(n: number): string {
  let text = "ARG BASE=alpine:3.20\nFROM ${BASE} AS s0\nRUN apt-get update && apt-get install -y curl\n";
  for (let i = 1; i < n; i++) {
    text +=
      `FROM s${i - 1} AS s${i}\n` +
      `ARG V${i}=${i}\nENV E${i}=$V${i}\n` +
      `RUN yarn install && pip install flask && apt-get update\n` +
      `COPY --from=s${Math.floor(i / 2)} /a b\n` +
      `WORKDIR app${i}\nUSER ${i}\nCMD run $E${i}\n`;
  }
  return text;
}

/**
 * Lints with every rule while counting the work that grows with the number of stages: every element read from
 * the stage list or from a stage's instruction list (by index, `for…of`, `some`, `find`…), plus the semantic
 * model's own steps. A rule that scans all stages for each stage makes this grow with the square of `n`.
 */
function countWork(n: number): number {
  const text = stages(n);
  const parsed = parse(text);
  let reads = 0;
  const counted = <T extends object>(array: T): T =>
    new Proxy(array, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  const ast = parsed.ast as { -readonly [K in keyof Dockerfile]: Dockerfile[K] };
  for (const stage of ast.stages) {
    (stage as { instructions: typeof stage.instructions }).instructions = counted(stage.instructions);
  }
  ast.stages = counted(ast.stages);
  const before = semanticWork.steps;
  const result = lint(text, { preset: "all", parseResult: parsed });
  expect(result.diagnostics.filter((d) => d.messageId === "internalError")).toEqual([]);
  return reads + semanticWork.steps - before;
}

describe("work per stage", () => {
  it("stays constant as the number of stages doubles (no rule rescans the stages for each stage)", () => {
    const small = countWork(150);
    const large = countWork(300);
    // Linear work doubles; the quadratic scans this guards against made it about four times larger.
    expect(large / small).toBeLessThan(2.3);
  });

  it("finds the root of every other stage of a chain in linear work (stages that run Windows PowerShell)", () => {
    // The root of each such stage was found by walking the whole chain below it.
    const steps = (n: number) => {
      const text = `FROM in-house/base AS s0\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\n${i % 2 === 1 ? "RUN powershell -Command x\n" : "RUN x\n"}`).join("")}`;
      const before = semanticWork.steps;
      const result = lint(text, { preset: "all" });
      expect(result.diagnostics.filter((d) => d.messageId === "internalError")).toEqual([]);
      return semanticWork.steps - before;
    };
    expect(steps(1600) / steps(800)).toBeLessThan(2.3);
  });

  it("matches base names made with a build argument against the stages in linear work", () => {
    // Each such name is a pattern tested against every earlier stage: read for the first 100 names only.
    const steps = (n: number) => {
      const text = `ARG V=0\nFROM alpine:3.20 AS s0\n${Array.from({ length: n }, (_, i) => `FROM s\${V}${i % 7} AS s${i + 1}\nRUN x\n`).join("")}`;
      const before = semanticWork.steps;
      const result = lint(text, { preset: "all" });
      expect(result.diagnostics.filter((d) => d.messageId === "internalError")).toEqual([]);
      return semanticWork.steps - before;
    };
    expect(steps(1600) / steps(800)).toBeLessThan(2.3);
  });
});

/** Shapes of one long stage, each of which once made linting grow with the square of its size. */
const shapes: Record<string, (n: number) => string> = {
  // no-multiple-instructions tested the text between each repeated instruction and the last one for template markup.
  "repeated CMD, ENTRYPOINT and HEALTHCHECK": (n) =>
    `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `CMD echo ${i}\nENTRYPOINT ["a${i}"]\nHEALTHCHECK CMD curl -f http://l/${i}\n`).join("")}`,
  // The engine matched each finding against every instruction that has an ignore comment.
  "an ignore comment above each instruction": (n) =>
    `FROM debian:12\n${Array.from({ length: n }, (_, i) => `# hadolint ignore=DL3008\nRUN apt-get install -y p${i}\n`).join("")}`,
  // …and every finding against every global ignore.
  "a global ignore comment above each instruction": (n) =>
    `FROM debian:12\n${Array.from({ length: n }, (_, i) => `# hadolint global ignore=DL3008\nRUN apt-get install -y p${i}\n`).join("")}`,
  // The engine matched each finding of a template against every markup piece, and each no-consecutive-run finding
  // against every instruction.
  "a template with markup around each instruction": (n) =>
    `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `{{ if .x${i} }}\nRUN echo {{ .v${i} }}\nRUN apt-get install -y p${i}\n{{ end }}\n`).join("")}`,
  // copy-from-undefined-stage compared each unknown `--from` name with every stage name for a near miss.
  "a stage copying from a misspelt stage name, many times": (n) =>
    Array.from(
      { length: n },
      (_, i) =>
        `FROM golang:1.23 AS build${i}\nRUN go build\nFROM alpine:3.20\nCOPY --from=biuld${i} /app /app\n`,
    ).join(""),
  // layer-cleanup kept one copy of apt's download cache per RUN that fills it, and each removal read them all.
  "apt-get update, install and clean in each RUN": (n) =>
    `FROM debian:12\n${"RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n".repeat(n)}`,
  // …and so of the repository each RUN clones.
  "a git clone and a removal in each RUN": (n) =>
    `FROM alpine:3.20\n${"RUN git clone https://git.example.com/app.git && rm -rf app/.git\n".repeat(n)}`,
  // no-unverified-remote-add read, for each ADD, every RUN that checks a file, those before it too.
  "a remote ADD, each checked by the RUN after it": (n) =>
    `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ADD https://example.com/t${i} /t${i}\nRUN sha256sum -c /t${i}.sha256\n`).join("")}`,
  // no-hardcoded-secret compared each secret with every one found before it.
  "a secret on each line": (n) =>
    `FROM node:22\n${Array.from({ length: n }, (_, i) => `RUN echo '//registry.npmjs.org/:_authToken=npm_4f3ZxQ8kLm2Vb7Np1Rt6Ws9Yc0Hd5Jg${String(i).padStart(4, "0")}' > .npmrc\n`).join("")}`,
  // no-unverified-remote-add read every later RUN for each remote ADD, and no-early-remote-add copied the rest of
  // the stage for each.
  "a remote ADD before each pair of RUNs": (n) =>
    `FROM debian:12\n${Array.from({ length: n }, (_, i) => `ADD https://example.com/t${i}.tgz /tmp/\nRUN apt-get update\nRUN tar -xzf /tmp/t${i}.tgz\n`).join("")}`,
  // …and read, for each of many remote ADDs before one RUN, all the ADDs after it.
  "remote ADDs before one RUN": (n) =>
    `FROM debian:12\n${Array.from({ length: n }, (_, i) => `ADD https://example.com/t${i}.tgz /opt/t${i}/\n`).join("")}RUN make\n`,
  // The semantic model copied the stage's environment for each ENV, to expand its pairs against the one before; and
  // for a name the ENV itself defines, undefined-var searched the whole scope for a near miss, and
  // no-same-env-reference read every earlier ENV.
  "an ENV per line": (n) =>
    `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ENV E${i}=$E0 F${i}=\${E${i}}\n`).join("")}RUN echo $E1\n`,
  // The semantic model started each stage from a copy of its base stage's final scope, which a chain of stages
  // that each declare something makes as large as the chain.
  "a FROM chain declaring an ARG and an ENV per stage": (n) =>
    `FROM alpine:3.20 AS s0\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nARG A${i}=v\nENV E${i}=$A${i}\n`).join("")}RUN echo $E0\n`,
  // prefer-workdir-over-cd split and joined the whole directory for each `cd` one level deeper, and layer-cleanup
  // copied it: a RUN of 50,000 ran out of memory.
  "a RUN that makes a directory and enters it, one level deeper each time": (n) =>
    `FROM debian:12\nRUN true${Array.from({ length: n }, (_, i) => ` && mkdir d${i} && cd d${i}`).join("")}\nRUN rm -rf /d0\n`,
  // …and counted the subshells open before each `cd` from the start of the RUN, for every harmless one.
  "a RUN of cds into /tmp": (n) =>
    `FROM debian:12\nRUN true${Array.from({ length: n }, (_, i) => ` && cd /tmp/x${i} && make`).join("")}\n`,
  // …and, for each `cd` into a directory a later `rm` removes, read every command after it.
  "a RUN of cds into a build directory it removes at its end": (n) =>
    `FROM debian:12\nRUN true${Array.from({ length: n }, (_, i) => ` && cd /build/x${i} && make`).join("")} && rm -rf /build\n`,
  // …and, for each `cd "$dir"`, copied the commands before it to look for `dir=$(mktemp -d)`.
  "a RUN of cds into a mktemp directory": (n) =>
    `FROM debian:12\nRUN d=$(mktemp -d)${Array.from({ length: n }, () => ` && cd "$d" && make`).join("")}\n`,
  // no-early-arg read the rest of the stage for each ARG without a default whose name says a version, to see whether
  // the RUNs only test it as a switch.
  "ARGs without defaults named as versions, tested at the end": (n) =>
    `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ARG V${i}_VERSION\n`).join("")}RUN true\nRUN [ -z "$V0_VERSION" ] || echo $V1_VERSION\n`,
  // Under another frontend, each bare base name read the whole file again for that frontend's instructions.
  "bare base names under another frontend's INCLUDE": (n) =>
    `# syntax=devthefuture/dockerfile-x\nINCLUDE base.dockerfile\n${Array.from({ length: n }, (_, i) => `FROM base${i}\nRUN true\n`).join("")}`,
  // Each level of nesting read the whole of the level inside it again, and 4k levels overflowed the call stack.
  "command substitutions nested in one another": (n) =>
    `FROM alpine:3.20\nRUN echo ${"$(echo ".repeat(n)}x${")".repeat(n)}\n`,
};

const arrayMethods = [
  "every",
  "filter",
  "find",
  "findIndex",
  "forEach",
  "includes",
  "indexOf",
  "map",
] as const;
const moreArrayMethods = ["reduce", "slice", "some", "flatMap", "join", "sort"] as const;

/**
 * Lints with every rule while counting the elements that array methods walk over, the characters of every
 * string cut with `slice`, the entries set in maps and added to sets (copies included) and the candidates of
 * spelling searches: a loop that rescans a list or the text for each instruction makes this grow with the
 * square of the size, however fast the machine.
 */
function elementWork(text: string): number {
  let work = 0;
  const restore: (() => void)[] = [];
  const patch = (proto: object, name: string, cost: (self: unknown, result: unknown) => number) => {
    const methods = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = methods[name]!;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      work += cost(this, result);
      return result;
    };
    restore.push(() => (methods[name] = original));
  };
  for (const name of [...arrayMethods, ...moreArrayMethods])
    patch(Array.prototype, name, (self) => (self as unknown[]).length);
  patch(String.prototype, "slice", (_self, result) => (result as string).length);
  // `new Map(other)` calls `set` once per entry (a patched `set` turns off V8's fast path), so copies count too.
  patch(Map.prototype, "set", () => 1);
  patch(Set.prototype, "add", () => 1);
  let result;
  const compared = spellingWork.comparisons;
  try {
    result = lint(text, { preset: "all" });
  } finally {
    for (const undo of restore) undo();
  }
  expect(result.diagnostics.filter((d) => d.messageId === "internalError")).toEqual([]);
  // Each candidate a "did you mean" search compares counts too.
  return work + spellingWork.comparisons - compared;
}

describe("work per instruction", () => {
  it("lints 10k nested command substitutions without a crash (they once overflowed the call stack)", () => {
    const n = 10_000;
    const result = lint(`FROM alpine:3.20\nRUN echo ${"$(echo ".repeat(n)}x${")".repeat(n)}\n`, {
      preset: "all",
    });
    expect(result.diagnostics.filter((d) => d.messageId === "internalError")).toEqual([]);
  });

  it.each(Object.entries(shapes))("%s: twice the size, about twice the work", (_name, make) => {
    const small = elementWork(make(400));
    const large = elementWork(make(800));
    expect(small).toBeGreaterThan(0);
    // Linear work doubles; a scan of the rest of the stage per instruction makes it four times larger.
    expect(large / small).toBeLessThan(2.3);
  });
});
