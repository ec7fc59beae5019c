import { describe, expect, it } from "vitest";
import type { PlanOptions } from "../src/index.js";
import { planText } from "./helpers.js";

// Plan-time errors BuildKit raises, one case each, with where BuildKit raises it (frontend/dockerfile/…).
const cases: [string, string, PlanOptions, string[]][] = [
  [
    "COPY --from a stage defined later (dockerfile2llb/convert.go dispatchCopy)",
    "FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\n",
    { target: "a" },
    ['copy-from-later-stage@2: cannot copy from stage "b", it needs to be defined before current stage "a"'],
  ],
  [
    "RUN --mount from a stage defined later (convert_runmount.go dispatchRunMounts)",
    "FROM alpine AS a\nRUN --mount=from=b,target=/m true\nFROM alpine AS b\n",
    { target: "a" },
    [
      'copy-from-later-stage@2: cannot mount from stage "b" to "/m", stage needs to be defined before current command',
    ],
  ],
  [
    "circular stage dependencies (convert.go validateCircularDependency)",
    "FROM alpine AS a\nRUN --mount=from=b,target=/m true\nFROM a AS b\n",
    { target: "b" },
    [
      "circular-dependency@2: circular dependency detected on stage: a",
      'copy-from-later-stage@2: cannot mount from stage "b" to "/m", stage needs to be defined before current command',
    ],
  ],
  [
    "an invalid stage index (convert.go toCommand)",
    "FROM alpine\nCOPY --from=3 /x /x\n",
    {},
    ["unknown-stage-index@2: invalid stage index 3"],
  ],
  [
    "variable expansion in --from (convert.go toCommand)",
    "FROM alpine\nARG SRC=a\nCOPY --from=$SRC /x /x\n",
    {},
    [
      "variable-in-from@3: variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
    ],
  ],
  [
    "--target naming no stage, with BuildKit's suggestion (convert.go, util/suggest)",
    "FROM alpine AS build\nFROM alpine AS test\n",
    { target: "buld" },
    ['unknown-target@2: target stage "buld" could not be found (did you mean build?)'],
  ],
  [
    "--target with nothing close lists the stages",
    "FROM alpine AS build\nFROM alpine AS test\n",
    { target: "release" },
    ['unknown-target@2: target stage "release" could not be found (stages: build, test)'],
  ],
  [
    "a base that is no image reference (convert.go, reference.ParseNormalizedNamed)",
    "FROM Alpine:3.20\n",
    {},
    [
      'invalid-base-name@1: failed to parse stage name "Alpine:3.20": invalid reference format: repository name must be lowercase',
    ],
  ],
  [
    "an image ID as a base (reference.ParseNormalizedNamed refuses 64 hex digits)",
    `FROM ${"82ad".repeat(16)}\n`,
    {},
    [
      `invalid-base-name@1: failed to parse stage name "${"82ad".repeat(16)}": invalid repository name (${"82ad".repeat(16)}), cannot specify 64-byte hexadecimal strings`,
    ],
  ],
  [
    "a base that is no image reference, in a stage the target does not need",
    "FROM al..pine AS x\nFROM alpine\n",
    {},
    ['invalid-base-name@1: failed to parse stage name "al..pine": invalid reference format'],
  ],
  [
    "--chmod that is numeric but not octal up to 07777 (convert_copy.go)",
    "FROM alpine\nCOPY --chmod=10000 a /b\nCOPY --chmod=789 a /c\nCOPY --chmod=u+x a /d\n",
    {},
    [
      "bad-chmod@2: invalid chmod parameter: '10000'. it should be octal string and between 0 and 07777",
      "bad-chmod@3: invalid chmod parameter: '789'. it should be octal string and between 0 and 07777",
    ],
  ],
  [
    "a WORKDIR past PATH_MAX, which the build fails to create (mkdir: file name too long)",
    `FROM alpine\nWORKDIR /${"d".repeat(4000)}\nWORKDIR ${"e".repeat(200)}\nWORKDIR f\n`,
    {},
    [
      `workdir-too-long@3: the working directory would be 4202 bytes long, past Linux's PATH_MAX (4096): creating it fails, and the build with it; the plan keeps /${"d".repeat(4000)}`,
    ],
  ],
  [
    "a WORKDIR past PATH_MAX in bytes, though not in characters",
    `FROM alpine\nWORKDIR /${"é".repeat(2100)}\n`,
    {},
    [
      "workdir-too-long@2: the working directory would be 4201 bytes long, past Linux's PATH_MAX (4096): creating it fails, and the build with it; the plan keeps /",
    ],
  ],
  [
    "ADD --checksum of a local file (convert_copy.go)",
    "FROM alpine\nADD --checksum=sha256:0123 a.tar /x\n",
    {},
    ["bad-checksum@2: checksum requires HTTP(S) or Git sources"],
  ],
  [
    "ADD --checksum of several sources (convert_copy.go)",
    "FROM alpine\nADD --checksum=sha256:0123 https://e.x/a https://e.x/b /x/\n",
    {},
    ["bad-checksum@2: checksum can't be specified for multiple sources"],
  ],
  [
    "ADD --checksum of a local path that ends in .git, or of a URL whose path does not (dfgitutil.ParseGitRef)",
    "FROM alpine\nADD --checksum=sha256:0123 vendor.git /x\nADD --checksum=sha256:0123 https://e.x/r.git/ /y\n",
    {},
    ["bad-checksum@2: checksum requires HTTP(S) or Git sources"],
  ],
  [
    "COPY of an scp-style git address with any user (sshutil.ParseSCPStyleURL)",
    "FROM alpine\nCOPY deploy@git.e.x:team/app /r\n",
    {},
    ["copy-remote-source@2: source can't be a git ref for COPY"],
  ],
  [
    "COPY --from of a URL: the source is read before the stage is (convert_copy.go)",
    "FROM alpine AS build\nFROM alpine\nCOPY --from=build https://e.x/a /a\n",
    {},
    ["copy-remote-source@3: source can't be a URL for COPY"],
  ],
  [
    "COPY of a URL or a git ref (convert_copy.go)",
    "FROM alpine\nCOPY https://e.x/a /a\nCOPY git@github.com:o/r.git /r\n",
    {},
    [
      "copy-remote-source@2: source can't be a URL for COPY",
      "copy-remote-source@3: source can't be a git ref for COPY",
    ],
  ],
  [
    "EXPOSE with an unknown protocol (convert_expose.go splitProtoPort)",
    "FROM alpine\nEXPOSE 80/xyz\n",
    {},
    ['bad-expose@2: invalid port: "80/xyz": invalid proto: xyz'],
  ],
  [
    "EXPOSE with a bad host port or mismatched ranges (convert_expose.go parsePort)",
    "FROM alpine\nEXPOSE 1.2.3:80\nEXPOSE 8000-8001:90-99\nEXPOSE 70000\n",
    {},
    [
      "bad-expose@2: invalid hostPort: 1.2.3",
      "bad-expose@3: invalid ranges specified for container and host Ports: 90-99 and 8000-8001",
      "bad-expose@4: invalid containerPort: 70000",
    ],
  ],
  [
    "nothing in a stage the target prunes is dispatched, so its dispatch errors are warnings",
    "FROM alpine AS unused\nCOPY --chmod=9 a /b\nFROM alpine\n",
    {},
    [
      "bad-chmod@2: invalid chmod parameter: '9'. it should be octal string and between 0 and 07777 (in a pruned stage, so BuildKit would not report it)",
    ],
  ],
];

