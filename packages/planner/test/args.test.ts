import { describe, expect, it } from "vitest";
import { execEnv, node, planText } from "./helpers.js";

describe("ARG scoping", () => {
  const cases: {
    name: string;
    file: string;
    options?: Parameters<typeof planText>[1];
    run: string;
    env: Record<string, string | undefined>;
  }[] = [
    {
      name: "a global ARG is visible in FROM but not in the stage",
      file: "ARG V=1\nFROM alpine:$V\nRUN echo\n",
      run: "s0.1",
      env: { V: undefined },
    },
    {
      name: "redeclaring a global ARG without a default imports its value",
      file: "ARG V=1\nFROM alpine\nARG V\nRUN echo\n",
      run: "s0.2",
      env: { V: "1" },
    },
    {
      name: "a build arg overrides the global default, and the import sees it",
      file: "ARG V=1\nFROM alpine\nARG V\nRUN echo\n",
      options: { buildArgs: { V: "2" } },
      run: "s0.2",
      env: { V: "2" },
    },
    {
      name: "a build arg overrides a stage default",
      file: "FROM alpine\nARG V=1\nRUN echo\n",
      options: { buildArgs: { V: "9" } },
      run: "s0.2",
      env: { V: "9" },
    },
    {
      name: "a stage default expands against the stage env",
      file: "FROM alpine\nENV A=x\nARG V=${A}y\nRUN echo\n",
      run: "s0.3",
      env: { V: "xy", A: "x" },
    },
    {
      name: "an ARG without default or value is declared but not in the env",
      file: "FROM alpine\nARG V\nRUN echo\n",
      run: "s0.2",
      env: { V: undefined },
    },
    {
      name: "a build arg that is never declared is ignored",
      file: "FROM alpine\nRUN echo\n",
      options: { buildArgs: { NOPE: "1" } },
      run: "s0.1",
      env: { NOPE: undefined },
    },
    {
      name: "predefined platform args need a declaration in the stage",
      file: "FROM alpine\nARG TARGETARCH\nRUN echo\n",
      options: { platform: "linux/arm64" },
      run: "s0.2",
      env: { TARGETARCH: "arm64" },
    },
    {
      // BuildKit's TARGETOSVERSION is the OS version of the target platform (dockerfile2llb/platform.go).
      name: "TARGETOSVERSION is the OS version the target platform names",
      file: "FROM mcr.microsoft.com/windows/nanoserver:ltsc2019\nARG TARGETOSVERSION\nARG TARGETPLATFORM\nRUN echo\n",
      options: { platform: "windows(10.0.17763)/amd64" },
      run: "s0.3",
      env: { TARGETOSVERSION: "10.0.17763", TARGETPLATFORM: "windows/amd64" },
    },
    {
      name: "TARGETPLATFORM defaults to the build platform",
      file: "FROM alpine\nARG TARGETPLATFORM\nARG BUILDPLATFORM\nRUN echo\n",
      run: "s0.3",
      env: { TARGETPLATFORM: "linux/amd64", BUILDPLATFORM: "linux/amd64" },
    },
    {
      name: "TARGETSTAGE is the target's name",
      file: "FROM alpine AS one\nARG TARGETSTAGE\nRUN echo\nFROM alpine AS two\n",
      options: { target: "one" },
      run: "s0.2",
      env: { TARGETSTAGE: "one" },
    },
    {
      name: "a stage built FROM another inherits its ARGs and ENV",
      file: "FROM alpine AS base\nARG V=1\nENV E=2\nFROM base\nRUN echo\n",
      run: "s1.1",
      env: { V: "1", E: "2" },
    },
    {
      name: "ENV A=1 B=$A uses the old A",
      file: "FROM scratch\nENV A=0\nENV A=1 B=$A\nRUN echo\n",
      run: "s0.3",
      env: { A: "1", B: "0" },
    },
    {
      name: "proxy build args are not in the env unless declared",
      file: "FROM alpine\nRUN echo\n",
      options: { buildArgs: { HTTP_PROXY: "http://p" } },
      run: "s0.1",
      env: { HTTP_PROXY: undefined },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = planText(c.file, c.options);
      const env = execEnv(p, c.run);
      for (const [k, v] of Object.entries(c.env)) expect(env[k], k).toBe(v);
    });
  }

  it("global ARG defaults may use earlier globals and build args win", () => {
    const p = planText("ARG A=x\nARG B=${A}-y\nFROM img:$B\n", { buildArgs: { A: "z" } });
    expect(p.stages[0]?.base).toBe("img:z-y");
  });

  it("stage ENV is not visible in FROM", () => {
    const p = planText("FROM alpine AS a\nENV T=1\nFROM img:${T:-none}\n");
    expect(p.stages[1]?.base).toBe("img:none");
  });

  it("an ARG value changes later RUN keys but not COPY keys", () => {
    const file = "FROM alpine\nARG V=1\nCOPY a /a\nRUN echo\n";
    const a = planText(file);
    const b = planText(file, { buildArgs: { V: "2" } });
    expect(node(a, "s0.2").cacheKey).toBe(node(b, "s0.2").cacheKey);
    expect(node(a, "s0.3").cacheKey).not.toBe(node(b, "s0.3").cacheKey);
  });

  it("lists build args nobody declared", () => {
    expect(planText("FROM alpine\nARG A\n", { buildArgs: { A: "1", B: "2" } }).unusedBuildArgs).toEqual([
      "B",
    ]);
  });
});
