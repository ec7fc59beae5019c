import { describe, expect, it } from "vitest";
import {
  containerArgv,
  normalizeReference,
  parseReference,
  readImageConfig,
  type BaseImage,
  type PlanOptions,
} from "../src/index.js";
import { codes, node, planText } from "./helpers.js";

/** An OCI image config as `crane config` prints it. */
function ociConfig(config: Record<string, unknown>, history: unknown[] = []): Record<string, unknown> {
  return { architecture: "amd64", os: "linux", config, rootfs: { type: "layers", diff_ids: [] }, history };
}

function base(config: Record<string, unknown>, history: unknown[] = []): BaseImage {
  const r = readImageConfig(ociConfig(config, history));
  if ("error" in r) throw new Error(r.error);
  return r;
}

function withBase(ref: string, image: BaseImage, extra: PlanOptions = {}): PlanOptions {
  return { imageConfigs: { [ref]: image }, ...extra };
}

describe("readImageConfig", () => {
  const config = { Env: ["PATH=/bin", "A=1"], Cmd: ["sh"], WorkingDir: "/w", User: "" };
  it("reads an OCI config, docker inspect and buildah inspect to the same config", () => {
    const oci = readImageConfig(ociConfig(config, [{ created_by: "x", empty_layer: true }]));
    const docker = readImageConfig([
      { Id: "sha256:1", RepoDigests: [`a@sha256:${"0".repeat(64)}`], Os: "linux", Config: config },
    ]);
    const buildah = readImageConfig({
      Type: "buildah 0.0.1",
      FromImageDigest: `sha256:${"1".repeat(64)}`,
      OCIv1: ociConfig({ Env: ["PATH=/bin"] }),
      Docker: { ...ociConfig({ ...config, Shell: ["/bin/ash", "-c"] }), history: [] },
    });
    for (const r of [oci, docker, buildah]) {
      if ("error" in r) throw new Error(r.error);
      expect(r.config.Env).toEqual(["PATH=/bin", "A=1"]);
      expect(r.config.Cmd).toEqual(["sh"]);
      expect(r.config.WorkingDir).toBe("/w");
      // Docker prints an unset User as "", which is no user at all.
      expect(r.config.User).toBeNull();
    }
    if ("error" in oci || "error" in docker || "error" in buildah) return;
    expect(oci.history).toEqual([{ created_by: "x", comment: "", empty_layer: true }]);
    expect(docker.history).toBeNull();
    expect(docker.digest).toBe(`sha256:${"0".repeat(64)}`);
    expect(buildah.config.Shell).toEqual(["/bin/ash", "-c"]);
    expect(buildah.digest).toBe(`sha256:${"1".repeat(64)}`);
  });
  it.each([
    ["a number", 3, /JSON object/],
    ["two images", [{ Config: {} }, { Config: {} }], /one image, got a list of 2/],
    [
      "skopeo inspect without --config",
      { Name: "x", Digest: "sha256:1", Layers: [] },
      /skopeo inspect --config/,
    ],
    ["an unrelated object", { hello: 1 }, /not an image config/],
    ["a bad Env", ociConfig({ Env: [1] }), /`Env` must be a list of strings/],
    ["a bad Labels", ociConfig({ Labels: { a: 1 } }), /`Labels` must map strings/],
  ])("rejects %s with a message", (_name, json, message) => {
    const r = readImageConfig(json);
    expect("error" in r && r.error).toMatch(message);
  });
});

describe("references", () => {
  it.each([
    ["alpine", "docker.io/library/alpine:latest"],
    ["alpine:3.20", "docker.io/library/alpine:3.20"],
    ["docker.io/library/alpine:3.20", "docker.io/library/alpine:3.20"],
    ["index.docker.io/user/app", "docker.io/user/app:latest"],
    ["user/app:1", "docker.io/user/app:1"],
    ["localhost/busybox:1", "localhost/busybox:1"],
    ["127.0.0.1:5000/a/b:c", "127.0.0.1:5000/a/b:c"],
    [`ghcr.io/o/r@sha256:${"a".repeat(64)}`, `ghcr.io/o/r@sha256:${"a".repeat(64)}`],
  ])("%s is %s", (text, canonical) => {
    expect(normalizeReference(text)).toBe(canonical);
  });
  // Docker's grammar (distribution/reference, splitDockerDomain): a first component with capitals is a registry
  // host, so `UPPER/case` names the repository `case` on host `upper`; a capital in the repository is refused.
  it("reads a capitalised first component as a registry host", () => {
    expect(normalizeReference("UPPER/case")).toBe("upper/case:latest");
  });
  it.each(["Upper", "docker.io/User/app", "a:b:c", "a@sha256:short", ""])("%s is not a reference", (text) => {
    expect(parseReference(text)).toBeNull();
  });
});