describe("plan-time errors BuildKit raises", () => {
  it.each(cases)("%s", (_name, text, options, expected) => {
    const p = planText(text, options);
    expect(p.diagnostics.map((d) => `${d.code}@${d.range.start.line}: ${d.message}`)).toEqual(expected);
  });
  it("EXPOSE keeps what BuildKit accepts: ip, host port, range and protocol case", () => {
    const p = planText("FROM alpine\nEXPOSE 127.0.0.1:8080:80/UDP 5000-5001/sctp [::1]:90:90\n");
    expect(p.diagnostics).toEqual([]);
    expect(Object.keys(p.image?.config.ExposedPorts ?? {})).toEqual([
      "80/udp",
      "5000/sctp",
      "5001/sctp",
      "90/tcp",
    ]);
    expect(p.image?.history.at(-1)?.created_by).toBe("EXPOSE [80/udp 5000/sctp 5001/sctp 90/tcp]");
  });
});

describe("RUN --mount options with variables", () => {
  // BuildKit checks a mount's options once they are expanded (commands_runmount.go), as its testMountArg builds.
  it("reads the type a variable gives", () => {
    const p = planText(
      "FROM busybox\nARG MNT_TYPE=cache\nRUN --mount=type=$MNT_TYPE,target=/c,sharing=locked touch /c/f\n",
    );
    expect(p.diagnostics).toEqual([]);
    const run = p.nodes.find((n) => n.instruction === "RUN");
    expect(run?.op["mounts"]).toMatchObject([{ type: "cache", target: "/c" }]);
  });
  it("reports what BuildKit refuses once the variable is expanded", () => {
    const p = planText("FROM busybox\nARG MNT_TYPE=volume\nRUN --mount=type=$MNT_TYPE,target=/c true\n");
    expect(p.diagnostics.map((d) => `${d.code}@${d.range.start.line}: ${d.message}`)).toEqual([
      "invalid-mount@3: Unsupported mount type 'volume'.",
    ]);
  });
  it("leaves a problem the mount has as written to the parser, which reports it once", () => {
    const text = "FROM busybox\nARG T=cache\nRUN --mount=type=$T,colour=red,target=/c true\n";
    expect(planText(text).diagnostics.map((d) => d.code)).toEqual([]);
  });
});

describe("EXPOSE order", () => {
  it("sorts the words as written before expanding them, as BuildKit's parseExpose does", () => {
    const p = planText("FROM scratch\nENV P=1\nEXPOSE 9090 $P 8080\n");
    expect(p.image?.history.at(-1)?.created_by).toBe("EXPOSE [1/tcp 8080/tcp 9090/tcp]");
  });
});
