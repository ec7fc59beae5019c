import { describe, expect, it } from "vitest";
import { parse } from "@hull/parser";
import { plan } from "../src/index.js";
import { codes, node, planText } from "./helpers.js";

describe("target pruning", () => {
  const file = `FROM alpine AS base
RUN echo base
FROM base AS build
RUN echo build
FROM alpine AS tools
RUN echo tools
FROM build AS test
RUN echo test
FROM scratch AS final
COPY --from=build /out /out
`;
  const cases: { name: string; target?: string; kept: number[]; reason?: [number, RegExp] }[] = [
    {
      name: "the default target is the last stage; its closure is kept",
      kept: [0, 1, 4],
      reason: [3, /no stage depends on it/],
    },
    {
      name: "--target keeps the target and what it needs",
      target: "test",
      kept: [0, 1, 3],
      reason: [4, /not needed by target test/],
    },
    { name: "targets match case-insensitively", target: "TOOLS", kept: [2] },
    { name: "a base stage is needed by its children", target: "build", kept: [0, 1] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = planText(file, c.target ? { target: c.target } : {});
      expect(p.stages.filter((s) => !s.pruned).map((s) => s.index)).toEqual(c.kept);
      if (c.reason) expect(p.stages[c.reason[0]]?.prunedReason).toMatch(c.reason[1]);
      const ordered = p.order.flat();
      for (const n of p.nodes)
        expect(ordered.includes(n.id)).toBe(!n.pruned && n.kind !== "config" && n.op["op"] !== "stage");
    });
  }

  it("mount from= and ONBUILD --from make dependencies", () => {
    const p = planText(`FROM alpine AS assets
RUN echo a
FROM alpine AS parent
ONBUILD COPY --from=assets /a /a
FROM parent AS child
FROM alpine AS cache
FROM alpine
RUN --mount=type=bind,from=cache,target=/c echo
COPY --from=child /a /a
`);
    expect(p.stages[4]?.dependsOn).toEqual([2, 3]);
    expect(p.stages[2]?.dependencies).toContainEqual({ stage: 0, kind: "onbuild", line: 5 });
    expect(p.stages.filter((s) => s.pruned).map((s) => s.index)).toEqual([]);
  });

  it("independent stages build side by side in one level", () => {
    const p = planText(
      "FROM alpine AS a\nRUN echo a\nFROM debian AS b\nRUN echo b\nFROM scratch\nCOPY --from=a /x /x\nCOPY --from=b /y /y\n",
    );
    expect(p.order[0]).toEqual(["s0.0", "s1.0", "s2.0"]);
    expect(p.order[1]).toEqual(["s0.1", "s1.1"]);
    expect(p.order.flat()).toEqual(expect.arrayContaining(["s2.1", "s2.2"]));
  });

  it("a --link copy does not depend on the previous layer; its merge does", () => {
    const p = planText("FROM alpine AS a\nFROM alpine\nRUN echo 1\nRUN echo 2\nCOPY --link --from=a /x /x\n");
    expect(node(p, "s1.3").inputs).toEqual(["s0.0"]);
    expect(node(p, "s1.3.merge").inputs).toEqual(["s1.2", "s1.3"]);
    expect(node(p, "s1.3").layer).toBe(true);
    // The linked copy can start as soon as its source is ready, before the RUNs it will sit on.
    const level = (id: string) => p.order.findIndex((l) => l.includes(id));
    expect(level("s1.3")).toBeLessThan(level("s1.2"));
  });

  it("--link with --chmod is a plain copy", () => {
    const p = planText("FROM alpine\nCOPY --link --chmod=755 a /a\n");
    expect(p.nodes.some((n) => n.kind === "merge")).toBe(false);
  });
});

describe("ONBUILD", () => {
  const file = `FROM alpine AS parent
WORKDIR /app
ONBUILD COPY . /app/src
ONBUILD RUN make
FROM parent AS child
RUN echo child
FROM child AS grandchild
RUN echo grandchild
`;
  it("records triggers in OnBuild and makes no node that builds", () => {
    const p = planText(file, { target: "parent" });
    expect(p.image?.config.OnBuild).toEqual(["COPY . /app/src", "RUN make"]);
    expect(p.image?.history.some((h) => h.created_by.startsWith("ONBUILD"))).toBe(false);
  });
  it("prepends the parent's triggers to the child, at the child's FROM line", () => {
    const p = planText(file, { target: "child" });
    const child = p.nodes.filter((n) => n.stage === 1);
    expect(child.map((n) => `${n.id}:${n.instruction}`)).toEqual([
      "s1.0:FROM",
      "s1.t0:COPY",
      "s1.t1:RUN",
      "s1.1:RUN",
    ]);
    expect(node(p, "s1.t0").line).toBe(5);
    expect(node(p, "s1.t0").onbuild).toBe(true);
    expect(node(p, "s1.t0").op["dest"]).toBe("/app/src");
  });
  it("does not pass triggers to grandchildren, and the child's image has no OnBuild", () => {
    const p = planText(file);
    expect(p.nodes.filter((n) => n.stage === 2).map((n) => n.id)).toEqual(["s2.0", "s2.1"]);
    expect(p.image?.config.OnBuild).toBeNull();
  });
  it.each([
    ["ONBUILD ONBUILD RUN x", "bad-onbuild"],
    ["ONBUILD FROM alpine", "bad-onbuild"],
    ["ONBUILD MAINTAINER me", "bad-onbuild"],
  ])("rejects %s", (line, code) => {
    expect(codes(planText(`FROM alpine\n${line}\n`))).toContain(`${code}@2`);
  });
});