describe("plans with a base image config", () => {
  it("runs the exact argv: the image's CMD replaced by the stage's, no unknowns", () => {
    const p = planText(
      'FROM alpine:3.20\nCMD ["echo", "hello"]\n',
      withBase("alpine:3.20", base({ Cmd: ["/bin/sh"] })),
    );
    expect(p.image?.unknown).toEqual([]);
    const run = containerArgv(p.image!, ["echo", "test"]);
    expect(run).toMatchObject({ argv: ["echo", "test"], complete: true, entrypoint: null });
  });
  it("matches the reference under any spelling of the same image", () => {
    const p = planText(
      "FROM docker.io/library/alpine:latest\n",
      withBase("alpine", base({ Cmd: ["/bin/sh"] })),
    );
    expect(p.image?.config.Cmd).toEqual(["/bin/sh"]);
    expect(p.stages[0]).toMatchObject({ baseConfig: "known" });
  });
  it("inherits Entrypoint and Cmd; an ENTRYPOINT resets the inherited CMD", () => {
    const img = base({ Entrypoint: ["/init"], Cmd: ["serve"] });
    const kept = planText("FROM app\n", withBase("app", img));
    expect(containerArgv(kept.image!).argv).toEqual(["/init", "serve"]);
    const reset = planText('FROM app\nENTRYPOINT ["/other"]\n', withBase("app", img));
    expect(reset.image?.config.Cmd).toBeNull();
    expect(containerArgv(reset.image!).argv).toEqual(["/other"]);
  });
  it("wraps shell forms in the inherited SHELL", () => {
    const img = base({ Shell: ["/bin/bash", "-o", "pipefail", "-c"] });
    const p = planText("FROM app\nRUN a | b\nCMD run me\nENTRYPOINT exec x\n", withBase("app", img));
    expect(node(p, "s0.1").op["argv"]).toEqual(["/bin/bash", "-o", "pipefail", "-c", "a | b"]);
    expect(p.image?.config.Entrypoint).toEqual(["/bin/bash", "-o", "pipefail", "-c", "exec x"]);
    expect(p.image?.assumedShell).toEqual([]);
  });
  it("says when a shell form assumed the default shell of a base it cannot see", () => {
    const p = planText("FROM app\nCMD run me\n");
    expect(p.image?.assumedShell).toEqual(["Cmd"]);
    const run = containerArgv(p.image!);
    expect(run).toMatchObject({
      argv: ["/bin/sh", "-c", "run me"],
      complete: false,
      shell: "unknown-from-base",
    });
  });
  it("expands WORKDIR, USER, STOPSIGNAL, LABEL and EXPOSE against the base ENV", () => {
    const img = base({ Env: ["PATH=/bin", "HOME=/home/app", "WHO=app", "SIG=SIGQUIT", "PORT=8080"] });
    const p = planText(
      "FROM app\nWORKDIR $HOME/src\nUSER $WHO\nSTOPSIGNAL $SIG\nLABEL owner=$WHO\nEXPOSE $PORT\n",
      withBase("app", img),
    );
    expect(p.diagnostics).toEqual([]);
    const c = p.image!.config;
    expect([c.WorkingDir, c.User, c.StopSignal, c.Labels, c.ExposedPorts]).toEqual([
      "/home/app/src",
      "app",
      "SIGQUIT",
      { owner: "app" },
      { "8080/tcp": {} },
    ]);
    expect(c.Env).toEqual(["PATH=/bin", "HOME=/home/app", "WHO=app", "SIG=SIGQUIT", "PORT=8080"]);
  });
  it("starts from the base's WorkingDir and User", () => {
    const p = planText(
      "FROM app\nWORKDIR sub\nRUN pwd\n",
      withBase("app", base({ WorkingDir: "/srv", User: "web" })),
    );
    expect(p.image?.config.WorkingDir).toBe("/srv/sub");
    expect(p.image?.config.User).toBe("web");
    expect(node(p, "s0.2").op["cwd"]).toBe("/srv/sub");
  });
  it("adds PATH when the base image's ENV lacks it, as BuildKit does", () => {
    const p = planText("FROM app\n", withBase("app", base({ Env: ["A=1"] })));
    expect(p.image?.config.Env).toEqual([
      "A=1",
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]);
  });
  it("prepends the base image's history", () => {
    const img = base({}, [
      { created_by: "ADD rootfs", empty_layer: false },
      { created_by: 'CMD ["sh"]', empty_layer: true },
    ]);
    const p = planText("FROM app\nRUN x\n", withBase("app", img));
    expect(p.image?.history.map((h) => [h.created_by, h.empty_layer, h.node])).toEqual([
      ["ADD rootfs", false, null],
      ['CMD ["sh"]', true, null],
      ["RUN /bin/sh -c x # buildkit", false, "s0.1"],
    ]);
    expect(p.image?.unknown).toEqual([]);
  });
  it("runs the image's ONBUILD triggers first in the child, with their history, and does not pass them on", () => {
    const img = base({ OnBuild: ["COPY . /app", "RUN make"], Env: ["PATH=/bin"] });
    const p = planText("FROM builder\nRUN test\n", withBase("builder", img));
    expect(p.nodes.filter((n) => n.onbuild).map((n) => n.instruction)).toEqual(["COPY", "RUN"]);
    expect(p.image?.history.map((h) => h.created_by)).toEqual([
      "COPY . /app # buildkit",
      "RUN /bin/sh -c make # buildkit",
      "RUN /bin/sh -c test # buildkit",
    ]);
    expect(p.image?.config.OnBuild).toBeNull();
    expect(p.contextSources.map((c) => c.path)).toEqual(["."]);
  });
  it("makes the child depend on a stage an image trigger copies from (not pruned, dispatched first)", () => {
    const img = base({ OnBuild: ["COPY --from=assets /out /assets"], Env: ["PATH=/bin"] });
    const text = "FROM alpine AS assets\nRUN make > /out\nFROM alpine AS unused\nFROM builder\nRUN test\n";
    const p = planText(text, withBase("builder", img));
    expect(p.stages[2]?.dependencies).toEqual([{ stage: 0, kind: "onbuild", line: 4 }]);
    expect(p.stages.map((s) => s.pruned)).toEqual([false, true, false]);
    const copy = p.nodes.find((n) => n.onbuild && n.instruction === "COPY");
    expect(copy?.inputs).toEqual(["s2.0", "s0.1"]);
    expect(codes(p)).toEqual([]);
    // Without the config the trigger is unknown, and so is the dependency.
    expect(planText(text).stages[0]?.pruned).toBe(true);
  });
  it("takes the OS from the config: a Windows image gets cmd /S /C and Windows paths, whatever its name", () => {
    const windows = readImageConfig({ ...ociConfig({ Env: ["PATH=C:\\Windows"] }), os: "windows" });
    if ("error" in windows) throw new Error(windows.error);
    const p = planText("FROM myorg/app\nWORKDIR /src\nRUN dir\n", withBase("myorg/app", windows));
    expect(p.stages[0]?.os).toBe("windows");
    expect(node(p, "s0.2").op["argv"]).toEqual(["cmd", "/S", "/C", "dir"]);
    expect(p.image?.config.WorkingDir).toBe("C:\\src");
    // A config saying linux wins over a name that looks like Windows.
    const linux = base({ Env: ["PATH=/bin"] });
    const q = planText(
      "FROM example/servercore-tools\nRUN ls\n",
      withBase("example/servercore-tools", linux),
    );
    expect(q.stages[0]?.os).toBe("linux");
    expect(node(q, "s0.1").op["argv"]).toEqual(["/bin/sh", "-c", "ls"]);
  });
  it("reports a trigger BuildKit refuses at the FROM", () => {
    const p = planText("ARG X\nFROM builder\n", withBase("builder", base({ OnBuild: ["FROM x"] })));
    expect(codes(p)).toEqual(["bad-onbuild@2"]);
  });
});

