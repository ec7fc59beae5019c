import { describe, expect, it } from "vitest";
import { containerArgv } from "../src/index.js";
import { node, planText } from "./helpers.js";

describe("image config", () => {
  it("ENTRYPOINT resets an inherited CMD", () => {
    const p = planText('FROM scratch AS a\nCMD ["x"]\nFROM a\nENTRYPOINT ["/e"]\n');
    expect(p.image?.config.Cmd).toBeNull();
    expect(p.image?.config.Entrypoint).toEqual(["/e"]);
  });
  it("ENTRYPOINT keeps a CMD set earlier in the same stage", () => {
    const p = planText('FROM scratch\nCMD ["x"]\nENTRYPOINT ["/e"]\n');
    expect(p.image?.config.Cmd).toEqual(["x"]);
  });
  it("an image base's CMD is unknown, but known to be cleared by ENTRYPOINT", () => {
    const a = planText("FROM node:20\n");
    expect(a.image?.unknown).toEqual(expect.arrayContaining(["Cmd", "Entrypoint", "Env"]));
    const b = planText('FROM node:20\nENTRYPOINT ["node"]\n');
    expect(b.image?.unknown).not.toContain("Cmd");
    expect(b.image?.unknown).not.toContain("Entrypoint");
  });
  it("scratch gets the default PATH; shell form wraps with the default shell", () => {
    const p = planText("FROM scratch\nCMD run me\n");
    expect(p.image?.config.Env).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]);
    expect(p.image?.config.Cmd).toEqual(["/bin/sh", "-c", "run me"]);
  });
  it("SHELL changes later shell forms", () => {
    const p = planText('FROM scratch\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n');
    expect(node(p, "s0.2").op["argv"]).toEqual(["/bin/bash", "-eo", "pipefail", "-c", "a | b"]);
  });
  it("collects labels, ports, volumes, user, workdir, stop signal and healthcheck", () => {
    const p = planText(`FROM scratch
ENV PORT=8080
LABEL org.opencontainers.image.title="demo" port=$PORT
EXPOSE $PORT 9000-9001/udp
VOLUME ["/data"]
USER app
WORKDIR /srv
WORKDIR sub
STOPSIGNAL SIGINT
HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/
`);
    const c = p.image?.config;
    expect(c?.Labels).toEqual({ "org.opencontainers.image.title": "demo", port: "8080" });
    expect(Object.keys(c?.ExposedPorts ?? {})).toEqual(["8080/tcp", "9000/udp", "9001/udp"]);
    expect(c?.Volumes).toEqual({ "/data": {} });
    expect(c?.User).toBe("app");
    expect(c?.WorkingDir).toBe("/srv/sub");
    expect(c?.StopSignal).toBe("SIGINT");
    expect(c?.Healthcheck).toEqual({
      Test: ["CMD-SHELL", "curl -f http://localhost/"],
      Interval: 30e9,
      Retries: 3,
    });
  });
  it("plans HEALTHCHECK durations the parser accepts, Greek mu included, in nanoseconds", () => {
    const p = planText(
      "FROM scratch\nHEALTHCHECK --interval=1500μs --timeout=2us --start-period=1m30s CMD true\n",
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.image?.config.Healthcheck).toEqual({
      Test: ["CMD-SHELL", "true"],
      Interval: 1_500_000,
      Timeout: 2_000,
      StartPeriod: 90e9,
    });
    expect(p.image?.history[0]?.created_by).toBe("HEALTHCHECK &{[CMD-SHELL true] 1.5ms 2µs 1m30s 0s 0}");
  });
  it("history has one entry per instruction except ONBUILD, empty_layer for config", () => {
    const p = planText(
      "FROM scratch\nARG V=1\nENV A=1\nWORKDIR /\nWORKDIR /app\nCOPY a b\nRUN x\nONBUILD RUN y\n",
    );
    expect(p.image?.history.map((h) => [h.created_by, h.empty_layer])).toEqual([
      ["ARG V=1", true],
      ["ENV A=1", true],
      ["WORKDIR /", true],
      ["WORKDIR /app", false],
      ["COPY a b # buildkit", false],
      ["RUN |1 V=1 /bin/sh -c x # buildkit", false],
    ]);
  });
  it("history quotes CMD and ENTRYPOINT as Go's %q does", () => {
    // Go writes a bell as \a and a no-break space (not printable to Go) as \u00a0, where JSON would not.
    const p = planText(
      'FROM scratch\nENTRYPOINT ["a\\u0007b", "x\u00a0y", "\u00e9"]\nCMD ["say \\"hi\\""]\n',
    );
    expect(p.image?.history.map((h) => h.created_by)).toEqual([
      'ENTRYPOINT ["a\\ab" "x\\u00a0y" "\u00e9"]',
      'CMD ["say \\"hi\\""]',
    ]);
  });
  it("history records a COPY's destination expanded, not resolved, as BuildKit's commit message does", () => {
    const p = planText("FROM scratch\nENV D=/data\nWORKDIR /w\nCOPY a.txt $D/\nCOPY b.txt rel/./\n");
    expect(p.image?.history.map((h) => h.created_by).slice(-2)).toEqual([
      "COPY a.txt /data/ # buildkit",
      "COPY b.txt rel/./ # buildkit",
    ]);
  });
  it("an absolute WORKDIR is kept as written; a relative one is joined and cleaned", () => {
    // BuildKit's NormalizeWorkdir cleans only what it joins (util/system/path.go).
    const p = planText("FROM scratch\nWORKDIR //x//y\nCOPY a b\nWORKDIR /a/./b/../c/\n");
    expect(p.image?.config.WorkingDir).toBe("/a/./b/../c/");
    expect(p.image?.history.map((h) => h.created_by)).toContain("WORKDIR //x//y");
    expect(node(p, "s0.2").op["dest"]).toBe("/x/y/b");
    const q = planText("FROM scratch\nWORKDIR /a/./b/\nWORKDIR ../c//d/\n");
    expect(q.image?.config.WorkingDir).toBe("/a/c/d");
  });
  it("a VOLUME entry is trimmed, then expanded as one word", () => {
    const p = planText('FROM scratch\nENV V="/a /b"\nVOLUME $V\nVOLUME [" /c ", "/d/"]\n');
    expect(Object.keys(p.image?.config.Volumes ?? {})).toEqual(["/a /b", "/c", "/d/"]);
    const q = planText('FROM scratch\nVOLUME [" "]\nVOLUME $UNSET\n');
    expect(q.diagnostics.map((d) => d.code)).toEqual(["empty-volume", "empty-volume"]);
  });
  it("a scratch image works in /, and an ONBUILD trigger keeps its trailing blanks, as BuildKit writes them", () => {
    const p = planText("FROM scratch\nONBUILD LABEL x=1  \nONBUILD\tRUN  a\n");
    expect(p.image?.config.WorkingDir).toBe("/");
    expect(p.image?.config.OnBuild).toEqual(["LABEL x=1  ", "RUN  a"]);
    expect(planText("FROM node:22\n").image?.config.WorkingDir).toBeNull();
  });
  it("a WORKDIR other than / makes a layer; / does not", () => {
    const p = planText("FROM scratch\nWORKDIR /\nWORKDIR /app\n");
    expect([node(p, "s0.1").layer, node(p, "s0.2").layer]).toEqual([false, true]);
  });
  it("COPY destinations are absolute after WORKDIR", () => {
    const p = planText("FROM scratch\nWORKDIR /app\nCOPY a ./b/\nCOPY c d\n");
    expect([node(p, "s0.2").op["dest"], node(p, "s0.3").op["dest"]]).toEqual(["/app/b/", "/app/d"]);
  });
  it("marks Windows images from their name and uses cmd as the default shell", () => {
    const p = planText("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n");
    expect(p.stages[0]?.os).toBe("windows");
    expect(node(p, "s0.1").op["argv"]).toEqual(["cmd", "/S", "/C", "dir"]);
  });
});