describe("plan-time errors", () => {
  const cases: {
    name: string;
    file: string;
    options?: Parameters<typeof planText>[1];
    code: string;
    message: RegExp;
  }[] = [
    {
      name: "unknown stage index",
      file: "FROM alpine\nCOPY --from=3 /a /a\n",
      code: "unknown-stage-index@2",
      message: /invalid stage index 3/,
    },
    {
      name: "negative stage index",
      file: "FROM alpine\nCOPY --from=-1 /a /a\n",
      code: "unknown-stage-index@2",
      message: /invalid stage index -1/,
    },
    {
      name: "copy from a later stage",
      file: "FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nFROM a\n",
      code: "copy-from-later-stage@2",
      message: /cannot copy from stage "b", it needs to be defined before current stage "a"/,
    },
    {
      name: "circular dependency",
      file: "FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nCOPY --from=a /y /y\n",
      code: "circular-dependency@2",
      message: /circular dependency detected on stage: a/,
    },
    {
      name: "self copy is circular",
      file: "FROM alpine AS a\nCOPY --from=a /x /x\n",
      code: "circular-dependency@2",
      message: /stage: a/,
    },
    {
      name: "unknown target",
      file: "FROM alpine AS a\n",
      options: { target: "nope" },
      code: "unknown-target@1",
      message: /target stage "nope" could not be found/,
    },
    {
      name: "variable in --from",
      file: "FROM alpine AS a\nFROM alpine\nARG S=a\nCOPY --from=$S /x /x\n",
      code: "variable-in-from@4",
      message: /variable expansion is not supported for --from/,
    },
    {
      name: "variable in mount from=",
      file: "FROM alpine\nRUN --mount=from=$X,target=/x echo\n",
      code: "variable-in-from@2",
      message: /'from' doesn't support variable expansion/,
    },
    {
      name: "empty base name",
      file: "ARG IMG\nFROM $IMG\n",
      code: "empty-base-name@2",
      message: /base name \(\$IMG\) should not be blank/,
    },
    {
      name: "bad platform on FROM",
      file: "FROM --platform=linux/amd64/v3/x alpine\n",
      code: "bad-platform@1",
      message: /failed to parse platform/,
    },
    {
      name: "unknown platform word",
      file: "FROM --platform=potato alpine\n",
      code: "bad-platform@1",
      message: /unknown operating system or architecture/,
    },
    {
      name: "empty platform from an ARG",
      file: "ARG P\nFROM --platform=$P alpine\n",
      code: "bad-platform@2",
      message: /empty platform value/,
    },
    {
      name: "bad --platform option",
      file: "FROM alpine\n",
      options: { platform: "a/b/c/d" },
      code: "bad-platform@1",
      message: /failed to parse platform/,
    },
    {
      name: "mount target /",
      file: "FROM alpine\nRUN --mount=type=cache,target=/ echo\n",
      code: "invalid-mount-target@2",
      message: /invalid mount target/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = planText(c.file, c.options);
      expect(codes(p)).toContain(c.code);
      expect(p.diagnostics.find((d) => `${d.code}@${d.range.start.line}` === c.code)?.message).toMatch(
        c.message,
      );
    });
  }

  it("a copy from a later stage is not an error when the copying stage is pruned", () => {
    expect(codes(planText("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\n"))).toEqual([]);
  });

  it("FROM a later stage's name is an image, not a stage", () => {
    const p = planText("FROM b AS a\nFROM alpine AS b\n", { target: "a" });
    expect(p.stages[0]?.baseKind).toBe("image");
  });

  it("a file without stages", () => {
    expect(codes(planText("ARG A=1\n"))).toEqual(["no-stages@1"]);
  });
});