describe("plans without a base image config", () => {
  it("keeps STOPSIGNAL $X from a base ENV it cannot see free of a false error", () => {
    expect(codes(planText("FROM app\nSTOPSIGNAL $SIG\n"))).toEqual([]);
    expect(codes(planText("FROM scratch\nSTOPSIGNAL $SIG\n"))).toEqual(["bad-stop-signal@2"]);
  });
  it("keeps USER, STOPSIGNAL and WORKDIR unknown when they name a variable only the base could set", () => {
    const p = planText("FROM app\nUSER $WHO\nSTOPSIGNAL $SIG\nWORKDIR /$HOME\n");
    expect(p.image?.unknown).toEqual(expect.arrayContaining(["User", "StopSignal", "WorkingDir"]));
    const set = planText("FROM app\nENV WHO=me\nUSER $WHO\nSTOPSIGNAL SIGINT\nWORKDIR /w\n");
    expect(set.image?.unknown).not.toEqual(expect.arrayContaining(["User"]));
    expect(set.image?.unknown.filter((k) => ["User", "StopSignal", "WorkingDir"].includes(k))).toEqual([]);
  });
  it("leaves the CMD out of the argv and says so", () => {
    const run = containerArgv(planText("FROM app\n").image!);
    expect(run).toMatchObject({
      argv: [],
      complete: false,
      entrypoint: "unknown-from-base",
      cmd: "unknown-from-base",
    });
    expect(run.error).toBeNull();
  });
  it("expands a wide EXPOSE range port by port, as BuildKit does", () => {
    const p = planText("FROM scratch\nEXPOSE 1000-3047/udp\n");
    const ports = Object.keys(p.image?.config.ExposedPorts ?? {});
    expect(ports).toHaveLength(2048);
    expect(ports[0]).toBe("1000/udp");
    expect(ports.at(-1)).toBe("3047/udp");
  });
});