describe("container argv", () => {
  const image = (file: string) => planText(file).image!;
  const cases: [string, string, string[], string[] | null][] = [
    [
      "exec ENTRYPOINT with exec CMD",
      'FROM scratch\nENTRYPOINT ["/ec"]\nCMD ["--help"]\n',
      [],
      ["/ec", "--help"],
    ],
    [
      "ARGS replace CMD",
      'FROM scratch\nENTRYPOINT ["/ec"]\nCMD ["--help"]\n',
      ["echo", "test"],
      ["/ec", "echo", "test"],
    ],
    [
      "shell ENTRYPOINT ignores CMD words after sh -c",
      'FROM scratch\nENTRYPOINT /ec\nCMD ["x"]\n',
      ["echo", "test"],
      ["/bin/sh", "-c", "/ec", "echo", "test"],
    ],
    ["CMD only", "FROM scratch\nCMD echo hi\n", [], ["/bin/sh", "-c", "echo hi"]],
    ["ARGS without ENTRYPOINT", "FROM scratch\nCMD echo hi\n", ["ls"], ["ls"]],
  ];
  it.each(cases)("%s", (_name, file, args, argv) => {
    expect(containerArgv(image(file), args).argv).toEqual(argv);
  });
  it("says when the base image's entrypoint is unknown", () => {
    const run = containerArgv(image("FROM nginx:1.27\n"), ["echo", "test"]);
    expect(run.complete).toBe(false);
    // The unknown part is a structured field, never a placeholder word inside the argv.
    expect(run.entrypoint).toBe("unknown-from-base");
    expect(run.argv).toEqual(["echo", "test"]);
    expect(run.error).toBeNull();
  });
  it("reports an image with nothing to run", () => {
    expect(containerArgv(image("FROM scratch\n")).error).toMatch(/no command specified/);
  });
});

