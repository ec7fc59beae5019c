import { parse } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { invalidate, type InvalidationChange, type PlanOptions } from "../src/index.js";

const file = `FROM node:20 AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
FROM deps AS build
ARG MODE=production
COPY src ./src
RUN npm run build
FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
COPY nginx.conf /etc/nginx/conf.d/default.conf
`;

function run(change: InvalidationChange, options: PlanOptions = {}) {
  const r = invalidate(parse(file).ast, options, change);
  return {
    ids: r.invalidated.map((i) => i.id),
    byId: new Map(r.invalidated.map((i) => [i.id, i])),
    cached: r.cached,
  };
}

describe("invalidation", () => {
  const cases: { name: string; change: InvalidationChange; options?: PlanOptions; invalid: string[] }[] = [
    { name: "nothing changed", change: {}, invalid: [] },
    {
      name: "a source file rebuilds its COPY and everything downstream",
      change: { paths: ["src/index.ts"] },
      invalid: ["s1.2", "s1.3", "s2.1", "s2.2"],
    },
    {
      name: "the lock file rebuilds from the first COPY on, across stages",
      change: { paths: ["package-lock.json"] },
      invalid: ["s0.2", "s0.3", "s1.2", "s1.3", "s2.1", "s2.2"],
    },
    { name: "a file no COPY reads rebuilds nothing", change: { paths: ["README.md"] }, invalid: [] },
    {
      name: "the final stage's own file rebuilds only its COPY",
      change: { paths: ["nginx.conf"] },
      invalid: ["s2.2"],
    },
    {
      name: "a build arg in scope rebuilds later RUNs, not COPYs",
      change: { buildArgs: { MODE: "development" } },
      invalid: ["s1.3", "s2.1", "s2.2"],
    },
    {
      name: "a build arg nobody declares rebuilds nothing",
      change: { buildArgs: { OTHER: "1" } },
      invalid: [],
    },
    {
      name: "the same value as before rebuilds nothing",
      change: { buildArgs: { MODE: "x" } },
      options: { buildArgs: { MODE: "x" } },
      invalid: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(run(c.change, c.options).ids).toEqual(c.invalid);
    });
  }

  it("says why: the changed path, the build arg, or the rebuilt input", () => {
    const a = run({ paths: ["src/index.ts"] });
    expect(a.byId.get("s1.2")).toMatchObject({
      cause: "context",
      reason: expect.stringContaining("src/index.ts"),
    });
    expect(a.byId.get("s1.3")).toMatchObject({ cause: "input", reason: "input s1.2 is rebuilt" });
    const b = run({ buildArgs: { MODE: "dev" } });
    expect(b.byId.get("s1.3")).toMatchObject({ cause: "build-arg", reason: expect.stringContaining("MODE") });
  });

  it("respects .dockerignore: an ignored path never reaches the context", () => {
    expect(run({ paths: ["src/index.test.ts"] }, { dockerignore: "**/*.test.ts\n" }).ids).toEqual([]);
    expect(run({ paths: ["src/index.ts"] }, { dockerignore: "**/*.test.ts\n" }).ids).toContain("s1.2");
  });

  it("a whole-context COPY is invalidated by any file that is not ignored", () => {
    const r = invalidate(
      parse("FROM alpine\nCOPY . /app\nRUN make\n").ast,
      { dockerignore: ".git\nnode_modules\n" },
      { paths: [".git/HEAD", "node_modules/x/y.js"] },
    );
    expect(r.invalidated).toEqual([]);
    const s = invalidate(parse("FROM alpine\nCOPY . /app\nRUN make\n").ast, {}, { paths: ["Makefile"] });
    expect(s.invalidated.map((i) => i.id)).toEqual(["s0.1", "s0.2"]);
  });

  it("globs in sources match changed files", () => {
    const r = invalidate(
      parse("FROM alpine\nCOPY *.json /app/\nCOPY lib/*.py /app/lib/\n").ast,
      {},
      { paths: ["lib/a.py"] },
    );
    expect(r.invalidated.map((i) => i.id)).toEqual(["s0.2"]);
  });

  it("reads a source glob as BuildKit does (Go's filepath.Match), and a malformed one as matching nothing", () => {
    const ids = (dockerfile: string, path: string) =>
      invalidate(parse(dockerfile).ast, {}, { paths: [path] }).invalidated.map((i) => i.id);
    // `**` is two stars, neither crossing a `/`; a matched folder is copied whole.
    expect(ids("FROM alpine\nCOPY src/** /app/\n", "src/a/b.txt")).toEqual(["s0.1"]);
    expect(ids("FROM alpine\nCOPY **/package.json /app/\n", "a/b/package.json")).toEqual([]);
    // Go negates a class with `^` only: `[!x]` holds `!` and `x`.
    expect(ids("FROM alpine\nCOPY [!x].txt /app/\n", "a.txt")).toEqual([]);
    expect(ids("FROM alpine\nCOPY [^x].txt /app/\n", "a.txt")).toEqual(["s0.1"]);
    expect(ids("FROM alpine\nCOPY [z-a] /app/\n", "b")).toEqual([]);
  });

  it("bind mounts from the context are invalidated too", () => {
    const r = invalidate(
      parse(
        "FROM alpine\nRUN --mount=type=bind,source=requirements.txt,target=/r.txt pip install -r /r.txt\n",
      ).ast,
      {},
      { paths: ["requirements.txt"] },
    );
    expect(r.invalidated.map((i) => i.id)).toEqual(["s0.1"]);
  });
});