describe("named build contexts", () => {
  it("FROM a docker-image:// context plans the image it names, with its config", () => {
    const p = planText("FROM base\nRUN true\n", {
      buildContexts: { base: "docker-image://alpine:3.20" },
      imageConfigs: { "alpine:3.20": base({ Cmd: ["/bin/sh"] }) },
    });
    expect(p.stages[0]).toMatchObject({ base: "alpine:3.20", baseKind: "image", baseConfig: "known" });
    expect(p.image?.config.Cmd).toEqual(["/bin/sh"]);
  });
  it("FROM a folder context starts from its files with an empty config", () => {
    const p = planText('FROM rootfs\nCMD ["/app"]\n', { buildContexts: { rootfs: "./out" } });
    expect(p.stages[0]).toMatchObject({ baseKind: "context", base: "rootfs" });
    expect(node(p, "s0.0").op).toMatchObject({ op: "source", context: "rootfs", value: "./out" });
    expect(p.image?.unknown).toEqual([]);
    expect(containerArgv(p.image!).argv).toEqual(["/app"]);
  });
  it("FROM an oci-layout context has a config the planner does not read", () => {
    const p = planText("FROM layout\n", { buildContexts: { layout: "oci-layout:///tmp/l@sha256:0" } });
    expect(p.image?.unknown).toContain("Cmd");
  });
  it("COPY --from and RUN --mount from= read a named context before an image of that name", () => {
    const p = planText(
      "FROM scratch\nCOPY --from=assets /a /a\nRUN --mount=from=alpine,target=/m true\nCOPY --from=other /b /b\n",
      { buildContexts: { assets: "../assets", alpine: "docker-image://alpine:3.21" } },
    );
    expect(node(p, "s0.1").op["from"]).toBe("context:assets");
    expect(node(p, "s0.1.src").op).toMatchObject({ context: "assets", value: "../assets" });
    expect(node(p, "s0.2").op["mounts"]).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: "image:alpine:3.21" })]),
    );
    expect(node(p, "s0.3").op["from"]).toBe("image:other");
  });
  it("names every object has are not contexts unless given (`FROM toString`, `COPY --from=constructor`)", () => {
    const p = planText("FROM alpine:3.20 AS tostring\nFROM toString\nCOPY --from=constructor /a /a\n", {
      buildContexts: { assets: "../assets" },
    });
    expect(p.diagnostics.map((d) => d.code)).not.toContain("internal-error");
    expect(node(p, "s1.1").op["from"]).toBe("image:constructor");
  });
  it("a stage of the same name wins over a context", () => {
    const p = planText("FROM scratch AS assets\nFROM scratch\nCOPY --from=assets /a /a\n", {
      buildContexts: { assets: "../assets" },
    });
    expect(node(p, "s1.1").op["from"]).toBe("stage:0");
  });
});