describe("cache keys", () => {
  it("do not change with spacing, comments, flag order or continuation lines", () => {
    const a = planText("FROM alpine\nCOPY --chown=1:1 --link a /a\nRUN echo hi && \\\n  echo there\n");
    const b = planText(
      "# a comment\nFROM   alpine\n\n# another\nCOPY  --link  --chown=1:1 a   /a\nRUN echo hi &&   echo there\n",
    );
    expect(b.nodes.map((n) => n.cacheKey)).toEqual(a.nodes.map((n) => n.cacheKey));
  });
  it("change with the command text, env, user, workdir and mounts", () => {
    const base = "FROM alpine\nRUN make\n";
    const key = (f: string) => planText(f).nodes.find((n) => n.kind === "exec")!.cacheKey;
    const variants = [
      "FROM alpine\nRUN make all\n",
      "FROM alpine\nENV X=1\nRUN make\n",
      "FROM alpine\nUSER nobody\nRUN make\n",
      "FROM alpine\nWORKDIR /\nRUN make\n".replace("WORKDIR /", "WORKDIR /src"),
      "FROM alpine\nRUN --mount=type=cache,target=/root/.cache make\n",
      "FROM alpine\nRUN --network=none make\n",
    ];
    const keys = new Set([key(base), ...variants.map(key)]);
    expect(keys.size).toBe(variants.length + 1);
  });
  it("do not change with a LABEL or CMD before a RUN", () => {
    const a = planText("FROM alpine\nRUN make\n");
    const b = planText("FROM alpine\nLABEL a=b\nCMD x\nRUN make\n");
    expect(node(b, "s0.3").cacheKey).toBe(node(a, "s0.1").cacheKey);
  });
  it("ignore custom cache-mount ids", () => {
    const a = planText("FROM alpine\nRUN --mount=type=cache,target=/c,id=one make\n");
    const b = planText("FROM alpine\nRUN --mount=type=cache,target=/c,id=two,sharing=locked make\n");
    expect(node(a, "s0.1").cacheKey).toBe(node(b, "s0.1").cacheKey);
  });
  it("include heredoc content", () => {
    const a = planText("FROM alpine\nCOPY <<EOF /f\none\nEOF\n");
    const b = planText("FROM alpine\nCOPY <<EOF /f\ntwo\nEOF\n");
    expect(node(a, "s0.1").cacheKey).not.toBe(node(b, "s0.1").cacheKey);
  });
});

describe("unknown base config is not guessed", () => {
  it("a relative mount target under an image's WORKDIR is not an error", () => {
    expect(planText("FROM squid/docs\nRUN --mount=type=bind,target=. make\n").diagnostics).toEqual([]);
    expect(
      planText("FROM scratch\nRUN --mount=type=bind,target=. make\n").diagnostics.map((d) => d.code),
    ).toEqual(["invalid-mount-target"]);
  });
  it("EXPOSE of a variable the base image may define is kept out of the ports, not reported", () => {
    const p = planText("FROM jupyter/base\nEXPOSE $JUPYTER_PORT 80\n");
    expect(p.diagnostics).toEqual([]);
    expect(Object.keys(p.image?.config.ExposedPorts ?? {})).toEqual(["80/tcp"]);
  });
});

describe("SOURCE_DATE_EPOCH", () => {
  const text = "FROM scratch\nWORKDIR /app\nCOPY a /a\nENV X=1\n";
  it("stamps the image and each history entry the file adds (a build arg needs no ARG)", () => {
    const p = planText(text, { buildArgs: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(p.image?.created).toBe("2023-11-14T22:13:20Z");
    expect(p.image?.history.map((h) => h.created)).toEqual([
      "2023-11-14T22:13:20Z",
      "2023-11-14T22:13:20Z",
      "2023-11-14T22:13:20Z",
    ]);
    expect(p.unusedBuildArgs).toEqual([]);
  });
  it("reads a global ARG's default, and a build arg wins over it", () => {
    const global = `ARG SOURCE_DATE_EPOCH=0\n${text}`;
    expect(planText(global).image?.created).toBe("1970-01-01T00:00:00Z");
    expect(planText(global, { buildArgs: { SOURCE_DATE_EPOCH: "86400" } }).image?.created).toBe(
      "1970-01-02T00:00:00Z",
    );
  });
  it("leaves the time unset without it, or when it names a context or stage the planner cannot read", () => {
    for (const options of [
      {},
      { buildArgs: { SOURCE_DATE_EPOCH: "context" } },
      { buildArgs: { SOURCE_DATE_EPOCH: "" } },
    ]) {
      const p = planText(text, options);
      expect(p.image?.created).toBeNull();
      expect(p.image?.history.every((h) => h.created === undefined)).toBe(true);
    }
  });
});