describe("pruned stages", () => {
  it("dispatch-time problems in a pruned stage are warnings, not errors", () => {
    const p = planText("FROM alpine AS unused\nSTOPSIGNAL NOPE\nFROM alpine\n");
    expect(p.diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(["bad-stop-signal:warning"]);
    const q = planText("FROM alpine\nSTOPSIGNAL NOPE\n");
    expect(q.diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(["bad-stop-signal:error"]);
  });
});

describe("what a node keeps", () => {
  // Twelve stages a RUN mounts from: more inputs than fit in the number that packs their kinds.
  const many = Array.from({ length: 12 }, (_, i) => `FROM alpine AS m${i}\nRUN echo ${i} > /o\n`).join("");
  const mounts = Array.from({ length: 12 }, (_, i) => `--mount=from=m${i},target=/m${i}`).join(" ");
  const file = `${many}FROM alpine AS a
ONBUILD COPY --from=m0 /o /o
FROM a
WORKDIR /w
COPY --from=m1 /o \\
  /p
RUN --mount=type=bind,from=m2,target=/x ${mounts} cat /x/o
`;
  const { ast } = parse(file);
  const p = plan(ast);

  it("makes its range when read, equal to its instruction's", () => {
    const at = new Map(
      ast.stages.flatMap((s) => [s.from, ...s.instructions]).map((i) => [i.range.start.line, i]),
    );
    for (const n of p.nodes) {
      expect(n.range).toEqual((n.onbuild ? ast.stages[n.stage]?.from : at.get(n.line))?.range);
      expect(n.range).not.toBe(n.range);
    }
    expect(node(p, "s13.2").range).toEqual({
      start: { offset: file.indexOf("COPY --from=m1"), line: 29, column: 1 },
      end: { offset: file.indexOf("\nRUN --mount=type=bind"), line: 30, column: 5 },
    });
  });

  it("reads its stage, kind, flags and inputs from what it packs", () => {
    const fields = (id: string) => {
      const n = node(p, id);
      return [n.stage, n.kind, n.layer, n.onbuild, n.pruned, n.inputs.length];
    };
    expect(fields("s13.t0")).toEqual([13, "file", true, true, false, 2]);
    // WORKDIR makes its folder: a file layer.
    expect(fields("s13.1")).toEqual([13, "file", true, false, false, 1]);
    expect(fields("s13.3")).toEqual([13, "exec", true, false, false, 14]);
    expect(fields("s3.0")).toEqual([3, "source", false, false, false, 0]);
    const pruned = plan(ast, { target: "m4" });
    expect(pruned.nodes.filter((n) => !n.pruned).map((n) => n.id)).toEqual(["s4.0", "s4.1"]);
    expect(node(p, "s13.2").inputs).toEqual(["s13.1", "s1.1"]);
  });

  it("the plan's edges are its nodes' inputs, with the kind of each", () => {
    const edges = p.edges.map((e) => `${e.from}>${e.to}:${e.kind}`);
    expect(edges.filter((e) => e.includes(">s13."))).toEqual([
      "s12.0>s13.0:base",
      "s13.0>s13.t0:prev",
      "s0.1>s13.t0:copy-from",
      "s13.t0>s13.1:prev",
      "s13.1>s13.2:prev",
      "s1.1>s13.2:copy-from",
      // 14 inputs: their kinds are a list, not one packed number.
      "s13.2>s13.3:prev",
      "s2.1>s13.3:mount-from",
      ...Array.from({ length: 12 }, (_, i) => `s${i}.1>s13.3:mount-from`),
    ]);
    expect(p.edges.length).toBe(p.nodes.reduce((n, x) => n + x.inputs.length, 0));
    expect(p.edges.map((e) => e.from)).toEqual(p.nodes.flatMap((n) => n.inputs));
  });
});

describe("a plan's stages as plain objects", () => {
  it("JSON.stringify writes each stage's fields, line and range included, and not the FROM node", () => {
    const stage = planText("FROM alpine:3.20 AS base\nRUN true\n").stages[0]!;
    const plain = JSON.parse(JSON.stringify(stage)) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual([
      "index",
      "name",
      "base",
      "baseKind",
      "baseStage",
      "baseConfig",
      "baseDigest",
      "platform",
      "os",
      "dependsOn",
      "dependencies",
      "pruned",
      "prunedReason",
      "head",
      "line",
      "range",
    ]);
    expect(plain).toMatchObject({ name: "base", base: "alpine:3.20", line: 1 });
    expect(plain.range).toEqual(JSON.parse(JSON.stringify(stage.range)));
  });
});

describe("COPY destinations", () => {
  it("keep a drive letter and a backslash as part of the name on Linux, as BuildKit does", () => {
    const p = planText('FROM busybox\nCOPY a.txt C:/x/\nWORKDIR /w\nCOPY b.txt e:rel\nCOPY c.txt "d\\\\e"\n');
    expect(["s0.1", "s0.3", "s0.4"].map((id) => node(p, id).op["dest"])).toEqual([
      "/C:/x/",
      "/w/e:rel",
      "/w/d\\e",
    ]);
  });
  it("read a backslash as a separator and drop the drive letter on Windows", () => {
    const p = planText(
      "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.txt C:\\x\\\nCOPY b.txt C:/y/z\n",
    );
    expect(["s0.1", "s0.2"].map((id) => node(p, id).op["dest"])).toEqual(["/x/", "/y/z"]);
  });
});
