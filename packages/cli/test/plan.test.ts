import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";

const app = `FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN go build -o /app .
FROM build AS test
RUN go test ./...
FROM scratch
COPY --from=build /app /app
ENTRYPOINT ["/app"]
CMD ["serve"]
`;

async function hull(args: string[], files: Record<string, string> = { "/w/Dockerfile": app }, stdin = "") {
  const io = fakeIo(files, { stdin, env: { FROM_ENV: "e" } });
  const code = await main(["plan", ...args], io);
  return { code, out: io.out, err: io.err };
}

describe("hull plan", () => {
  it("prints a text plan and exits 0", async () => {
    const r = await hull(["Dockerfile"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("stage 1 test: FROM build");
    expect(r.out).toContain("pruned: test is not needed by target stage-2");
    expect(r.out).toMatchSnapshot();
  });
  it("--format json carries the promised fields", async () => {
    const r = await hull([
      "Dockerfile",
      "--format",
      "json",
      "--target",
      "test",
      "--changed",
      "main.go",
      "--run",
      "--",
      "version",
    ]);
    const json = JSON.parse(r.out);
    expect(r.code).toBe(0);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(["stages", "nodes", "order", "image", "run", "invalidated", "diagnostics"]),
    );
    expect(json.stages[1]).toMatchObject({
      index: 1,
      name: "test",
      base: "build",
      dependsOn: [0],
      pruned: false,
      prunedReason: null,
    });
    expect(json.stages[2].pruned).toBe(true);
    expect(json.invalidated).toEqual(["s0.2", "s0.3", "s1.1"]);
    expect(json.nodes[0]).toEqual(
      expect.objectContaining({
        id: "s0.0",
        stage: 0,
        line: 1,
        instruction: "FROM",
        layer: false,
        inputs: [],
      }),
    );
  });
  it("--run prints the container argv, ARGS replacing CMD", async () => {
    expect((await hull(["Dockerfile", "--run"])).out).toBe('["/app","serve"]\n');
    expect((await hull(["Dockerfile", "--run", "--", "echo", "test"])).out).toBe('["/app","echo","test"]\n');
  });
  it.each(["dot", "mermaid"])("--format %s draws clusters", async (format) => {
    const r = await hull(["Dockerfile", "--format", format]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(format === "dot" ? /subgraph cluster_0/ : /subgraph stage0/);
  });
  it("reads build args, including a bare name from the environment", async () => {
    const r = await hull(
      ["-", "--format", "json", "--build-arg", "A=1", "--build-arg", "FROM_ENV"],
      {},
      "FROM alpine\nARG A\nARG FROM_ENV\nRUN echo\n",
    );
    const run = JSON.parse(r.out).nodes.find((n: { kind: string }) => n.kind === "exec");
    expect(run.op.env).toEqual(expect.arrayContaining(["A=1", "FROM_ENV=e"]));
  });
  it("applies the context's .dockerignore to --changed", async () => {
    const files = { "/w/Dockerfile": app, "/w/.dockerignore": "*.md\n" };
    const r = await hull(["Dockerfile", "--format", "json", "--changed", "README.md"], files);
    expect(JSON.parse(r.out).invalidated).toEqual([]);
  });
  it("reports what several files share", async () => {
    const files = {
      "/w/a.Dockerfile": app,
      "/w/b.Dockerfile": app.replace('CMD ["serve"]', 'CMD ["worker"]'),
    };
    const r = await hull(["a.Dockerfile", "b.Dockerfile"], files);
    expect(r.out).toContain("shared across 2 files:");
    expect(r.out).toMatch(/stage a\.Dockerfile#build = b\.Dockerfile#build/);
    const j = JSON.parse((await hull(["a.Dockerfile", "b.Dockerfile", "--format", "json"], files)).out);
    expect(j.plans).toHaveLength(2);
    expect(j.shared.nodes.length).toBeGreaterThan(0);
  });
  it.each([
    ["plan errors exit 1", ["Dockerfile", "--target", "nope"], 1, /unknown-target/],
    ["a missing file exits 2", ["missing"], 2, /cannot read missing/],
    ["a bad format exits 2", ["Dockerfile", "--format", "svg"], 2, /svg/],
    ["a bad build arg exits 2", ["Dockerfile", "--build-arg", "=x"], 2, /KEY=VALUE/],
    ["ARGS without --run exit 2", ["Dockerfile", "--", "x"], 2, /need --run/],
  ])("%s", async (_name, args, code, message) => {
    const r = await hull(args);
    expect(r.code).toBe(code);
    expect(r.out + r.err).toMatch(message);
  });
});

describe("hull plan --image-config", () => {
  const alpine = JSON.stringify({
    architecture: "amd64",
    os: "linux",
    config: { Env: ["PATH=/usr/bin:/bin"], Cmd: ["/bin/sh"] },
    history: [{ created_by: "ADD file:x in /", empty_layer: false }],
  });
  const files = {
    "/w/Dockerfile": 'FROM alpine:3.20\nCMD ["echo", "hi"]\n',
    "/w/alpine.json": alpine,
    "/w/bad.json": "{not json",
  };
  it("prints the exact argv when the base config is given", async () => {
    const r = await hull(
      ["Dockerfile", "--image-config", "alpine:3.20=alpine.json", "--run", "--", "echo", "test"],
      files,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(["echo", "test"]);
    expect(r.err).toBe("note: the arguments replace CMD\n".replace(/^/, "Dockerfile: "));
  });
  it("keeps unknown parts out of the argv without it", async () => {
    const r = await hull(["Dockerfile", "--format", "json", "--run"], files);
    const json = JSON.parse(r.out);
    expect(json.run).toMatchObject({
      argv: ["echo", "hi"],
      entrypoint: "unknown-from-base",
      complete: false,
    });
    expect(json.stages[0]).toMatchObject({ baseConfig: "unknown", baseDigest: null });
  });
  it("--build-context points a FROM at another image, whose config --image-config gives", async () => {
    const r = await hull(
      [
        "Dockerfile",
        "--build-context",
        "alpine:3.20=docker-image://alpine:3.21",
        "--image-config",
        "alpine:3.21=alpine.json",
        "--run",
      ],
      files,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(["echo", "hi"]);
    const bad = await hull(["Dockerfile", "--build-context", "noequals"], files);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--build-context expects NAME=VALUE/);
  });
  it.each([
    ["alpine.json", /expects REF=FILE/],
    ["alpine=missing.json", /--image-config alpine: cannot read missing.json/],
    ["alpine=bad.json", /--image-config alpine: cannot read bad.json: .*JSON/],
  ])("rejects --image-config %s with exit 2", async (value, message) => {
    const r = await hull(["Dockerfile", "--image-config", value], files);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