describe("COPY --exclude narrows what invalidates a copy", () => {
  const text =
    "FROM scratch\nCOPY --exclude=*.md --exclude=docs . /app\nCOPY --exclude=*.log src /src\nCOPY --exclude=b.txt *.txt /t/\n";
  // The copies a change reaches directly (later steps follow through their inputs).
  const rebuilt = (paths: string[]) =>
    invalidate(parse(text).ast, {}, { paths })
      .invalidated.filter((i) => i.cause === "context")
      .map((i) => i.id);
  it.each([
    ["README.md", []],
    ["docs/guide.txt", []],
    ["src/app.log", ["s0.1"]],
    ["src/main.ts", ["s0.1", "s0.2"]],
    ["a.txt", ["s0.1", "s0.3"]],
    // A glob source is not narrowed: the planner does not know which files it matched.
    ["b.txt", ["s0.1", "s0.3"]],
  ])("a change to %s rebuilds %j", (path, expected) => {
    expect(rebuilt([path])).toEqual(expected);
  });
});

describe("COPY --from keyed on content", () => {
  it("marks a copy rebuilt only through its source stage as possibly cached", () => {
    const text =
      "FROM scratch AS build\nCOPY src /src\nFROM scratch\nCOPY app.conf /etc/app.conf\nCOPY --from=build /src /src\n";
    const byId = (paths: string[]) =>
      new Map(invalidate(parse(text).ast, {}, { paths }).invalidated.map((i) => [i.id, i]));
    // The source stage rebuilds; the copied files may be the same, so BuildKit may keep the copy.
    expect(byId(["src/a.ts"]).get("s1.2")).toMatchObject({ cause: "input", maybeCached: true });
    // The layer under the copy rebuilds too: then the copy surely does.
    expect(byId(["src/a.ts", "app.conf"]).get("s1.2")?.maybeCached).toBeUndefined();
  });

  // What a change rebuilds, for a file whose last stage copies from a build stage.
  const rebuilt = (text: string, paths: string[]) =>
    invalidate(parse(text).ast, {}, { paths }).invalidated.map((i) => i.id);

  it.each([
    [
      "a change copied elsewhere in the source stage keeps the copy",
      "FROM alpine AS build\nCOPY src /src\nCOPY docs /docs\nFROM alpine\nCOPY --from=build /src /app\n",
      ["docs/guide.md"],
      ["s0.2"],
    ],
    [
      "a change to the copied folder rebuilds it",
      "FROM alpine AS build\nCOPY src /src\nCOPY docs /docs\nFROM alpine\nCOPY --from=build /src /app\n",
      ["src/a.ts"],
      ["s0.1", "s0.2", "s1.1"],
    ],
    [
      "a later step of the source stage writing another path keeps the copy",
      "FROM alpine AS build\nCOPY go.mod /src/go.mod\nRUN make -C /src > /out/app\nWORKDIR /docs\nCOPY README.md .\nFROM alpine\nCOPY --from=build /out/app /app\n",
      ["README.md"],
      ["s0.4"],
    ],
    [
      "a RUN under the copied path's writer rebuilds it (it may write anything)",
      "FROM alpine AS build\nCOPY go.mod /src/go.mod\nRUN make -C /src > /out/app\nFROM alpine\nCOPY --from=build /out/app /app\n",
      ["go.mod"],
      ["s0.1", "s0.2", "s1.1"],
    ],
    [
      "a copy into a parent folder of the copied path rebuilds it",
      "FROM alpine AS build\nCOPY dist /srv/dist\nCOPY . /srv\nFROM alpine\nCOPY --from=build /srv/dist/app.js /app.js\n",
      ["notes.txt"],
      ["s0.2", "s1.1"],
    ],
    [
      "a glob source is keyed on the folder before its wildcard",
      "FROM alpine AS build\nCOPY lib /out/lib\nCOPY bin /out/bin\nFROM alpine\nCOPY --from=build /out/lib/*.so /usr/lib/\n",
      ["bin/tool"],
      ["s0.2"],
    ],
    [
      "through a FROM chain: the stage built FROM the source adds a file elsewhere",
      "FROM alpine AS build\nCOPY src /src\nFROM build AS test\nCOPY tests /tests\nFROM alpine\nCOPY --from=test /src /app\n",
      ["tests/a_test.go"],
      ["s1.1"],
    ],
    [
      "COPY --parents writes only the kept paths under its destination",
      "FROM alpine AS build\nCOPY src /app/src\nCOPY --parents docs/./guide/*.md /app/\nFROM alpine\nCOPY --from=build /app/src /src\n",
      ["docs/guide/a.md"],
      ["s0.2"],
    ],
    [
      "COPY --parents into the copied folder rebuilds it",
      "FROM alpine AS build\nCOPY lib /app/lib\nCOPY --parents src/gen/x.ts /app/\nFROM alpine\nCOPY --from=build /app/src /src\n",
      ["src/gen/x.ts"],
      ["s0.2", "s1.1"],
    ],
    [
      "a read-only mount from a stage is keyed on the mounted path",
      "FROM alpine AS build\nCOPY src /src\nCOPY docs /docs\nFROM alpine\nRUN --mount=from=build,source=/src,target=/m ls /m\n",
      ["docs/x"],
      ["s0.2"],
    ],
  ])("%s", (_name, text, paths, expected) => {
    expect(rebuilt(text, paths)).toEqual(expected);
  });

  it("a long chain of steps before the copied path costs a bounded walk and stays correct", () => {
    const steps = Array.from({ length: 300 }, (_, i) => `COPY f${i} /other/f${i}\n`).join("");
    const text = `FROM alpine AS build\nCOPY src /src\n${steps}FROM alpine\nCOPY --from=build /src /app\n`;
    // Past the walk's limit the copy takes the whole key of where it stands: a change below it counts.
    expect(rebuilt(text, ["f1"])).toContain("s1.1");
    // A change above the limit's reach is still seen as elsewhere.
    expect(rebuilt(text, ["f299"])).not.toContain("s1.1");
  });
});
